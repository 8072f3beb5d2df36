package questionbank

import (
	"cmp"
	"container/heap"
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
	m := newMatchSet(*bp, total)
	scores := make([]float64, total)
	if len(terms) > 0 {
		t := b.textIndex()
		tf := make([]float64, total)
		for _, ph := range terms {
			clear(tf)
			df := t.termFreqs(ph, m, tf)
			if df == 0 {
				continue
			}
			idf := math.Log(1 + (float64(len(b.qs))-float64(df)+0.5)/(float64(df)+0.5))
			for i, x := range tf {
				if x > 0 {
					scores[i] += idf * x * (bm25K1 + 1) / (bm25K1 + x)
				}
			}
		}
	}
	order := topN(scores, n)
	hits := make([]Hit, len(order))
	for k, i := range order {
		hits[k] = Hit{Question: b.qs[m.docs[i]].clone(), Score: scores[i]}
	}
	return hits, nil
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

// A matchSet is the questions a query matches, numbered in corpus order.
type matchSet struct {
	bits []uint64
	cum  []int32 // cum[w]: the matches before word w of bits
	docs []int32 // the matches, in order
}

func newMatchSet(words []uint64, total int) *matchSet {
	m := &matchSet{bits: words, cum: make([]int32, len(words)), docs: make([]int32, 0, total)}
	c := int32(0)
	for wi, w := range words {
		m.cum[wi] = c
		c += int32(bits.OnesCount64(w))
		for ; w != 0; w &= w - 1 {
			m.docs = append(m.docs, int32(wi*64+bits.TrailingZeros64(w)))
		}
	}
	return m
}

// rank returns the position of question i among the matches, or -1.
func (m *matchSet) rank(i int32) int {
	w := m.bits[i>>6]
	bit := uint64(1) << (i & 63)
	if w&bit == 0 {
		return -1
	}
	return int(m.cum[i>>6]) + bits.OnesCount64(w&(bit-1))
}

// termFreqs adds to tf, for each match, the weighted, length-normalised
// frequency of the word ph (a one-word phrase), and returns the number of
// questions of the bank that hold it.
func (t *textIndex) termFreqs(ph *phrase, m *matchSet, tf []float64) int {
	ws := t.termWords(ph)
	df := 0
	if len(ws) == 1 {
		df = ws[0].set.count()
	} else if len(ws) > 1 {
		sets := make([]*set, len(ws))
		for i, w := range ws {
			sets[i] = w.set
		}
		df = unionSet(sets, t.n).count()
	}
	for _, w := range ws {
		for _, p := range w.posts {
			if r := m.rank(p.q); r >= 0 {
				tf[r] += t.weigh(p.q, p.counts)
			}
		}
	}
	return df
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
func (t *textIndex) weigh(i int32, counts uint32) float64 {
	x := 0.0
	for g := range numGroups {
		if c := counts >> (8 * g) & 0xff; c != 0 {
			x += groupWeight[g] * float64(c) / (1 - bm25B + bm25B*float64(t.lens[i][g])/t.avgLen[g])
		}
	}
	return x
}

// topN returns the positions of the n highest scores (all, for n <= 0),
// highest first, equal scores in position order.
func topN(scores []float64, n int) []int {
	better := func(a, b int) bool { // a ranks before b
		return scores[a] > scores[b] || scores[a] == scores[b] && a < b
	}
	if n <= 0 || n >= len(scores) {
		order := make([]int, len(scores))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(scores[b], scores[a]) })
		return order
	}
	h := &worstFirst{better: better}
	for i := range scores {
		if h.Len() < n {
			heap.Push(h, i)
		} else if better(i, h.items[0]) {
			h.items[0] = i
			heap.Fix(h, 0)
		}
	}
	order := h.items
	slices.SortFunc(order, func(a, b int) int {
		if better(a, b) {
			return -1
		}
		return 1
	})
	return order
}

// worstFirst is a heap of positions whose top ranks last.
type worstFirst struct {
	items  []int
	better func(a, b int) bool
}

func (h *worstFirst) Len() int           { return len(h.items) }
func (h *worstFirst) Less(i, j int) bool { return h.better(h.items[j], h.items[i]) }
func (h *worstFirst) Swap(i, j int)      { h.items[i], h.items[j] = h.items[j], h.items[i] }
func (h *worstFirst) Push(x any)         { h.items = append(h.items, x.(int)) }
func (h *worstFirst) Pop() any {
	x := h.items[len(h.items)-1]
	h.items = h.items[:len(h.items)-1]
	return x
}
