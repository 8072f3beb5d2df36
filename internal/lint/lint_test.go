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

// TestSkillSlipsTie checks that of two spellings used alike, the one
// first used later is the slip, whichever sorts first.
func TestSkillSlipsTie(t *testing.T) {
	key := func(s string) string { return s }
	for _, tc := range []struct{ first, later string }{{"Kubernetes", "Kubernets"}, {"Kubernets", "Kubernetes"}} {
		got := SkillSlips([][]string{{tc.first}, {tc.later}}, key)
		assert.Equal(t, []Slip{{Question: 1, Skill: tc.later, For: tc.first, Uses: 1}}, got, "%s first", tc.first)
	}
}
