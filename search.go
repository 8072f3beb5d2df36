package questionbank

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
	"strings"
)

// A Hit is one result of [Bank.Search]: a question and its relevance.
type Hit struct {
	Question Question `json:"question"`
	Score    float64  `json:"score"` // higher is more relevant; 0 for a query with no free text
}

// The ranking's parameters: BM25's k1 and b, as Lucene and bleve use
// them, and the weight of a word in each group of fields.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

var groupWeight = [numGroups]float64{
	groupText:   4, // the question as asked
	groupSkills: 3,
	groupIntro:  2,
	groupBody:   1, // how to answer, what not to say, the example answer
}

// Search returns the questions [Bank.Query] returns for q, most relevant
// first, at most n of them (n <= 0: all), with their scores. An error is
// Query's.
//
// Relevance is BM25F over the query's free-text words (each word and
// prefix that is not negated; a phrase counts as its words, as bleve
// scores it): a word scores
//
//	idf × tf × (k1 + 1) / (k1 + tf)
//	idf = ln(1 + (N − df + 0.5) / (df + 0.5))
//	tf  = Σ over groups of weight × count / (1 − b + b × length / mean length)
//
// with k1 = 1.2 and b = 0.75, where N is the number of questions in the
// bank, df the number that hold the word, and count and length are the
// word's occurrences in a group of the question's fields and the group's
// length in words. The groups weigh 4 for the question text, 3 for the
// skills, 2 for the introduction and 1 for the bullets and the example
// answer. A word counts every word of its stem; a prefix every word it
// starts. A question's score is the sum of its words'. Equal scores keep
// corpus order, and a query without free text returns its matches in
// corpus order with score 0.
func (b *Bank) Search(q string, n int) ([]Hit, error) {
	f, err := b.ParseQuery(q)
	if err != nil {
		return nil, err
	}
	var terms []*phrase
	collectTerms(f.n, &terms)
	p := b.compile(f)
	bp, total := b.evalAll(p)
	defer putWords(bp)
	if total == 0 {
		return nil, nil
	}
	if n <= 0 || n > total {
		n = total
	}
	matches := *bp
	var top []scored
	if len(terms) > 0 {
		t := b.textIndex()
		sc := t.getScratch()
		defer t.putScratch(sc)
		top = t.best(terms, matches, total, sc, n)
	}
	hits := make([]Hit, 0, n)
	for _, s := range top {
		hits = append(hits, Hit{Question: b.qs[s.q].clone(), Score: s.score})
	}
	if len(hits) < n {
		// Fewer than n scored: best scored every match, and kept them
		// all. The others follow, in corpus order.
		kept := make(map[int32]bool, len(top))
		for _, s := range top {
			kept[s.q] = true
		}
		for wi, w := range matches {
			for ; w != 0 && len(hits) < n; w &= w - 1 {
				if i := int32(wi*64 + bits.TrailingZeros64(w)); !kept[i] {
					hits = append(hits, Hit{Question: b.qs[i].clone()})
				}
			}
		}
	}
	return hits, nil
}

// rangeShift sets the size of a range of questions, 1<<rangeShift (four
// words of a set): the unit in which Search scores questions, bounds
// what they can score, and passes over those that cannot make the n best.
const rangeShift = 8

// A span is the postings of a list in one range of questions.
type span struct {
	r     int32   // the range: questions r<<rangeShift up to the next range's
	first int32   // the index in the list of the first
	max   float64 // their largest frequency (tf)
}

// A scored is a question and its score.
type scored struct {
	q     int32
	score float64
}

// A searchScratch is what one Search borrows from the bank: the scores
// and one term's frequencies of the questions of a range, and each
// range's bound, zero between uses; and lists, empty between uses.
type searchScratch struct {
	scores, tf [1 << rangeShift]float64 // by question of the range
	bound, sum []float64                // by range
	terms      []searchTerm
	ranges     []scored // ranges to score, and their bounds
	heap       []scored
}

// A searchTerm is a term of a query as Search scores it: the postings
// it stands for, and its inverse document frequency. A term of many
// lists (a prefix's) has its lists' spans by range, so that scoring a
// range reads the lists with postings there and no others: those of
// range r are spans[starts[r]:starts[r+1]], in the order of the lists.
// (Looking each list's span up in each range instead costs twice as
// much on a phrase ending in a short prefix: "a s*" at 20,000
// realistic questions, 30.7 ms against 17.0, BenchmarkHostile.)
type searchTerm struct {
	lists  []*postings
	idf    float64
	spans  []spanAt
	starts []int32
}

// A spanAt is span s of list l of a term.
type spanAt struct{ l, s int32 }

// bySpan sets tm's spans by range, for a bank of ranges ranges.
func (tm *searchTerm) bySpan(ranges int) {
	tm.starts = make([]int32, ranges+1)
	for _, l := range tm.lists {
		for _, s := range l.spans {
			tm.starts[s.r+1]++
		}
	}
	for r := range ranges {
		tm.starts[r+1] += tm.starts[r]
	}
	tm.spans = make([]spanAt, tm.starts[ranges])
	next := slices.Clone(tm.starts[:ranges])
	for li, l := range tm.lists {
		for si, s := range l.spans {
			tm.spans[next[s.r]] = spanAt{int32(li), int32(si)}
			next[s.r]++
		}
	}
}

func (t *textIndex) getScratch() *searchScratch {
	if sc, ok := t.scratch.Get().(*searchScratch); ok {
		return sc
	}
	ranges := t.n>>rangeShift + 1
	return &searchScratch{bound: make([]float64, ranges), sum: make([]float64, ranges)}
}

// putScratch gives sc back, its bounds zeroed and its lists emptied.
func (t *textIndex) putScratch(sc *searchScratch) {
	clear(sc.bound)
	clear(sc.terms) // no lists kept alive
	sc.terms, sc.heap = sc.terms[:0], sc.heap[:0]
	t.scratch.Put(sc)
}

// idf is BM25's inverse document frequency of a term that df of the
// bank's questions hold.
func (t *textIndex) idf(df int) float64 {
	return math.Log(1 + (float64(t.n)-float64(df)+0.5)/(float64(df)+0.5))
}

// saturate is BM25's score of a term of frequency x, idf × x(k1 + 1) /
// (k1 + x), computed as idf(k1 + 1) × (1 − k1 / (k1 + x)) so that it
// never falls as x rises, rounding included: each step is an addition,
// a multiplication by a positive constant or a division of one, and
// rounding keeps their order. best relies on it. (The conversion keeps
// the product from being fused with an addition that follows, which
// would round differently in the bound and in the score.)
func saturate(idf, x float64) float64 {
	return float64(idf * (bm25K1 + 1) * (1 - bm25K1/(bm25K1+x)))
}

// better reports whether a ranks before b: a higher score, or an equal
// one earlier in the corpus.
func better(a, b scored) bool { return a.score > b.score || a.score == b.score && a.q < b.q }

// worse reports whether a ranks after b.
func worse(a, b scored) bool { return better(b, a) }

// best scores the matches and returns the n best with a score, best
// first. It scores the questions a range at a time, and keeps the n best
// in a heap, its worst at the root. When it needs fewer than all, it
// bounds what each range's questions can score, and goes through the
// ranges from the best bound down (equal bounds in corpus order): once
// the heap is full and a range's bound is below the worst kept, or equal
// to it with the range after it (of equal scores the earlier ranks
// first), no question left can take that place, and it stops.
//
// A range's bound is what its questions' scores are made of, made of the
// largest of each: for each term, the sum of its lists' largest
// frequencies there (a word's term has one list, its stem's; a prefix's
// has one a word it starts), saturated; summed over the terms. Summed in
// the same order as the scores, by steps that never lower a result as an
// argument rises, it is never below a score it bounds, even by rounding;
// so the n best are exactly the first n of the whole ranking.
func (t *textIndex) best(phs []*phrase, matches []uint64, nMatches int, sc *searchScratch, n int) []scored {
	for _, ph := range phs {
		if ls := t.termLists(ph); len(ls) > 0 {
			tm := searchTerm{lists: ls, idf: t.idf(t.termDF(ls))}
			if len(ls) > 1 {
				tm.bySpan(len(sc.bound))
			}
			sc.terms = append(sc.terms, tm)
		}
	}
	if len(sc.terms) == 0 {
		return nil
	}
	prune := n < nMatches
	if prune {
		sc.bounds()
	}
	// The ranges to score, as a range and its bound: those with matches,
	// and with a term's words.
	rs := sc.ranges[:0]
	for r := range int32(len(sc.bound)) {
		lo, hi := rangeWords(r, len(matches))
		if lo < hi && anyBit(matches[lo:hi]) && (!prune || sc.bound[r] > 0) {
			rs = append(rs, scored{r, sc.bound[r]})
		}
	}
	if prune {
		for k := len(rs)/2 - 1; k >= 0; k-- {
			siftDown(rs, k, better) // the best bound at the root
		}
	}
	h := sc.heap[:0]
	for len(rs) > 0 {
		r := rs[0]
		if prune {
			rs[0] = rs[len(rs)-1]
			rs = rs[:len(rs)-1]
			siftDown(rs, 0, better)
			// The best a question of r could be: the bound, and the
			// range's first place. The ranges left could be no better.
			if len(h) == n && !better(scored{r.q << rangeShift, r.score}, h[0]) {
				break
			}
		} else {
			rs = rs[1:]
		}
		sc.scoreRange(r.q, matches)
		lo, hi := rangeWords(r.q, len(matches))
		for wi := lo; wi < hi; wi++ {
			for w := matches[wi]; w != 0; w &= w - 1 {
				i := wi*64 + bits.TrailingZeros64(w)
				s := scored{int32(i), sc.scores[i&(1<<rangeShift-1)]}
				sc.scores[i&(1<<rangeShift-1)] = 0 // only matches have scores
				switch {
				case s.score == 0:
				case len(h) < n:
					h = append(h, s)
					siftUp(h, worse)
				case better(s, h[0]):
					h[0] = s
					siftDown(h, 0, worse)
				}
			}
		}
	}
	sc.heap, sc.ranges = h, rs[:0]
	top := slices.Clone(h)
	slices.SortFunc(top, func(a, b scored) int {
		if better(a, b) {
			return -1
		}
		return 1
	})
	return top
}

// rangeWords returns the words [lo, hi) of a set of nWords words that
// hold range r.
func rangeWords(r int32, nWords int) (lo, hi int) {
	const perRange = 1 << rangeShift / 64
	return int(r) * perRange, min(int(r+1)*perRange, nWords)
}

// bounds sets each range's bound (see best).
func (sc *searchScratch) bounds() {
	for _, tm := range sc.terms {
		for _, l := range tm.lists {
			for _, s := range l.spans {
				sc.sum[s.r] += s.max
			}
		}
		for r, x := range sc.sum {
			if x != 0 {
				sc.bound[r] += saturate(tm.idf, x)
				sc.sum[r] = 0
			}
		}
	}
}

// scoreRange scores the matches of range r, by question of the range in
// sc.scores: for each term, BM25 of its frequency, the sum of its
// lists'.
func (sc *searchScratch) scoreRange(r int32, matches []uint64) {
	const mask = 1<<rangeShift - 1
	for _, tm := range sc.terms {
		if len(tm.lists) == 1 { // its frequency is its list's: no sum to make first
			l := tm.lists[0]
			lo, hi := l.in(r)
			for k := lo; k < hi; k++ {
				if q := l.qs[k]; hasBit(matches, q) {
					sc.scores[q&mask] += saturate(tm.idf, l.tf[k])
				}
			}
			continue
		}
		for _, at := range tm.spans[tm.starts[r]:tm.starts[r+1]] {
			l := tm.lists[at.l]
			for k := l.spans[at.s].first; k < l.spanEnd(int(at.s)); k++ {
				if q := l.qs[k]; hasBit(matches, q) {
					sc.tf[q&mask] += l.tf[k]
				}
			}
		}
		lo, hi := rangeWords(r, len(matches))
		for wi := lo; wi < hi; wi++ {
			for w := matches[wi]; w != 0; w &= w - 1 {
				i := (wi*64 + bits.TrailingZeros64(w)) & mask
				if x := sc.tf[i]; x != 0 {
					sc.scores[i] += saturate(tm.idf, x)
					sc.tf[i] = 0
				}
			}
		}
	}
}

// in returns the postings of l in range r, as indexes [lo, hi).
func (l *postings) in(r int32) (lo, hi int32) {
	c, ok := slices.BinarySearchFunc(l.spans, r, func(s span, r int32) int { return cmp.Compare(s.r, r) })
	if !ok {
		return 0, 0
	}
	return l.spans[c].first, l.spanEnd(c)
}

// spanEnd returns where span c of l ends: where the next begins.
func (l *postings) spanEnd(c int) int32 {
	if c+1 < len(l.spans) {
		return l.spans[c+1].first
	}
	return int32(len(l.qs))
}

// hasBit reports whether bit i of words is set.
func hasBit(words []uint64, i int32) bool { return words[i>>6]&(1<<(i&63)) != 0 }

// anyBit reports whether any bit of words is set.
func anyBit(words []uint64) bool {
	for _, w := range words {
		if w != 0 {
			return true
		}
	}
	return false
}

// termDF returns how many of the bank's questions hold a term whose
// postings are ls.
func (t *textIndex) termDF(ls []*postings) int {
	if len(ls) == 1 {
		return len(ls[0].qs)
	}
	sets := make([]*set, len(ls))
	for i, l := range ls {
		sets[i] = l.set
	}
	return unionSet(sets, t.n).count()
}

// siftUp restores the heap h, whose elements are above (nearer the root
// than) those they are above, after an element was appended.
func siftUp(h []scored, above func(a, b scored) bool) {
	for k := len(h) - 1; k > 0 && above(h[k], h[(k-1)/2]); k = (k - 1) / 2 {
		h[k], h[(k-1)/2] = h[(k-1)/2], h[k]
	}
}

// siftDown restores the heap h after its element k was replaced.
func siftDown(h []scored, k int, above func(a, b scored) bool) {
	for {
		c := 2*k + 1
		if c >= len(h) {
			return
		}
		if c+1 < len(h) && above(h[c+1], h[c]) {
			c++
		}
		if !above(h[c], h[k]) {
			return
		}
		h[k], h[c] = h[c], h[k]
		k = c
	}
}

// collectTerms appends the free-text words of n that are not negated,
// each once, as one-word phrases.
func collectTerms(n *node, terms *[]*phrase) {
	if n == nil {
		return
	}
	switch n.kind {
	case kindAnd, kindOr:
		for _, k := range n.kids {
			collectTerms(k, terms)
		}
	case kindText:
		ph := n.text
		last := len(ph.words) - 1
	words:
		for k := range ph.words {
			w := &phrase{words: ph.words[k : k+1], stems: ph.stems[k : k+1], prefix: ph.prefix && k == last}
			for _, t := range *terms {
				if t.prefix == w.prefix && t.words[0] == w.words[0] {
					continue words
				}
			}
			*terms = append(*terms, w)
		}
	}
}

// termLists returns the postings a search term, a one-word phrase,
// stands for: its stem's, or those of each word a prefix starts.
func (t *textIndex) termLists(ph *phrase) []*postings {
	if len(ph.words) != 1 {
		return nil
	}
	if !ph.prefix {
		if p := t.stems[ph.stems[0]]; p != nil {
			return []*postings{p}
		}
		return nil
	}
	var ls []*postings
	i, _ := slices.BinarySearch(t.vocab, ph.words[0])
	for ; i < len(t.vocab) && strings.HasPrefix(t.vocab[i], ph.words[0]); i++ {
		ls = append(ls, &t.words[t.vocab[i]].postings)
	}
	return ls
}

// meanWords returns the mean number of words of a question's fields.
func (t *textIndex) meanWords() int {
	n := 0.0
	for _, l := range t.avgLen {
		n += l
	}
	return int(n) + 1
}
