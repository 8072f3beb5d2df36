package questionbank

import (
	"math/bits"
	"runtime"
	"slices"
	"sync"
)

// The word index of a bank, built for its first free-text query: the set
// of questions holding each word (as written, for prefixes), each stem,
// and each pair of adjacent stems (for phrases), with how often each word
// occurs in each group of fields (for ranking) and how long those groups
// are.

// The groups of fields that ranking weighs: a word in the question text
// counts most, then in a skill, then in the introduction, then in a
// bullet or the example answer.
const (
	groupText = iota
	groupSkills
	groupIntro
	groupBody
	numGroups
)

// A textIndex holds the word sets of a bank's text.
type textIndex struct {
	n         int                  // questions
	words     map[string]*word     // by folded word
	vocab     []string             // every word, sorted, for prefixes
	stems     map[string]*postings // by stem: its words', merged
	stemOf    map[string]string    // every word's stem
	byStem    map[string][]*word
	stemNames []string // by stem number

	qs        []Question // the bank's, for the pairs
	pairsOnce sync.Once
	pairIx    *pairIndex // see pairs

	lens    [][numGroups]uint32 // each question's length in words, by group
	avgLen  [numGroups]float64  // the mean of lens, by group
	scratch sync.Pool           // of *searchScratch, for Search
}

// A word is one word of the vocabulary: the questions holding it, with
// its frequency in each for ranking, and the number of its stem.
type word struct {
	postings
	posts []post // while the index is built; then in qs and tf
	sid   uint32
}

// A postings is the questions holding a word, or a word of a stem, in
// order, with its BM25F frequency in each: its counts in each group of
// fields, weighed by the group's weight and length. A stem's frequency
// is the sum of its words'.
type postings struct {
	set   *set
	qs    []int32
	tf    []float64
	spans []span // by range of questions, for Search's bounds
}

// A post is one question holding a word, and how often it holds it in
// each group of fields, a byte a group (saturating at 255). One slice of
// them, not two, halves what a growing posting list copies.
type post struct {
	q      int32
	counts uint32
}

func (b *Bank) textIndex() *textIndex {
	b.textOnce.Do(func() {
		b.text = buildTextIndex(b.qs, partsFor(len(b.qs)))
	})
	return b.text
}

// partsFor returns how many ranges of a bank of n questions to index in
// parallel: one a processor, of at least 4,096 questions each.
func partsFor(n int) int {
	const perPart = 4096
	return max(1, min(runtime.GOMAXPROCS(0), n/perPart))
}

// A part is the index of one range of questions, built in parallel with
// the others.
type part struct {
	words map[string]*word
	lens  [][numGroups]uint32
}

// buildTextIndex indexes the words of qs, in parts ranges at once. Each
// range's lists are in order, so joining them range by range keeps them
// sorted.
func buildTextIndex(qs []Question, parts int) *textIndex {
	found := make([]*part, parts)
	inParts(len(qs), parts, func(p, lo, hi int) { found[p] = indexPart(qs, lo, hi) })
	all := found[0]
	for _, more := range found[1:] {
		for w, p := range more.words {
			if q := all.words[w]; q != nil {
				q.posts = append(q.posts, p.posts...)
			} else {
				all.words[w] = p
			}
		}
		all.lens = append(all.lens, more.lens...)
	}
	n := len(qs)
	t := &textIndex{n: n, words: all.words, vocab: make([]string, 0, len(all.words)),
		stemOf: make(map[string]string, len(all.words)), byStem: map[string][]*word{}, lens: all.lens, qs: qs}
	for w, p := range all.words {
		p.set = postsSet(p.posts, n)
		t.vocab = append(t.vocab, w)
	}
	slices.Sort(t.vocab)
	for _, w := range t.vocab { // in order, so that a stem's words are
		st := stem(w) // once a word of the vocabulary, not once a use
		t.stemOf[w] = st
		t.byStem[st] = append(t.byStem[st], t.words[w])
	}
	for _, l := range t.lens {
		for g, x := range l {
			t.avgLen[g] += float64(x)
		}
	}
	for g := range t.avgLen {
		t.avgLen[g] = max(t.avgLen[g]/float64(max(n, 1)), 1)
	}
	// Each posting's frequency, weighed once here rather than at each
	// search: Search of one word at 100,000 questions is 4x faster so,
	// for 8 bytes a posting.
	norms := make([][numGroups]float64, len(t.lens))
	for i, l := range t.lens {
		for g, x := range l {
			norms[i][g] = groupWeight[g] / (1 - bm25B + bm25B*float64(x)/t.avgLen[g])
		}
	}
	for _, w := range t.words {
		w.qs, w.tf = make([]int32, len(w.posts)), make([]float64, len(w.posts))
		for k, p := range w.posts {
			norm := &norms[p.q]
			x := 0.0
			for g := range numGroups {
				if c := p.counts >> (8 * g) & 0xff; c != 0 {
					x += float64(c) * norm[g]
				}
			}
			w.qs[k], w.tf[k] = p.q, x
		}
		w.posts = nil
		w.spans = spansOf(&w.postings)
	}
	// Each stem's postings: its word's, or its words' merged, their
	// frequencies summed in the order of the vocabulary. A word's
	// search then reads one list, not one a word of its stem.
	t.stems = make(map[string]*postings, len(t.byStem))
	for st, ws := range t.byStem {
		sets := make([]*set, len(ws))
		for i, w := range ws {
			sets[i] = w.set
			w.sid = uint32(len(t.stemNames))
		}
		t.stemNames = append(t.stemNames, st)
		if len(ws) == 1 {
			t.stems[st] = &ws[0].postings
			continue
		}
		p := &postings{set: unionSet(sets, n), qs: ws[0].qs, tf: ws[0].tf}
		for _, w := range ws[1:] {
			p.qs, p.tf = mergePostings(p.qs, p.tf, w.qs, w.tf)
		}
		p.spans = spansOf(p)
		t.stems[st] = p
	}
	return t
}

// spansOf returns the spans of p's postings.
func spansOf(p *postings) []span {
	var spans []span
	for k, q := range p.qs {
		if r := q >> rangeShift; len(spans) == 0 || spans[len(spans)-1].r != r {
			spans = append(spans, span{r: r, first: int32(k)})
		}
		s := &spans[len(spans)-1]
		s.max = max(s.max, p.tf[k])
	}
	return slices.Clip(spans)
}

// mergePostings returns the postings of two lists in one, the
// frequencies of a question in both summed, a's first.
func mergePostings(aq []int32, at []float64, bq []int32, bt []float64) ([]int32, []float64) {
	qs, tf := make([]int32, 0, len(aq)+len(bq)), make([]float64, 0, len(aq)+len(bq))
	i, j := 0, 0
	for i < len(aq) || j < len(bq) {
		switch {
		case j == len(bq) || i < len(aq) && aq[i] < bq[j]:
			qs, tf = append(qs, aq[i]), append(tf, at[i])
			i++
		case i == len(aq) || bq[j] < aq[i]:
			qs, tf = append(qs, bq[j]), append(tf, bt[j])
			j++
		default:
			qs, tf = append(qs, aq[i]), append(tf, at[i]+bt[j])
			i++
			j++
		}
	}
	return slices.Clip(qs), slices.Clip(tf)
}

// stemSet returns the set of the questions holding a word of stem st,
// nil if none does.
func (t *textIndex) stemSet(st string) *set {
	if p := t.stems[st]; p != nil {
		return p.set
	}
	return nil
}

// postsSet returns the set of the questions of posts.
func postsSet(posts []post, n int) *set {
	if len(posts)*32 > n {
		words := make([]uint64, words64(n))
		for _, p := range posts {
			words[p.q>>6] |= 1 << (p.q & 63)
		}
		return newSetFromBits(words, len(posts), n)
	}
	list := make([]int32, len(posts))
	for i, p := range posts {
		list[i] = p.q
	}
	return newSet(list, n)
}

// unionSet returns the union of sets, the one set itself if there is one.
func unionSet(sets []*set, n int) *set {
	if len(sets) == 1 {
		return sets[0]
	}
	union := make([]uint64, words64(n))
	for _, s := range sets {
		s.or(union, 0)
	}
	count := 0
	for _, x := range union {
		count += bits.OnesCount64(x)
	}
	return newSetFromBits(union, count, n)
}

// indexPart indexes the words of questions [lo, hi).
func indexPart(qs []Question, lo, hi int) *part {
	p := &part{words: make(map[string]*word), lens: make([][numGroups]uint32, 0, hi-lo)}
	var (
		i     int32 // the question being indexed
		group int   // the group of the field being indexed
		lens  [numGroups]uint32
	)
	add := func(w []byte) bool {
		lens[group]++
		e := p.words[string(w)] // no allocation for the lookup
		if e == nil {
			e = &word{}
			p.words[string(w)] = e
		}
		if l := e.posts; len(l) == 0 || l[len(l)-1].q != i {
			e.posts = append(l, post{q: i})
		}
		c := &e.posts[len(e.posts)-1].counts
		if shift := 8 * group; (*c>>shift)&0xff != 0xff { // a byte a group, saturating
			*c += 1 << shift
		}
		return true
	}
	var buf []byte
	field := func(g int, s string) {
		group = g
		buf = foldWords(buf, nfc(s), add)
	}
	for qi := lo; qi < hi; qi++ {
		i, lens = int32(qi), [numGroups]uint32{}
		q := &qs[qi]
		field(groupText, q.Text)
		field(groupIntro, q.Introduction)
		for _, s := range q.HowToAnswer {
			field(groupBody, s)
		}
		for _, s := range q.WhatNotToSay {
			field(groupBody, s)
		}
		field(groupBody, q.ExampleAnswer)
		for _, s := range q.Skills {
			field(groupSkills, s)
		}
		p.lens = append(p.lens, lens)
	}
	return p
}

// stemWord returns the stem of a folded word held in a buffer: from the
// text index, without allocating, for a word of the bank's own text, and
// from the stemmer otherwise. A nil index is for text outside any bank.
// (A method, not a func value, so that the buffer does not escape.)
func (t *textIndex) stemWord(w []byte) string {
	if t != nil {
		if s, ok := t.stemOf[string(w)]; ok {
			return s
		}
	}
	return stem(string(w))
}

// inParts calls do for each of parts ranges of n questions at once. The
// ranges start at multiples of 64, so that a range's bits are whole words
// of the bank's.
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

// pairs returns the index of phrases, built for the first phrase, apart
// from the words' so that banks never searched for a phrase never pay
// for it.
func (t *textIndex) pairs() *pairIndex {
	t.pairsOnce.Do(func() {
		t.pairIx = t.buildPairs(partsFor(t.n))
	})
	return t.pairIx
}

// pair returns the set of the questions where stem a stands just before
// stem b, nil if there are none.
func (t *textIndex) pair(a, b string) *set {
	sa, okA := t.stemNumber(a)
	sb, okB := t.stemNumber(b)
	if !okA || !okB {
		return nil
	}
	return t.pairs().set(pairKey(sa, sb))
}

// stemNumber returns the number of stem st, and whether the bank has it.
func (t *textIndex) stemNumber(st string) (uint32, bool) {
	if ws := t.byStem[st]; len(ws) > 0 {
		return ws[0].sid, true
	}
	return 0, false
}

// pairKey is the key of a pair of stems, by their numbers.
func pairKey(a, b uint32) uint64 { return uint64(a)<<32 | uint64(b) }

// A pairIndex holds, for each two stems that stand side by side in a
// field of some question, the questions where they do. A large bank has
// millions of pairs, most in a question or two: so the pairs are sorted
// keys, and their questions lists one after another in one slice, a few
// bytes a pair rather than a set each (at 100,000 questions of a real
// vocabulary, 145 MiB rather than 620). A pair in many questions keeps
// its set, as bits, and an empty list.
type pairIndex struct {
	n      int // questions in the bank
	keys   []uint64
	starts []int   // key k's questions are qs[starts[k]:starts[k+1]]
	qs     []int32 // the questions of each key, in order
	dense  map[uint64]*set
}

// set returns the set of the questions of the pair key, nil if none.
func (x *pairIndex) set(key uint64) *set {
	if k, ok := slices.BinarySearch(x.keys, key); ok {
		return x.setAt(k)
	}
	return nil
}

// setAt returns the set of the questions of the pair keys[k].
func (x *pairIndex) setAt(k int) *set {
	if x.starts[k] == x.starts[k+1] {
		return x.dense[x.keys[k]]
	}
	return newSet(x.qs[x.starts[k]:x.starts[k+1]], x.n)
}

// after returns the pairs whose first stem is number a, as the range
// [lo, hi) of keys.
func (x *pairIndex) after(a uint32) (lo, hi int) {
	lo, _ = slices.BinarySearch(x.keys, pairKey(a, 0))
	hi, _ = slices.BinarySearch(x.keys, pairKey(a+1, 0))
	return lo, hi
}

// A pairAt is a pair of stems in a question.
type pairAt struct {
	key uint64
	q   int32
}

// buildPairs finds the pairs of stems in parts ranges of questions at
// once, each range's sorted by pair, and joins them pair by pair: the
// ranges are in order, so a pair's questions are its questions in each
// range one after the other.
func (t *textIndex) buildPairs(parts int) *pairIndex {
	found := make([][]pairAt, parts)
	inParts(t.n, parts, func(p, lo, hi int) { found[p] = t.pairPart(lo, hi) })
	total := 0
	for _, f := range found {
		total += len(f)
	}
	x := &pairIndex{n: t.n, qs: make([]int32, 0, total), dense: map[uint64]*set{}}
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
		start := len(x.qs)
		for p, f := range found {
			for len(f) > 0 && f[0].key == key {
				x.qs = append(x.qs, f[0].q)
				f = f[1:]
			}
			found[p] = f
		}
		if (len(x.qs)-start)*32 > t.n {
			x.dense[key] = newSet(x.qs[start:], t.n) // as bits, a copy
			x.qs = x.qs[:start]
		}
		x.keys = append(x.keys, key)
		x.starts = append(x.starts, start)
	}
	x.starts = append(x.starts, len(x.qs))
	// Exactly as long as they need to be: the index is kept for good.
	x.keys, x.starts, x.qs = slices.Clone(x.keys), slices.Clone(x.starts), slices.Clone(x.qs)
	return x
}

// pairPart finds the pairs of stems of questions [lo, hi), sorted by
// pair then question, each once.
func (t *textIndex) pairPart(lo, hi int) []pairAt {
	words := 0 // at most one pair a word
	for _, l := range t.lens[lo:hi] {
		for _, x := range l {
			words += int(x)
		}
	}
	var (
		at    = make([]pairAt, 0, words)
		i     int32
		prev  uint32
		first bool
	)
	add := func(w []byte) bool {
		sid := t.words[string(w)].sid
		if !first {
			at = append(at, pairAt{pairKey(prev, sid), i})
		}
		prev, first = sid, false
		return true
	}
	var buf []byte
	for qi := lo; qi < hi; qi++ {
		i = int32(qi)
		for s := range t.qs[qi].fields {
			first = true
			buf = foldWords(buf, nfc(s), add)
		}
	}
	return slices.Compact(sortPairs(at)) // each question once a pair
}

// sortPairs sorts at by pair, keeping the order of equal pairs (their
// questions, in order), and returns it: a radix sort, a byte of the key
// at a time, passing over the bytes all keys share (a stem's number
// takes two bytes of its four). A bank has millions of pairs, and this
// made building the index twice as fast as slices.SortFunc did, at
// 20,000 questions.
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
