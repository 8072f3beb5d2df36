package questionbank

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFilterCombinators(t *testing.T) {
	b := sourcePage()
	tests := []struct {
		name string
		f    Filter
		want []string
		text string // canonical String
	}{
		{"zero", Filter{}, ids(b.All()), ""},
		{"And()", And(), ids(b.All()), ""},
		{"Or()", Or(), nil, "-()"},
		{"ByID()", ByID(), nil, "-()"},
		{"ByLevel()", ByLevel(), nil, "-()"},
		{"ByLevel invalid", ByLevel(0, 9), nil, "-()"},
		{"ByType()", ByType(), nil, "-()"},
		{"BySkill()", BySkill(), nil, "-()"},
		{"BySkill empty", BySkill("", " - "), nil, "-()"},
		{"ByText no words", ByText("+++"), nil, "-()"},
		{"Not(zero)", Not(Filter{}), nil, "-()"},
		{"Not(Or())", Not(Or()), ids(b.All()), ""},
		{"Not(Not(x))", Not(Not(ByLevel(Lead))), []string{"lead-1", "lead-2"}, "level:lead"},
		{"And with none", And(ByLevel(Lead), Or()), nil, "-()"},
		{"Or with all", Or(ByLevel(Lead), Filter{}), ids(b.All()), ""},
		{"ByLevel", ByLevel(Lead, Senior), []string{"senior-1", "senior-2", "lead-1", "lead-2"}, "level:senior..lead"},
		{"ByLevelRange", ByLevelRange(Mid, Lead), []string{"mid-1", "mid-2", "senior-1", "senior-2", "lead-1", "lead-2"}, "level:mid..lead"},
		{"ByLevelRange from", ByLevelRange(Senior, Architect), []string{"senior-1", "senior-2", "lead-1", "lead-2", "principal-1", "principal-2", "architect-1", "architect-2"}, "level>=senior"},
		{"ByLevelRange to", ByLevelRange(Junior, Developer), []string{"junior-1", "junior-2", "developer-1", "developer-2"}, "level<=developer"},
		{"ByLevelRange one", ByLevelRange(Lead, Lead), []string{"lead-1", "lead-2"}, "level:lead"},
		{"ByLevelRange reversed", ByLevelRange(Lead, Mid), nil, "-()"},
		{"ByLevelRange invalid", ByLevelRange(0, 9), nil, "-()"},
		{"ByLevel from senior", ByLevel(Architect, Senior, Lead, Principal), []string{"senior-1", "senior-2", "lead-1", "lead-2", "principal-1", "principal-2", "architect-1", "architect-2"}, "level>=senior"},
		{"ByLevel up to developer", ByLevel(Developer, Junior), []string{"junior-1", "junior-2", "developer-1", "developer-2"}, "level<=developer"},
		{"ByLevel run", ByLevel(Mid, Senior, Lead), []string{"mid-1", "mid-2", "senior-1", "senior-2", "lead-1", "lead-2"}, "level:mid..lead"},
		{"ByLevel all", ByLevel(Levels()...), ids(b.All()), "level>=junior"},
		{"ByType", ByType(Situational, Competency), []string{"senior-2", "principal-2", "architect-2"}, "type:competency,situational"},
		{"BySkill spellings", BySkill("problem solving", "PROBLEM_SOLVING", "Problem-solving"),
			[]string{"junior-1", "developer-1", "developer-2", "mid-1", "senior-1", "lead-1", "principal-1", "architect-1"}, "skill:problem-solving"},
		{"BySkill sorted", BySkill("Strategic Thinking", "Scalability"), []string{"mid-2", "principal-2", "architect-2"}, "skill:scalability,strategic-thinking"},
		{"ByID", ByID("ARCHITECT-2", "junior-1", "junior-1"), []string{"junior-1", "architect-2"}, "id:architect-2,junior-1"},
		{"ByID unknown", ByID("nope"), nil, "id:nope"},
		{"ByText word", ByText("Kubernetes"), []string{"lead-1", "principal-2", "architect-1"}, "kubernetes"},
		{"ByText phrase", ByText("API gateway"), []string{"developer-1", "lead-1"}, `"api gateway"`},
		{"ByText prefix", ByText("api gate*"), []string{"developer-1", "lead-1"}, `"api gate*"`},
		{"And", And(ByLevel(Senior, Lead, Principal, Architect), ByType(Technical), Not(BySkill("leadership"))),
			[]string{"senior-1", "lead-1", "principal-1", "architect-1"}, "level>=senior type:technical -skill:leadership"},
		{"And flattens", And(ByType(Situational), And(ByLevel(Architect), ByText("team"))), []string{"architect-2"}, "type:situational level:architect team"},
		{"Or flattens", Or(ByID("mid-1"), Or(ByID("lead-1"), ByID("junior-2"))), []string{"junior-2", "mid-1", "lead-1"}, "id:mid-1 OR id:lead-1 OR id:junior-2"},
		{"Or inside And", And(ByType(Technical), Or(ByLevel(Junior), ByLevel(Architect))), []string{"junior-2", "architect-1"}, "type:technical (level:junior OR level:architect)"},
		{"And inside Or", Or(And(ByType(Situational), ByLevel(Architect)), ByID("junior-1")), []string{"junior-1", "architect-2"}, "type:situational level:architect OR id:junior-1"},
		{"Not of And", Not(And(ByLevel(Lead), ByType(Technical))), idsExcept(b, "lead-1"), "-(level:lead type:technical)"},
		{"Not of Or", Not(Or(ByLevel(Junior), ByType(Technical))), []string{"developer-2", "mid-1", "senior-2", "lead-2", "principal-2", "architect-2"}, "-(level:junior OR type:technical)"},
		{"skill needs quotes", BySkill(`a "b", c`), nil, `skill:"a-\"b\",-c"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, nilIfEmpty(ids(b.Filter(tc.f))), "Filter")
			assert.Equal(t, len(tc.want), b.Count(tc.f), "Count")
			assert.Equal(t, tc.text, tc.f.String(), "String")
			for _, q := range b.All() {
				assert.Equal(t, slices.Contains(tc.want, q.ID), tc.f.Match(q), "Match(%s)", q.ID)
			}
			back, err := ParseFilter(tc.f.String())
			require.NoError(t, err, "ParseFilter(%q)", tc.f.String())
			assert.Equal(t, tc.text, back.String(), "ParseFilter(%q).String()", tc.f.String())
			assert.Equal(t, tc.want, nilIfEmpty(ids(b.Filter(back))), "ParseFilter(%q) matches", tc.f.String())
		})
	}
}

// idsExcept returns the IDs of b's questions but id, in order.
func idsExcept(b *Bank, id string) []string {
	return slices.DeleteFunc(ids(b.All()), func(x string) bool { return x == id })
}

func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

func TestMatchOutsideBank(t *testing.T) {
	q := Question{ID: "X-1", Level: Mid, Type: Technical, Text: "Ünïcode CAFÉ and Node.js", Skills: []string{"Problem  Solving"}}
	tests := []struct {
		f    Filter
		want bool
	}{
		{ByID("x-1"), true},
		{ByID("x-2"), false},
		{BySkill("problem-solving"), true},
		{BySkill("problem"), false},
		{ByText("café"), true},
		{ByText("ÜNÏCODE"), true},
		{ByText("node js"), true},
		{ByText("node.js"), true},
		{ByText("cafe"), false},
		{ByText("caf*"), true},
		{ByText("and node"), true},
		{ByText("node and"), false},
		{ByText("solving"), true},
		{ByLevel(Mid), true},
		{Not(ByLevel(Mid)), false},
		{ByLevel(Senior), false},
		{ByType(Technical), true},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, tc.f.Match(q), "%s.Match", tc.f)
	}
	assert.False(t, ByLevel(Mid).Match(Question{Level: 0}))
	assert.True(t, Filter{}.Match(Question{}))
}

// TestMatchDoesNotAllocate checks Match on a question outside any bank.
// Only stemming a word of its text allocates: free text without a whole
// word to stem (a prefix) does not.
func TestMatchDoesNotAllocate(t *testing.T) {
	q, _ := sourcePage().Get("lead-1")
	f := MustParseFilter(`level>=senior type:technical (skill:"problem solving" OR skill:scalability) micro* -telefonica* -id:x`)
	require.True(t, f.Match(q))
	allocs := testing.AllocsPerRun(100, func() { f.Match(q) })
	assert.Zero(t, allocs)
}
