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
		if len(terms) == 1 {
			order = t.bestOfOne(terms[0], matches, total, sc, n)
		} else {
			for _, ph := range terms {
				t.score(ph, matches, total, sc)
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
// question's score and one term's frequency, zero between uses, and lists
// of postings and questions, empty between uses.
type searchScratch struct {
	scores, tf []float64 // by question
	posts      []int32   // postings of a word that are matches
	touched    []int32   // questions a term's words gave a frequency
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
	for wi, w := range matches {
		for ; w != 0; w &= w - 1 {
			sc.scores[wi*64+bits.TrailingZeros64(w)] = 0
		}
	}
	sc.heap, sc.posts, sc.touched = sc.heap[:0], sc.posts[:0], sc.touched[:0]
	t.scratch.Put(sc)
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
func (t *textIndex) score(ph *phrase, matches []uint64, nMatches int, sc *searchScratch) {
	ws := t.termWords(ph)
	if len(ws) == 0 {
		return
	}
	idf := t.idf(termDF(ws, t.n))
	if w := ws[0]; len(ws) == 1 { // the frequency is the word's: no sum to make first
		sc.posts = matchedPosts(sc.posts[:0], w, matches, nMatches)
		for _, k := range sc.posts {
			sc.scores[w.posts[k].q] += saturate(idf, w.tf[k])
		}
		return
	}
	for _, q := range sc.sumFreqs(ws, matches, nMatches) {
		sc.scores[q] += saturate(idf, sc.tf[q])
		sc.tf[q] = 0
	}
}

// sumFreqs sums in tf the frequencies of the words ws in the matches, and
// returns the questions it gave one, in sc.touched.
func (sc *searchScratch) sumFreqs(ws []*word, matches []uint64, nMatches int) []int32 {
	sc.touched = sc.touched[:0]
	for _, w := range ws {
		sc.posts = matchedPosts(sc.posts[:0], w, matches, nMatches)
		for _, k := range sc.posts {
			q := w.posts[k].q
			if sc.tf[q] == 0 {
				sc.touched = append(sc.touched, q)
			}
			sc.tf[q] += w.tf[k]
		}
	}
	return sc.touched
}

// termDF returns how many of a bank's n questions hold any of ws.
func termDF(ws []*word, n int) int {
	if len(ws) == 1 {
		return len(ws[0].posts)
	}
	sets := make([]*set, len(ws))
	for i, w := range ws {
		sets[i] = w.set
	}
	return unionSet(sets, n).count()
}

// matchedPosts appends to dst the index of each posting of w whose
// question is a match, and returns it. When the matches are far fewer
// than the postings, it finds each match's posting by a galloping search
// rather than test every posting: "api gateway" matches a quarter of the
// questions "api" does.
func matchedPosts(dst []int32, w *word, matches []uint64, nMatches int) []int32 {
	posts := w.posts
	if !gallops(w, nMatches) {
		for k, p := range posts {
			if matches[p.q>>6]&(1<<(p.q&63)) != 0 {
				dst = append(dst, int32(k))
			}
		}
		return dst
	}
	k := 0
	for wi, bitsw := range matches {
		for ; bitsw != 0; bitsw &= bitsw - 1 {
			q := int32(wi*64 + bits.TrailingZeros64(bitsw))
			// Gallop from k past the postings before q, then search the
			// last step for the first at or after it.
			step := 1
			for k+step < len(posts) && posts[k+step].q < q {
				k += step
				step *= 2
			}
			hi := min(k+step, len(posts))
			for k < hi {
				mid := int(uint(k+hi) >> 1)
				if posts[mid].q < q {
					k = mid + 1
				} else {
					hi = mid
				}
			}
			if k == len(posts) {
				return dst
			}
			if posts[k].q == q {
				dst = append(dst, int32(k))
			}
		}
	}
	return dst
}

// gallops reports whether matchedPosts finds w's postings of the matches
// by galloping, as they are far fewer than its postings.
func gallops(w *word, nMatches int) bool { return len(w.posts) > 2*nMatches }

// bestOfOne returns the n best matches of a query of one term, best
// first, and scores them. A term's score rises with its frequency, so a
// match whose frequency is clearly below that of the worst kept is passed
// over without its score computed: a division saved for nearly every
// match. (Clearly: by more than rounding could undo, so that the ranking
// is the one the scores give.)
func (t *textIndex) bestOfOne(ph *phrase, matches []uint64, nMatches int, sc *searchScratch, n int) []int32 {
	ws := t.termWords(ph)
	if len(ws) == 0 {
		return nil
	}
	idf := t.idf(termDF(ws, t.n))
	better := func(a, b int32) bool {
		sa, sb := sc.scores[a], sc.scores[b]
		return sa > sb || sa == sb && a < b
	}
	h := sc.heap[:0]
	below := math.Inf(-1) // a frequency under it cannot make the n best
	keep := func(q int32, x float64) {
		score := saturate(idf, x)
		switch {
		case len(h) < n:
			sc.tf[q], sc.scores[q] = x, score
			h = append(h, q)
			siftUp(h, better)
		case score > sc.scores[h[0]] || score == sc.scores[h[0]] && q < h[0]:
			sc.tf[h[0]], sc.scores[h[0]] = 0, 0
			sc.tf[q], sc.scores[q] = x, score
			h[0] = q
			siftDown(h, better)
		default:
			return
		}
		if len(h) == n {
			below = sc.tf[h[0]] * (1 - 1e-9)
		}
	}
	switch w := ws[0]; {
	case len(ws) == 1 && !gallops(w, nMatches):
		// The loop of a one-word search, written out: most postings are
		// passed over on their frequency alone.
		for k, p := range w.posts {
			if x := w.tf[k]; x >= below && matches[p.q>>6]&(1<<(p.q&63)) != 0 {
				keep(p.q, x)
			}
		}
	case len(ws) == 1:
		sc.posts = matchedPosts(sc.posts[:0], w, matches, nMatches)
		for _, k := range sc.posts {
			if x := w.tf[k]; x >= below {
				keep(w.posts[k].q, x)
			}
		}
	default:
		// Sum the words' frequencies first, then keep the best (in any
		// order: keep's order is total). keep touches only questions
		// already summed.
		for _, q := range sc.sumFreqs(ws, matches, nMatches) {
			x := sc.tf[q]
			sc.tf[q] = 0
			if x >= below {
				keep(q, x)
			}
		}
	}
	for _, i := range h {
		sc.tf[i] = 0
	}
	sc.heap = h
	return sortedBest(h, better)
}

// top returns the n best scored matches, best first, equal scores in
// corpus order: a heap of the n best so far, its worst at the root.
func (sc *searchScratch) top(matches []uint64, n int) []int32 {
	better := func(a, b int32) bool {
		sa, sb := sc.scores[a], sc.scores[b]
		return sa > sb || sa == sb && a < b
	}
	h := sc.heap[:0]
	for wi, w := range matches {
		for ; w != 0; w &= w - 1 {
			i := int32(wi*64 + bits.TrailingZeros64(w))
			switch {
			case sc.scores[i] == 0:
			case len(h) < n:
				h = append(h, i)
				siftUp(h, better)
			case better(i, h[0]):
				h[0] = i
				siftDown(h, better)
			}
		}
	}
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
