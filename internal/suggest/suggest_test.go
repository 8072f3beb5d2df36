package suggest

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"", "", 2, 0},
		{"format", "format", 2, 0},
		{"fromat", "format", 2, 1}, // a swap is one edit
		{"skils", "skills", 2, 1},
		{"kitten", "sitting", 5, 3},
		{"kitten", "sitting", 2, 3}, // past the limit: limit+1
		{"a", "abcdef", 2, 3},       // ruled out by length
		{"café", "cafe", 2, 1},      // in characters, not bytes
		{"日本語", "日本", 2, 1},
		{"ab", "ba", 0, 1},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, Distance(tc.a, tc.b, tc.limit), "Distance(%q, %q, %d)", tc.a, tc.b, tc.limit)
		assert.Equal(t, tc.want, Distance(tc.b, tc.a, tc.limit), "Distance(%q, %q, %d)", tc.b, tc.a, tc.limit)
	}
	long := strings.Repeat("x", 200)
	assert.Equal(t, 1, Distance(long, long+"y", 2), "longer than the stack buffers")
}

func TestClosest(t *testing.T) {
	names := []string{"level", "type", "skill", "id"}
	tests := []struct {
		s    string
		want string
	}{
		{"lvl", "level"},
		{"typ", "type"},
		{"skil", "skill"},
		{"leve", "level"},
		{"xyz", ""},
		{"", ""},
		{"i", "id"},
		{"q", ""}, // every name is more edits away than it is long
		{"lev", "level"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, Closest(tc.s, names, nil), "Closest(%q)", tc.s)
	}
	assert.Equal(t, "Problem-solving", Closest("PROBLEM SOLVNG", []string{"Leadership", "Problem-solving"}, strings.ToLower))
}
