package questionbank

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestReadmeBuiltIn keeps README.md's tables of the built-in questions
// true: counts by level and type, and the skills with their meanings and
// how many questions test each. With -update it rewrites them.
func TestReadmeBuiltIn(t *testing.T) {
	const begin, end = "<!-- built-in:begin", "<!-- built-in:end -->"
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	s := string(readme)
	i, j := strings.Index(s, begin), strings.Index(s, end)
	require.True(t, i >= 0 && j > i, "README.md has no %s ... %s markers", begin, end)
	i += strings.Index(s[i:], "\n") + 1
	got, want := s[i:j], builtInTables(t)
	if u := flag.Lookup("update"); u != nil && u.Value.String() == "true" {
		require.NoError(t, os.WriteFile("README.md", []byte(s[:i]+want+s[j:]), 0o644))
		return
	}
	if got != want {
		t.Errorf("README.md's tables of the built-in questions are stale; rewrite them with: go test -run TestReadmeBuiltIn -update\n\n%s", want)
	}
}

// builtInTables returns the README's tables for the built-in bank.
func builtInTables(t *testing.T) string {
	var b strings.Builder
	all, own := Default().All(), originals()
	types := Types()
	b.WriteString("\n| Level |")
	for _, ty := range types {
		fmt.Fprintf(&b, " %s |", ty.Title())
	}
	b.WriteString(" All | Of which the source page's |\n|---|")
	b.WriteString(strings.Repeat("--:|", len(types)+2) + "\n")
	count := func(qs []Question, l Level, ty Type) int {
		n := 0
		for _, q := range qs {
			if (l == 0 || q.Level == l) && (ty == 0 || q.Type == ty) {
				n++
			}
		}
		return n
	}
	for _, l := range append(Levels(), 0) {
		name := "All"
		if l != 0 {
			name = l.Title()
		}
		fmt.Fprintf(&b, "| %s |", name)
		for _, ty := range types {
			fmt.Fprintf(&b, " %d |", count(all, l, ty))
		}
		fmt.Fprintf(&b, " %d | %d |\n", count(all, l, 0), count(all, l, 0)-count(own, l, 0))
	}
	names, meaning := skillVocabulary(t)
	uses := map[string]int{}
	for _, q := range own {
		for _, s := range q.Skills {
			uses[s]++
		}
	}
	fmt.Fprintf(&b, "\nThe %d skills of the project's own questions (`data/skills.md`); a query\nsuch as `skill:rate-limiting` finds a skill whatever its case, spaces or\nhyphens:\n\n| Skill | Questions | What it covers |\n|---|--:|---|\n", len(names))
	for _, s := range names {
		fmt.Fprintf(&b, "| %s | %d | %s |\n", s, uses[s], meaning[s])
	}
	b.WriteString("\n")
	return b.String()
}
