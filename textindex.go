package questionbank

import (
	"math/bits"
	"runtime"
	"slices"
	"strings"
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
	n      int               // questions
	words  map[string]*word  // by folded word
	vocab  []string          // every word, sorted, for prefixes
	stems  map[string]*set   // by stem: the union of its words' sets
	stemOf map[string]string // every word's stem
	byStem map[string][]*word
	pairs  map[string]*set // by two stems, "a b": questions where they stand side by side in a field

	lens   [][numGroups]uint32 // each question's length in words, by group
	avgLen [numGroups]float64  // the mean of lens, by group
}

// A word is one word of the vocabulary: the questions holding it, and for
// each of them, how often it occurs in each group, a byte a group.
type word struct {
	set    *set
	list   []int32  // the questions, in order
	counts []uint32 // counts[i]: occurrences in list[i], by group
}

func (b *Bank) textIndex() *textIndex {
	b.textOnce.Do(func() {
		// Large banks are split into ranges indexed in parallel.
		const perPart = 4096
		parts := max(1, min(runtime.GOMAXPROCS(0), len(b.qs)/perPart))
		b.text = buildTextIndex(b.qs, parts)
	})
	return b.text
}

// A part is the index of one range of questions, built in parallel with
// the others.
type part struct {
	words map[string]*word
	pairs map[string][]int32 // by two words, "a\x00b"
	lens  [][numGroups]uint32
}

// buildTextIndex indexes the words of qs, in parts ranges at once. Each
// range's lists are in order, so joining them range by range keeps them
// sorted.
func buildTextIndex(qs []Question, parts int) *textIndex {
	found := make([]*part, parts)
	var wg sync.WaitGroup
	for p := range parts {
		lo, hi := len(qs)*p/parts, len(qs)*(p+1)/parts
		wg.Add(1)
		go func() {
			defer wg.Done()
			found[p] = indexPart(qs, lo, hi)
		}()
	}
	wg.Wait()
	all := found[0]
	for _, more := range found[1:] {
		for w, p := range more.words {
			if q := all.words[w]; q != nil {
				q.list = append(q.list, p.list...)
				q.counts = append(q.counts, p.counts...)
			} else {
				all.words[w] = p
			}
		}
		for k, l := range more.pairs {
			all.pairs[k] = append(all.pairs[k], l...)
		}
		all.lens = append(all.lens, more.lens...)
	}
	n := len(qs)
	t := &textIndex{n: n, words: all.words, vocab: make([]string, 0, len(all.words)),
		stemOf: make(map[string]string, len(all.words)), byStem: map[string][]*word{}, lens: all.lens}
	for w, p := range all.words {
		p.set = newSet(p.list, n)
		t.vocab = append(t.vocab, w)
		st := stem(w) // once a word of the vocabulary, not once a use
		t.stemOf[w] = st
		t.byStem[st] = append(t.byStem[st], p)
	}
	slices.Sort(t.vocab)
	t.stems = make(map[string]*set, len(t.byStem))
	for st, ws := range t.byStem {
		sets := make([]*set, len(ws))
		for i, w := range ws {
			sets[i] = w.set
		}
		t.stems[st] = unionSet(sets, n)
	}
	// Pairs of words become pairs of stems.
	byPair := map[string][]*set{}
	for k, list := range all.pairs {
		a, b, _ := strings.Cut(k, "\x00")
		key := t.stemOf[a] + " " + t.stemOf[b]
		byPair[key] = append(byPair[key], newSet(list, n))
	}
	t.pairs = make(map[string]*set, len(byPair))
	for k, sets := range byPair {
		t.pairs[k] = unionSet(sets, n)
	}
	for _, l := range t.lens {
		for g, x := range l {
			t.avgLen[g] += float64(x)
		}
	}
	for g := range t.avgLen {
		t.avgLen[g] = max(t.avgLen[g]/float64(max(n, 1)), 1)
	}
	return t
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
	p := &part{words: make(map[string]*word), pairs: make(map[string][]int32), lens: make([][numGroups]uint32, 0, hi-lo)}
	var (
		i     int32  // the question being indexed
		group int    // the group of the field being indexed
		prev  []byte // the field's word before this one
		first bool   // no word of the field yet
		key   []byte // the pair key being built
		lens  [numGroups]uint32
	)
	add := func(w []byte) bool {
		lens[group]++
		e := p.words[string(w)] // no allocation for the lookup
		if e == nil {
			e = &word{}
			p.words[string(w)] = e
		}
		if l := e.list; len(l) == 0 || l[len(l)-1] != i {
			e.list = append(l, i)
			e.counts = append(e.counts, 0)
		}
		c := &e.counts[len(e.counts)-1]
		if shift := 8 * group; (*c>>shift)&0xff != 0xff { // a byte a group, saturating
			*c += 1 << shift
		}
		if !first {
			key = append(append(append(key[:0], prev...), 0), w...)
			if l := p.pairs[string(key)]; len(l) == 0 || l[len(l)-1] != i {
				p.pairs[string(key)] = append(l, i)
			}
		}
		prev, first = append(prev[:0], w...), false
		return true
	}
	var buf []byte
	field := func(g int, s string) {
		group, first = g, true
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
