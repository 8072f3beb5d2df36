package suggest

import (
	"fmt"
	"math/rand/v2"
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

// osa is the full dynamic program, every cell: what Distance's band and
// its length checks must agree with.
func osa(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

func TestDistanceAgreesWithTheFullTable(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("abcé日")
	word := func() string {
		w := make([]rune, r.IntN(9))
		for i := range w {
			w[i] = alphabet[r.IntN(len(alphabet))]
		}
		return string(w)
	}
	for range 20000 {
		a, b, limit := word(), word(), r.IntN(4)
		want := min(osa(a, b), limit+1)
		if got := Distance(a, b, limit); got != want {
			t.Fatalf("Distance(%q, %q, %d) = %d, want %d", a, b, limit, got, want)
		}
	}
}

// BenchmarkClosestLong is the worst case of version 2: one unknown skill
// of 4,090 bytes against 5,000 skills. Lengths rule every one out.
func BenchmarkClosestLong(b *testing.B) {
	skills := make([]string, 5000)
	for i := range skills {
		skills[i] = fmt.Sprintf("z%04d", i)
	}
	long := strings.Repeat("é", 2045)
	for range b.N {
		Closest(long, skills, nil)
	}
}
