package questionbank

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Regression tests for the hardening of version 2: each case failed
// before it.

func TestQueryChecksSkillsAsWritten(t *testing.T) {
	tests := []struct {
		q      string
		offset int
		skill  string
	}{
		{"() OR skill:nope", 6, "nope"},
		{"-() skill:nope", 4, "nope"},
		{"level<junior skill:nope", 13, "nope"},
		{"skill:zzz OR skill:aaa", 0, "zzz"},    // the first in the query, not the first by value
		{"skill:leadership,zzz,aaa", 11, "zzz"}, // the first unknown in a list
	}
	for _, tc := range tests {
		_, err := Default().Query(tc.q)
		var se *SyntaxError
		require.ErrorAs(t, err, &se, "Query(%q)", tc.q)
		assert.Equal(t, tc.offset+len("skill:"), se.Offset, "Query(%q) offset", tc.q)
		assert.Contains(t, se.Msg, fmt.Sprintf("skill %q", tc.skill), "Query(%q)", tc.q)
	}
}

// TestHostileSkillQueryIsBounded gives a query of 4,096 bytes of unknown
// skills to a bank of 5,000 skills: one suggestion is made, for the first.
// (BenchmarkParseQueryHostile measures its time against ParseFilter's.)
func TestHostileSkillQueryIsBounded(t *testing.T) {
	bank, q := hostileSkillQuery(t)
	_, err := bank.ParseQuery(q)
	var se *SyntaxError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, len("skill:"), se.Offset)
	assert.Contains(t, se.Msg, `no question in the bank tests skill "y4999"; did you mean "z4999"?`)
}

// hostileSkillQuery returns a bank of 5,000 skills (z0000 to z4999) and a
// query of about 4,096 bytes listing skills it lacks, each one edit from
// one it has.
func hostileSkillQuery(tb testing.TB) (*Bank, string) {
	tb.Helper()
	qs := make([]Question, 5000)
	for i := range qs {
		qs[i] = Question{ID: fmt.Sprintf("q%d", i), Level: Senior, Type: Technical, Text: "Why?", Skills: []string{fmt.Sprintf("z%04d", i)}}
	}
	bank, err := New(qs)
	require.NoError(tb, err)
	var b strings.Builder
	b.WriteString("skill:")
	for i := 4999; b.Len()+6 <= MaxQueryLen; i-- {
		if i < 4999 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "y%04d", i)
	}
	return bank, b.String()
}

func TestPhraseIgnoresPunctuation(t *testing.T) {
	q := Question{ID: "p", Level: Senior, Type: Technical, Text: "Put an API, gateway in front"}
	assert.True(t, ByText("api gateway").Match(q))
	assert.True(t, MustParseFilter(`"api gateway"`).Match(q))
	assert.True(t, MustParseFilter(`"api—gateway"`).Match(q))
	assert.False(t, MustParseFilter(`"gateway api"`).Match(q))
}

func TestUnicodeWords(t *testing.T) {
	hindi := Question{ID: "h", Level: Senior, Type: Technical, Text: "हिन्दी में"}
	assert.True(t, MustParseFilter("हिन्दी").Match(hindi), "combining marks are part of a word")
	assert.False(t, MustParseFilter("न").Match(hindi), "a letter between marks is not a word of its own")
	assert.Equal(t, []string{"हिन्दी", "में"}, words(hindi.Text))

	decomposed := Question{ID: "c", Level: Senior, Type: Technical, Text: "Cafe\u0301 au lait", Skills: []string{"Re\u0301sume\u0301 writing"}}
	precomposed := Question{ID: "c2", Level: Senior, Type: Technical, Text: "Caf\u00e9 au lait", Skills: []string{"R\u00e9sum\u00e9 writing"}}
	for _, q := range []Question{decomposed, precomposed} {
		for _, query := range []string{"caf\u00e9", "cafe\u0301", `"caf\u00e9 au"`, "skill:r\u00e9sum\u00e9-writing", "skill:\"re\u0301sume\u0301 writing\""} {
			assert.True(t, MustParseFilter(query).Match(q), "%q matches %q", query, q.Text)
		}
	}
	bank, err := New([]Question{decomposed})
	require.NoError(t, err)
	assert.Equal(t, 1, bank.Count(MustParseFilter("caf\u00e9")), "the index is in NFC too")
	assert.Equal(t, 1, bank.Count(BySkill("r\u00e9sum\u00e9 writing")))

	_, err = New([]Question{precomposed, {ID: "Caf\u00e9", Level: Senior, Type: Technical, Text: "x"}, {ID: "cafe\u0301", Level: Senior, Type: Technical, Text: "y"}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "duplicate ID", "IDs equal in NFC are one ID")
}

func TestQuotedEscapes(t *testing.T) {
	tests := []struct{ q, want string }{
		{`id:"a\x01b"`, "a\x01b"},
		{`id:"tab\there"`, "tab\there"},
		{`id:"caf\u00e9"`, "café"},
		{`id:"\"quoted\""`, `"quoted"`},
		{`id:"back\\slash"`, `back\slash`},
	}
	for _, tc := range tests {
		f, err := ParseFilter(tc.q)
		require.NoError(t, err, "ParseFilter(%q)", tc.q)
		assert.True(t, f.Match(Question{ID: tc.want}), "ParseFilter(%q) matches ID %q", tc.q, tc.want)
		back, err := ParseFilter(f.String())
		require.NoError(t, err, "ParseFilter(%q), the canonical form of %q", f.String(), tc.q)
		assert.Equal(t, f.String(), back.String())
	}
}

// TestNothingWrittenThatCannotBeRead checks filters built in Go: each
// either prints text that ParseFilter reads back to the same filter, or
// MarshalText refuses it.
func TestNothingWrittenThatCannotBeRead(t *testing.T) {
	deep := ByLevel(Senior)
	for i := range 140 {
		if i%2 == 0 {
			deep = And(deep, ByType(Technical))
		} else {
			deep = Or(deep, ByID(fmt.Sprint("x", i)))
		}
	}
	readable := map[string]Filter{
		"control in an ID":    ByID("a\x01b"),
		"NUL in a skill":      BySkill("x\x00y"),
		"invalid UTF-8":       ByID("a\xffb"),
		"quote and backslash": BySkill(`"\`),
		"keyword as a word":   ByText("or"),
		"two dots":            ByID("a..b"),
	}
	for name, f := range readable {
		text, err := f.MarshalText()
		require.NoError(t, err, name)
		var back Filter
		require.NoError(t, back.UnmarshalText(text), "%s: %q", name, text)
		assert.Equal(t, f.String(), back.String(), name)
	}
	unreadable := map[string]Filter{
		"140 deep":        deep,
		"a 5,000-byte ID": ByID(strings.Repeat("a", 5000)),
		"too many branches": Or(func() []Filter {
			fs := make([]Filter, 2000)
			for i := range fs {
				fs[i] = ByID(fmt.Sprint(i))
			}
			return fs
		}()...),
	}
	for name, f := range unreadable {
		_, err := f.MarshalText()
		assert.Error(t, err, name)
		_, err = json.Marshal(struct{ F Filter }{f})
		assert.Error(t, err, "%s: a struct holding it does not marshal", name)
	}
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

func TestNewListsAtMost100Problems(t *testing.T) {
	qs := make([]Question, 120)
	_, err := New(qs)
	require.Error(t, err)
	lines := strings.Split(err.Error(), "\n")
	require.Len(t, lines, 101)
	assert.Equal(t, "questionbank: and 380 more problems", lines[100]) // 4 a question: ID, level, type, text
}

func TestMergeNil(t *testing.T) {
	b := Default()
	merged, err := b.Merge(nil)
	require.NoError(t, err)
	assert.Same(t, b, merged)
	merged, err = b.Merge(&Bank{})
	require.NoError(t, err)
	assert.Same(t, b, merged)
	merged, err = (&Bank{}).Merge(b)
	require.NoError(t, err)
	assert.Same(t, b, merged)
}

func TestSyntaxErrorFromJSONIsNotWrapped(t *testing.T) {
	_, err := LoadJSON(strings.NewReader("[1,"))
	var se *json.SyntaxError
	assert.False(t, errors.As(err, &se), "the message carries the line; the type is ours")
}
