// Package textsearch is the free-text search of a bank: word splitting
// and folding, English stems, the word index with BM25F weights, the
// index of adjacent stems for phrases, and ranking with block-max
// pruning. It indexes documents given as (number, field group, text),
// and knows nothing of questions.
package textsearch

import (
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/backendprep/questionbank/internal/bitset"
)

// A Group is a group of fields that ranking weighs alike.
type Group uint8

// The groups, by weight: a word in the question text counts most, then
// in a skill, then in the introduction, then in a bullet or the example
// answer.
const (
	Text Group = iota
	Skills
	Intro
	Body
	NumGroups
)

// Weight returns the weight of a word in the group in BM25F.
func (g Group) Weight() float64 { return groupWeight[g] }

var groupWeight = [NumGroups]float64{
	Text:   4, // the question as asked
	Skills: 3,
	Intro:  2,
	Body:   1, // how to answer, what not to say, the example answer
}

// Fields calls yield with each field of document doc, and its group, in
// order, until yield returns false.
type Fields func(doc int, yield func(g Group, text string) bool)

// An Index is the word index of n documents: the documents holding each
// word (as written, for prefixes) and each stem, with how often each
// word occurs in each group of fields (for ranking) and how long those
// groups are, and, built for the first phrase, the documents where each
// two stems stand side by side. It is safe for concurrent use.
type Index struct {
	n      int              // documents
	words  map[string]*word // by folded word
	vocab  []string         // every word, sorted, for prefixes
	stems  []stem           // by stem number
	stemNo map[string]uint32

	fields    Fields // the documents' text, for the pairs
	pairsOnce sync.Once
	pairIx    atomic.Pointer[pairIndex] // see pairs

	lens    [][NumGroups]uint32 // each document's length in words, by group
	avgLen  [NumGroups]float64  // the mean of lens, by group
	scratch sync.Pool           // of *scratch, for Best
}

// A word is one word of the vocabulary: the documents holding it, with
// its frequency in each for ranking, and the number of its stem.
type word struct {
	Postings
	counts []docCounts // while the index is built; then in Postings
	stem   uint32
}

// A stem is one stem of the vocabulary: its name, its words in the
// order of the vocabulary, and their postings merged.
type stem struct {
	name     string
	words    []*word
	postings *Postings
}

// A docCounts is one document holding a word, and how often it holds it
// in each group of fields, a byte a group (saturating at 255). One slice
// of them, not two, halves what a growing list copies.
type docCounts struct {
	doc    int32
	counts uint32
}

// Parts returns how many ranges of n documents to index in parallel:
// one a processor, of at least 128 documents each, so that a bank of a
// few hundred questions (the built-in one) is indexed on every core.
func Parts(n int) int {
	const perPart = 128
	return max(1, min(runtime.GOMAXPROCS(0), n/perPart))
}

// A part is the index of one range of documents, built in parallel with
// the others.
type part struct {
	words map[string]*word
	lens  [][NumGroups]uint32
}

// Build indexes the words of n documents, in parts ranges at once. Each
// range's lists are in order, so joining them range by range keeps them
// sorted.
func Build(n int, fields Fields, parts int) *Index {
	found := make([]*part, parts)
	inParts(n, parts, func(p, lo, hi int) { found[p] = indexPart(fields, lo, hi) })
	all := found[0]
	for _, more := range found[1:] {
		for w, p := range more.words {
			if q := all.words[w]; q != nil {
				q.counts = append(q.counts, p.counts...)
			} else {
				all.words[w] = p
			}
		}
		all.lens = append(all.lens, more.lens...)
	}
	t := &Index{n: n, words: all.words, vocab: make([]string, 0, len(all.words)),
		stemNo: make(map[string]uint32, len(all.words)), lens: all.lens, fields: fields}
	for w := range all.words {
		t.vocab = append(t.vocab, w)
	}
	slices.Sort(t.vocab)
	for _, l := range t.lens {
		for g, x := range l {
			t.avgLen[g] += float64(x)
		}
	}
	for g := range t.avgLen {
		t.avgLen[g] = max(t.avgLen[g]/float64(max(n, 1)), 1)
	}
	t.weigh(parts)
	t.mergeStems(parts)
	return t
}

// weigh sets each word's postings from its counts: each posting's
// frequency weighed once here rather than at each search (see
// BENCHMARKS.md), for 8 bytes a posting.
func (t *Index) weigh(parts int) {
	norms := make([][NumGroups]float64, len(t.lens))
	for i, l := range t.lens {
		for g, x := range l {
			norms[i][g] = groupWeight[g] / (1 - bm25B + bm25B*float64(x)/t.avgLen[g])
		}
	}
	// Every word's postings in two allocations, in the order of the
	// vocabulary, each word's capped so that nothing appended to one runs
	// into the next; the words weighed in parts ranges of it at once.
	start := make([]int, len(t.vocab)+1)
	for i, v := range t.vocab {
		start[i+1] = start[i] + len(t.words[v].counts)
	}
	docs, tf := make([]int32, start[len(t.vocab)]), make([]float64, start[len(t.vocab)])
	inParts(len(t.vocab), parts, func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			t.weighWord(t.words[t.vocab[i]], docs[start[i]:start[i+1]:start[i+1]], tf[start[i]:start[i+1]:start[i+1]], norms)
		}
	})
}

// weighWord sets w's postings, in docs and tf, from its counts.
func (t *Index) weighWord(w *word, docs []int32, tf []float64, norms [][NumGroups]float64) {
	w.docs, w.tf = docs, tf
	for k, p := range w.counts {
		norm := &norms[p.doc]
		x := 0.0
		for g := range NumGroups {
			if c := p.counts >> (8 * g) & 0xff; c != 0 {
				x += float64(c) * norm[g]
			}
		}
		w.docs[k], w.tf[k] = p.doc, x
	}
	w.counts = nil
	w.set = bitset.New(w.docs, t.n) // a sparse set keeps docs: one list for both
	w.blocks = blocksOf(&w.Postings)
}

// mergeStems numbers the stems in the order of the vocabulary and sets
// each stem's postings: its word's, or its words' merged, their
// frequencies summed in the order of the vocabulary. A word's search
// then reads one list, not one a word of its stem.
func (t *Index) mergeStems(parts int) {
	// Stemmed once a word of the vocabulary, not once a use, in parts
	// ranges of it at once.
	stems := make([]string, len(t.vocab))
	inParts(len(t.vocab), parts, func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			stems[i] = Stem(t.vocab[i])
		}
	})
	for i, w := range t.vocab {
		st := stems[i]
		no, ok := t.stemNo[st]
		if !ok {
			no = uint32(len(t.stems))
			t.stemNo[st] = no
			t.stems = append(t.stems, stem{name: st})
		}
		e := t.words[w]
		e.stem = no
		t.stems[no].words = append(t.stems[no].words, e)
	}
	for i := range t.stems {
		s := &t.stems[i]
		if len(s.words) == 1 {
			s.postings = &s.words[0].Postings
			continue
		}
		sets := make([]*bitset.Set, len(s.words))
		for k, w := range s.words {
			sets[k] = w.set
		}
		p := &Postings{set: bitset.Union(sets, t.n), docs: s.words[0].docs, tf: s.words[0].tf}
		for _, w := range s.words[1:] {
			p.docs, p.tf = mergePostings(p.docs, p.tf, w.docs, w.tf)
		}
		p.blocks = blocksOf(p)
		s.postings = p
	}
}

// indexPart indexes the words of documents [lo, hi).
func indexPart(fields Fields, lo, hi int) *part {
	// A question brings a few dozen new words to a small bank's
	// vocabulary: sized so, the map does not grow while a bank of a few
	// hundred questions is indexed, the first search of Default
	// (BENCHMARKS.md); a large bank's starts at 2^16 words.
	p := &part{words: make(map[string]*word, min((hi-lo)*32, 1<<16)), lens: make([][NumGroups]uint32, 0, hi-lo)}
	var (
		i     int32 // the document being indexed
		group Group // the group of the field being indexed
		lens  [NumGroups]uint32
		buf   []byte
		slab  []word // new words, allocated 256 at a time
	)
	add := func(w []byte) bool {
		lens[group]++
		e := p.words[string(w)] // no allocation for the lookup
		if e == nil {
			if len(slab) == 0 {
				slab = make([]word, 256)
			}
			e, slab = &slab[0], slab[1:]
			p.words[string(w)] = e
		}
		if l := e.counts; len(l) == 0 || l[len(l)-1].doc != i {
			e.counts = append(l, docCounts{doc: i})
		}
		c := &e.counts[len(e.counts)-1].counts
		if shift := 8 * group; (*c>>shift)&0xff != 0xff { // a byte a group, saturating
			*c += 1 << shift
		}
		return true
	}
	field := func(g Group, s string) bool {
		group = g
		buf = FoldWords(buf, NFC(s), add)
		return true
	}
	for doc := lo; doc < hi; doc++ {
		i, lens = int32(doc), [NumGroups]uint32{}
		fields(doc, field)
		p.lens = append(p.lens, lens)
	}
	return p
}

// stemWord returns the stem of a folded word held in a buffer: from the
// index, without allocating, for a word of the documents' own text, and
// from the stemmer otherwise; a nil index always asks the stemmer. (A
// method, not a func value, so that the buffer does not escape.)
func (t *Index) stemWord(w []byte) string {
	if t != nil {
		if e := t.words[string(w)]; e != nil {
			return t.stems[e.stem].name
		}
	}
	return Stem(string(w))
}

// inParts calls do for each of parts ranges of n documents at once. The
// ranges start at multiples of 64, so that a range's bits are whole words
// of a set's.
func inParts(n, parts int, do func(p, lo, hi int)) {
	bound := func(p int) int {
		if p == parts {
			return n
		}
		return n * p / parts &^ 63
	}
	var wg sync.WaitGroup
	for p := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			do(p, bound(p), bound(p+1))
		}()
	}
	wg.Wait()
}

// StemSet returns the set of the documents holding a word of stem st,
// nil if none does.
func (t *Index) StemSet(st string) *bitset.Set {
	if no, ok := t.stemNo[st]; ok {
		return t.stems[no].postings.set
	}
	return nil
}

// prefixed returns the words of the vocabulary that start with prefix,
// as the range [lo, hi) of t.vocab: the one prefix lookup.
func (t *Index) prefixed(prefix string) (lo, hi int) {
	lo, _ = slices.BinarySearch(t.vocab, prefix)
	hi = lo
	for hi < len(t.vocab) && len(t.vocab[hi]) >= len(prefix) && t.vocab[hi][:len(prefix)] == prefix {
		hi++
	}
	return lo, hi
}

// MeanWords returns the mean number of words of a document's fields.
func (t *Index) MeanWords() int {
	n := 0.0
	for _, l := range t.avgLen {
		n += l
	}
	return int(n) + 1
}
