package render_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/backendprep/questionbank"
	"github.com/backendprep/questionbank/render"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func questions(t *testing.T, ids ...string) []questionbank.Question {
	t.Helper()
	var qs []questionbank.Question
	for _, id := range ids {
		q, ok := questionbank.Default().Get(id)
		require.True(t, ok, id)
		qs = append(qs, q)
	}
	return qs
}

// TestGolden renders two questions in every format and compares with
// testdata/*.golden; go test ./render -update rewrites them.
func TestGolden(t *testing.T) {
	qs := questions(t, "senior-2", "architect-1")
	for _, f := range render.Formats() {
		t.Run(f.String(), func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, render.Write(&buf, f, qs))
			path := filepath.Join("testdata", f.String()+".golden")
			if *update {
				require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
				return
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run: go test ./render -update")
			assert.Equal(t, string(want), buf.String(), "%s differs; if the change is intended, run: go test ./render -update", path)
		})
	}
}

func TestTextWrapsAt80(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, render.WriteText(&buf, questionbank.Default().All()))
	for i, line := range strings.Split(buf.String(), "\n") {
		assert.LessOrEqual(t, utf8.RuneCountInString(line), 80, "line %d: %q", i+1, line)
	}
	// Wrapping changes only white space: every word of every question is there.
	text := strings.Join(strings.Fields(buf.String()), " ")
	for _, q := range questionbank.Default().All() {
		for _, s := range append(append([]string{q.Text, q.Introduction, q.ExampleAnswer}, q.HowToAnswer...), q.WhatNotToSay...) {
			assert.Contains(t, text, strings.Join(strings.Fields(s), " "))
		}
	}
}

func TestAnkiLines(t *testing.T) {
	qs := questionbank.Default().All()
	qs[0].Text = "Tabs\tand\nnewlines <b>& tags</b>"
	var buf bytes.Buffer
	require.NoError(t, render.WriteAnki(&buf, qs))
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	require.Len(t, lines, len(qs), "one note a line")
	for i, l := range lines {
		fields := strings.Split(l, "\t")
		require.Len(t, fields, 2, "line %d: front and back", i+1)
		assert.NotEmpty(t, fields[0])
		assert.Contains(t, fields[1], "<b>How to answer</b><br>")
	}
	assert.Equal(t, "Tabs and newlines &lt;b&gt;&amp; tags&lt;/b&gt;", strings.Split(lines[0], "\t")[0])
}

func TestJSONLoadsBack(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, render.WriteJSON(&buf, questionbank.Default().All()))
	b, err := questionbank.LoadJSON(&buf)
	require.NoError(t, err)
	assert.Equal(t, questionbank.Default().All(), b.All())

	buf.Reset()
	require.NoError(t, render.WriteJSON(&buf, nil))
	assert.Equal(t, "[]\n", buf.String())
}

func TestMarkdownEscapes(t *testing.T) {
	q := questionbank.Question{ID: "x", Level: questionbank.Mid, Type: questionbank.Technical,
		Text: "Why *not* use `eval` or <script> in [docs]?", HowToAnswer: []string{"# not a heading", "1. not a list", "- not a bullet"}}
	var buf bytes.Buffer
	require.NoError(t, render.WriteMarkdown(&buf, []questionbank.Question{q}))
	out := buf.String()
	assert.Contains(t, out, "## Why \\*not\\* use \\`eval\\` or \\<script\\> in \\[docs\\]?\n")
	assert.Contains(t, out, "- \\# not a heading\n")
	assert.Contains(t, out, "- 1\\. not a list\n")
	assert.Contains(t, out, "- \\- not a bullet\n")
}

func TestParseFormat(t *testing.T) {
	for _, f := range render.Formats() {
		got, err := render.ParseFormat(strings.ToUpper(f.String()))
		require.NoError(t, err)
		assert.Equal(t, f, got)
	}
	md, err := render.ParseFormat("md")
	require.NoError(t, err)
	assert.Equal(t, render.Markdown, md)
	_, err = render.ParseFormat("yaml")
	assert.EqualError(t, err, `render: unknown format "yaml" (formats are text, markdown, json, anki)`)
	assert.Error(t, render.Write(&bytes.Buffer{}, 0, nil))
	assert.Equal(t, "Format(9)", render.Format(9).String())
}

func ExampleWrite() {
	q, _ := questionbank.Default().Get("lead-2")
	render.Write(os.Stdout, render.Markdown, []questionbank.Question{q})
	// Output:
	// ## Describe a situation where you had to resolve a conflict within your development team.
	//
	// *Lead Backend Developer* · Behavioral · `lead-2`
	//
	// **Skills tested:** Conflict Resolution, Communication, Leadership, Team Dynamics
	//
	// ### Introduction
	//
	// This question assesses your interpersonal and conflict resolution skills, which are vital for a lead role in guiding a team towards successful project delivery.
	//
	// ### How to answer
	//
	// - Use the STAR method to structure your response
	// - Clearly outline the nature of the conflict and the parties involved
	// - Explain your approach to understanding both sides of the issue
	// - Detail the steps you took to mediate and resolve the conflict
	// - Share the positive outcome and any lessons learned that improved team dynamics
	//
	// ### What not to say
	//
	// - Dismissing the conflict without addressing the resolution process
	// - Focusing only on one side of the conflict without acknowledging the other party
	// - Failing to mention the impact on team performance
	// - Avoiding personal accountability or responsibility in the situation
	//
	// ### Example answer
	//
	// In a project at Telus, two developers had conflicting opinions on the database technology we should use. I facilitated a meeting where each could present their case and the pros and cons of their choices. By encouraging open communication, we reached a consensus on using PostgreSQL, which satisfied both parties, and the project moved forward smoothly. This experience reinforced the value of mediation and collaboration in a team setting.
}

func ExampleWriteText() {
	q, _ := questionbank.Default().Get("principal-2")
	q.HowToAnswer, q.WhatNotToSay, q.ExampleAnswer = q.HowToAnswer[:2], nil, ""
	render.WriteText(os.Stdout, []questionbank.Question{q})
	// Output:
	// 1. How do you approach designing scalable backend systems?
	//    Principal Backend Developer, Situational (principal-2)
	//    Skills: Scalability, System Design, Strategic Thinking, Technical Knowledge
	//
	//    Introduction
	//    This question assesses your understanding of scalable architecture and your
	//    strategic thinking in designing systems that can grow with user demand.
	//
	//    How to answer
	//    - Discuss key principles of scalability, such as load balancing and
	//      microservices
	//    - Explain your process for assessing current and future load requirements
}

func ExampleWriteAnki() {
	q, _ := questionbank.Default().Get("junior-2")
	q.Introduction, q.HowToAnswer, q.WhatNotToSay, q.ExampleAnswer = "", q.HowToAnswer[:1], nil, ""
	render.WriteAnki(os.Stdout, []questionbank.Question{q})
	// Output:
	// How do you approach debugging a piece of code that isn&#39;t functioning as expected?	<i>Junior Backend Developer, Technical (junior-2)</i><br><br><b>Skills tested:</b> Debugging, Analytical Thinking, Attention To Detail, Technical Proficiency<br><br><b>How to answer</b><br>• Describe your systematic approach to identifying the issue.
}

// TestNoControlCharacters writes a question full of control characters in
// every format for people, and checks that none reaches the output.
func TestNoControlCharacters(t *testing.T) {
	evil := "Why?\x1b]0;pwned\a\x1b[2J\r\x00\x7f\u009b31m\u0085end\xff"
	q := questionbank.Question{
		ID: "evil-1", Level: questionbank.Senior, Type: questionbank.Technical,
		Text: evil, Introduction: evil, HowToAnswer: []string{evil}, WhatNotToSay: []string{evil},
		ExampleAnswer: evil, Skills: []string{evil},
	}
	for _, f := range []render.Format{render.Text, render.Markdown, render.Anki} {
		var out bytes.Buffer
		require.NoError(t, render.Write(&out, f, []questionbank.Question{q}))
		for _, r := range out.String() {
			if r != '\t' && r != '\n' && unicode.IsControl(r) {
				t.Errorf("%v output holds control character %U", f, r)
			}
		}
		assert.True(t, utf8.Valid(out.Bytes()), "%v output is valid UTF-8", f)
		assert.Contains(t, out.String(), "end", f)
	}
	var out bytes.Buffer
	require.NoError(t, render.WriteGuidance(&out, q))
	assert.NotContains(t, out.String(), "\x1b")
	assert.Equal(t, evil, q.Text, "the caller's question is unchanged")
}
