package textsearch

import (
	"slices"

	"github.com/backendprep/questionbank/internal/bitset"
)

// pairs returns the index of phrases, built for the first phrase, apart
// from the words' so that banks never searched for a phrase never pay
// for it.
func (t *Index) pairs() *pairIndex {
	t.pairsOnce.Do(func() {
		t.pairIx.Store(t.buildPairs(Parts(t.n)))
	})
	return t.pairIx.Load()
}

// PairsBuilt reports whether the index of phrases is built.
func (t *Index) PairsBuilt() bool { return t.pairIx.Load() != nil }

// Pair returns the set of the documents where stem a stands just before
// stem b, nil if there are none.
func (t *Index) Pair(a, b string) *bitset.Set {
	na, okA := t.stemNo[a]
	nb, okB := t.stemNo[b]
	if !okA || !okB {
		return nil
	}
	return t.pairs().set(pairKey(na, nb))
}

// PrefixSets returns the sets for the prefix that ends ph, after its
// first whole words: alone (whole is 0), the sets of the words it starts;
// after a word, the pairs of that word's stem and each stem of a word it
// starts. exact reports whether their union is exactly the documents
// where the prefix stands there, with nothing to confirm.
func (t *Index) PrefixSets(ph *Phrase, whole int) (sets []*bitset.Set, exact bool) {
	lo, hi := t.prefixed(ph.Words[len(ph.Words)-1])
	if whole == 0 {
		for _, w := range t.vocab[lo:hi] {
			sets = append(sets, t.words[w].set)
		}
		return sets, true
	}
	// The stems of the words the prefix starts, by number, and how many
	// of each stem's words it starts: all of them, and the pairs are
	// exact. The pairs are those after the word's stem whose second stem
	// is one of them.
	started := map[uint32]int{}
	for _, w := range t.vocab[lo:hi] {
		started[t.words[w].stem]++
	}
	prev, ok := t.stemNo[ph.Stems[whole-1]]
	if !ok {
		return nil, true
	}
	x := t.pairs()
	exact = true
	lo, hi = x.after(prev)
	for k := lo; k < hi; k++ {
		no := uint32(x.keys[k])
		if c, ok := started[no]; ok {
			sets = append(sets, x.setAt(k))
			exact = exact && c == len(t.stems[no].words)
		}
	}
	return sets, exact
}

// pairKey is the key of a pair of stems, by their numbers.
func pairKey(a, b uint32) uint64 { return uint64(a)<<32 | uint64(b) }

// A pairIndex holds, for each two stems that stand side by side in a
// field of some document, the documents where they do. A large bank has
// millions of pairs, most in a document or two: so the pairs are sorted
// keys, and their documents lists one after another in one slice, a few
// bytes a pair rather than a set each (BENCHMARKS.md). A pair in many
// documents keeps its set, as bits, and an empty list.
type pairIndex struct {
	n      int // documents
	keys   []uint64
	starts []int   // key k's documents are docs[starts[k]:starts[k+1]]
	docs   []int32 // the documents of each key, in order
	dense  map[uint64]*bitset.Set
}

// set returns the set of the documents of the pair key, nil if none.
func (x *pairIndex) set(key uint64) *bitset.Set {
	if k, ok := slices.BinarySearch(x.keys, key); ok {
		return x.setAt(k)
	}
	return nil
}

// setAt returns the set of the documents of the pair keys[k].
func (x *pairIndex) setAt(k int) *bitset.Set {
	if x.starts[k] == x.starts[k+1] {
		return x.dense[x.keys[k]]
	}
	return bitset.New(x.docs[x.starts[k]:x.starts[k+1]], x.n)
}

// after returns the pairs whose first stem is number a, as the range
// [lo, hi) of keys.
func (x *pairIndex) after(a uint32) (lo, hi int) {
	lo, _ = slices.BinarySearch(x.keys, pairKey(a, 0))
	hi, _ = slices.BinarySearch(x.keys, pairKey(a+1, 0))
	return lo, hi
}

// A pairAt is a pair of stems in a document.
type pairAt struct {
	key uint64
	doc int32
}

// buildPairs finds the pairs of stems in parts ranges of documents at
// once, each range's sorted by pair, and joins them pair by pair: the
// ranges are in order, so a pair's documents are its documents in each
// range one after the other.
func (t *Index) buildPairs(parts int) *pairIndex {
	found := make([][]pairAt, parts)
	inParts(t.n, parts, func(p, lo, hi int) { found[p] = t.pairPart(lo, hi) })
	total := 0
	for _, f := range found {
		total += len(f)
	}
	x := &pairIndex{n: t.n, docs: make([]int32, 0, total), dense: map[uint64]*bitset.Set{}}
	for {
		key, more := uint64(0), false
		for _, f := range found {
			if len(f) > 0 && (!more || f[0].key < key) {
				key, more = f[0].key, true
			}
		}
		if !more {
			break
		}
		start := len(x.docs)
		for p, f := range found {
			for len(f) > 0 && f[0].key == key {
				x.docs = append(x.docs, f[0].doc)
				f = f[1:]
			}
			found[p] = f
		}
		if bitset.IsDense(len(x.docs)-start, t.n) {
			x.dense[key] = bitset.New(x.docs[start:], t.n) // as bits, a copy
			x.docs = x.docs[:start]
		}
		x.keys = append(x.keys, key)
		x.starts = append(x.starts, start)
	}
	x.starts = append(x.starts, len(x.docs))
	// Exactly as long as they need to be: the index is kept for good.
	x.keys, x.starts, x.docs = slices.Clone(x.keys), slices.Clone(x.starts), slices.Clone(x.docs)
	return x
}

// pairPart finds the pairs of stems of documents [lo, hi), sorted by
// pair then document, each once.
func (t *Index) pairPart(lo, hi int) []pairAt {
	words := 0 // at most one pair a word
	for _, l := range t.lens[lo:hi] {
		for _, x := range l {
			words += int(x)
		}
	}
	var (
		at    = make([]pairAt, 0, words)
		doc   int32
		prev  uint32
		first bool
		buf   []byte
	)
	add := func(w []byte) bool {
		no := t.words[string(w)].stem
		if !first {
			at = append(at, pairAt{pairKey(prev, no), doc})
		}
		prev, first = no, false
		return true
	}
	field := func(_ Group, s string) bool {
		first = true
		buf = FoldWords(buf, NFC(s), add)
		return true
	}
	for i := lo; i < hi; i++ {
		doc = int32(i)
		t.fields(i, field)
	}
	return slices.Compact(sortPairs(at)) // each document once a pair
}

// sortPairs sorts at by pair, keeping the order of equal pairs (their
// documents, in order), and returns it: a radix sort, a byte of the key
// at a time, passing over the bytes all keys share (a stem's number
// takes two bytes of its four). A bank has millions of pairs; this is
// twice as fast as slices.SortFunc (BENCHMARKS.md).
func sortPairs(at []pairAt) []pairAt {
	tmp := make([]pairAt, len(at))
	for shift := 0; shift < 64; shift += 8 {
		var count [256]int
		for _, e := range at {
			count[e.key>>shift&0xff]++
		}
		if slices.Contains(count[:], len(at)) {
			continue // one value of this byte: nothing to order
		}
		start := 0
		for d, c := range count {
			count[d], start = start, start+c
		}
		for _, e := range at {
			d := e.key >> shift & 0xff
			tmp[count[d]] = e
			count[d]++
		}
		at, tmp = tmp, at
	}
	return at
}
