package mdbank

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lintFile is a question file with the given skills line, question and
// body after the question.
func lintFile(id, skills, question, body string) string {
	return "---\nid: " + id + "\nlevel: mid\ntype: technical\n" + skills + "\n---\n\n# " + question + "\n\n" + body
}

const lintBody = `Checks the basics.

## How to answer

- Name the mechanism.
- Name the trade-off.

## Example answer

I would measure first.
`

// TestLint checks each warning Lint gives, at its file and line, and that
// a clean file gives none.
func TestLint(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "team")
	files := map[string]string{
		"clean.md": lintFile("clean", "skills: [Caching, Kubernetes]", "How would you size a cache for 40,000 reads a second?", lintBody),
		// The heading of How to answer deleted: its bullets join the introduction.
		"headless.md": lintFile("headless", "skills: [Kubernetes]", "How do you roll out a config change to 300 pods safely?",
			"Checks rollouts.\n\n- Canary first.\n- Watch the error rate.\n\n## Example answer\n\nI would canary it.\n"),
		"scalar.md": lintFile("scalar", "skills: Go", "What does a goroutine leak look like in a heap profile?", lintBody),
		"typo.md":   lintFile("typo", "skills: [Kubernets]", "Which Kubernetes probe restarts a pod that deadlocked?", lintBody),
		// clean.md's question asked again in other words.
		"again.md": lintFile("again", "skills: [Caching]", "What cache size would you pick for 40,000 reads a second?",
			strings.Replace(lintBody, "Name the mechanism.", "Name the mechanism of the cache.", 1)),
	}
	require.NoError(t, os.MkdirAll(dir, 0o755))
	for name, text := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
	}
	bank, warns, err := LintDir(dir)
	require.NoError(t, err)
	require.Equal(t, 5, bank.Len())
	var got []string
	for _, w := range warns {
		assert.True(t, w.Warning, "%s", w)
		got = append(got, w.String())
	}
	p := func(name string) string { return filepath.Join(dir, name) }
	assert.Equal(t, []string{
		// Files are read in name order: again.md first, so clean.md is the later of the pair.
		p("clean.md") + ":8: warning: asks nearly the same as " + p("again.md") + ":8: they share 000, 40, cache, reads, second, size, mechanism, name (1.00 alike)",
		p("headless.md") + ":8: warning: no \"How to answer\" section: say what a strong answer covers, under ## How to answer",
		p("headless.md") + ":12: warning: a list in the introduction: is a section heading, such as ## How to answer, missing above it?",
		p("scalar.md") + `:5: warning: skills is one value, read as the one skill "Go": write a list, such as [Go]`,
		p("typo.md") + `:5: warning: skill "Kubernets" looks like a slip for "Kubernetes" (2 questions)`,
	}, got)
}

// TestLintBrokenBank checks that a bank that does not load gives Load's
// error and no warnings.
func TestLintBrokenBank(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "bad.md"), []byte("no front matter\n"), 0o644))
	bank, warns, err := LintDir(dir)
	assert.Nil(t, bank)
	assert.Nil(t, warns)
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, filepath.Join(dir, "bad.md"), e.Problems[0].Path)
}

// TestLintBuiltIn checks that the project's own questions, as authored
// under data/questions, have no warnings: draw -check -strict passes.
func TestLintBuiltIn(t *testing.T) {
	bank, warns, err := LintDir(filepath.Join("..", "data", "questions"))
	require.NoError(t, err)
	assert.Greater(t, bank.Len(), 200)
	for _, w := range warns {
		t.Errorf("%s", w)
	}
}
