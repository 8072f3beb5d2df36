package mdbank

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/backendprep/questionbank"
)

// The built-in corpus, written and loaded again, is the same bank.
func TestWriteLoadRoundTrip(t *testing.T) {
	dir := t.TempDir()
	want := questionbank.Default().All()
	require.NoError(t, Write(dir, want))
	bank, err := Load(os.DirFS(dir))
	require.NoError(t, err)
	got := bank.All()
	// Load reads files in name order; compare by ID.
	require.Len(t, got, len(want))
	for _, q := range want {
		back, ok := bank.Get(q.ID)
		require.True(t, ok, q.ID)
		assert.Equal(t, q, back, q.ID)
	}
}

const good = `---
id: senior-caching
level: senior
type: technical
skills: [Caching, Redis]
---

# How would you cache the results of a *slow* service?

It assesses judgement,
over two lines.

And a second paragraph.

## How to answer

- Say what to cache,
  and for how long
* Say how it is invalidated
1. Measure the hit rate

## what NOT to say

+ That caching is free

## Example answer

I would put a read-through cache in front of it.\
A line break.

Then a second paragraph.

## Follow-up questions

- What if the service is down?
`

func TestLoadReadsAQuestion(t *testing.T) {
	for name, data := range map[string]string{
		"plain": good,
		"CRLF":  strings.ReplaceAll(good, "\n", "\r\n"),
		"BOM":   "\xef\xbb\xbf" + good,
	} {
		bank, err := Load(fstest.MapFS{"q/caching.md": {Data: []byte(data)}})
		require.NoError(t, err, name)
		q, ok := bank.Get("senior-caching")
		require.True(t, ok, name)
		assert.Equal(t, questionbank.Question{
			ID: "senior-caching", Level: questionbank.Senior, Type: questionbank.Technical,
			Text:          "How would you cache the results of a *slow* service?",
			Introduction:  "It assesses judgement, over two lines.\n\nAnd a second paragraph.",
			HowToAnswer:   []string{"Say what to cache, and for how long", "Say how it is invalidated", "Measure the hit rate"},
			WhatNotToSay:  []string{"That caching is free"},
			ExampleAnswer: "I would put a read-through cache in front of it.\nA line break.\n\nThen a second paragraph.",
			Skills:        []string{"Caching", "Redis"},
			FollowUps:     []string{"What if the service is down?"},
		}, q, name)
	}
}

func TestLoadErrorsSayWhereAndWhat(t *testing.T) {
	tests := []struct {
		name, file, want string
	}{
		{"no front matter", "# Why?\n", "a.md:1: no front matter: a question file starts with a line ---, then id, level, type and skills, then ---"},
		{"unclosed front matter", "---\nid: a\n", "a.md:1: the front matter has no closing --- line"},
		{"missing id", "---\nlevel: senior\ntype: technical\n---\n# Why?\n", "a.md:1: the front matter has no id"},
		{"unknown key", "---\nid: a\nlevel: senior\ntype: technical\nskils: [x]\n---\n# Why?\n", `a.md:5: unknown key "skils" in the front matter; did you mean "skills"?`},
		{"bad level", "---\nid: a\nlevel: senor\ntype: technical\n---\n# Why?\n", `a.md:3: unknown level "senor"; did you mean "senior"?`},
		{"bad type", "---\nid: a\nlevel: senior\ntype: tech\n---\n# Why?\n", `a.md:4: unknown type "tech"`},
		{"bad yaml", "---\nid: a\nlevel: [senior\ntype: x\n---\n# Why?\n", "a.md:"},
		{"a key twice", "---\nid: a\nid: b\nlevel: senior\ntype: technical\n---\n# Why?\n", `a.md:3: key "id" is given twice in the front matter (first on line 2)`},
		{"unknown section", "---\nid: a\nlevel: senior\ntype: technical\n---\n# Why?\n\n## How to anwser\n\n- x\n", `a.md:8: unknown section "How to anwser"; did you mean "How to answer"?`},
		{"no question", "---\nid: a\nlevel: senior\ntype: technical\n---\n\nJust words.\n", "a.md:7: the question must come first, as a level-1 heading"},
		{"empty question", "---\nid: a\nlevel: senior\ntype: technical\n---\n", "a.md:6: no question: write it as a level-1 heading after the front matter"},
		{"two questions", "---\nid: a\nlevel: senior\ntype: technical\n---\n# Why?\n\n# And why not?\n", `a.md:8: a second question, "And why not?"`},
		{"not a list", "---\nid: a\nlevel: senior\ntype: technical\n---\n# Why?\n\n## How to answer\n\nA paragraph.\n", "a.md:10: the how to answer section holds a list, one point a bullet (- ...), not a paragraph"},
		{"code in the example", "---\nid: a\nlevel: senior\ntype: technical\n---\n# Why?\n\n## Example answer\n\n```\ncode\n```\n", "a.md:10: a code block in the example answer: write it as paragraphs, or a list"},
		{"not UTF-8", "---\nid: a\nlevel: senior\ntype: tech\xffnical\n---\n# Why?\n", "a.md:4: not UTF-8: byte 0xff at column 11"},
		{"a bad id", "---\nid: \"a b\"\nlevel: senior\ntype: technical\n---\n# Why?\n", "a.md:2: ID has a space or control character"},
		{"a section twice", "---\nid: a\nlevel: senior\ntype: technical\n---\n# Why?\n\n## How to answer\n\n- x\n\n## How to answer\n\n- y\n", `a.md:12: a second "How to answer" section (the first is on line 8)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			bank, err := Load(fstest.MapFS{"a.md": {Data: []byte(tc.file)}})
			assert.Nil(t, bank, "nothing half-loaded")
			var e *Error
			require.True(t, errors.As(err, &e), "want an *Error, got %v", err)
			assert.Contains(t, err.Error(), "mdbank: "+tc.want)
		})
	}
}

func TestLoadReportsEveryFileAndDuplicates(t *testing.T) {
	q := func(id string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\nid: " + id + "\nlevel: senior\ntype: technical\n---\n# Why?\n")}
	}
	fsys := fstest.MapFS{
		"a.md": q("x-1"), "b/c.md": q("X-1"), "d.md": {Data: []byte("nothing")}, "notes.txt": {Data: []byte("not read")},
		".git/e.md": {Data: []byte("not read either")},
	}
	_, err := Load(fsys)
	require.Error(t, err)
	assert.Equal(t, `mdbank: b/c.md:2: id "X-1" is also the id of the question in a.md:2
mdbank: d.md:1: no front matter: a question file starts with a line ---, then id, level, type and skills, then ---`, err.Error())

	many := fstest.MapFS{}
	for i := range 150 {
		many[strings.Repeat("x", 1+i%5)+string(rune('a'+i%26))+string(rune('a'+i/26))+".md"] = &fstest.MapFile{Data: []byte("nothing")}
	}
	_, err = Load(many)
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Len(t, e.Problems, 100)
	assert.Equal(t, 50, e.More)
	assert.True(t, strings.HasSuffix(err.Error(), "mdbank: and 50 more problems"))

	_, err = Load(fstest.MapFS{"README.txt": {Data: []byte("no questions")}})
	assert.EqualError(t, err, "mdbank: .: no question files: a question is a file whose name ends in .md")

	big := fstest.MapFS{"big.md": {Data: make([]byte, MaxFileSize+1)}}
	_, err = Load(big)
	assert.EqualError(t, err, "mdbank: big.md: larger than a question file may be (65536 bytes; a question is a few kilobytes)")
}

// What Markdown cannot hold as it is, Write refuses, and writes nothing.
func TestWriteRefusesWhatWouldNotReadBack(t *testing.T) {
	q, _ := questionbank.Default().Get("lead-1")
	for _, bad := range []func(*questionbank.Question){
		func(q *questionbank.Question) { q.Introduction = "# not a heading" },
		func(q *questionbank.Question) { q.HowToAnswer = []string{"- a list in a list"} },
		func(q *questionbank.Question) { q.Text = "two\nlines" },
	} {
		q := q
		bad(&q)
		dir := filepath.Join(t.TempDir(), "bank")
		err := Write(dir, []questionbank.Question{q})
		assert.ErrorContains(t, err, `mdbank: question "lead-1" cannot be written as Markdown that reads back the same`)
		_, statErr := os.Stat(dir)
		assert.True(t, os.IsNotExist(statErr), "nothing written")
	}
	// Paragraphs, line breaks and markup are written so that they read back.
	q.Introduction = "One *emphasised* paragraph\nwith a break.\n\nAnd `code`."
	q.HowToAnswer = []string{"A point\nover two lines", "A point.\n\nWith a second paragraph."}
	q.FollowUps = []string{"Why?"}
	dir := t.TempDir()
	require.NoError(t, Write(dir, []questionbank.Question{q}))
	bank, err := Load(os.DirFS(dir))
	require.NoError(t, err)
	back, _ := bank.Get("lead-1")
	assert.Equal(t, q, back)
}

func TestFileNames(t *testing.T) {
	dir := t.TempDir()
	qs := []questionbank.Question{
		{ID: "Team/Caching-1", Level: questionbank.Senior, Type: questionbank.Technical, Text: "Why?"},
		{ID: "team-caching-1", Level: questionbank.Senior, Type: questionbank.Technical, Text: "Why not?"},
	}
	require.NoError(t, Write(dir, qs))
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	assert.Equal(t, []string{"team-caching-1-2.md", "team-caching-1.md"}, names)

	// No control or bidi character reaches a file's name.
	for id, want := range map[string]string{"a\x1b[31m": "a-[31m", "b\x7f": "b-", "c\u009b": "c-", "d\u202eevil": "d-evil", "e\u00a0f": "e-f", "ü": "ü"} {
		assert.Equal(t, want, fileName(id), "fileName(%q)", id)
	}
}

// FuzzLoad checks that any file either loads or is refused with problems
// that say where, and that what loads writes and loads back the same. It
// is seeded with the pathological inputs of Markdown parsers, whose cost
// BenchmarkPathological measures.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(good))
	f.Add([]byte("---\nid: a\nlevel: senior\ntype: technical\n---\n# Why?\n"))
	f.Add([]byte("---\n---\n"))
	f.Add([]byte("\xef\xbb\xbf---\r\nid: a\r\n---\r\n"))
	for _, p := range pathologicalInputs {
		f.Add(questionWith(p.make(2 << 10)))
	}
	for _, fm := range pathologicalFrontMatter {
		f.Add(withFrontMatter(fm))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		bank, err := Load(fstest.MapFS{"f.md": {Data: data}})
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Load: %v, not an *Error", err)
			}
			if len(e.Problems) > maxProblems {
				t.Fatalf("%d problems listed", len(e.Problems))
			}
			for _, p := range e.Problems {
				if p.Path != "f.md" || p.Line < 0 || p.Msg == "" {
					t.Fatalf("problem %+v", p)
				}
			}
			return
		}
		q := bank.All()[0]
		data2, err := Marshal(q)
		if err != nil {
			t.Fatalf("Write refuses what Load accepted: %v", err)
		}
		back, err := Load(fstest.MapFS{"f.md": {Data: data2}})
		if err != nil {
			t.Fatalf("Marshal wrote a file Load refuses: %v\n%s", err, data2)
		}
		if !sameQuestion(back.All()[0], q) {
			t.Fatalf("round trip: %+v != %+v", back.All()[0], q)
		}
	})
}

func TestSource(t *testing.T) {
	file := "---\nid: a\nlevel: senior\ntype: technical\nsource:\n  title: Our hiring guide\n  url: https://example.com/guide\n  licence: CC BY 4.0\n---\n# Why?\n"
	bank, err := Load(fstest.MapFS{"a.md": {Data: []byte(file)}})
	require.NoError(t, err)
	q, _ := bank.Get("a")
	assert.Equal(t, questionbank.Source{Title: "Our hiring guide", URL: "https://example.com/guide", Licence: "CC BY 4.0"}, q.Source)
	data, err := Marshal(q)
	require.NoError(t, err)
	assert.Contains(t, string(data), "source:\n    title: Our hiring guide\n")

	for doc, want := range map[string]string{
		"source: a guide":               "a.md:5: source must hold a title, and may hold a url and a licence",
		"source:\n  titel: A guide":     `a.md:6: unknown key "titel" in the source (the keys are title, url and licence)`,
		"source:\n  url: https://x.org": "a.md:6: a source needs a title",
	} {
		_, err := Load(fstest.MapFS{"a.md": {Data: []byte("---\nid: a\nlevel: senior\ntype: technical\n" + doc + "\n---\n# Why?\n")}})
		assert.ErrorContains(t, err, "mdbank: "+want, doc)
	}
}
