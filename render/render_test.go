package render_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
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
// multiParagraph is a question of a team's own bank, as mdbank reads one:
// paragraphs, a line break, indented code, a list item over two lines,
// follow-ups and a source of its own.
var multiParagraph = questionbank.Question{
	ID: "team-cache-1", Level: questionbank.Senior, Type: questionbank.Technical,
	Text:          "How would you cache the results of a slow service?",
	Introduction:  "Paragraph one.\n\nParagraph two:\n    indented()",
	HowToAnswer:   []string{"Say what to cache\nand for how long", "Say how entries are invalidated"},
	WhatNotToSay:  []string{"That caching is free"},
	ExampleAnswer: "A read-through cache, keyed by request.\n\nOne request refills a miss; the others wait.",
	Skills:        []string{" Caching ", "Redis"},
	FollowUps:     []string{"What if the service is down?"},
	Source:        questionbank.Source{Title: "Team questions", URL: "https://example.com/team", Licence: "CC BY 4.0"},
}

func TestGolden(t *testing.T) {
	qs := append(questions(t, "senior-2", "architect-1"), multiParagraph)
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
	require.Len(t, lines, 6+len(qs), "six header lines, then one note a line")
	assert.Equal(t, []string{"#separator:tab", "#html:true", "#guid column:1", "#notetype:Basic", "#deck:Backend interview questions", "#tags column:4"}, lines[:6])
	for i, l := range lines[6:] {
		fields := strings.Split(l, "\t")
		require.Len(t, fields, 4, "note %d: GUID, front, back, tags", i+1)
		assert.Equal(t, render.AnkiGUID(qs[i].ID), fields[0])
		assert.NotEmpty(t, fields[1])
		assert.Contains(t, fields[2], "<b>How to answer</b><br>")
		assert.Contains(t, fields[3], "level::"+qs[i].Level.String()+" type::"+qs[i].Type.String()+" skill::")
	}
	assert.Equal(t, "Tabs and<br>newlines &lt;b&gt;&amp; tags&lt;/b&gt;", strings.Split(lines[6], "\t")[1], "a tab as a space, a line break as <br>")
	assert.Contains(t, lines[6], "skill::problem-solving")
	assert.Contains(t, lines[7], "skill::attention-to-detail")
}

func TestAnkiGUIDDependsOnlyOnID(t *testing.T) {
	q, _ := questionbank.Default().Get("senior-2")
	edited := q
	edited.Text, edited.Level, edited.Skills = "Reworded entirely", questionbank.Lead, nil
	var a, b bytes.Buffer
	require.NoError(t, render.WriteAnki(&a, []questionbank.Question{q}))
	require.NoError(t, render.WriteAnki(&b, []questionbank.Question{edited}))
	guid := func(s string) string { return strings.SplitN(strings.Split(s, "\n")[6], "\t", 2)[0] }
	assert.Equal(t, guid(a.String()), guid(b.String()))
	assert.Equal(t, render.AnkiGUID("senior-2"), render.AnkiGUID("SENIOR-2"), "IDs are compared without regard to case")
	assert.NotEqual(t, render.AnkiGUID("senior-1"), render.AnkiGUID("senior-2"))
	assert.Equal(t, "qbkudviueof2weheg7", render.AnkiGUID("senior-2"), "a GUID never changes: re-imports would duplicate notes")
}

func TestAnkiTagsAndDecks(t *testing.T) {
	q := questionbank.Question{ID: "t-1", Level: questionbank.Senior, Type: questionbank.Technical, Text: "Q",
		Skills: []string{"Problem Solving", "C++ & \"Go\"", "API::Design", "  "}}
	var buf bytes.Buffer
	require.NoError(t, render.AnkiDeck{Name: "Interviews::Backend"}.Write(&buf, []questionbank.Question{q}))
	out := buf.String()
	assert.Contains(t, out, "#deck:Interviews::Backend\n")
	assert.True(t, strings.HasSuffix(out, "\tlevel::senior type::technical skill::problem-solving skill::c++-go skill::api-design\n"), out)

	for _, bad := range []render.AnkiDeck{{Name: strings.Repeat("x", render.MaxDeckLen+1)}, {Name: "a\nb"}, {Name: "   "}, {NoteType: "x\ty"}} {
		assert.Error(t, bad.Write(&bytes.Buffer{}, nil), "%+v", bad)
	}
}

func TestCSVReadsBackAsJSON(t *testing.T) {
	qs := questionbank.Default().All()
	qs[0].Text = `Quotes "here", commas, and a line` + "\nbreak"
	// Cells a spreadsheet would run as formulas.
	qs[1].Text = "=HYPERLINK(\"http://example.com\",\"x\")"
	qs[1].Skills = []string{"+1", "@SUM(A1)"}
	qs[2].Introduction = "-2+3"
	qs[2].ExampleAnswer = "\tlead"
	qs[3].FollowUps = []string{"And if the cache is cold?", "Who owns the fix?"}
	var buf bytes.Buffer
	require.NoError(t, render.WriteCSV(&buf, qs))
	rows, err := csv.NewReader(&buf).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 1+len(qs))
	assert.Equal(t, []string{"id", "level", "type", "text", "introduction", "how_to_answer", "what_not_to_say", "example_answer", "skills", "follow_ups", "source"}, rows[0])
	for i, r := range rows[1:] {
		src := qs[i].Source
		want := src.Title + " · " + src.URL
		if src.Licence != "" {
			want += " · " + src.Licence
		}
		assert.Equal(t, want, r[10], "the source, in one cell, its licence too")
	}
	lines := func(s string) []string {
		if s == "" {
			return nil
		}
		return strings.Split(s, "\n")
	}
	var neutralised int
	for _, r := range rows[1:] {
		for i, cell := range r {
			if len(cell) > 1 && cell[0] == '\'' && strings.ContainsRune("=+-@\t", rune(cell[1])) {
				r[i] = cell[1:] // as a reader of the CSV drops it
				neutralised++
			}
		}
	}
	assert.Equal(t, 4, neutralised, "each cell that would be a formula starts with an apostrophe")
	var back []map[string]any
	for _, r := range rows[1:] {
		back = append(back, map[string]any{"id": r[0], "level": r[1], "type": r[2], "text": r[3], "introduction": r[4],
			"how_to_answer": lines(r[5]), "what_not_to_say": lines(r[6]), "example_answer": r[7], "skills": lines(r[8])})
		if r[9] != "" { // as JSON omits an empty list
			back[len(back)-1]["follow_ups"] = lines(r[9])
		}
	}
	var jsonOut bytes.Buffer
	require.NoError(t, render.WriteJSON(&jsonOut, qs))
	var want []map[string]any
	require.NoError(t, json.Unmarshal(jsonOut.Bytes(), &want))
	for _, q := range want {
		delete(q, "source") // compared above, as CSV writes it
	}
	got, _ := json.Marshal(back)
	wantJSON, _ := json.Marshal(want)
	assert.JSONEq(t, string(wantJSON), string(got), "the CSV holds exactly what the JSON does")
}

func TestKit(t *testing.T) {
	q := questionbank.Question{ID: "k-1", Level: questionbank.Lead, Type: questionbank.Behavioral,
		Text: "Tell me about *the* <worst> outage", HowToAnswer: []string{"# owns it"}, WhatNotToSay: []string{"blames [others]"},
		ExampleAnswer: "We `rolled back`.", Skills: []string{"Ownership"}}
	var buf bytes.Buffer
	require.NoError(t, render.WriteKit(&buf, []questionbank.Question{q}))
	out := buf.String()
	for _, want := range []string{"**Candidate:** ___", "**Interviewer:** ___", "**Date:** ___", "**Role and level:** ___", "## Question 1",
		`**Tell me about \*the\* \<worst\> outage**`, "*Lead Backend Developer* · Behavioral · `k-1` · Skills: Ownership",
		"### What a strong answer covers\n\n- \\# owns it", "### Red flags\n\n- blames \\[others\\]", "☐ 1", "☐ 5", "- **3**:", "### Notes",
		"### Example answer (for the interviewer: do not read it out)\n\nWe \\`rolled back\\`."} {
		assert.Contains(t, out, want)
	}
	assert.NotContains(t, out, "| |", "no table with an empty row")
	assert.NotContains(t, out, "<details>", "the example answer prints")
	assert.Less(t, strings.Index(out, "### Notes"), strings.Index(out, "Example answer"), "the example answer comes last")
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
	assert.EqualError(t, err, `render: unknown format "yaml" (formats are text, markdown, json, anki, csv, kit)`)
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
	//
	// ---
	//
	// *Questions from: 7 Backend Developer Interview Questions and Answers for 2025 · https://himalayas.app/interview-questions/backend-developer.*
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
	//
	// Questions from: 7 Backend Developer Interview Questions and Answers for 2025 ·
	// https://himalayas.app/interview-questions/backend-developer.
}

func ExampleWriteAnki() {
	q, _ := questionbank.Default().Get("junior-2")
	q.Introduction, q.HowToAnswer, q.WhatNotToSay, q.ExampleAnswer = "", q.HowToAnswer[:1], nil, ""
	render.WriteAnki(os.Stdout, []questionbank.Question{q})
	// Output:
	// #separator:tab
	// #html:true
	// #guid column:1
	// #notetype:Basic
	// #deck:Backend interview questions
	// #tags column:4
	// qbtjrw3fcmt5ayremy	How do you approach debugging a piece of code that isn&#39;t functioning as expected?	<i>Junior Backend Developer, Technical (junior-2)</i><br><br><b>Skills tested:</b> Debugging, Analytical Thinking, Attention To Detail, Technical Proficiency<br><br><b>How to answer</b><br>• Describe your systematic approach to identifying the issue.<br><br><small>Source: 7 Backend Developer Interview Questions and Answers for 2025 · https://himalayas.app/interview-questions/backend-developer</small>	level::junior type::technical skill::debugging skill::analytical-thinking skill::attention-to-detail skill::technical-proficiency
}

func ExampleWriteKit() {
	bank := questionbank.Default()
	qs, _ := bank.Plan(rand.New(rand.NewPCG(1, 1)),
		questionbank.Quota{Filter: questionbank.ByType(questionbank.Technical), N: 1},
		questionbank.Quota{Filter: questionbank.ByType(questionbank.Behavioral), N: 1})
	var buf bytes.Buffer
	render.WriteKit(&buf, qs)
	fmt.Println(strings.Count(buf.String(), "## Question"), "questions,", strings.Count(buf.String(), "### Score"), "score lines")
	// Output: 2 questions, 2 score lines
}

func ExampleWriteCSV() {
	q, _ := questionbank.Default().Get("mid-1")
	q.Introduction, q.HowToAnswer, q.WhatNotToSay, q.ExampleAnswer = "", q.HowToAnswer[:2], nil, ""
	var buf bytes.Buffer
	render.WriteCSV(&buf, []questionbank.Question{q})
	fmt.Print(strings.ReplaceAll(buf.String(), "\r\n", "\n")) // records end in CRLF, as RFC 4180 has it
	// Output:
	// id,level,type,text,introduction,how_to_answer,what_not_to_say,example_answer,skills,follow_ups,source
	// mid-1,mid,behavioral,Can you describe a challenging bug you encountered in your previous projects and how you resolved it?,,"Begin by explaining the context of the project and the specific bug that occurred.
	// Detail the steps you took to identify the root cause of the bug.",,,"Problem-solving
	// Debugging
	// Technical Knowledge",,7 Backend Developer Interview Questions and Answers for 2025 · https://himalayas.app/interview-questions/backend-developer
}

func ExampleAnkiDeck() {
	q, _ := questionbank.Default().Get("lead-1")
	var buf bytes.Buffer
	render.AnkiDeck{Name: "Interviews::Lead"}.Write(&buf, []questionbank.Question{q})
	lines := strings.Split(buf.String(), "\n")
	fmt.Println(lines[4])
	fmt.Println(strings.Split(lines[6], "\t")[0] == render.AnkiGUID("lead-1"))
	// Output:
	// #deck:Interviews::Lead
	// true
}

// TestNoControlCharacters writes a question full of control characters in
// every format for people, and checks that none reaches the output.
func TestNoControlCharacters(t *testing.T) {
	evil := "Why?\x1b]0;pwned\a\x1b[2J\r\x00\x7f\u009b31m\u0085\u202eevil\u2066end\u2069\u202a\xff"
	q := questionbank.Question{
		ID: "evil-1", Level: questionbank.Senior, Type: questionbank.Technical,
		Text: evil, Introduction: evil, HowToAnswer: []string{evil}, WhatNotToSay: []string{evil},
		ExampleAnswer: evil, Skills: []string{evil},
	}
	for _, f := range []render.Format{render.Text, render.Markdown, render.Anki, render.CSV, render.Kit} {
		var out bytes.Buffer
		require.NoError(t, render.Write(&out, f, []questionbank.Question{q}))
		text := out.String()
		if f == render.CSV {
			text = strings.ReplaceAll(text, "\r\n", "\n") // CSV's own line ends
		}
		for _, r := range text {
			if r != '\t' && r != '\n' && unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) {
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

	// JSON keeps the text, with every control escaped: it reads back whole.
	q.Text = strings.ToValidUTF8(evil, "")
	out.Reset()
	require.NoError(t, render.WriteJSON(&out, []questionbank.Question{q}))
	for _, r := range out.String() {
		if r != '\n' && unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) {
			t.Errorf("JSON output holds control character %U", r)
		}
	}
	assert.Contains(t, out.String(), `\u009b31m\u0085\u202eevil\u2066end\u2069\u202a`)
	var back []questionbank.Question
	require.NoError(t, json.Unmarshal(out.Bytes(), &back))
	assert.Equal(t, q.Text, back[0].Text)
}

func TestFollowUpsAreShown(t *testing.T) {
	q, _ := questionbank.Default().Get("senior-1")
	q.FollowUps = []string{"What would you monitor afterwards?", "Who did you tell?"}
	for _, f := range []render.Format{render.Text, render.Markdown, render.Kit, render.JSON, render.CSV} {
		var out bytes.Buffer
		require.NoError(t, render.Write(&out, f, []questionbank.Question{q}))
		for _, fu := range q.FollowUps {
			assert.Contains(t, out.String(), fu, "%v", f)
		}
		if f != render.JSON && f != render.CSV {
			assert.Contains(t, out.String(), "Follow-up questions", "%v", f)
		}
	}
}

// The formats are listed once: every one parses from its name, and the
// error for an unknown one names them all.
func TestFormatsListedOnce(t *testing.T) {
	_, err := render.ParseFormat("x")
	require.Error(t, err)
	var names []string
	for _, f := range render.Formats() {
		back, err := render.ParseFormat(f.String())
		require.NoError(t, err)
		assert.Equal(t, f, back)
		names = append(names, f.String())
	}
	assert.Equal(t, []string{"text", "markdown", "json", "anki", "csv", "kit"}, names)
	assert.EqualError(t, err, `render: unknown format "x" (formats are `+strings.Join(names, ", ")+")")
	assert.Equal(t, "Format(7)", render.Format(len(names)+1).String())
	assert.Equal(t, "Format(0)", render.Format(0).String())
}
