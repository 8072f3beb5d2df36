package questionbank

import (
	"sync"

	"github.com/backendprep/questionbank/internal/textsearch"
)

// A plan is a query compiled against one bank, made once and kept in
// its Filter for the next call with that bank: the program that finds
// its matches, and the terms that rank them, resolved against the word
// index (their posting lists and idf) for the cost check and Search.
type plan struct {
	bank   *Bank
	p      *prog
	single *instr // in a small bank, p's only instr when it needs no stack: Count's fast path

	n         *node // the query, for its terms
	termsOnce sync.Once
	terms     rankTerms
}

// rankTerms are a query's free-text terms that some question holds, and
// the phrase of each, which the cost check names.
type rankTerms struct {
	terms   []*textsearch.Term
	phrases []textsearch.Phrase
}

// rankTerms returns the plan's terms, resolved on first use: Count,
// which ranks nothing, never pays for them.
func (pl *plan) rankTerms(b *Bank) *rankTerms {
	pl.termsOnce.Do(func() {
		var phs []textsearch.Phrase
		collectTerms(pl.n, &phs)
		if len(phs) == 0 {
			return
		}
		t := b.textIndex()
		pl.terms.terms, pl.terms.phrases = make([]*textsearch.Term, 0, len(phs)), phs[:0]
		for _, ph := range phs {
			if tm := t.NewTerm(ph); tm != nil {
				pl.terms.terms = append(pl.terms.terms, tm)
				pl.terms.phrases = append(pl.terms.phrases, ph)
			}
		}
	})
	return &pl.terms
}

// maxCachedQueries bounds the queries a bank keeps parsed and planned.
const maxCachedQueries = 128

// A queryCache keeps the filters of the last queries a bank's ParseQuery
// accepted, by query text, each with its plan, so that a query seen again
// (a page asked for twice, a search as one types) is neither parsed nor
// planned again. It is safe for concurrent use.
type queryCache struct {
	mu      sync.Mutex
	filters map[string]Filter
	order   [maxCachedQueries]string // the keys, oldest at next once full
	next    int
}

// get returns the filter of query q, if it is kept.
func (c *queryCache) get(q string) (Filter, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	f, ok := c.filters[q]
	return f, ok
}

// put keeps the filter of query q, dropping the oldest kept when full.
func (c *queryCache) put(q string, f Filter) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.filters[q]; ok {
		return
	}
	if c.filters == nil {
		c.filters = make(map[string]Filter)
	}
	if len(c.filters) == maxCachedQueries {
		delete(c.filters, c.order[c.next])
	}
	c.filters[q] = f
	c.order[c.next] = q
	c.next = (c.next + 1) % maxCachedQueries
}
