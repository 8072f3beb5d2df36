package questionbank

import (
	"encoding/json"
	"testing"

	"github.com/backendprep/questionbank/internal/suggest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLevelNames(t *testing.T) {
	tests := []struct {
		l          Level
		key, title string
	}{
		{Junior, "junior", "Junior Backend Developer"},
		{Developer, "developer", "Backend Developer"},
		{Mid, "mid", "Mid-level Backend Developer"},
		{Senior, "senior", "Senior Backend Developer"},
		{Lead, "lead", "Lead Backend Developer"},
		{Principal, "principal", "Principal Backend Developer"},
		{Architect, "architect", "Backend Architect"},
		{0, "Level(0)", "Level(0)"},
		{8, "Level(8)", "Level(8)"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.key, tc.l.String(), "Level(%d).String()", tc.l)
		assert.Equal(t, tc.title, tc.l.Title(), "Level(%d).Title()", tc.l)
	}
	assert.Equal(t, []Level{Junior, Developer, Mid, Senior, Lead, Principal, Architect}, Levels())
	assert.Less(t, Junior, Architect)
}

func TestParseLevel(t *testing.T) {
	tests := []struct {
		in   string
		want Level
	}{
		{"senior", Senior},
		{"SENIOR", Senior},
		{"Senior Backend Developer", Senior},
		{"senior_backend-developer", Senior},
		{"sr", Senior},
		{"jr", Junior},
		{"Backend Developer", Developer},
		{"mid-level", Mid},
		{"Mid-level Backend Developer", Mid},
		{"Backend Architect", Architect},
		{" lead ", Lead},
	}
	for _, tc := range tests {
		got, err := ParseLevel(tc.in)
		if assert.NoError(t, err, "ParseLevel(%q)", tc.in) {
			assert.Equal(t, tc.want, got, "ParseLevel(%q)", tc.in)
		}
	}
	for _, l := range Levels() {
		got, err := ParseLevel(l.Title())
		require.NoError(t, err)
		assert.Equal(t, l, got, "ParseLevel(%q)", l.Title())
	}
}

func TestParseLevelErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"seniorr", `questionbank: unknown level "seniorr"; did you mean "senior"? (levels are junior, developer, mid, senior, lead, principal, architect)`},
		{"staff", `questionbank: unknown level "staff" (levels are junior, developer, mid, senior, lead, principal, architect)`},
		{"", `questionbank: unknown level "" (levels are junior, developer, mid, senior, lead, principal, architect)`},
		{"archi", `questionbank: unknown level "archi"; did you mean "architect"? (levels are junior, developer, mid, senior, lead, principal, architect)`},
	}
	for _, tc := range tests {
		_, err := ParseLevel(tc.in)
		if assert.Error(t, err, "ParseLevel(%q)", tc.in) {
			assert.Equal(t, tc.want, err.Error(), "ParseLevel(%q)", tc.in)
		}
	}
}

func TestParseType(t *testing.T) {
	for in, want := range map[string]Type{
		"technical": Technical, "Technical": Technical, "BEHAVIORAL": Behavioral,
		"behavioural": Behavioral, "competency": Competency, "Situational": Situational,
	} {
		got, err := ParseType(in)
		if assert.NoError(t, err, "ParseType(%q)", in) {
			assert.Equal(t, want, got, "ParseType(%q)", in)
		}
	}
	_, err := ParseType("tecnical")
	assert.EqualError(t, err, `questionbank: unknown type "tecnical"; did you mean "technical"? (types are behavioral, technical, competency, situational)`)
	assert.Equal(t, "Type(9)", Type(9).String())
	assert.Equal(t, "Technical", Technical.Title())
	assert.Equal(t, []Type{Behavioral, Technical, Competency, Situational}, Types())
}

func TestLevelTypeText(t *testing.T) {
	for _, l := range Levels() {
		b, err := l.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, l.String(), string(b))
		var back Level
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, l, back)
	}
	for _, ty := range Types() {
		b, err := ty.MarshalText()
		require.NoError(t, err)
		var back Type
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, ty, back)
	}
	_, err := Level(0).MarshalText()
	assert.EqualError(t, err, "questionbank: invalid level 0")
	_, err = Type(5).MarshalText()
	assert.EqualError(t, err, "questionbank: invalid question type 5")

	var l Level = Mid
	assert.Error(t, l.UnmarshalText([]byte("nope")))
	assert.Equal(t, Mid, l, "a failed UnmarshalText leaves the level alone")

	// As JSON values and map keys.
	data, err := json.Marshal(map[Level]Type{Senior: Technical})
	require.NoError(t, err)
	assert.JSONEq(t, `{"senior":"technical"}`, string(data))
	var m map[Level]Type
	require.NoError(t, json.Unmarshal([]byte(`{"Backend Architect":"Situational"}`), &m))
	assert.Equal(t, map[Level]Type{Architect: Situational}, m)
}

func TestSuggest(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"lvl", "level"},
		{"skil", "skill"},
		{"skills", "skill"},
		{"tpye", "type"},
		{"xyz", ""},
		{"", ""},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, suggest.Closest(tc.in, fieldNames, normName), "Closest(%q)", tc.in)
	}
}
