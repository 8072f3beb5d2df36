package questionbank

import (
	"fmt"

	"github.com/backendprep/questionbank/internal/bitset"
	"github.com/backendprep/questionbank/internal/textsearch"
)

// The work budget of a query. As regexp/syntax bounds the size of a
// program before running it, Bank.ParseQuery estimates what evaluating a
// query against the bank, and ranking its matches, would cost, from the
// compiled program and the sizes of the index's sets, before any of it is
// done, and refuses a query over budget. The estimate is an upper bound
// in about nanoseconds: combining a set costs setWordCost a 64-bit word or
// a list entry, ranking costs postingCost a posting of each word searched,
// and confirming a phrase against a question's text costs textWordCost a
// word of its fields. The costs were measured on 20,000 questions of a
// realistic vocabulary (vocabBank): the estimates of the queries tried
// came within a factor of 2.5 of their measured time, mostly above it.

// maxQueryCost is the budget: about 20 ms of work.
const maxQueryCost = 20_000_000

// What each part of the work costs, in about nanoseconds, as measured on
// 20,000 questions (BenchmarkHostile).
const (
	setWordCost  = 4  // a 64-bit word of a dense set, or an entry of a sparse one
	postingCost  = 25 // a posting walked to rank a word: its question's rank and weight
	textWordCost = 30 // a word of text read to confirm a phrase: found, folded and stemmed
)

// checkCost returns an error naming the costliest term if f would cost
// more than the budget on b.
func (b *Bank) checkCost(q string, f Filter) error {
	if len(b.qs) == 0 || f.n == nil {
		return nil
	}
	var e costEstimate
	pl := b.plan(f)
	e.prog(b, pl.p)
	terms := pl.rankTerms(b)
	for i, tm := range terms.terms {
		e.add(tm.Postings()*postingCost, &terms.phrases[i])
	}
	if e.total <= maxQueryCost {
		return nil
	}
	what := "its terms together"
	if e.worst != nil && e.worstCost > maxQueryCost/2 {
		what = fmt.Sprintf("the term %s alone", phraseText(e.worst))
	}
	return syntaxErrorf(q, 0, "query too expensive: %s would take about %d ms on this bank of %d questions (the limit is %d ms); use longer prefixes, fewer phrases, or narrow it with level, type or skill",
		what, e.total/1_000_000, len(b.qs), maxQueryCost/1_000_000)
}

// A costEstimate sums the estimated cost of a program's parts, and keeps
// the costliest phrase.
type costEstimate struct {
	total     int
	worst     *textsearch.Phrase
	worstCost int
}

func (e *costEstimate) add(c int, ph *textsearch.Phrase) {
	e.total += c
	if ph != nil && c > e.worstCost {
		e.worst, e.worstCost = ph, c
	}
}

// prog adds the cost of evaluating p once over the whole bank.
func (e *costEstimate) prog(b *Bank, p *prog) {
	nwords := bitset.Words(len(b.qs))
	switch p.op {
	case opNone, opAll:
		e.add(nwords, nil)
	case opSets:
		e.add(setsCost(p.sets, nwords), nil)
	case opAnd, opOr, opNot:
		for _, k := range p.kids {
			e.prog(b, k)
			e.add(nwords, nil)
		}
	case opPhrase:
		c, candidates := 0, len(b.qs)
		for _, g := range p.groups {
			c += setsCost(g, nwords)
			n := 0
			for _, s := range g {
				n += s.Count()
			}
			candidates = min(candidates, n)
		}
		e.add(c+candidates*p.ix.MeanWords()*textWordCost, p.text)
	case opWords:
		for _, in := range p.code {
			e.add(1+len(in.ws), nil)
			if in.op == opPhrase {
				e.prog(b, in.p)
			}
		}
	}
}

// setsCost is what loading and combining sets costs: a unit a word of a
// dense set, an entry of a sparse one.
func setsCost(sets []*bitset.Set, nwords int) int {
	c := 0
	for _, s := range sets {
		if s.Bits != nil {
			c += nwords
		} else {
			c += len(s.List)
		}
	}
	return c * setWordCost
}

// phraseText is a phrase as a query writes it.
func phraseText(ph *textsearch.Phrase) string {
	return Filter{&node{kind: kindText, text: ph}}.String()
}
