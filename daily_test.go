package questionbank

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDailyEveryMatchOnceBeforeRepeats(t *testing.T) {
	b := Default()
	f := ByLevelRange(Mid, Architect) // 10 questions
	k := b.Count(f)
	start := time.Date(2026, 12, 25, 9, 30, 0, 0, time.UTC)
	var days []string
	for d := range 3 * k {
		q, ok := b.Daily(start.AddDate(0, 0, d), "team", f)
		require.True(t, ok)
		require.True(t, f.Match(q))
		days = append(days, q.ID)
	}
	for i := 0; i+k <= len(days); i++ {
		seen := map[string]bool{}
		for _, id := range days[i : i+k] {
			assert.False(t, seen[id], "days %d to %d repeat %s", i, i+k-1, id)
			seen[id] = true
		}
	}
}

func TestDailyIsStable(t *testing.T) {
	b := Default()
	morning := time.Date(2026, 11, 27, 0, 5, 0, 0, time.UTC)
	evening := time.Date(2026, 11, 27, 23, 55, 0, 0, time.UTC)
	q1, _ := b.Daily(morning, "k", Filter{})
	q2, _ := b.Daily(evening, "k", Filter{})
	assert.Equal(t, q1.ID, q2.ID, "one question all day")

	copyBank, err := New(b.All())
	require.NoError(t, err)
	q3, _ := copyBank.Daily(morning, "k", MustParseFilter(""))
	assert.Equal(t, q1.ID, q3.ID, "equal version, key, filter and date: equal question")

	// The date is read in day's own location: 23:55 in Lima is the next
	// day in UTC.
	lima := time.FixedZone("Lima", -5*3600)
	late := time.Date(2026, 11, 27, 23, 55, 0, 0, lima)
	q4, _ := b.Daily(late, "k", Filter{})
	assert.Equal(t, q1.ID, q4.ID)
	q5, _ := b.Daily(late.UTC(), "k", Filter{})
	q6, _ := b.Daily(morning.AddDate(0, 0, 1), "k", Filter{})
	assert.Equal(t, q6.ID, q5.ID)
}

func TestDailyKeysDiffer(t *testing.T) {
	b := Default()
	day := time.Date(2027, 1, 1, 12, 0, 0, 0, time.UTC)
	seqs := map[string]string{}
	for _, key := range []string{"", "a", "b", "#backend", "#frontend"} {
		seq := ""
		for d := range 14 {
			q, _ := b.Daily(day.AddDate(0, 0, d), key, Filter{})
			seq += q.ID + " "
		}
		for other, s := range seqs {
			assert.NotEqual(t, s, seq, "keys %q and %q give the same sequence", key, other)
		}
		seqs[key] = seq
	}
	_, ok := b.Daily(day, "x", Or())
	assert.False(t, ok, "no match")
	old := time.Date(1969, 7, 20, 20, 17, 0, 0, time.UTC)
	_, ok = b.Daily(old, "x", Filter{})
	assert.True(t, ok, "days before 1970 work too")
}

func TestDailyKeysInNFC(t *testing.T) {
	bank := Default()
	day := time.Date(2026, 12, 4, 9, 0, 0, 0, time.UTC)
	for d := range 14 {
		at := day.AddDate(0, 0, d)
		a, _ := bank.Daily(at, "caf\u00e9", Filter{})
		b, _ := bank.Daily(at, "cafe\u0301", Filter{})
		assert.Equal(t, a.ID, b.ID, "day %d: one key, typed two ways", d)
	}
}
