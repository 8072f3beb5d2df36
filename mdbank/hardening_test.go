package mdbank

import (
	"errors"
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

	"github.com/backendprep/questionbank"
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
	// A long horizontal rule opens no list: refused as a rule.
	for _, rule := range []string{strings.Repeat("- ", 40), strings.Repeat("*", 40), " _ _ _" + strings.Repeat(" _", 30)} {
		_, err := Load(fstest.MapFS{"p.md": {Data: []byte(header + "# Why?\n\n" + rule + "\n")}})
		assert.EqualError(t, err, "mdbank: p.md:10: a horizontal rule in the introduction: write it as paragraphs, or a list", rule)
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

	// Nesting, aliases and anchors: each refused, saying where.
	for _, fm := range pathologicalFrontMatter {
		_, err := Load(fstest.MapFS{"q.md": {Data: withFrontMatter(fm)}})
		require.ErrorAs(t, err, &e, fm[:20])
		assert.Greater(t, e.Problems[0].Line, 1, "%s", e.Problems[0])
	}
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

// Write never writes through a symbolic link: a link of a file's name is
// replaced, its target left alone.
func TestWriteNeverThroughALink(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "bank")
	require.NoError(t, os.Mkdir(dir, 0o755))
	victim := filepath.Join(root, "victim.txt")
	require.NoError(t, os.WriteFile(victim, []byte("precious"), 0o644))
	require.NoError(t, os.Symlink("../victim.txt", filepath.Join(dir, "o2.md")))
	qs := fiveQuestions()
	require.NoError(t, Write(dir, qs))
	data, err := os.ReadFile(victim)
	require.NoError(t, err)
	assert.Equal(t, "precious", string(data))
	fi, err := os.Lstat(filepath.Join(dir, "o2.md"))
	require.NoError(t, err)
	assert.True(t, fi.Mode().IsRegular(), "the link is replaced by the file")
	bank, err := LoadDir(dir)
	require.NoError(t, err)
	assert.Equal(t, 5, bank.Len())
}

func fiveQuestions() []questionbank.Question {
	var qs []questionbank.Question
	for i := range 5 {
		qs = append(qs, questionbank.Question{ID: fmt.Sprintf("o%d", i), Level: questionbank.Senior, Type: questionbank.Technical, Text: fmt.Sprintf("Why %d?", i)})
	}
	return qs
}

// snapshot returns every file of dir, by name, with what it holds or
// where it links to.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		switch {
		case e.Type()&os.ModeSymlink != 0:
			to, err := os.Readlink(p)
			require.NoError(t, err)
			out[e.Name()] = "-> " + to
		case e.IsDir():
			out[e.Name()] = "dir"
		default:
			data, err := os.ReadFile(p)
			require.NoError(t, err)
			out[e.Name()] = string(data)
		}
	}
	return out
}

// Write is all or nothing: a failure on the 4th of 5 questions leaves the
// directory as it was.
func TestWriteAllOrNothing(t *testing.T) {
	setUp := func(t *testing.T) (string, map[string]string) {
		dir := filepath.Join(t.TempDir(), "bank")
		require.NoError(t, os.Mkdir(dir, 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, "o1.md"), []byte("the old o1"), 0o644))
		require.NoError(t, os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("notes"), 0o644))
		require.NoError(t, os.Symlink("../elsewhere.md", filepath.Join(dir, "o4.md")))
		return dir, snapshot(t, dir)
	}
	t.Run("the 4th name is a directory", func(t *testing.T) {
		dir, before := setUp(t)
		require.NoError(t, os.Mkdir(filepath.Join(dir, "o3.md"), 0o755))
		before["o3.md"] = "dir"
		err := Write(dir, fiveQuestions())
		assert.EqualError(t, err, "mdbank: "+filepath.Join(dir, "o3.md")+" is a directory, which Write does not replace")
		assert.Equal(t, before, snapshot(t, dir))
	})
	for _, fail := range []int{1, 2, 5, 6, 7} { // renames: o0, o1's old, o1, o2, o3, o4's link, o4
		t.Run(fmt.Sprintf("rename %d fails", fail), func(t *testing.T) {
			dir, before := setUp(t)
			calls := 0
			rename = func(from, to string) error {
				calls++
				if calls == fail {
					return errors.New("disk full")
				}
				return os.Rename(from, to)
			}
			defer func() { rename = os.Rename }()
			err := Write(dir, fiveQuestions())
			assert.EqualError(t, err, "mdbank: disk full")
			assert.Equal(t, before, snapshot(t, dir))
		})
	}
	t.Run("a new directory", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "a", "b")
		rename = func(string, string) error { return errors.New("disk full") }
		defer func() { rename = os.Rename }()
		assert.Error(t, Write(dir, fiveQuestions()))
		_, err := os.Stat(filepath.Dir(dir))
		assert.True(t, os.IsNotExist(err), "the directories it made are gone")
	})
}
