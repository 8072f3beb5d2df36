package textsearch

import (
	"math/bits"
	"slices"

	"github.com/backendprep/questionbank/internal/bitset"
)

// A scratch is what one call of Best borrows from the index: the scores
// and one term's frequencies of the documents of a block, and each
// block's bound, zero between uses; and lists, empty between uses.
type scratch struct {
	scores, tf [1 << blockShift]float64 // by document of the block
	bound, sum []float64                // by block
	order      []bound                  // blocks to score, and their bounds
	heap       []Hit
}

func (t *Index) getScratch() *scratch {
	if sc, ok := t.scratch.Get().(*scratch); ok {
		return sc
	}
	return &scratch{bound: make([]float64, t.blocks()), sum: make([]float64, t.blocks())}
}

// putScratch gives sc back, its bounds zeroed and its lists emptied.
func (t *Index) putScratch(sc *scratch) {
	clear(sc.bound)
	sc.order, sc.heap = sc.order[:0], sc.heap[:0]
	t.scratch.Put(sc)
}

// Best scores the matches (the bits set in matches, nMatches of them) for
// the terms and returns the n best with a score, best first, equal
// scores in the order of the documents. It scores the documents a block
// at a time, and keeps the n best in a heap, its worst at the root. When
// it needs fewer than all, it bounds what each block's documents can
// score, and goes through the blocks from the best bound down (equal
// bounds in order): once the heap is full and a block's bound is below
// the worst kept, or equal to it with the block after it (of equal
// scores the earlier ranks first), no document left can take that place,
// and it stops.
//
// A block's bound is, for each term, the sum of its lists' largest
// frequencies in the block (a word's term has one list, its stem's; a
// prefix's one a word it starts), saturated, and summed over the terms.
// It is made as the scores are, in the same order, by steps that never
// lower a result as an argument rises: so it is never below a score it
// bounds, even by rounding, and the n best are exactly the first n of the
// whole ranking.
func (t *Index) Best(terms []*Term, matches []uint64, nMatches, n int) []Hit {
	if len(terms) == 0 {
		return nil
	}
	sc := t.getScratch()
	defer t.putScratch(sc)
	prune := n < nMatches
	if prune {
		sc.bounds(terms)
	}
	// The blocks to score: those with matches, and with a term's words.
	order := sc.order[:0]
	for no := range int32(len(sc.bound)) {
		lo, hi := blockWords(no, len(matches))
		if lo < hi && bitset.Any(matches[lo:hi]) && (!prune || sc.bound[no] > 0) {
			order = append(order, bound{no, sc.bound[no]})
		}
	}
	if prune {
		for k := len(order)/2 - 1; k >= 0; k-- {
			siftDown(order, k, first) // the best bound at the root
		}
	}
	h := sc.heap[:0]
	for len(order) > 0 {
		b := order[0]
		if prune {
			order[0] = order[len(order)-1]
			order = order[:len(order)-1]
			siftDown(order, 0, first)
			// The best a document of b could be: the bound, and the
			// block's first place. The blocks left could be no better.
			if len(h) == n && !better(Hit{b.block << blockShift, b.max}, h[0]) {
				break
			}
		} else {
			order = order[1:]
		}
		sc.scoreBlock(terms, b.block, matches)
		h = sc.keep(h, b.block, matches, n)
	}
	sc.heap, sc.order = h, order[:0]
	top := slices.Clone(h)
	slices.SortFunc(top, func(a, b Hit) int {
		if better(a, b) {
			return -1
		}
		return 1
	})
	return top
}

// keep adds the scored matches of block no to the heap h of the n best,
// and zeroes their scores.
func (sc *scratch) keep(h []Hit, no int32, matches []uint64, n int) []Hit {
	lo, hi := blockWords(no, len(matches))
	for wi := lo; wi < hi; wi++ {
		for w := matches[wi]; w != 0; w &= w - 1 {
			i := wi*64 + bits.TrailingZeros64(w)
			s := Hit{int32(i), sc.scores[i&(1<<blockShift-1)]}
			sc.scores[i&(1<<blockShift-1)] = 0 // only matches have scores
			switch {
			case s.Score == 0:
			case len(h) < n:
				h = append(h, s)
				siftUp(h, worse)
			case better(s, h[0]):
				h[0] = s
				siftDown(h, 0, worse)
			}
		}
	}
	return h
}

// bounds sets each block's bound (see Best).
func (sc *scratch) bounds(terms []*Term) {
	for _, tm := range terms {
		for _, l := range tm.lists {
			for _, b := range l.blocks {
				sc.sum[b.no] += b.maxTF
			}
		}
		for no, x := range sc.sum {
			if x != 0 {
				sc.bound[no] += saturate(tm.idf, x)
				sc.sum[no] = 0
			}
		}
	}
}

// scoreBlock scores the matches of block no, by document of the block in
// sc.scores: for each term, BM25 of its frequency, the sum of its
// lists'.
func (sc *scratch) scoreBlock(terms []*Term, no int32, matches []uint64) {
	const mask = 1<<blockShift - 1
	for _, tm := range terms {
		if len(tm.lists) == 1 { // its frequency is its list's: no sum to make first
			l := tm.lists[0]
			lo, hi := l.in(no)
			for k := lo; k < hi; k++ {
				if d := l.docs[k]; bitset.Has(matches, d) {
					sc.scores[d&mask] += saturate(tm.idf, l.tf[k])
				}
			}
			continue
		}
		for _, at := range tm.blocks[tm.starts[no]:tm.starts[no+1]] {
			l := tm.lists[at.l]
			for k := l.blocks[at.b].first; k < l.blockEnd(int(at.b)); k++ {
				if d := l.docs[k]; bitset.Has(matches, d) {
					sc.tf[d&mask] += l.tf[k]
				}
			}
		}
		lo, hi := blockWords(no, len(matches))
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

// siftUp restores the heap h, whose elements are above (nearer the root
// than) those they rank above, after an element was appended.
func siftUp[E any](h []E, above func(a, b E) bool) {
	for k := len(h) - 1; k > 0 && above(h[k], h[(k-1)/2]); k = (k - 1) / 2 {
		h[k], h[(k-1)/2] = h[(k-1)/2], h[k]
	}
}

// siftDown restores the heap h after its element k was replaced.
func siftDown[E any](h []E, k int, above func(a, b E) bool) {
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
