package srs

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/backendprep/questionbank"
)

func get(t testing.TB, id string) questionbank.Question {
	q, ok := questionbank.Default().Get(id)
	require.True(t, ok, id)
	return q
}

func TestProgressDueAndSeenAreFilters(t *testing.T) {
	bank := questionbank.Default()
	p := NewProgress(Scheduler{})
	_, err := p.Review(get(t, "senior-1"), Good, t0) // learning: due in 10 minutes
	require.NoError(t, err)
	_, err = p.Review(get(t, "junior-1"), Easy, t0) // review: due in days
	require.NoError(t, err)

	assert.Equal(t, 2, bank.Count(p.Seen()))
	assert.Zero(t, bank.Count(p.Due(t0)), "nothing is due yet")
	assert.Equal(t, []string{"senior-1"}, ids(bank.Filter(p.Due(t0.Add(10*time.Minute)))))
	assert.Equal(t, 2, bank.Count(p.Due(t0.AddDate(1, 0, 0))))

	senior := questionbank.And(p.Due(t0.AddDate(1, 0, 0)), questionbank.MustParseFilter("level>=senior"))
	assert.Equal(t, []string{"senior-1"}, ids(bank.Filter(senior)), "Due composes with queries")
}

func ids(qs []questionbank.Question) []string {
	var out []string
	for _, q := range qs {
		out = append(out, q.ID)
	}
	return out
}

func TestProgressJSONRoundTrip(t *testing.T) {
	p := NewProgress(Scheduler{})
	for i, id := range []string{"lead-2", "junior-1", "mid-1"} {
		for k := range 3 {
			_, err := p.Review(get(t, id), Rating(1+(i+k)%4), t0.Add(time.Duration(k)*49*time.Hour))
			require.NoError(t, err)
		}
	}
	data, err := json.Marshal(p)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"format":3`)
	back := NewProgress(Scheduler{})
	require.NoError(t, json.Unmarshal(data, back))
	again, err := json.Marshal(back)
	require.NoError(t, err)
	assert.JSONEq(t, string(data), string(again))
	for _, id := range []string{"lead-2", "junior-1", "mid-1"} {
		a, _ := p.Card(id)
		b, ok := back.Card(id)
		require.True(t, ok)
		assert.Equal(t, a, b)
	}
	assert.Equal(t, p.Log(), back.Log())
	assert.Len(t, back.Log(), 9)
	assert.Equal(t, ReviewLog{ID: "lead-2", Rating: Hard, Review: t0.Add(49 * time.Hour), State: Learning, ElapsedDays: 2}, back.Log()[1])
}

func TestProgressRefusesBadFiles(t *testing.T) {
	p := NewProgress(Scheduler{})
	_, err := p.Review(get(t, "lead-1"), Good, t0)
	require.NoError(t, err)
	before, _ := json.Marshal(p)
	for name, doc := range map[string]string{
		"newer format":          `{"format": 4, "cards": [], "log": []}`,
		"no format":             `{"cards": []}`,
		"corrupt":               `{"format": 1, "cards": [`,
		"NaN-like":              `{"format": 1, "cards": [{"id": "a", "hash": "", "due": "2026-01-01T00:00:00Z", "stability": -3, "difficulty": 5, "state": "review", "step": 0, "reps": 1, "lapses": 0, "last_review": "2026-01-01T00:00:00Z"}], "log": []}`,
		"bad state":             `{"format": 1, "cards": [{"id": "a", "state": "forgotten"}], "log": []}`,
		"an ID twice":           `{"format": 1, "cards": [{"id": "a", "state": "new"}, {"id": "a", "state": "new"}], "log": []}`,
		"bad log rating":        `{"format": 1, "cards": [], "log": [{"id": "a", "rating": 7, "review": "2026-01-01T00:00:00Z", "state": "new", "elapsed_days": 0}]}`,
		"not json at all":       `hello`,
		"cards not a list":      `{"format": 1, "cards": 5, "log": []}`,
		"a string for a number": `{"format": 1, "cards": [{"id": "a", "state": "review", "stability": "x", "difficulty": 5}], "log": []}`,
		"a bad time":            `{"format": 1, "cards": [{"id": "a", "state": "new", "due": "yesterday"}], "log": []}`,
	} {
		err := json.Unmarshal([]byte(doc), p)
		require.Error(t, err, name)
		if json.Valid([]byte(doc)) { // encoding/json reports syntax itself
			assert.Contains(t, err.Error(), "srs: progress", name)
		}
		after, _ := json.Marshal(p)
		assert.Equal(t, string(before), string(after), "%s: the progress is left as it was", name)
	}
	err = json.Unmarshal([]byte(`{"format": 4, "cards": [], "log": []}`), p)
	assert.EqualError(t, err, "srs: progress: format 4 is newer than this program reads (3); update the program")
}

func TestChangedAndMissing(t *testing.T) {
	p := NewProgress(Scheduler{})
	for _, id := range []string{"junior-1", "junior-2", "senior-1"} {
		_, err := p.Review(get(t, id), Good, t0)
		require.NoError(t, err)
	}
	_, err := p.Review(questionbank.Question{ID: "mine-1", Level: questionbank.Mid, Type: questionbank.Technical, Text: "Q"}, Good, t0)
	require.NoError(t, err)
	bank := questionbank.Default()
	assert.Empty(t, p.Changed(bank))
	assert.Equal(t, []string{"mine-1"}, p.Missing(bank), "kept, and reported on request")

	qs := bank.All()
	qs[1].HowToAnswer[0] += " Then write it down."
	edited, err := questionbank.New(qs)
	require.NoError(t, err)
	assert.Equal(t, []string{"junior-2"}, p.Changed(edited))
	c, ok := p.Card("junior-2")
	require.True(t, ok, "the card survives the edit")
	assert.Equal(t, 1, c.Reps)
}

// sourcePage returns a bank of the source page's 14 questions alone, the
// fixed bank that tests naming the questions they expect run on.
func sourcePage(t *testing.T) *questionbank.Bank {
	t.Helper()
	bank, err := questionbank.New(questionbank.Default().All()[:14])
	require.NoError(t, err)
	return bank
}

func TestQueue(t *testing.T) {
	bank := sourcePage(t)
	p := NewProgress(Scheduler{})
	all := questionbank.Filter{}
	q := p.Queue(bank, all, t0, 3)
	assert.Empty(t, q.Due)
	assert.Equal(t, []string{"junior-1", "junior-2", "developer-1"}, ids(q.New), "new ones in bank order, up to the limit")

	for _, id := range []string{"junior-1", "junior-2"} {
		_, err := p.Review(get(t, id), Easy, t0)
		require.NoError(t, err)
	}
	_, err := p.Review(get(t, "developer-1"), Again, t0)
	require.NoError(t, err)
	q = p.Queue(bank, all, t0.Add(time.Hour), 3)
	assert.Equal(t, []string{"developer-1"}, ids(q.Due), "the learning card is due after its step")
	assert.Empty(t, q.New, "three new ones were introduced today")
	q = p.Queue(bank, all, t0.Add(24*time.Hour), 3)
	assert.Equal(t, []string{"developer-2", "mid-1", "mid-2"}, ids(q.New), "a new day, new ones")

	// Least retrievable first.
	later := t0.AddDate(0, 2, 0)
	q = p.Queue(bank, all, later, 0)
	require.Len(t, q.Due, 3)
	var s Scheduler
	for i := 1; i < len(q.Due); i++ {
		a, _ := p.Card(q.Due[i-1].ID)
		b, _ := p.Card(q.Due[i].ID)
		assert.LessOrEqual(t, s.Retrievability(a, later), s.Retrievability(b, later))
	}
	assert.Empty(t, q.New, "a limit of 0: no new ones")
	assert.Len(t, p.Queue(bank, all, later, -1).New, 11, "a negative limit: every new one")
	q = p.Queue(bank, questionbank.ByLevel(questionbank.Junior), later, -1)
	assert.Equal(t, 2, q.Len(), "the filter applies")

	next, ok := p.NextDue(bank, all)
	require.True(t, ok)
	assert.Equal(t, t0.Add(time.Minute), next, "developer-1, in its first learning step")
}

func TestZeroProgress(t *testing.T) {
	var p Progress
	_, err := p.Review(get(t, "lead-1"), Good, t0)
	require.NoError(t, err)
	assert.Equal(t, 1, p.Len())
	bad := NewProgress(Scheduler{DesiredRetention: 2})
	_, err = bad.Review(get(t, "lead-1"), Good, t0)
	assert.Error(t, err)
	_, err = p.Review(questionbank.Question{}, Good, t0)
	assert.Error(t, err)
}

// largeProgress returns a bank of n questions and a Progress with a card
// for each, about a quarter of them due at t0.
func largeProgress(tb testing.TB, n int) (*questionbank.Bank, *Progress) {
	qs := make([]questionbank.Question, n)
	for i := range qs {
		qs[i] = questionbank.Question{ID: fmt.Sprintf("q%06d", i), Level: questionbank.Senior, Type: questionbank.Technical, Text: "Why?"}
	}
	bank, err := questionbank.New(qs)
	require.NoError(tb, err)
	p := NewProgress(Scheduler{})
	for i, q := range qs {
		_, err := p.Review(q, Rating(1+i%4), t0.Add(-time.Duration(i%40)*24*time.Hour))
		require.NoError(tb, err)
	}
	return bank, p
}

func TestLargeProgress(t *testing.T) {
	bank, p := largeProgress(t, 2000)
	due := bank.Count(p.Due(t0))
	assert.Greater(t, due, 100)
	assert.Less(t, due, 2000)
	data, err := json.Marshal(p)
	require.NoError(t, err)
	back := NewProgress(Scheduler{})
	require.NoError(t, json.Unmarshal(data, back))
	assert.Equal(t, due, bank.Count(back.Due(t0)))
	assert.True(t, strings.HasPrefix(string(data), `{"format":3,"cards":[{"id":"q000000"`))
}

func TestUndo(t *testing.T) {
	p := NewProgress(Scheduler{})
	q := get(t, "lead-1")
	first, err := p.Review(q, Good, t0)
	require.NoError(t, err)
	_, err = p.Review(get(t, "mid-1"), Easy, t0.Add(time.Minute))
	require.NoError(t, err)
	_, err = p.Review(q, Again, t0.Add(12*time.Minute))
	require.NoError(t, err)

	back, err := p.Undo("lead-1")
	require.NoError(t, err)
	assert.Equal(t, first, back, "the card before the last review")
	c, _ := p.Card("lead-1")
	assert.Equal(t, first, c)
	assert.Len(t, p.Log(), 2)

	_, err = p.Undo("lead-1")
	require.NoError(t, err)
	_, ok := p.Card("lead-1")
	assert.False(t, ok, "no review left: new again")
	assert.Equal(t, 1, p.Len())
	assert.Equal(t, 0, questionbank.Default().Count(questionbank.And(p.Seen(), questionbank.ByID("lead-1"))))

	_, err = p.Undo("lead-1")
	assert.Error(t, err, "nothing to undo")
	_, err = p.Undo("nope")
	assert.Error(t, err)
}
