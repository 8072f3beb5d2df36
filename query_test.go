package questionbank

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	allIDs = []string{"junior-1", "junior-2", "developer-1", "developer-2", "mid-1", "mid-2", "senior-1",
		"senior-2", "lead-1", "lead-2", "principal-1", "principal-2", "architect-1", "architect-2"}
	problemSolvers = []string{"junior-1", "developer-1", "developer-2", "mid-1", "senior-1", "lead-1", "principal-1", "architect-1"}
	seniorTech     = []string{"senior-1", "lead-1", "principal-1", "architect-1"}
)

// queryTests holds queries over the embedded corpus with the exact IDs
// each selects and its canonical text. The expectations were worked out
// from the seed by hand (and a grep for free text), not by running the
// code.
var queryTests = []struct {
	q     string
	want  []string
	canon string
}{
	// The empty query and empty groups.
	{"", allIDs, ""},
	{"   ", allIDs, ""},
	{"()", allIDs, ""},
	{"-()", nil, "-()"},
	{"(()) level:lead", []string{"lead-1", "lead-2"}, "level:lead"},

	// The contract's examples.
	{"level>=senior type:technical -skill:leadership", seniorTech, "level>=senior type:technical -skill:leadership"},
	{"level>=senior type:technical (skill:problem-solving OR skill:scalability)", seniorTech,
		"level>=senior type:technical (skill:problem-solving OR skill:scalability)"},

	// Levels: keys, titles, aliases, comparisons, ranges and lists.
	{"level:senior", []string{"senior-1", "senior-2"}, "level:senior"},
	{"LEVEL:SENIOR", []string{"senior-1", "senior-2"}, "level:senior"},
	{"level=sr", []string{"senior-1", "senior-2"}, "level:senior"},
	{`level:"Backend Architect"`, []string{"architect-1", "architect-2"}, "level:architect"},
	{`level:"mid-level backend developer"`, []string{"mid-1", "mid-2"}, "level:mid"},
	{"level>principal", []string{"architect-1", "architect-2"}, "level:architect"},
	{"level>=principal", []string{"principal-1", "principal-2", "architect-1", "architect-2"}, "level>=principal"},
	{"level:>=principal", []string{"principal-1", "principal-2", "architect-1", "architect-2"}, "level>=principal"},
	{"level<developer", []string{"junior-1", "junior-2"}, "level:junior"},
	{"level<=developer", []string{"junior-1", "junior-2", "developer-1", "developer-2"}, "level<=developer"},
	{"level:<=junior", []string{"junior-1", "junior-2"}, "level:junior"},
	{"level>architect", nil, "-()"},
	{"level<junior", nil, "-()"},
	{"level:mid..lead", []string{"mid-1", "mid-2", "senior-1", "senior-2", "lead-1", "lead-2"}, "level:mid..lead"},
	{"level:mid..senior", []string{"mid-1", "mid-2", "senior-1", "senior-2"}, "level:mid..senior"},
	{"level:lead..lead", []string{"lead-1", "lead-2"}, "level:lead"},
	{"level:junior,architect", []string{"junior-1", "junior-2", "architect-1", "architect-2"}, "level:junior,architect"},
	{"level:architect,junior,junior", []string{"junior-1", "junior-2", "architect-1", "architect-2"}, "level:junior,architect"},
	{"level:junior..architect", allIDs, "level>=junior"},

	// Types.
	{"type:situational", []string{"principal-2", "architect-2"}, "type:situational"},
	{"type=Competency", []string{"senior-2"}, "type:competency"},
	{"type:situational,competency", []string{"senior-2", "principal-2", "architect-2"}, "type:competency,situational"},
	{"type:behavioural", []string{"junior-1", "developer-2", "mid-1", "lead-2"}, "type:behavioral"},

	// Skills: case, spaces, hyphens and underscores are alike.
	{"skill:problem-solving", problemSolvers, "skill:problem-solving"},
	{`skill:"Problem solving"`, problemSolvers, "skill:problem-solving"},
	{"skill:PROBLEM_SOLVING", problemSolvers, "skill:problem-solving"},
	{"skill=problem--solving", problemSolvers, "skill:problem-solving"},
	{"skill:scalability", []string{"mid-2", "principal-2"}, "skill:scalability"},
	{"skill:leadership", []string{"lead-2"}, "skill:leadership"},
	{`skill:"team leadership"`, []string{"lead-1"}, "skill:team-leadership"},
	{"skill:strategic_thinking,Scalability", []string{"mid-2", "principal-2", "architect-2"}, "skill:scalability,strategic-thinking"},

	// IDs.
	{"id:junior-1", []string{"junior-1"}, "id:junior-1"},
	{"id:ARCHITECT-2,junior-1", []string{"junior-1", "architect-2"}, "id:architect-2,junior-1"},
	{"id:nope", nil, "id:nope"},

	// Negation, NOT, AND, OR and grouping.
	{"-type:technical", []string{"junior-1", "developer-2", "mid-1", "senior-2", "lead-2", "principal-2", "architect-2"}, "-type:technical"},
	{"NOT type:technical", []string{"junior-1", "developer-2", "mid-1", "senior-2", "lead-2", "principal-2", "architect-2"}, "-type:technical"},
	{"--level:lead", []string{"lead-1", "lead-2"}, "level:lead"},
	{"NOT -level:lead", []string{"lead-1", "lead-2"}, "level:lead"},
	{"NOT level:junior AND type:behavioral", []string{"developer-2", "mid-1", "lead-2"}, "-level:junior type:behavioral"},
	{"type:behavioral OR type:situational level:architect", []string{"junior-1", "developer-2", "mid-1", "lead-2", "architect-2"},
		"type:behavioral OR type:situational level:architect"},
	{"(type:behavioral OR type:situational) level:architect", []string{"architect-2"}, "(type:behavioral OR type:situational) level:architect"},
	{"-(level:junior OR type:technical)", []string{"developer-2", "mid-1", "senior-2", "lead-2", "principal-2", "architect-2"}, "-(level:junior OR type:technical)"},
	{"-(level:lead type:technical)", []string{"junior-1", "junior-2", "developer-1", "developer-2", "mid-1", "mid-2", "senior-1", "senior-2",
		"lead-2", "principal-1", "principal-2", "architect-1", "architect-2"}, "-(level:lead type:technical)"},
	{"id:mid-1 OR id:lead-1 OR (id:junior-2 OR id:mid-1)", []string{"junior-2", "mid-1", "lead-1"}, "id:mid-1 OR id:lead-1 OR id:junior-2 OR id:mid-1"},
	{"((level:lead))", []string{"lead-1", "lead-2"}, "level:lead"},
	{"level:lead AND (type:technical)", []string{"lead-1"}, "level:lead type:technical"},

	// Free text: whole words, case-insensitive, in any field.
	{"shopify", []string{"junior-1", "lead-1"}, "shopify"},
	{"SHOPIFY", []string{"junior-1", "lead-1"}, "shopify"},
	{"node", []string{"junior-1", "developer-1"}, "node"},
	{"Node.js", []string{"junior-1", "developer-1"}, `"node js"`},
	{"kubernetes", []string{"lead-1", "principal-2", "architect-1"}, "kubernetes"},
	{"STAR", []string{"developer-2", "senior-1", "lead-2", "principal-1"}, "star"},
	{"security", []string{"senior-2"}, "security"},
	{"secur", []string{"senior-2"}, "secur"}, // the stem of security

	// Stems: a word matches every word of its stem, on both sides.
	{"cache", []string{"developer-2", "senior-1", "principal-1", "architect-2"}, "cache"},
	{"caching", []string{"developer-2", "senior-1", "principal-1", "architect-2"}, "caching"},
	{`"designing scalable system"`, []string{"principal-2"}, `"designing scalable system"`},
	{"optimizing", []string{"developer-2", "mid-2", "senior-1", "principal-1"}, "optimizing"},
	{"leadership", []string{"lead-1", "lead-2"}, "leadership"}, // skills are text too
	{"30", []string{"junior-1", "mid-2", "architect-1"}, "30"},
	{"or", allIDs, `"or"`}, // a lower-case or is a word, printed quoted so it cannot read as a slip
	{`"OR"`, allIDs, `"or"`},
	{"type:competency or", []string{"senior-2"}, `type:competency "or"`},

	// Phrases: words in sequence within one field.
	{`"api gateway"`, []string{"developer-1", "lead-1"}, `"api gateway"`}, // lead-1: "API gateways"
	{`"API  Gateway"`, []string{"developer-1", "lead-1"}, `"api gateway"`},
	{`"race condition"`, []string{"mid-1"}, `"race condition"`},
	{`"knowledge collaboration"`, nil, `"knowledge collaboration"`}, // adjacent skills, not one field
	{`"gateway api"`, nil, `"gateway api"`},
	{`"use the star method"`, []string{"developer-2", "senior-1", "lead-2", "principal-1"}, `"use the star method"`},

	// Prefixes.
	{"micro*", []string{"developer-1", "mid-2", "lead-1", "principal-2", "architect-1"}, "micro*"},
	{"MICRO*", []string{"developer-1", "mid-2", "lead-1", "principal-2", "architect-1"}, "micro*"},
	{`"api gate*"`, []string{"developer-1", "lead-1"}, `"api gate*"`},
	{"cach*", []string{"developer-2", "senior-1", "principal-1", "architect-2"}, "cach*"},
	{"kubernetes*", []string{"lead-1", "principal-2", "architect-1"}, "kubernetes*"},
	{"-micro* level>=lead", []string{"lead-2", "principal-1", "architect-2"}, "-micro* level>=lead"},

	// Hyphens inside terms do not negate.
	{"skill:problem-solving -skill:collaboration", []string{"developer-1", "mid-1", "senior-1", "lead-1"}, "skill:problem-solving -skill:collaboration"},
	{"e-commerce", []string{"junior-1"}, `"e commerce"`},

	// Quoted strings and escapes.
	{`"\"api\" gateway"`, []string{"developer-1", "lead-1"}, `"api gateway"`},
	{`skill:"problem\\solving"`, nil, `skill:"problem\\solving"`},

	// Unicode in free text and values.
	{"ÜBER", nil, "über"},
	{"id:ÄB-1", nil, "id:äb-1"},

	// Whitespace of any kind separates terms.
	{"level:lead\ttype:technical\n", []string{"lead-1"}, "level:lead type:technical"},
}

func TestQuery(t *testing.T) {
	b := sourcePage()
	for _, tc := range queryTests {
		t.Run(tc.q, func(t *testing.T) {
			f, err := ParseFilter(tc.q)
			require.NoError(t, err, "ParseFilter(%q)", tc.q)
			assert.Equal(t, tc.want, nilIfEmpty(ids(b.Filter(f))), "ParseFilter(%q) matches", tc.q)
			assert.Equal(t, len(tc.want), b.Count(f), "Count")
			for _, q := range b.All() {
				assert.Equal(t, slices.Contains(tc.want, q.ID), f.Match(q), "Match(%s)", q.ID)
			}
			assert.Equal(t, tc.canon, f.String(), "ParseFilter(%q).String()", tc.q)
			checkRoundTrip(t, b, f)
		})
	}
}

// checkRoundTrip checks the canonical form: it parses to a filter that
// matches exactly what f matches, and it is a fixed point.
func checkRoundTrip(t *testing.T, b *Bank, f Filter) {
	t.Helper()
	text := f.String()
	back, err := ParseFilter(text)
	require.NoError(t, err, "ParseFilter(%q), a canonical form", text)
	assert.Equal(t, text, back.String(), "ParseFilter(%q).String()", text)
	assert.Equal(t, ids(b.Filter(f)), ids(b.Filter(back)), "ParseFilter(%q) matches", text)
}

func TestQueryBankChecksSkills(t *testing.T) {
	b := sourcePage()
	tests := []struct {
		q      string
		offset int
		msg    string
	}{
		{"skill:leadershp", 6, `no question in the bank tests skill "leadershp"; did you mean "leadership"?`},
		{"level:lead -skill:scalabilty", 18, `no question in the bank tests skill "scalabilty"; did you mean "scalability"?`},
		{"skill:cooking", 6, `no question in the bank tests skill "cooking"`},
		{"skill:scalability,zzz OR skill:qqq", 18, `no question in the bank tests skill "zzz"`},
		{"skill:qqq OR skill:scalability,zzz", 6, `no question in the bank tests skill "qqq"`},
	}
	for _, tc := range tests {
		_, err := b.Query(tc.q)
		var se *SyntaxError
		if assert.ErrorAs(t, err, &se, "Query(%q) = %v, want a *SyntaxError", tc.q, err) {
			assert.Equal(t, tc.offset, se.Offset, "Query(%q) offset", tc.q)
			assert.Equal(t, tc.msg, se.Msg, "Query(%q) message", tc.q)
			assert.Equal(t, tc.q, se.Query)
		}
		_, err = ParseFilter(tc.q)
		assert.NoError(t, err, "ParseFilter(%q) accepts any skill", tc.q)
	}
	qs, err := b.Query(`skill:"problem solving" level:lead`)
	require.NoError(t, err)
	assert.Equal(t, []string{"lead-1"}, ids(qs))
}

// syntaxErrorTests are queries ParseFilter refuses, with where and why;
// they seed FuzzParseFilter too.
var syntaxErrorTests = []struct {
	q      string
	offset int
	msg    string
}{
	{"lvl:senior", 0, `unknown field "lvl"; did you mean "level"? (fields are level, type, skill, id)`},
	{"level>=senior typ:technical", 14, `unknown field "typ"; did you mean "type"? (fields are level, type, skill, id)`},
	{"color:red", 0, `unknown field "color" (fields are level, type, skill, id)`},
	{"level:seniorr", 6, `unknown level "seniorr"; did you mean "senior"? (levels are junior, developer, mid, senior, lead, principal, architect)`},
	{"level:junior,seniorr", 13, `unknown level "seniorr"; did you mean "senior"? (levels are junior, developer, mid, senior, lead, principal, architect)`},
	{"level>=staff", 7, `unknown level "staff" (levels are junior, developer, mid, senior, lead, principal, architect)`},
	{"type:tecnical", 5, `unknown type "tecnical"; did you mean "technical"? (types are behavioral, technical, competency, situational)`},
	{"type>=technical", 4, `">=" needs an ordered field; "type" is not ordered`},
	{"skill<x", 5, `"<" needs an ordered field; "skill" is not ordered`},
	{"type:>technical", 4, `">" needs an ordered field; "type" is not ordered`},
	{"skill:a..b", 7, `".." needs an ordered field; "skill" is not ordered`},
	{"level>=senior,lead", 13, `">=" takes one level, not a list`},
	{"level:junior..mid..lead", 12, "a range is two levels, as in level:mid..lead; lists cannot hold ranges"},
	{"level:junior,mid..lead", 16, "a range is two levels, as in level:mid..lead; lists cannot hold ranges"},
	{"level:lead..mid", 6, "level range lead..mid is empty; write mid..lead"},
	{"level:", 6, "missing value"},
	{"level:senior,", 13, "missing value"},
	{"type:,technical", 5, "missing value"},
	{"level:..lead", 6, "missing value"},
	{"level:mid..", 11, "missing value"},
	{`skill:""`, 6, "empty skill"},
	{`id:""`, 3, "empty id"},
	{`skill:a"b"`, 7, `unexpected '"' inside a value; quote the whole value`},
	{`skill:"a"b`, 9, "unexpected text after closing quote"},
	{`"api gateway"x`, 13, "unexpected text after closing quote"},
	{`"api gateway"*`, 13, "unexpected text after closing quote"},
	{`ab"cd"`, 2, `unexpected '"' inside a word; quote the whole phrase`},
	{`"api gateway`, 0, "quoted string is never closed"},
	{`level:lead "unterminated`, 11, "quoted string is never closed"},
	{`"a\qb"`, 2, `bad escape in quoted string; escapes are Go's, such as \" \\ \n \t \x41 \u00e9`},
	{`id:"a\u12"`, 5, `bad escape in quoted string; escapes are Go's, such as \" \\ \n \t \x41 \u00e9`},
	{"(level:senior", 0, `"(" is never closed`},
	{"level:lead (type:technical (skill:x)", 11, `"(" is never closed`},
	{"level:senior)", 12, `unexpected ")" with no "(" to close`},
	{")", 0, `unexpected ")" with no "(" to close`},
	{"- level:senior", 0, `"-" must touch the term it negates, as in -skill:leadership`},
	{"level:senior -", 13, `"-" must touch the term it negates, as in -skill:leadership`},
	{"(-)", 1, `"-" must touch the term it negates, as in -skill:leadership`},
	{"OR level:senior", 0, `"OR" needs a term before it`},
	{"level:senior OR", 13, `"OR" needs a term after it`},
	{"level:senior OR OR level:lead", 13, `"OR" needs a term after it`},
	{"(level:senior OR)", 14, `"OR" needs a term after it`},
	{"AND level:senior", 0, `"AND" needs a term before it`},
	{"level:senior AND", 13, `"AND" needs a term after it`},
	{"level:senior AND OR level:lead", 13, `"AND" needs a term after it`},
	{"NOT", 0, `"NOT" needs a term after it`},
	{"level:lead NOT", 11, `"NOT" needs a term after it`},
	{"-OR", 1, `"OR" needs a term before it`},
	{"+++", 0, `nothing to search for in "+++"; free text needs a letter or digit`},
	{`"*"`, 0, `nothing to search for in "*"; free text needs a letter or digit`},
	{"*", 0, `nothing to search for in "*"; free text needs a letter or digit`},
	{"level:lead \x01", 11, "control character U+0001"},
	{"level:lead \xff", 11, "invalid UTF-8"},
	{strings.Repeat("(", MaxQueryDepth+1) + "x" + strings.Repeat(")", MaxQueryDepth+1), MaxQueryDepth, "parentheses nest deeper than 64"},
	{strings.Repeat("a ", 3000), MaxQueryLen, "query is longer than 4096 bytes"},
}

func TestSyntaxErrors(t *testing.T) {
	tests := syntaxErrorTests
	for _, tc := range tests {
		t.Run(tc.q, func(t *testing.T) {
			f, err := ParseFilter(tc.q)
			var se *SyntaxError
			require.ErrorAs(t, err, &se, "ParseFilter(%q) = %v, %v; want a *SyntaxError", tc.q, f, err)
			assert.Equal(t, tc.msg, se.Msg, "ParseFilter(%q) message", tc.q)
			assert.Equal(t, tc.offset, se.Offset, "ParseFilter(%q) offset", tc.q)
			assert.Equal(t, tc.q, se.Query)
			assert.Equal(t, Filter{}, f, "a failed parse returns the zero Filter")
			assert.Contains(t, err.Error(), "questionbank: bad query at offset")
		})
	}
}

func TestDeepNestingAccepted(t *testing.T) {
	q := strings.Repeat("(", MaxQueryDepth) + "level:lead" + strings.Repeat(")", MaxQueryDepth)
	f, err := ParseFilter(q)
	require.NoError(t, err)
	assert.Equal(t, "level:lead", f.String())
	long := strings.TrimSpace(strings.Repeat("a ", MaxQueryLen/2))
	_, err = ParseFilter(long)
	assert.NoError(t, err, "a query of %d bytes", len(long))
}

// TestHostileQueries feeds inputs meant to hurt a parser and checks that
// each is answered at once, with an error where it is not a query.
func TestHostileQueries(t *testing.T) {
	tests := []struct {
		name string
		q    string
		ok   bool
	}{
		{"100,000 open parentheses", strings.Repeat("(", 100_000), false},
		{"4096 open parentheses", strings.Repeat("(", MaxQueryLen), false},
		{"6 KB of words", strings.Repeat("word ", 6*1024/5), false},
		{"4 KB of words", strings.TrimSpace(strings.Repeat("word ", 4000/5)), true},
		{"long OR chain", strings.TrimSuffix(strings.Repeat("a OR ", 800), " OR "), true},
		{"4096 dashes", strings.Repeat("-", MaxQueryLen-1) + "x", true},
		{"NOT chain", strings.Repeat("NOT ", 1000) + "x", true},
		{"unterminated quote", `level:lead "` + strings.Repeat("x", 3000), false},
		{"control bytes", "\x00\x01\x02\x03", false},
		{"only quotes", strings.Repeat(`"`, 4095), false},
		{"escape at the end", `"\`, false},
		{"commas", "skill:" + strings.Repeat(",", 4000), false},
		{"dots", "level:" + strings.Repeat(".", 4000), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := ParseFilter(tc.q)
			if tc.ok {
				require.NoError(t, err)
				sourcePage().Count(f)
			} else {
				var se *SyntaxError
				require.ErrorAs(t, err, &se, "want a *SyntaxError, got %v", err)
				assert.GreaterOrEqual(t, se.Offset, 0)
				assert.LessOrEqual(t, se.Offset, len(tc.q))
				assert.NotEmpty(t, se.Caret())
			}
		})
	}
}

func TestLongOrChainIsFlat(t *testing.T) {
	terms := make([]string, 500)
	for i := range terms {
		terms[i] = fmt.Sprintf("x%d", i)
	}
	f := MustParseFilter(strings.Join(terms, " OR "))
	require.Equal(t, kindOr, f.n.kind)
	assert.Len(t, f.n.kids, 500)
	g := MustParseFilter(strings.Join(terms, " "))
	require.Equal(t, kindAnd, g.n.kind)
	assert.Len(t, g.n.kids, 500)
}

// A term repeated is one term: it is matched, and costs, once.
func TestRepeatedTermsAreOne(t *testing.T) {
	for _, tc := range []struct{ q, want string }{
		{strings.TrimSpace(strings.Repeat(`"a s*" `, 585)), `"a s*"`},
		{strings.TrimSpace(strings.Repeat("k* ", 1365)), "k*"},
		{"caching Caching level:senior CACHING level:senior", "caching level:senior"},
		{"skill:go OR skill:Go OR type:technical OR type:technical", "skill:go OR type:technical"},
		{"api gateway api", "api gateway"},
		{`"api gateway" "api gateway*"`, `"api gateway" "api gateway*"`}, // a prefix is another term
	} {
		f, err := ParseFilter(tc.q)
		require.NoError(t, err, tc.q)
		assert.Equal(t, tc.want, f.String(), "ParseFilter(%.40q...)", tc.q)
	}
}

func TestFilterText(t *testing.T) {
	f := MustParseFilter("level>=senior")
	data, err := f.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "level>=senior", string(data))
	var g Filter
	require.NoError(t, g.UnmarshalText([]byte("type:technical level:lead")))
	assert.Equal(t, []string{"lead-1"}, ids(sourcePage().Filter(g)))
	assert.Error(t, g.UnmarshalText([]byte("lvl:x")))
	assert.Panics(t, func() { MustParseFilter("(") })
}

// FuzzParseFilter checks, for any input: no panic; an error is a
// *SyntaxError whose offset lies inside the input; a filter's canonical
// text parses back to a filter with the same text that matches the same
// questions; and the bank's fast path agrees with Match.
func FuzzParseFilter(f *testing.F) {
	for _, tc := range queryTests {
		f.Add(tc.q)
		f.Add(tc.canon)
	}
	for q := range docExamples(f) {
		f.Add(q)
	}
	for _, q := range docTermQueries(f) {
		f.Add(q)
	}
	for _, q := range readmeQueries(f) {
		f.Add(q)
	}
	for _, tc := range syntaxErrorTests {
		f.Add(tc.q)
	}
	b := sourcePage()
	all := b.All()
	f.Fuzz(func(t *testing.T, q string) {
		flt, err := ParseFilter(q)
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("ParseFilter(%q) error %v is not a *SyntaxError", q, err)
			}
			if se.Offset < 0 || se.Offset > len(q) || se.Query != q || se.Msg == "" {
				t.Fatalf("ParseFilter(%q) = %#v: offset outside the input, or no message", q, se)
			}
			_ = se.Caret()
			return
		}
		text := flt.String()
		back, err := ParseFilter(text)
		if err != nil {
			t.Fatalf("ParseFilter(%q).String() = %q, which does not parse: %v", q, text, err)
		}
		if back.String() != text {
			t.Fatalf("canonical form is not a fixed point: %q -> %q -> %q", q, text, back.String())
		}
		n := 0
		for _, question := range all {
			m := flt.Match(question)
			if m != back.Match(question) {
				t.Fatalf("ParseFilter(%q) and its canonical form %q differ on %s", q, text, question.ID)
			}
			if m {
				n++
			}
		}
		if c := b.Count(flt); c != n {
			t.Fatalf("Count(ParseFilter(%q)) = %d, but Match matches %d", q, c, n)
		}
	})
}

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
		_, err := sourcePage().Query(tc.q)
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

func TestKeywordSlips(t *testing.T) {
	slips := []struct {
		q      string
		offset int
		kw     string
	}{
		{"kubernetes or docker", 11, "OR"},
		{"kubernetes and docker", 11, "AND"},
		{"not kubernetes", 0, "NOT"},
		{"level:senior not -skill:leadership", 13, "NOT"},
		{"caching Or (level:lead)", 8, "OR"},
		{"a or -b", 2, "OR"},
	}
	for _, tc := range slips {
		_, err := ParseFilter(tc.q)
		var se *SyntaxError
		require.ErrorAs(t, err, &se, "ParseFilter(%q)", tc.q)
		assert.Equal(t, tc.offset, se.Offset, "ParseFilter(%q)", tc.q)
		word := tc.q[tc.offset : tc.offset+len(tc.kw)]
		assert.Equal(t, fmt.Sprintf("did you mean %s? keywords are upper case; quote %q to search the word", tc.kw, word), se.Msg)
	}
	for _, q := range []string{`kubernetes "or" docker`, "kubernetes OR docker", "or", "docker or", "or docker", "type:competency or", `"what not to say"`, "or*"} {
		_, err := ParseFilter(q)
		assert.NoError(t, err, "ParseFilter(%q)", q)
	}
	qs, err := sourcePage().Query("kubernetes OR docker")
	require.NoError(t, err)
	assert.Len(t, qs, 3)
}
