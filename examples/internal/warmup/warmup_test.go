package warmup

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/backendprep/questionbank"
)

// bank returns a bank of n questions with varied text, so that its
// indexes are large enough to see.
func bank(t testing.TB, n int) *questionbank.Bank {
	t.Helper()
	qs := make([]questionbank.Question, n)
	for i := range qs {
		qs[i] = questionbank.Question{
			ID: fmt.Sprintf("q-%d", i), Level: questionbank.Level(1 + i%7), Type: questionbank.Type(1 + i%4),
			Text:         fmt.Sprintf("How would you design service w%d for tenant w%d and region w%d?", i%997, i%89, i%13),
			Introduction: fmt.Sprintf("Word w%d then word w%d, then w%d.", i%101, i%61, i%37),
			Skills:       []string{fmt.Sprintf("skill %d", i%50)},
		}
	}
	b, err := questionbank.New(qs)
	require.NoError(t, err)
	return b
}

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// After Bank, a server's first phrase query, search and filter build
// nothing: they allocate a small part of what they do on a bank not warmed.
func TestBankBuildsTheIndexesFirstRequestsNeed(t *testing.T) {
	requests := func(b *questionbank.Bank) {
		b.Search(`"tenant w5"`, 10)
		b.Search("region", 10)
		b.Count(questionbank.BySkill("skill 7"))
	}
	coldBank := bank(t, 3000)
	cold := allocated(func() { requests(coldBank) })
	warm := bank(t, 3000)
	built := allocated(func() { Bank(warm) })
	first := allocated(func() { requests(warm) })
	t.Logf("the first requests allocate %d bytes on a cold bank, %d after Bank (which allocated %d)", cold, first, built)
	assert.Less(t, first*20, cold, "after Bank, the first requests build nothing")
	assert.Greater(t, built*2, cold, "Bank built what they would have")
}

func TestBankOfAnyShape(t *testing.T) {
	Bank(questionbank.Default())
	b, err := questionbank.New([]questionbank.Question{{ID: "a", Level: questionbank.Junior, Type: questionbank.Technical, Text: "Why?"}})
	require.NoError(t, err)
	Bank(b) // no two words anywhere: nothing to search, nothing fails
}

// BenchmarkFirstPhraseQuery times a server's first phrase query, with a
// prefix as in issue 29's `"a s*"`, on a bank of 20,000 questions: cold,
// as the library leaves it, and after Bank.
func BenchmarkFirstPhraseQuery(b *testing.B) {
	for _, warm := range []bool{false, true} {
		name := "cold"
		if warm {
			name = "warmed"
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				bk := bank(b, 20000)
				if warm {
					Bank(bk)
				}
				b.StartTimer()
				if _, err := bk.Search(`"tenant w*"`, 10); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
