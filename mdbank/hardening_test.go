package mdbank

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const header = "---\nid: p\nlevel: senior\ntype: technical\nskills: [Caching]\n---\n\n"

// Every pathological input, at every size, is refused or loaded, and a
// refusal says where and why. BenchmarkPathological times them.
func TestPathologicalRefusedOrLoaded(t *testing.T) {
	for _, p := range pathologicalInputs {
		for _, size := range []int{16 << 10, 64 << 10, 256 << 10, 1 << 20} {
			data := questionWith(p.make(size))
			_, err := Load(fstest.MapFS{"p.md": {Data: data}})
			if err == nil {
				continue
			}
			var e *Error
			require.ErrorAs(t, err, &e, "%s at %d", p.name, size)
			for _, pr := range e.Problems {
				assert.Equal(t, "p.md", pr.Path)
				assert.NotEmpty(t, pr.Msg)
			}
		}
	}
}

func TestLimits(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"markup", "# Why?\n\n" + strings.Repeat("*a* ", 1000) + "\n\n" + strings.Repeat("[a](b) ", 1100) + "\n",
			"p.md:12: more than 4096 characters of Markdown markup ([ ] * _ ` < >) by this line, more than a question needs"},
		{"nesting", "# Why?\n\n" + strings.Repeat("> ", 17) + "a\n", "p.md:10: 17 quotes and list items opened on one line, more than a question needs (16)"},
		{"nested list items", "# Why?\n\n## How to answer\n\n" + strings.Repeat("1. - ", 9) + "a\n", "p.md:12: 18 quotes and list items"},
	}
	for _, tc := range tests {
		_, err := Load(fstest.MapFS{"p.md": {Data: []byte(header + tc.body)}})
		assert.ErrorContains(t, err, "mdbank: "+tc.want, tc.name)
	}
	// Within the limits, a file loads.
	for _, body := range []string{
		"# Why?\n\n" + strings.Repeat("*a* ", 1023) + "\n",
		"# Why?\n\n## Example answer\n\n" + strings.Repeat("- ", 15) + "a\n",
		"# Why?\n\n## How to answer\n\n- a - b * c + d 1. e 2) f\n",
	} {
		_, err := Load(fstest.MapFS{"p.md": {Data: []byte(header + body)}})
		assert.NoError(t, err)
	}
}

// A file of a million problems lists 100 and counts the rest, and its
// lines are right however many blocks come before.
func TestManyProblems(t *testing.T) {
	body := "# Why?\n\n" + strings.Repeat("## Nope\n\n", 6000)
	_, err := Load(fstest.MapFS{"p.md": {Data: []byte(header + body)}})
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Len(t, e.Problems, 100)
	assert.Equal(t, 5900, e.More)
	assert.Equal(t, 10+2*99, e.Problems[99].Line)
	allocs := testing.AllocsPerRun(3, func() { Load(fstest.MapFS{"p.md": {Data: []byte(header + body)}}) })
	few := testing.AllocsPerRun(3, func() {
		Load(fstest.MapFS{"p.md": {Data: []byte(header + "# Why?\n\n" + strings.Repeat("## Nope\n\n", 200))}})
	})
	// Goldmark's nodes grow with the blocks; formatting does not.
	assert.Less(t, allocs/few, 6000.0/200, "a problem past the 100th is not formatted")
}

// YAML makes a node of every item of a list: a long list is refused
// before it is read, however many files hold one.
func TestYAMLBounded(t *testing.T) {
	skills := "skills: [" + strings.Repeat("a,", 2100) + "a]"
	fsys := fstest.MapFS{}
	for i := range 20 {
		fsys[fmt.Sprintf("q%d.md", i)] = &fstest.MapFile{Data: []byte("---\nid: p" + fmt.Sprint(i) + "\nlevel: senior\ntype: technical\n" + skills + "\n---\n# Why?\n")}
	}
	_, err := Load(fsys)
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Len(t, e.Problems, 20)
	assert.Equal(t, "q0.md:2: the front matter is 4249 bytes, more than id, level, type, skills and source need (4096)", e.Problems[0].String())

	_, err = Load(fstest.MapFS{"q.md": {Data: []byte("---\nid: p\nlevel: senior\ntype: technical\nskills: [" + strings.Repeat("a,", 20) + "a]\n---\n# Why?\n")}})
	assert.EqualError(t, err, "mdbank: q.md:5: 21 skills: a question has at most 20")
}

// A named pipe is refused, naming it, without waiting for a writer.
func TestNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "good.md"), questionWith("Because."), 0o644))
	if err := syscall.Mkfifo(filepath.Join(dir, "q.md"), 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	require.NoError(t, os.Symlink("q.md", filepath.Join(dir, "link.md")))
	require.NoError(t, os.Mkdir(filepath.Join(dir, "dir.md"), 0o755))
	done := make(chan error, 1)
	go func() {
		_, err := LoadDir(dir)
		done <- err
	}()
	select {
	case err := <-done:
		want := []string{
			"mdbank: " + filepath.Join(dir, "link.md") + ": a named pipe (FIFO), not a regular file: a question is a file of its own, ending in .md",
			"mdbank: " + filepath.Join(dir, "q.md") + ": a named pipe (FIFO), not a regular file: a question is a file of its own, ending in .md",
		}
		assert.EqualError(t, err, strings.Join(want, "\n"))
	case <-time.After(10 * time.Second):
		t.Fatal("LoadDir waits on a named pipe")
	}
	go func() {
		_, err := LoadFile(filepath.Join(dir, "q.md"))
		done <- err
	}()
	select {
	case err := <-done:
		assert.EqualError(t, err, "mdbank: "+filepath.Join(dir, "q.md")+": a named pipe (FIFO), not a regular file: a question is a file of its own, ending in .md")
	case <-time.After(10 * time.Second):
		t.Fatal("LoadFile waits on a named pipe")
	}
}

// No control or bidi character of a file's name reaches a message raw,
// and no newline in one starts a line.
func TestFileNamesQuoted(t *testing.T) {
	names := []string{"esc\x1b[31mred.md", "cr\r.md", "del\x7f.md", "csi\u009b31m.md", "rlo\u202egnp.md", "nl\ndraw: bank x.md"}
	fsys := fstest.MapFS{}
	for i, name := range names {
		fsys[name] = &fstest.MapFile{Data: []byte(strings.Replace(string(questionWith("x")), "id: p", "id: same", 1))}
		if i == 0 {
			fsys[name].Data = []byte("no front matter")
		}
	}
	_, err := Load(fsys)
	require.Error(t, err)
	lines := strings.Split(err.Error(), "\n")
	assert.Len(t, lines, len(names)-1, "the first file, by name, has the id first")
	for _, l := range lines {
		assert.True(t, strings.HasPrefix(l, `mdbank: "`), l)
		for _, r := range l {
			assert.False(t, unicode.IsControl(r) || unicode.Is(unicode.Cf, r), "%q holds %U", l, r)
		}
	}
	assert.Contains(t, lines, `mdbank: "esc\x1b[31mred.md":1: no front matter: a question file starts with a line ---, then id, level, type and skills, then ---`)
	assert.Contains(t, err.Error(), `id "same" is also the id of the question in "cr\r.md":2`)
}

// A bank's problems name one path an editor opens: the directory as given
// joined with the file's name.
func TestPathsJoined(t *testing.T) {
	dir := t.TempDir()
	team := filepath.Join(dir, "team")
	require.NoError(t, os.MkdirAll(filepath.Join(team, "sub"), 0o755))
	bad := strings.Replace(string(questionWith("x")), "senior", "senor", 1)
	require.NoError(t, os.WriteFile(filepath.Join(team, "sub", "rate-limiter.md"), []byte(bad), 0o644))
	_, err := LoadDir(team + "/")
	assert.ErrorContains(t, err, "mdbank: "+filepath.Join(team, "sub", "rate-limiter.md")+`:3: unknown level "senor"`)

	t.Chdir(dir)
	_, err = LoadDir("team/")
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "team/sub/rate-limiter.md", e.Problems[0].Path)
	_, err = LoadFile("team/sub/rate-limiter.md")
	require.ErrorAs(t, err, &e)
	assert.Equal(t, `team/sub/rate-limiter.md:3: unknown level "senor"; did you mean "senior"? (levels are junior, developer, mid, senior, lead, principal, architect)`, e.Problems[0].String())

	require.NoError(t, os.WriteFile("one.md", questionWith("Because."), 0o644))
	bank, err := LoadFile("one.md")
	require.NoError(t, err)
	assert.Equal(t, 1, bank.Len())
	_, err = LoadFile("missing.md")
	assert.EqualError(t, err, "mdbank: missing.md: no such file or directory")
	_, err = LoadDir("empty")
	assert.EqualError(t, err, "mdbank: empty: no such file or directory")
}

// Problems of a question's values (those questionbank.New finds) are on
// the line of their field: an empty question on the heading's.
func TestValueProblemsAtTheirLine(t *testing.T) {
	for body, want := range map[string]string{
		"#\n\nWhy?\n":          "p.md:8: empty question text",
		"\n\n#   \u200b\n":     "p.md:10: empty question text",
		"# Why?\n":             "",
		"# Why?\n\nAnd why?\n": "",
	} {
		_, err := Load(fstest.MapFS{"p.md": {Data: []byte(header + body)}})
		if want == "" {
			assert.NoError(t, err, body)
			continue
		}
		assert.EqualError(t, err, "mdbank: "+want, body)
	}
	_, err := Load(fstest.MapFS{"p.md": {Data: []byte("---\nlevel: senior\ntype: technical\nid: \"a b\"\nskills: [Go, \"\u200b\"]\n---\n# Why?\n")}})
	assert.EqualError(t, err, "mdbank: p.md:4: ID has a space or control character\nmdbank: p.md:5: skill 1 is empty")
}

