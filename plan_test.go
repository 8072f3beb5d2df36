package questionbank

import (
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSearchAllocations checks what a search seen before costs: its
// plan is kept, so only the hits are made.
func TestSearchAllocations(t *testing.T) {
	if raceEnabled { // the race detector makes sync.Pool drop what it holds
		t.Skip("allocations differ under the race detector")
	}
	b := Default()
	hits, err := b.Search("kubernetes docker", 10)
	require.NoError(t, err)
	require.NotEmpty(t, hits)
	allocs := testing.AllocsPerRun(100, func() { b.Search("kubernetes docker", 10) })
	assert.LessOrEqual(t, allocs, 30.0, "Search(%q, 10) allocations", "kubernetes docker")
}

// TestParseQueryKeepsQueries checks the bank's cache of queries: a query
// seen again gives the same filter, planned, and the same results; an
// error is not kept; the cache holds at most maxCachedQueries.
func TestParseQueryKeepsQueries(t *testing.T) {
	b := randomBank(t, seeded(8), 500)
	f1, err := b.ParseQuery("cache api*")
	require.NoError(t, err)
	f2, err := b.ParseQuery("cache api*")
	require.NoError(t, err)
	assert.Same(t, f1.n, f2.n, "the second parse is the first's filter")
	assert.Same(t, b.plan(f1), b.plan(f2), "and its plan")
	assert.Equal(t, b.Count(MustParseFilter("cache api*")), b.Count(f2))

	for range 2 {
		_, err := b.ParseQuery("skill:nope")
		require.Error(t, err, "an error every time")
	}
	for i := range maxCachedQueries + 10 {
		_, err := b.ParseQuery(fmt.Sprintf("rare%d OR cache", i))
		require.NoError(t, err)
	}
	assert.Len(t, b.queries.filters, maxCachedQueries)
	assert.NotContains(t, b.queries.filters, "cache api*", "the oldest dropped")
	assert.Contains(t, b.queries.filters, fmt.Sprintf("rare%d OR cache", maxCachedQueries+9))

	// A filter kept by one bank, used with another, is planned for that
	// other; the first plans it again.
	other := randomBank(t, seeded(9), 300)
	g, err := b.ParseQuery("cache team")
	require.NoError(t, err)
	assert.Equal(t, other.Count(MustParseFilter("cache team")), other.Count(g))
	want, err := b.Search("cache team", 0)
	require.NoError(t, err)
	checkRanked(t, b, "cache team", want)
}

// TestSearchConcurrently runs searches of a few queries, each seen many
// times, from many goroutines, against the results of one: the cache and
// the plans are shared (go test -race checks the sharing).
func TestSearchConcurrently(t *testing.T) {
	b := randomBank(t, seeded(10), 800)
	queries := []string{"cache", "api gate*", `"micro node"`, "team -lead", "level>=senior cache", "rare7 OR the"}
	want := map[string][]Hit{}
	fresh := randomBank(t, seeded(10), 800) // the same bank, never searched
	for _, q := range queries {
		hits, err := fresh.Search(q, 7)
		require.NoError(t, err)
		want[q] = hits
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 40 {
				q := queries[(g+i)%len(queries)]
				hits, err := b.Search(q, 7)
				if !assert.NoError(t, err) || !assert.Equal(t, want[q], hits, q) {
					return
				}
			}
		}()
	}
	wg.Wait()
}
