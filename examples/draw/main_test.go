package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/backendprep/questionbank"
)

func draw(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// sourcePage is a bank of the source page's 14 questions, the fixed bank
// that tests naming the questions they expect draw from.
const sourcePage = "../../data/sourcepage.json"

// drawPage runs draw on the source page's bank.
func drawPage(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return draw(t, append([]string{"-bank", sourcePage}, args...)...)
}

func TestMainJob(t *testing.T) {
	code, out, errOut := draw(t, "-q", "level>=senior type:technical", "-n", "2", "-seed", "7")
	require.Equal(t, 0, code, errOut)
	assert.Empty(t, errOut)
	assert.True(t, strings.HasPrefix(out, "1. "), out)
	assert.Contains(t, out, "\n2. ")
	for _, section := range []string{"Introduction", "How to answer", "What not to say", "Example answer", "Skills: "} {
		assert.Equal(t, 2, strings.Count(out, section), "section %q once a question", section)
	}
	_, again, _ := draw(t, "-q", "level>=senior type:technical", "-n", "2", "-seed", "7")
	assert.Equal(t, out, again, "same seed, same output")
	_, other, _ := draw(t, "-q", "level>=senior type:technical", "-n", "2", "-seed", "8")
	assert.NotEqual(t, out, other)
}

func TestFormats(t *testing.T) {
	for _, format := range []string{"text", "markdown", "json", "anki", "csv", "kit"} {
		t.Run(format, func(t *testing.T) {
			code, out, errOut := drawPage(t, "-q", "type:situational", "-n", "5", "-seed", "3", "-format", format)
			require.Equal(t, 0, code, errOut)
			assert.Equal(t, "draw: only 2 questions match \"type:situational\"\n", errOut)
			switch format {
			case "json":
				var qs []questionbank.Question
				require.NoError(t, json.Unmarshal([]byte(out), &qs))
				assert.Len(t, qs, 2)
				b, err := questionbank.LoadJSON(strings.NewReader(out))
				require.NoError(t, err, "json output is a bank")
				assert.Equal(t, 2, b.Len())
			case "anki":
				lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
				assert.Len(t, lines, 6+2, "headers and two notes")
				for _, l := range lines[6:] {
					assert.Equal(t, 3, strings.Count(l, "\t"))
				}
			case "csv":
				rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
				require.NoError(t, err)
				assert.Len(t, rows, 3)
			case "kit":
				assert.Equal(t, 2, strings.Count(out, "### Score"))
			case "markdown":
				assert.Equal(t, 2, strings.Count(out, "\n## ")+boolInt(strings.HasPrefix(out, "## ")))
			case "text":
				assert.Contains(t, out, "Principal Backend Developer, Situational (principal-2)")
			}
		})
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestNoMatches(t *testing.T) {
	code, out, errOut := drawPage(t, "-q", "level:junior type:situational", "-format", "json")
	assert.Equal(t, 1, code, "as grep: 1 when nothing matched")
	assert.Equal(t, "[]\n", out)
	assert.Equal(t, "draw: no question matches \"level:junior type:situational\"\n", errOut)
}

func TestFewerMatchesThanAsked(t *testing.T) {
	code, out, errOut := drawPage(t, "-q", "id:junior-1", "-n", "3")
	assert.Equal(t, 0, code)
	assert.NotEmpty(t, out)
	assert.Equal(t, "draw: only 1 question matches \"id:junior-1\"\n", errOut)
	code, _, errOut = drawPage(t, "-q", "level:junior", "-n", "5")
	assert.Equal(t, 0, code)
	assert.Equal(t, "draw: only 2 questions match \"level:junior\"\n", errOut)
}

// TestControlCharactersNeverPrinted draws from a bank whose text holds
// terminal escapes: none reaches the output, in any format for people.
func TestControlCharactersNeverPrinted(t *testing.T) {
	bank := filepath.Join(t.TempDir(), "evil.json")
	require.NoError(t, os.WriteFile(bank, []byte(`[{"id": "e-1", "level": "senior", "type": "technical",
"text": "Retitled?\u001b]0;pwned\u0007\u001b[2J", "skills": ["\u009b31mRed"], "how_to_answer": ["\u0000x\r\ny"]}]`), 0o644))
	for _, format := range []string{"text", "markdown", "anki"} {
		code, out, errOut := draw(t, "-bank", bank, "-format", format)
		require.Equal(t, 0, code, errOut)
		for _, r := range out {
			if r != '\t' && r != '\n' && unicode.IsControl(r) {
				t.Errorf("-format %s printed control character %U", format, r)
			}
		}
		assert.Contains(t, out, "Retitled?", format)
	}
}

func TestBadQuery(t *testing.T) {
	code, out, errOut := draw(t, "-q", "level>=senior typ:technical")
	assert.Equal(t, 2, code)
	assert.Empty(t, out)
	assert.Equal(t, `draw: bad query: unknown field "typ"; did you mean "type"? (fields are level, type, skill, id)

    level>=senior typ:technical
                  ^
`, errOut)

	code, _, errOut = draw(t, "-q", "skill:leadershp")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, `did you mean "leadership"?`)
}

func TestBadUsage(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-n", "zero"}, `invalid value "zero" for flag -n`},
		{[]string{"-n", "-1"}, "draw: -n -1: draw 1 question or more, or 0 for every match"},
		{[]string{"-format", "anki", "-deck", "1"}, `draw: -deck: the deck name "1" is all digits, which Anki reads as a deck ID (the notes would go to Default); add a word, such as "Interviews 1"`},
		{[]string{"-format", "anki", "-notetype", " "}, "draw: -notetype: the note type is only spaces"},
		{[]string{"-notetype", "Einfach"}, "draw: -deck and -notetype go with -format anki"},
		{[]string{"-format", "yaml"}, `draw: -format: unknown format "yaml" (formats are text, markdown, json, anki, csv, kit)`},
		{[]string{"-seed", "-1"}, `invalid value "-1" for flag -seed`},
		{[]string{"-x"}, "flag provided but not defined: -x"},
		{[]string{"-fromat", "json"}, "draw: unknown flag -fromat; did you mean -format?"},
		{[]string{"-sed", "3"}, "draw: unknown flag -sed; did you mean -seed?"},
		{[]string{"level:senior"}, `draw: unexpected argument "level:senior"; give the query with -q, quoted: -q 'level:senior'`},
		{[]string{"-n", "2", "level:senior", "type:technical"}, `draw: unexpected argument "level:senior"; give the query with -q, quoted: -q 'level:senior type:technical'`},
	}
	for _, tc := range tests {
		code, out, errOut := draw(t, tc.args...)
		assert.Equal(t, 2, code, "draw %v", tc.args)
		assert.Empty(t, out)
		assert.Contains(t, errOut, tc.want, "draw %v", tc.args)
	}
}

func TestHelp(t *testing.T) {
	code, out, errOut := draw(t, "-h")
	assert.Equal(t, 0, code)
	assert.Empty(t, out)
	for _, flag := range []string{"-q", "-n", "-seed", "-format", "-bank", "Examples:"} {
		assert.Contains(t, errOut, flag)
	}
}

func TestBankFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join("..", "bank.json")
	code, out, errOut := draw(t, "-bank", good, "-q", "id:go-1", "-format", "json")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, `"id": "go-1"`)

	missing := filepath.Join(dir, "missing.json")
	code, _, errOut = draw(t, "-bank", missing)
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "draw: bank file: open "+missing+": no such file or directory")

	broken := filepath.Join(dir, "broken.json")
	require.NoError(t, os.WriteFile(broken, []byte("[\n  {\"id\": \"a\",, }\n]"), 0o644))
	code, _, errOut = draw(t, "-bank", broken)
	assert.Equal(t, 2, code)
	assert.Equal(t, "draw: bank file "+broken+": JSON bank: line 2, column 14: invalid character ',' looking for beginning of object key string\n", errOut)

	invalid := filepath.Join(dir, "invalid.json")
	require.NoError(t, os.WriteFile(invalid, []byte(`[{"id": "a", "level": "leed", "type": "technical", "text": "Q"},
{"id": "a", "level": "lead", "type": "technical", "text": ""}]`), 0o644))
	code, _, errOut = draw(t, "-bank", invalid)
	assert.Equal(t, 2, code)
	lines := strings.Split(strings.TrimSpace(errOut), "\n")
	require.Len(t, lines, 3, errOut)
	for _, l := range lines {
		assert.True(t, strings.HasPrefix(l, "draw: bank file "+invalid+": line "), l)
	}
}

// TestImportDoesNoWork builds this program and runs it with
// GODEBUG=inittrace=1, which makes the runtime report the work each
// package's initialisation does: questionbank and render must do none.
func TestImportDoesNoWork(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	bin := filepath.Join(t.TempDir(), "draw")
	if out, err := exec.Command(goTool, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "-n", "1", "-seed", "1")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	require.NoError(t, cmd.Run())
	lines := strings.Split(stderr.String(), "\n")
	inits := 0
	for _, l := range lines {
		if !strings.HasPrefix(l, "init ") {
			continue
		}
		inits++
		if strings.Contains(l, "github.com/backendprep/questionbank") && !strings.HasSuffix(l, " 0 bytes, 0 allocs") {
			t.Errorf("initialisation does work: %s", l)
		}
	}
	assert.Greater(t, inits, 3, "inittrace printed nothing; is GODEBUG honoured?\n%s", stderr.String())
}

func TestDeck(t *testing.T) {
	code, out, errOut := draw(t, "-q", "id:lead-1", "-format", "anki", "-deck", "Interviews::Backend")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "#deck:Interviews::Backend\n")
	for _, args := range [][]string{
		{"-format", "anki", "-deck", strings.Repeat("d", 201)},
		{"-format", "anki", "-deck", "   "},
		{"-format", "text", "-deck", "Mine"},
	} {
		code, _, errOut := draw(t, args...)
		assert.Equal(t, 2, code, "%q", args)
		assert.Contains(t, errOut, "-deck", "%q", args)
	}
}

func TestPlan(t *testing.T) {
	args := []string{"-plan", "type:technical=2,type:behavioral=1", "-q", "level>=mid", "-seed", "42", "-format", "json"}
	code, out, errOut := drawPage(t, args...)
	require.Equal(t, 0, code, errOut)
	var qs []questionbank.Question
	require.NoError(t, json.Unmarshal([]byte(out), &qs))
	require.Len(t, qs, 3)
	assert.Equal(t, questionbank.Technical, qs[0].Type)
	assert.Equal(t, questionbank.Technical, qs[1].Type)
	assert.Equal(t, questionbank.Behavioral, qs[2].Type)
	for _, q := range qs {
		assert.GreaterOrEqual(t, q.Level, questionbank.Mid, "-q narrows every quota")
	}
	_, again, _ := drawPage(t, args...)
	assert.Equal(t, out, again, "the same seed, the same kit for every candidate")

	// A quota's query may hold commas and "=".
	code, out, errOut = drawPage(t, "-plan", "skill:scalability,security-awareness=2, level=junior=1", "-seed", "1", "-format", "json")
	require.Equal(t, 0, code, errOut)
	require.NoError(t, json.Unmarshal([]byte(out), &qs))
	assert.Len(t, qs, 3)

	code, _, errOut = drawPage(t, "-plan", "type:situational=3")
	assert.Equal(t, 1, code)
	assert.Equal(t, "draw: -plan: quota 1 asks for 3, but only 2 questions match it once the quotas before it are filled\n", errOut)
	for _, bad := range []string{"type:technical", "type:technical=0", "typ:technical=1", "type:technical=x"} {
		code, _, errOut := drawPage(t, "-plan", bad)
		assert.Equal(t, 2, code, bad)
		assert.Contains(t, errOut, "draw: -plan:", bad)
	}
	code, _, errOut = drawPage(t, "-plan", "type:technical=1", "-n", "2")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "-n and -plan do not go together")
}

// A team's bank as Markdown files: checked for CI, then drawn from.
func TestMarkdownBank(t *testing.T) {
	dir := t.TempDir()
	file := "---\nid: team-1\nlevel: senior\ntype: technical\nskills: [Caching]\n---\n\n# How would you cache a slow service?\n\n## How to answer\n\n- Say what to cache\n\n## Follow-up questions\n\n- And if it is down?\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "caching.md"), []byte(file), 0o644))
	code, out, errOut := draw(t, "-bank", dir, "-check")
	require.Equal(t, 0, code, errOut)
	assert.Equal(t, dir+": 1 question (senior 1; technical 1), 1 skill: valid\n", out)

	code, out, _ = draw(t, "-bank", dir, "-format", "kit")
	require.Equal(t, 0, code)
	assert.Contains(t, out, "How would you cache a slow service?")
	assert.Contains(t, out, "And if it is down?")

	require.NoError(t, os.WriteFile(filepath.Join(dir, "broken.md"), []byte(strings.NewReplacer("senior", "senor", "team-1", "team-2").Replace(file)), 0o644))
	code, out, errOut = draw(t, "-bank", dir, "-check")
	assert.Equal(t, 2, code)
	assert.Empty(t, out)
	assert.Equal(t, filepath.Join(dir, "broken.md")+":3: unknown level \"senor\"; did you mean \"senior\"? (levels are junior, developer, mid, senior, lead, principal, architect)\n", errOut)
}

// Each problem of -check is one line that starts with one path an editor
// opens, the bank's directory as given joined with the file's name; a
// name is quoted if it holds a control character; -bank takes one
// Markdown file as a bank of one question; a named pipe is refused.
func TestCheckNamesOnePath(t *testing.T) {
	t.Chdir(t.TempDir())
	file := "---\nid: team-1\nlevel: senior\ntype: technical\n---\n\n# How would you limit a client's rate?\n"
	require.NoError(t, os.MkdirAll("team", 0o755))
	require.NoError(t, os.WriteFile("team/rate-limiter.md", []byte(strings.Replace(file, "senior", "senor", 1)), 0o644))
	require.NoError(t, os.WriteFile("team/esc\x1b[31mred\ndraw: bank x.md", []byte("# no front matter\n"), 0o644))
	code, out, errOut := draw(t, "-bank", "team/", "-check")
	assert.Equal(t, 2, code)
	assert.Empty(t, out)
	assert.Equal(t, `"team/esc\x1b[31mred\ndraw: bank x.md":1: no front matter: a question file starts with a line ---, then id, level, type and skills, then ---
team/rate-limiter.md:3: unknown level "senor"; did you mean "senior"? (levels are junior, developer, mid, senior, lead, principal, architect)
`, errOut)

	code, _, errOut = draw(t, "-bank", "team/rate-limiter.md", "-check")
	assert.Equal(t, 2, code)
	assert.True(t, strings.HasPrefix(errOut, "team/rate-limiter.md:3: unknown level"), errOut)

	require.NoError(t, os.WriteFile("one.md", []byte(file), 0o644))
	code, out, errOut = draw(t, "-bank", "one.md", "-check")
	assert.Equal(t, 0, code, errOut)
	assert.Equal(t, "one.md:7: warning: no \"How to answer\" section: say what a strong answer covers, under ## How to answer\n"+
		"one.md: 1 question (senior 1; technical 1), 0 skills: valid, with 1 warning\n", out)

	if err := syscall.Mkfifo("q.md", 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	code, _, errOut = draw(t, "-bank", "q.md", "-check")
	assert.Equal(t, 2, code)
	assert.Equal(t, "q.md: a named pipe (FIFO), not a regular file: a question is a file of its own, ending in .md\n", errOut)
}

// -check prints a bank's warnings and exits 0; -check -strict exits 2 on
// any; the built-in bank has none.
func TestCheckStrict(t *testing.T) {
	t.Chdir(t.TempDir())
	require.NoError(t, os.MkdirAll("team", 0o755))
	file := "---\nid: %s\nlevel: senior\ntype: technical\nskills: [%s]\n---\n\n# %s\n\n## How to answer\n\n- %s\n"
	write := func(name, id, skill, question, point string) {
		require.NoError(t, os.WriteFile("team/"+name, []byte(fmt.Sprintf(file, id, skill, question, point)), 0o644))
	}
	write("a.md", "a", "Caching", "How would you cache a slow pricing service?", "Say what to cache and for how long")
	write("b.md", "b", "Kubernetes", "Which probe restarts a deadlocked pod?", "Liveness, not readiness")
	write("c.md", "c", "Kubernetes", "How do you drain a node of 40 pods?", "A disruption budget")
	code, out, errOut := draw(t, "-bank", "team", "-check", "-strict")
	require.Equal(t, 0, code, errOut)
	assert.Equal(t, "team: 3 questions (senior 3; technical 3), 2 skills: valid\n", out)

	write("d.md", "d", "Kubernets", "What does a CrashLoopBackOff tell you?", "The container keeps exiting")
	code, out, _ = draw(t, "-bank", "team", "-check")
	assert.Equal(t, 0, code)
	want := "team/d.md:5: warning: skill \"Kubernets\" looks like a slip for \"Kubernetes\" (2 questions)\n" +
		"team: 4 questions (senior 4; technical 4), 3 skills: valid, with 1 warning\n"
	assert.Equal(t, want, out)
	code, out, _ = draw(t, "-bank", "team", "-check", "-strict")
	assert.Equal(t, 2, code)
	assert.Equal(t, want, out)

	code, _, errOut = draw(t, "-strict")
	assert.Equal(t, 2, code)
	assert.Equal(t, "draw: -strict goes with -check\n", errOut)

	code, out, errOut = draw(t, "-check", "-strict")
	assert.Equal(t, 0, code, out+errOut)
	assert.Contains(t, out, "the embedded bank: ")
	assert.NotContains(t, out, "warning")
}

func TestEveryMatch(t *testing.T) {
	code, out, errOut := drawPage(t, "-n", "0", "-q", "level>=lead", "-format", "json")
	require.Equal(t, 0, code, errOut)
	var qs []questionbank.Question
	require.NoError(t, json.Unmarshal([]byte(out), &qs))
	var ids []string
	for _, q := range qs {
		ids = append(ids, q.ID)
	}
	assert.Equal(t, []string{"lead-1", "lead-2", "principal-1", "principal-2", "architect-1", "architect-2"}, ids, "every match, in corpus order")

	code, out, _ = drawPage(t, "-n", "0", "-q", "level>=lead", "-format", "json", "-seed", "3")
	require.Equal(t, 0, code)
	require.NoError(t, json.Unmarshal([]byte(out), &qs))
	assert.Len(t, qs, 6, "every match, shuffled")

	code, out, _ = drawPage(t, "-n", "0", "-format", "anki", "-notetype", "Einfach", "-deck", "Interviews 2026")
	require.Equal(t, 0, code)
	assert.Contains(t, out, "#notetype:Einfach\n#deck:Interviews 2026\n")
	assert.Equal(t, 6+14, strings.Count(out, "\n"))
}
