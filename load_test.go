package questionbank

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLoadJSONCorpus(t *testing.T) {
	f, err := os.Open("data/sourcepage.json")
	require.NoError(t, err)
	defer f.Close()
	b, err := LoadJSON(f)
	require.NoError(t, err)
	assert.Equal(t, sourcePage().All(), b.All())
	assert.Equal(t, sourcePage().Version(), b.Version())
}

func TestLoadJSONForms(t *testing.T) {
	q := `{"id": "x-1", "level": "Senior Backend Developer", "type": "Technical", "text": "Why?", "skills": ["Go"]}`
	for name, doc := range map[string]string{
		"array":          "[" + q + "]",
		"object":         `{"questions": [` + q + `]}`,
		"object, extras": `{"title": "mine", "questions": [` + q + `], "n": 1}`,
	} {
		t.Run(name, func(t *testing.T) {
			b, err := LoadJSON(strings.NewReader(doc))
			require.NoError(t, err)
			got, ok := b.Get("x-1")
			require.True(t, ok)
			assert.Equal(t, Question{ID: "x-1", Level: Senior, Type: Technical, Text: "Why?", Skills: []string{"Go"}}, got)
		})
	}
	b, err := LoadJSON(strings.NewReader("[]"))
	require.NoError(t, err)
	assert.Zero(t, b.Len())
}

func TestLoadJSONRoundTrip(t *testing.T) {
	data, err := json.Marshal(sourcePage().All())
	require.NoError(t, err)
	b, err := LoadJSON(bytes.NewReader(data))
	require.NoError(t, err)
	assert.Equal(t, sourcePage().All(), b.All())
}

func TestLoadJSONErrors(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want []string // the lines of the error
	}{
		{"syntax", "[\n  {\"id\": \"a\",, }\n]", []string{
			`questionbank: JSON bank: line 2, column 14: invalid character ',' looking for beginning of object key string`}},
		{"truncated", "[\n  {\"id\": \"a\"", []string{
			`questionbank: JSON bank: line 2, column 13: unexpected end of JSON input`}},
		{"multibyte column", "[\n  {\"text\": \"café\" \"id\"}]", []string{
			`questionbank: JSON bank: line 2, column 19: invalid character '"' after object key:value pair`}},
		{"empty", "", []string{`questionbank: JSON bank: line 1, column 1: unexpected end of JSON input`}},
		{"not a bank", `"hello"`, []string{
			`questionbank: JSON bank: want an array of questions, or an object with a "questions" array`}},
		{"no questions", `{"items": []}`, []string{`questionbank: JSON bank: the object has no "questions" array`}},
		{"questions not an array", "{\n\"questions\": {}}", []string{`questionbank: JSON bank: line 2, column 14: "questions" must be an array`}},
		{"every problem at once", `[
  {"id": "a", "level": "leed", "type": "technical", "text": "Q"},
  {"id": "b", "level": "senior", "type": "tecnical", "text": "Q", "skils": ["x"]},
  {"id": "A", "level": "senior", "type": "technical", "text": ""},
  {"level": 3, "type": "technical", "text": "Q", "skills": "Go", "how_to_answer": [1]},
  "oops",
  {"id": "c d", "type": "technical", "text": "Q", "skills": ["ok", ""]}
]`, []string{
			`questionbank: line 2: question 0 (id "a"): unknown level "leed"; did you mean "lead"? (levels are junior, developer, mid, senior, lead, principal, architect)`,
			`questionbank: line 3: question 1 (id "b"): unknown type "tecnical"; did you mean "technical"? (types are behavioral, technical, competency, situational)`,
			`questionbank: line 3: question 1 (id "b"): unknown key "skils"; did you mean "skills"?`,
			`questionbank: line 4: question 2 (id "A"): duplicate ID: question 0 has it too`,
			`questionbank: line 4: question 2 (id "A"): empty question text`,
			`questionbank: line 5: question 3: missing "id"`,
			`questionbank: line 5: question 3: level: want a string, found a number`,
			`questionbank: line 5: question 3: how_to_answer: want an array of strings, found an array holding a number`,
			`questionbank: line 5: question 3: skills: want an array of strings, found a string`,
			`questionbank: line 6: question 4: want an object, found a string`,
			`questionbank: line 7: question 5 (id "c d"): missing "level"`,
			`questionbank: line 7: question 5 (id "c d"): ID has a space or control character`,
			`questionbank: line 7: question 5 (id "c d"): skill 1 is empty`,
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := LoadJSON(strings.NewReader(tc.doc))
			assert.Nil(t, b, "nothing is half-loaded")
			require.Error(t, err)
			assert.Equal(t, tc.want, strings.Split(err.Error(), "\n"))
		})
	}
}

func TestLoadJSONReadError(t *testing.T) {
	_, err := LoadJSON(iotest.ErrReader(errors.New("disk on fire")))
	assert.EqualError(t, err, "questionbank: reading JSON bank: disk on fire")
}

func TestMerge(t *testing.T) {
	mine, err := New([]Question{{ID: "mine-1", Level: Senior, Type: Technical, Text: "How do you cache?", Skills: []string{"Caching"}}})
	require.NoError(t, err)
	merged, err := sourcePage().Merge(mine)
	require.NoError(t, err)
	assert.Equal(t, 15, merged.Len())
	assert.Equal(t, "mine-1", merged.All()[14].ID)
	assert.Equal(t, 3, merged.Count(ByLevel(Senior)))
	assert.Equal(t, []string{"mine-1"}, ids(merged.Filter(BySkill("caching"))))
	assert.Equal(t, 14, sourcePage().Len(), "the receiver is unchanged")
	assert.NotEqual(t, sourcePage().Version(), merged.Version())

	_, err = merged.Merge(mine)
	assert.EqualError(t, err, `questionbank: merge: ID "mine-1" is in both banks`)
	_, err = sourcePage().Merge(sourcePage())
	require.Error(t, err)
	assert.Len(t, strings.Split(err.Error(), "\n"), 14, "every shared ID is named")

	same, err := sourcePage().Merge(&Bank{})
	require.NoError(t, err)
	assert.Equal(t, sourcePage().Version(), same.Version())
}

func TestVersion(t *testing.T) {
	base := sourcePage().All()
	v := sourcePage().Version()
	assert.Regexp(t, `^[0-9a-f]{16}$`, v)

	same, err := New(base)
	require.NoError(t, err)
	assert.Equal(t, v, same.Version(), "equal content, equal version")

	edits := map[string]func(qs []Question){
		"id":              func(qs []Question) { qs[3].ID = "other" },
		"level":           func(qs []Question) { qs[3].Level = Architect },
		"type":            func(qs []Question) { qs[3].Type = Competency },
		"text":            func(qs []Question) { qs[3].Text += "!" },
		"introduction":    func(qs []Question) { qs[3].Introduction = "" },
		"how to answer":   func(qs []Question) { qs[3].HowToAnswer[1] += " " },
		"what not to say": func(qs []Question) { qs[3].WhatNotToSay = qs[3].WhatNotToSay[:3] },
		"example answer":  func(qs []Question) { qs[3].ExampleAnswer = strings.ToUpper(qs[3].ExampleAnswer) },
		"skills":          func(qs []Question) { qs[3].Skills = append(qs[3].Skills, "Go") },
		"order":           func(qs []Question) { qs[0], qs[1] = qs[1], qs[0] },
		"a question less": func(qs []Question) { qs[13] = qs[12]; qs[13].ID = "x" },
		// Moving a bullet from one list to the other changes no text.
		"bullet moved": func(qs []Question) {
			qs[3].WhatNotToSay = append([]string{qs[3].HowToAnswer[4]}, qs[3].WhatNotToSay...)
			qs[3].HowToAnswer = qs[3].HowToAnswer[:4]
		},
	}
	seen := map[string]string{v: "original"}
	for name, edit := range edits {
		qs := sourcePage().All()
		edit(qs)
		b, err := New(qs)
		require.NoError(t, err, name)
		got := b.Version()
		if prev, dup := seen[got]; dup {
			t.Errorf("edit %q gives the version of %q", name, prev)
		}
		seen[got] = name
	}
}

// TestSampleBankFile checks the sample bank under examples/, which
// documents the file format: it loads, merges with the corpus, and its
// skills join the corpus's.
func TestSampleBankFile(t *testing.T) {
	f, err := os.Open("examples/bank.json")
	require.NoError(t, err)
	defer f.Close()
	mine, err := LoadJSON(f)
	require.NoError(t, err)
	assert.Equal(t, []string{"go-1", "go-2", "team-1"}, ids(mine.All()))
	bank, err := sourcePage().Merge(mine)
	require.NoError(t, err)
	qs, err := bank.Query("skill:problem-solving level:senior")
	require.NoError(t, err)
	assert.Equal(t, []string{"senior-1", "go-2"}, ids(qs))
	assert.Equal(t, Behavioral, bank.All()[16].Type)
}

// FuzzLoadJSON checks, for any input: no panic; an error comes with no
// bank and says where it comes from; a bank that loads writes back to JSON
// that loads as the same bank, of the same version.
func FuzzLoadJSON(f *testing.F) {
	for _, name := range []string{"data/sourcepage.json", "examples/bank.json"} {
		data, err := os.ReadFile(name)
		require.NoError(f, err)
		f.Add(data)
	}
	f.Add([]byte(`[{"id": "a", "level": "leed", "type": "technical", "text": "Q"}]`))
	f.Add([]byte(`{"questions": [{"id": "a", "level": "lead", "type": "technical", "text": "Q", "skills": ["x", ""]}]}`))
	f.Add([]byte("[\n  {\"id\": \"a\",, }\n]"))
	f.Add([]byte(`{"items": []}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := LoadJSON(bytes.NewReader(data))
		if err != nil {
			if b != nil {
				t.Fatalf("LoadJSON returned a bank and the error %v", err)
			}
			if !strings.HasPrefix(err.Error(), "questionbank: ") {
				t.Fatalf("error without the package prefix: %v", err)
			}
			return
		}
		all := b.All()
		if all == nil {
			all = []Question{} // an empty bank is [], not null
		}
		out, err := json.Marshal(all)
		if err != nil {
			t.Fatalf("a loaded bank does not marshal: %v", err)
		}
		back, err := LoadJSON(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("a loaded bank, written back, does not load: %v\n%s", err, out)
		}
		if !equalQuestions(b.All(), back.All()) || b.Version() != back.Version() {
			t.Fatalf("a loaded bank, written back, loads differently")
		}
	})
}

func equalQuestions(a, b []Question) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

// FuzzParseNames checks that ParseLevel and ParseType never panic and that
// what they accept prints as a key they accept again.
func FuzzParseNames(f *testing.F) {
	for _, s := range []string{"senior", "Senior Backend Developer", "SR", "behavioural", "tecnical", "", "mid-level"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if l, err := ParseLevel(s); err == nil {
			if back, err := ParseLevel(l.String()); err != nil || back != l {
				t.Fatalf("ParseLevel(%q) = %v, which does not parse back", s, l)
			}
		} else if !strings.Contains(err.Error(), "unknown level") {
			t.Fatalf("ParseLevel(%q): %v", s, err)
		}
		if ty, err := ParseType(s); err == nil {
			if back, err := ParseType(ty.String()); err != nil || back != ty {
				t.Fatalf("ParseType(%q) = %v, which does not parse back", s, ty)
			}
		} else if !strings.Contains(err.Error(), "unknown type") {
			t.Fatalf("ParseType(%q): %v", s, err)
		}
	})
}

func TestLoadJSONRefuses(t *testing.T) {
	q := func(id, text string) string {
		return fmt.Sprintf(`{"id": %q, "level": "senior", "type": "technical", "text": %q}`, id, text)
	}
	tests := []struct {
		name, doc string
		want      []string
	}{
		{"a key twice", "[\n" + `{"id": "a", "id": "b", "level": "senior", "type": "technical", "text": "Q"}` + "\n]",
			[]string{`questionbank: line 2: question 0 (id "a"): key "id" is given twice`}},
		{"a second questions key", `{"questions": [` + q("a", "Q") + "],\n" + `"questions": []}`,
			[]string{`questionbank: JSON bank: line 2, column 1: a second "questions" key`}},
		{"invalid UTF-8", "[\n" + `{"id": "a", "level": "senior", "type": "technical", "text": "Q` + "\xff" + `"}]`,
			[]string{`questionbank: JSON bank: line 2, column 63: invalid UTF-8`}},
		{"a lone surrogate", "[\n" + `{"id": "a\ud800", "level": "senior", "type": "technical", "text": "Q"}]`,
			[]string{`questionbank: JSON bank: line 2, column 10: \ud800 is half of a UTF-16 surrogate pair`}},
		{"zero-width space in an ID", "[\n" + q("a\u200bb", "Q") + "]",
			[]string{`questionbank: line 2: question 0 (id "a\u200bb"): ID has an invisible character, U+200B, that would make it look like another`}},
		{"byte-order mark in an ID", "[\n" + q("a\ufeffb", "Q") + "]",
			[]string{`questionbank: line 2: question 0 (id "a\ufeffb"): ID has an invisible character, U+FEFF, that would make it look like another`}},
		{"right-to-left override in an ID", "[\n" + q("\u202eab", "Q") + "]",
			[]string{`questionbank: line 2: question 0 (id "\u202eab"): ID has an invisible character, U+202E, that would make it look like another`}},
		{"invisible text", "[\n" + q("a", "\u200b\u2028 ") + "]",
			[]string{`questionbank: line 2: question 0 (id "a"): empty question text`}},
		{"CR line endings", "[\r" + q("a", "Q") + ",\r\r" + q("b", "") + "]",
			[]string{`questionbank: line 4: question 1 (id "b"): empty question text`}}, // line 3 is empty
		{"CRLF line endings", "[\r\n" + q("a", "Q") + ",\r\n\r\n" + q("b", "") + "]",
			[]string{`questionbank: line 4: question 1 (id "b"): empty question text`}},
		{"syntax after CR", "[\r\r{,}]",
			[]string{`questionbank: JSON bank: line 3, column 2: invalid character ',' looking for beginning of object key string`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := LoadJSON(strings.NewReader(tc.doc))
			require.Error(t, err)
			assert.Nil(t, b)
			assert.Equal(t, tc.want, strings.Split(err.Error(), "\n"))
		})
	}
}

func TestLoadJSONListsAtMost100Problems(t *testing.T) {
	var doc bytes.Buffer
	doc.WriteString("[")
	for i := range 150 {
		if i > 0 {
			doc.WriteString(",\n")
		}
		fmt.Fprintf(&doc, `{"id": "q%d", "level": "senior", "type": "technical", "text": ""}`, i)
	}
	doc.WriteString("]")
	_, err := LoadJSON(&doc)
	require.Error(t, err)
	lines := strings.Split(err.Error(), "\n")
	require.Len(t, lines, 101)
	assert.Equal(t, `questionbank: line 100: question 99 (id "q99"): empty question text`, lines[99])
	assert.Equal(t, "questionbank: and 50 more problems", lines[100])

	// A megabyte of numbers: half a million problems, a short error.
	numbers := "[" + strings.Repeat("1,", 500_000) + "1]"
	_, err = LoadJSON(strings.NewReader(numbers))
	require.Error(t, err)
	assert.Less(t, len(err.Error()), 10_000)
	assert.True(t, strings.HasSuffix(err.Error(), "questionbank: and 499901 more problems"), err.Error()[len(err.Error())-100:])
}

func TestSyntaxErrorFromJSONIsNotWrapped(t *testing.T) {
	_, err := LoadJSON(strings.NewReader("[1,"))
	var se *json.SyntaxError
	assert.False(t, errors.As(err, &se), "the message carries the line; the type is ours")
}

func TestLoadJSONFollowUps(t *testing.T) {
	b, err := LoadJSON(strings.NewReader(`[{"id": "a", "level": "senior", "type": "technical", "text": "Why?", "follow_ups": ["And then?", "Why not?"]}]`))
	require.NoError(t, err)
	q, _ := b.Get("a")
	assert.Equal(t, []string{"And then?", "Why not?"}, q.FollowUps)
	q.FollowUps[0] = "changed"
	again, _ := b.Get("a")
	assert.Equal(t, "And then?", again.FollowUps[0], "a copy")

	_, err = LoadJSON(strings.NewReader(`[{"id": "a", "level": "senior", "type": "technical", "text": "Why?", "follow_ups": "And then?"}]`))
	assert.ErrorContains(t, err, "follow_ups: want an array of strings, found a string")
}

func TestLoadJSONSource(t *testing.T) {
	doc := `{"source": {"title": "Our guide", "url": "https://example.com"}, "questions": [
		{"id": "a", "level": "senior", "type": "technical", "text": "Why?"},
		{"id": "b", "level": "senior", "type": "technical", "text": "Why not?", "source": {"title": "A book", "licence": "CC BY 4.0"}}]}`
	b, err := LoadJSON(strings.NewReader(doc))
	require.NoError(t, err)
	a, _ := b.Get("a")
	assert.Equal(t, Source{Title: "Our guide", URL: "https://example.com"}, a.Source, "the bank's source")
	bq, _ := b.Get("b")
	assert.Equal(t, Source{Title: "A book", Licence: "CC BY 4.0"}, bq.Source, "the question's own")

	merged, err := sourcePage().Merge(b)
	require.NoError(t, err)
	j, _ := merged.Get("junior-1")
	assert.Equal(t, "https://himalayas.app/interview-questions/backend-developer", j.Source.URL, "Merge keeps each question's own")
	a, _ = merged.Get("a")
	assert.Equal(t, "Our guide", a.Source.Title)

	for doc, want := range map[string]string{
		`{"source": "a guide", "questions": []}`:                                                        `line 1, column 2: source: want an object with title, url and licence, found a string`,
		`{"source": {"titel": "x"}, "questions": []}`:                                                   `source: unknown key "titel" (the keys are title, url, licence)`,
		`[{"id": "a", "level": "senior", "type": "technical", "text": "Why?", "source": {"url": "x"}}]`: `question 0 (id "a"): source: a source needs a title`,
	} {
		_, err := LoadJSON(strings.NewReader(doc))
		assert.ErrorContains(t, err, want, doc)
	}
}

// TestLoadJSONAllocatesWhatTheBytesCanHold checks that LoadJSON sizes
// what it makes by the questions its input could hold, not by the
// elements of its array: a megabyte of numbers, or of empty objects,
// allocates no more than a valid file of the same size.
func TestLoadJSONAllocatesWhatTheBytesCanHold(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector changes what is allocated")
	}
	const size = 1 << 20
	valid := []byte("[")
	for i := 0; len(valid) < size-100; i++ {
		if i > 0 {
			valid = append(valid, ',')
		}
		valid = fmt.Appendf(valid, `{"id":"%x","level":"mid","type":"technical","text":"x"}`, i)
	}
	valid = append(valid, ']')
	_, err := LoadJSON(bytes.NewReader(valid))
	require.NoError(t, err)
	allocated := func(doc []byte) uint64 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		LoadJSON(bytes.NewReader(doc))
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	budget := allocated(valid)
	for name, element := range map[string]string{"numbers": "1", "empty objects": "{}", "objects with an ID": `{"id":"x"}`} {
		n := len(valid) / (len(element) + 1)
		doc := []byte("[" + strings.Repeat(element+",", n-1) + element + "]")
		got := allocated(doc)
		t.Logf("%s: %d bytes allocated; the valid file, %d", name, got, budget)
		assert.LessOrEqual(t, got, budget, "%s: %d bytes allocated for %d bytes of input; a valid file of that size, %d", name, got, len(doc), budget)
	}
}
