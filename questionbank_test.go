package questionbank

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func ids(qs []Question) []string {
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = q.ID
	}
	return out
}

func TestDefaultIsShared(t *testing.T) {
	assert.Same(t, Default(), Default())
}

func TestGet(t *testing.T) {
	b := Default()
	q, ok := b.Get("senior-2")
	require.True(t, ok)
	assert.Equal(t, "How do you ensure the security of the backend services you develop?", q.Text)
	assert.Equal(t, Competency, q.Type)

	q2, ok := b.Get("SENIOR-2")
	require.True(t, ok, "IDs are compared without regard to case")
	assert.Equal(t, q, q2)

	_, ok = b.Get("senior-3")
	assert.False(t, ok)
	_, ok = b.Get("")
	assert.False(t, ok)
}

// TestReturnedValuesAreCopies edits everything a bank hands out and checks
// that the bank did not change.
func TestReturnedValuesAreCopies(t *testing.T) {
	b := Default()
	before := b.All()
	version := b.Version()

	mutate := func(qs ...Question) {
		for i := range qs {
			qs[i].Text = "changed"
			qs[i].HowToAnswer[0] = "changed"
			qs[i].WhatNotToSay[0] = "changed"
			qs[i].Skills[0] = "changed"
			qs[i].HowToAnswer = append(qs[i].HowToAnswer, "appended")
		}
	}
	mutate(b.All()...)
	mutate(b.Filter(Filter{})...)
	mutate(b.Sample(rand.New(rand.NewPCG(1, 2)), 14, Filter{})...)
	q, _ := b.Get("lead-1")
	mutate(q)
	d := b.Deck(nil, Filter{})
	for q, ok := d.Next(); ok; q, ok = d.Next() {
		mutate(q)
	}
	plan, err := b.Plan(nil, Quota{N: 3})
	require.NoError(t, err)
	mutate(plan...)
	qs, err := b.Query("level:senior")
	require.NoError(t, err)
	mutate(qs...)

	assert.Equal(t, before, b.All())
	assert.Equal(t, version, b.Version())
}

func TestCloneSlicesDoNotOverlap(t *testing.T) {
	q, _ := Default().Get("junior-1")
	q.HowToAnswer = append(q.HowToAnswer, "x")
	q.WhatNotToSay = append(q.WhatNotToSay, "y")
	orig, _ := Default().Get("junior-1")
	assert.Equal(t, orig.WhatNotToSay, q.WhatNotToSay[:len(orig.WhatNotToSay)], "appending to one slice must not overwrite the next")
	assert.Equal(t, orig.Skills, q.Skills)
}

func TestNewCopiesInput(t *testing.T) {
	in := []Question{{ID: "a", Level: Mid, Type: Technical, Text: "Q?", Skills: []string{"Go"}}}
	b, err := New(in)
	require.NoError(t, err)
	in[0].Text = "changed"
	in[0].Skills[0] = "changed"
	q, _ := b.Get("a")
	assert.Equal(t, "Q?", q.Text)
	assert.Equal(t, []string{"Go"}, q.Skills)
}

func TestNewValidates(t *testing.T) {
	qs := []Question{
		{ID: "ok", Level: Senior, Type: Technical, Text: "fine"},
		{ID: "ok", Level: Senior, Type: Technical, Text: "duplicate"},
		{ID: "", Level: Senior, Type: Technical, Text: "no id"},
		{ID: "lvl", Level: 9, Type: Technical, Text: "bad level"},
		{ID: "typ", Level: Senior, Type: 0, Text: "bad type"},
		{ID: "txt", Level: Senior, Type: Technical, Text: "  "},
		{ID: "OK", Level: Senior, Type: Technical, Text: "duplicate by case"},
		{ID: "a b", Level: Senior, Type: Technical, Text: "space in id"},
		{ID: "sk", Level: Senior, Type: Technical, Text: "empty skill", Skills: []string{"Go", " - "}},
	}
	b, err := New(qs)
	assert.Nil(t, b, "nothing is half-built")
	require.Error(t, err)
	want := []string{
		`questionbank: question 1 (id "ok"): duplicate ID: question 0 has it too`,
		`questionbank: question 2: empty ID`,
		`questionbank: question 3 (id "lvl"): level 9 is out of range (1 to 7)`,
		`questionbank: question 4 (id "typ"): type 0 is out of range (1 to 4)`,
		`questionbank: question 5 (id "txt"): empty question text`,
		`questionbank: question 6 (id "OK"): duplicate ID: question 0 has it too`,
		`questionbank: question 7 (id "a b"): ID has a space or control character`,
		`questionbank: question 8 (id "sk"): skill 1 is empty`,
	}
	assert.Equal(t, want, strings.Split(err.Error(), "\n"))
	unwrapped, ok := err.(interface{ Unwrap() []error })
	require.True(t, ok, "New joins its errors with errors.Join")
	assert.Len(t, unwrapped.Unwrap(), len(want))
}

func TestNewEmpty(t *testing.T) {
	b, err := New(nil)
	require.NoError(t, err)
	assert.Equal(t, 0, b.Len())
	assert.Empty(t, b.All())
	assert.Equal(t, 0, b.Count(Filter{}))
	assert.Empty(t, b.Sample(nil, 3, Filter{}))
	var zero Bank
	assert.Equal(t, 0, zero.Count(ByLevel(Senior)))
	assert.Empty(t, zero.Filter(Filter{}))
	for _, f := range []Filter{ByLevel(Senior), MustParseFilter(`"api gateway" OR -type:technical`)} {
		assert.Zero(t, b.Count(f), "%v", f)
		assert.Empty(t, b.Filter(f), "%v", f)
		assert.Empty(t, b.Sample(nil, 2, f), "%v", f)
		assert.Zero(t, b.Facets(f).Total, "%v", f)
		_, err := b.Plan(nil, Quota{Filter: f, N: 1})
		assert.Error(t, err, "%v", f)
	}
}

func TestQuestionJSON(t *testing.T) {
	q, _ := Default().Get("mid-2")
	data, err := json.Marshal(q)
	require.NoError(t, err)
	var fields map[string]any
	require.NoError(t, json.Unmarshal(data, &fields))
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	assert.ElementsMatch(t, []string{"id", "level", "type", "text", "introduction", "how_to_answer", "what_not_to_say", "example_answer", "skills", "source"}, keys)
	assert.Equal(t, "mid", fields["level"])
	assert.Equal(t, "technical", fields["type"])
	assert.Equal(t, "mid-2", fields["id"])

	var back Question
	require.NoError(t, json.Unmarshal(data, &back))
	assert.Equal(t, q, back)
}

func TestFilterAndCount(t *testing.T) {
	b := sourcePage()
	got := b.Filter(ByLevel(Senior, Lead))
	assert.Equal(t, []string{"senior-1", "senior-2", "lead-1", "lead-2"}, ids(got))
	assert.Equal(t, 4, b.Count(ByLevel(Senior, Lead)))
	assert.Equal(t, 14, b.Count(Filter{}))
	assert.Equal(t, 0, b.Count(Or()))
	assert.Nil(t, b.Filter(Or()))
}

// TestConcurrentUse runs every read method at once on one bank and one
// filter; go test -race checks it.
func TestConcurrentUse(t *testing.T) {
	b, err := New(Default().All())
	require.NoError(t, err)
	f := And(ByLevel(Senior, Lead, Principal), ByText("micro*"))
	want, n := b.Count(f), b.Len()
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(g), 0))
			for range 50 {
				assert.Equal(t, want, b.Count(f))
				assert.Len(t, b.Filter(f), want)
				assert.Len(t, b.Sample(r, 2, f), min(2, want))
				assert.Len(t, b.Sample(nil, 2, Filter{}), 2)
				assert.Equal(t, n, len(b.All()))
				_, ok := b.Get("lead-1")
				assert.True(t, ok)
				assert.Equal(t, n, b.Facets(Filter{}).Total)
				assert.NotEmpty(t, b.Version())
				_, err := b.Query("skill:scalability")
				assert.NoError(t, err)
				// A new filter each time, to race compilation too.
				assert.Equal(t, want, b.Count(And(ByLevel(Senior, Lead, Principal), ByText("micro*"))))
			}
		}()
	}
	wg.Wait()
}

// TestCopiesDoNotOverlap appends to every slice of every question in one
// result, whose slices share an allocation, and checks that no question's
// data changed.
func TestCopiesDoNotOverlap(t *testing.T) {
	b := Default()
	want := b.All()
	for _, got := range [][]Question{b.All(), b.Filter(Filter{}), b.Sample(seeded(1), 14, Filter{})} {
		for i := range got {
			got[i].HowToAnswer = append(got[i].HowToAnswer, "x")
			got[i].WhatNotToSay = append(got[i].WhatNotToSay, "y")
			got[i].Skills = append(got[i].Skills, "z")
		}
		for _, q := range got {
			w, _ := b.Get(q.ID)
			assert.Equal(t, append(w.HowToAnswer, "x"), q.HowToAnswer, q.ID)
			assert.Equal(t, append(w.WhatNotToSay, "y"), q.WhatNotToSay, q.ID)
			assert.Equal(t, append(w.Skills, "z"), q.Skills, q.ID)
		}
	}
	assert.Equal(t, want, b.All())
}

func TestQuestionsIterator(t *testing.T) {
	b := Default()
	var got []string
	for q := range b.Questions(ByLevelRange(Senior, Lead)) {
		got = append(got, q.ID)
		q.Skills[0] = "changed" // a copy: the bank is untouched
	}
	assert.Equal(t, ids(b.Filter(ByLevelRange(Senior, Lead))), got)
	assert.NotEqual(t, "changed", b.All()[6].Skills[0])
	n := 0
	for range b.Questions(Filter{}) {
		n++
		if n == 3 {
			break
		}
	}
	assert.Equal(t, 3, n, "a loop can stop early")
	large := largeBank(t, 1000)
	n = 0
	for q := range large.Questions(ByText("api")) {
		require.True(t, ByText("api").Match(q))
		n++
	}
	assert.Equal(t, large.Count(ByText("api")), n)
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

// TestConcurrentUseMixed runs every method of a Bank of more than 64
// questions (the chunked evaluator, the word and pair indexes, Search's
// borrowed scratch) against every other, from many goroutines; with
// -race, it finds any state they share unguarded.
func TestConcurrentUseMixed(t *testing.T) {
	b := vocabBank(t, 300)
	queries := []string{"a", "the and", "s*", `"a s*"`, "level>=senior a", "a OR type:technical"}
	want := map[string][]Hit{}
	for _, q := range queries {
		hits, err := b.Search(q, 5)
		require.NoError(t, err)
		want[q] = hits
	}
	day := time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)
	daily, _ := b.Daily(day, "team", Filter{})
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(g), 0))
			for i := range 30 {
				q := queries[(g+i)%len(queries)]
				hits, err := b.Search(q, 5)
				if assert.NoError(t, err) {
					assert.Equal(t, want[q], hits, q)
				}
				f, err := b.ParseQuery(q)
				assert.NoError(t, err)
				n := b.Count(f)
				assert.Len(t, b.Filter(f), n)
				k := 0
				for range b.Questions(f) {
					k++
				}
				assert.Equal(t, n, k)
				assert.Equal(t, n, b.Facets(f).Total)
				b.Sample(r, 3, f)
				b.Deck(r, f).Next()
				_, err = b.Plan(r, Quota{Filter: f, N: 1})
				assert.NoError(t, err)
				if d, ok := b.Daily(day, "team", Filter{}); assert.True(t, ok) {
					assert.Equal(t, daily.ID, d.ID)
				}
				b.Skills()
				b.Version()
				b.Get("v-7")
				_, err = b.Merge(Default())
				assert.NoError(t, err)
			}
		}()
	}
	wg.Wait()
}
