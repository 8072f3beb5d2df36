package questionbank

import (
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
	var order []int32
	var sc *searchScratch
	if len(terms) > 0 {
		t := b.textIndex()
		sc = t.getScratch()
		defer t.putScratch(sc, matches)
		if len(terms) == 1 && len(t.termWords(terms[0])) == 1 {
			order = t.bestOfOne(terms[0], matches, sc, n)
		} else {
			for _, ph := range terms {
				t.score(ph, matches, sc)
			}
			order = sc.top(matches, n)
		}
	}
	// Matches without a score, in corpus order, after those with one.
	for wi, w := range matches {
		for ; w != 0 && len(order) < n; w &= w - 1 {
			i := int32(wi*64 + bits.TrailingZeros64(w))
			if sc == nil || sc.scores[i] == 0 {
				order = append(order, i)
			}
		}
	}
	hits := make([]Hit, len(order))
	for k, i := range order {
		hits[k] = Hit{Question: b.qs[i].clone()}
		if sc != nil {
			hits[k].Score = sc.scores[i]
		}
	}
	return hits, nil
}

// A searchScratch is what one Search borrows from the bank: each
// question's score and one term's frequency, zero between uses.
type searchScratch struct {
	scores, tf []float64 // by question
	heap       []int32
}

func (t *textIndex) getScratch() *searchScratch {
	if sc, ok := t.scratch.Get().(*searchScratch); ok {
		return sc
	}
	return &searchScratch{scores: make([]float64, t.n), tf: make([]float64, t.n)}
}

// putScratch zeroes the scores of the matches, the only ones given one,
// and gives sc back.
func (t *textIndex) putScratch(sc *searchScratch, matches []uint64) {
	forEach(matches, func(i int32) { sc.scores[i] = 0 })
	sc.heap = sc.heap[:0]
	t.scratch.Put(sc)
}

// forEach calls f with each question of a set of bits, in order.
func forEach(words []uint64, f func(i int32)) {
	for wi, w := range words {
		for ; w != 0; w &= w - 1 {
			f(int32(wi*64 + bits.TrailingZeros64(w)))
		}
	}
}

// idf is BM25's inverse document frequency of a term that df of the
// bank's questions hold.
func (t *textIndex) idf(df int) float64 {
	return math.Log(1 + (float64(t.n)-float64(df)+0.5)/(float64(df)+0.5))
}

// saturate is BM25's score of a term of frequency x: it rises with x,
// towards idf × (k1 + 1).
func saturate(idf, x float64) float64 { return idf * x * (bm25K1 + 1) / (bm25K1 + x) }

// score adds to the scores of the matches what the term ph, a one-word
// phrase, scores: BM25 of its frequency, summed over the words it stands
// for (a stem's words, or a prefix's).
func (t *textIndex) score(ph *phrase, matches []uint64, sc *searchScratch) {
	ws := t.termWords(ph)
	switch len(ws) {
	case 0:
		return
	case 1: // the frequency is the word's: no sum to make first
		idf := t.idf(len(ws[0].posts))
		for _, p := range ws[0].posts {
			if matches[p.q>>6]&(1<<(p.q&63)) != 0 {
				sc.scores[p.q] += saturate(idf, t.weigh(p.q, p.counts))
			}
		}
		return
	}
	sets := make([]*set, len(ws))
	for i, w := range ws {
		sets[i] = w.set
		for _, p := range w.posts {
			if matches[p.q>>6]&(1<<(p.q&63)) != 0 {
				sc.tf[p.q] += t.weigh(p.q, p.counts)
			}
		}
	}
	idf := t.idf(unionSet(sets, t.n).count())
	forEach(matches, func(i int32) {
		if x := sc.tf[i]; x != 0 {
			sc.scores[i] += saturate(idf, x)
			sc.tf[i] = 0
		}
	})
}

// bestOfOne returns the n best matches of a query whose one term is one
// word, best first, and scores them. A term's score rises with its
// frequency, so they are the matches of highest frequency: found first,
// without computing a score, which only they then get (Search of one word
// at 100,000 questions: 2.5x faster).
func (t *textIndex) bestOfOne(ph *phrase, matches []uint64, sc *searchScratch, n int) []int32 {
	w := t.termWords(ph)[0]
	better := func(a, b int32) bool {
		ta, tb := sc.tf[a], sc.tf[b]
		return ta > tb || ta == tb && a < b
	}
	h := sc.heap[:0]
	for _, p := range w.posts {
		if matches[p.q>>6]&(1<<(p.q&63)) == 0 {
			continue
		}
		x := t.weigh(p.q, p.counts)
		if len(h) == n && !(x > sc.tf[h[0]]) { // no better than the worst kept
			continue
		}
		sc.tf[p.q] = x
		if len(h) < n {
			h = append(h, p.q)
			siftUp(h, better)
			continue
		}
		sc.tf[h[0]] = 0
		h[0] = p.q
		siftDown(h, better)
	}
	order := sortedBest(h, better)
	idf := t.idf(len(w.posts))
	for _, i := range order {
		sc.scores[i] = saturate(idf, sc.tf[i])
		sc.tf[i] = 0
	}
	sc.heap = h
	return order
}

// top returns the n best scored matches, best first, equal scores in
// corpus order: a heap of the n best so far, its worst at the root.
func (sc *searchScratch) top(matches []uint64, n int) []int32 {
	better := func(a, b int32) bool {
		sa, sb := sc.scores[a], sc.scores[b]
		return sa > sb || sa == sb && a < b
	}
	h := sc.heap[:0]
	forEach(matches, func(i int32) {
		switch {
		case sc.scores[i] == 0:
		case len(h) < n:
			h = append(h, i)
			siftUp(h, better)
		case better(i, h[0]):
			h[0] = i
			siftDown(h, better)
		}
	})
	sc.heap = h
	return sortedBest(h, better)
}

// sortedBest returns a copy of the heap h, best first.
func sortedBest(h []int32, better func(a, b int32) bool) []int32 {
	order := slices.Clone(h)
	slices.SortFunc(order, func(a, b int32) int {
		if better(a, b) {
			return -1
		}
		return 1
	})
	return order
}

// siftUp restores the heap h, whose worst element (by better) is at the
// root, after an element was appended.
func siftUp(h []int32, better func(a, b int32) bool) {
	for k := len(h) - 1; k > 0 && better(h[(k-1)/2], h[k]); k = (k - 1) / 2 {
		h[k], h[(k-1)/2] = h[(k-1)/2], h[k]
	}
}

// siftDown restores the heap h after its root was replaced.
func siftDown(h []int32, better func(a, b int32) bool) {
	for k := 0; ; {
		c := 2*k + 1
		if c >= len(h) {
			return
		}
		if c+1 < len(h) && better(h[c], h[c+1]) {
			c++ // the worse child
		}
		if !better(h[k], h[c]) {
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

// termWords returns the words of the vocabulary a search term, a one-word
// phrase, stands for: the words of its stem, or the words a prefix starts.
func (t *textIndex) termWords(ph *phrase) []*word {
	if len(ph.words) != 1 {
		return nil
	}
	if !ph.prefix {
		return t.byStem[ph.stems[0]]
	}
	var ws []*word
	i, _ := slices.BinarySearch(t.vocab, ph.words[0])
	for ; i < len(t.vocab) && strings.HasPrefix(t.vocab[i], ph.words[0]); i++ {
		ws = append(ws, t.words[t.vocab[i]])
	}
	return ws
}

// meanWords returns the mean number of words of a question's fields.
func (t *textIndex) meanWords() int {
	n := 0.0
	for _, l := range t.avgLen {
		n += l
	}
	return int(n) + 1
}

// weigh returns the weighted, length-normalised frequency of a term that
// occurs in question i counts times, a byte a group.
// It multiplies each group's count, zero or not, rather than test it:
// which groups hold a word follows no pattern a processor can predict.
func (t *textIndex) weigh(i int32, counts uint32) float64 {
	norm := &t.norms[i]
	return float64(counts&0xff)*norm[0] + float64(counts>>8&0xff)*norm[1] +
		float64(counts>>16&0xff)*norm[2] + float64(counts>>24)*norm[3]
}
