package lint

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestOneEdit(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"kubernetes", "kubernets", true},   // dropped
		{"kubernetes", "kubernetess", true}, // added
		{"kubernetes", "kubernates", true},  // changed
		{"kubernetes", "kubenretes", true},  // swapped
		{"kubernetes", "kubernetes", false}, // the same
		{"kubernetes", "kubrenetse", false}, // two edits
		{"caching", "coaching", true},
		{"café-x", "cafe-x", true},
	} {
		assert.Equal(t, tc.want, oneEdit(tc.a, tc.b), "oneEdit(%q, %q)", tc.a, tc.b)
		assert.Equal(t, tc.want, oneEdit(tc.b, tc.a), "oneEdit(%q, %q)", tc.b, tc.a)
	}
}
