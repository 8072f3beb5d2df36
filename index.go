package questionbank

import (
	"math/bits"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// Building a bank's index: the sets of questions at each level, of each
// type, testing each skill and holding each ID, made once per bank, and
// the sets holding each word, made for the first free-text query.

// An index holds the sets of a bank's questions.
type index struct {
	levels     [maxLevel + 1]*set // levels[l]: questions at level l
	atLeast    [maxLevel + 1]*set // atLeast[l]: questions at level l or above
	types      [maxType + 1]*set  // types[t]: questions of type t
	skills     map[string]*set    // by normSkill key
	byID       map[string]int     // folded ID -> question number
	skillNames []string           // corpus spelling of each skill, first seen first
	skillKeys  []string           // normSkill of each of skillNames

	// The skills of question i, as positions in skillNames, are
	// qskills[qskillAt[i]:qskillAt[i+1]].
	qskills  []int32
	qskillAt []int32

	// The ID keys in sorted order, with their question numbers, for
	// filters that list many IDs; made on first use.
	idsOnce sync.Once
	idKeys  []string
	idNums  []int32
}

// idSet returns the set of the questions whose ID keys are in keys,
// sorted, or nil for none. A short list looks each key up; a long one,
// such as the due cards of a large progress, is merged with the sorted
// keys of the bank, which costs a comparison a key instead of a hash and
// needs no sort of the result: srs's BenchmarkDue100k (92,500 of 100,000
// IDs due) takes 3.8 ms with the merge against 7.8 ms with lookups.
func (ix *index) idSet(keys []string) *set {
	n := len(ix.qskillAt) - 1
	if len(keys)*16 < n {
		var list []int32
		for _, k := range keys {
			if i, ok := ix.byID[k]; ok {
				list = append(list, int32(i))
			}
		}
		if len(list) == 0 {
			return nil
		}
		slices.Sort(list)
		return newSet(list, n)
	}
	ix.idsOnce.Do(func() {
		ix.idKeys = make([]string, 0, len(ix.byID))
		for k := range ix.byID {
			ix.idKeys = append(ix.idKeys, k)
		}
		slices.Sort(ix.idKeys)
		ix.idNums = make([]int32, len(ix.idKeys))
		for j, k := range ix.idKeys {
			ix.idNums[j] = int32(ix.byID[k])
		}
	})
	bits := make([]uint64, words64(n))
	count := 0
	for i, j := 0, 0; i < len(keys) && j < len(ix.idKeys); {
		switch c := strings.Compare(keys[i], ix.idKeys[j]); {
		case c < 0:
			i++
		case c > 0:
			j++
		default:
			q := ix.idNums[j]
			bits[q>>6] |= 1 << (q & 63)
			count++
			i++
			j++
		}
	}
	if count == 0 {
		return nil
	}
	return newSetFromBits(bits, count, n)
}

func (b *Bank) index() *index {
	b.ixOnce.Do(func() { b.ix = buildIndex(b.qs, b.byID) })
	return b.ix
}

// buildIndex indexes qs. byID, if not nil, is the bank's map of IDs,
// already made.
func buildIndex(qs []Question, byID map[string]int) *index {
	n := len(qs)
	ix := &index{
		skills:   make(map[string]*set),
		byID:     byID,
		qskillAt: make([]int32, n+1),
	}
	if byID == nil {
		ix.byID = make(map[string]int, n)
		for i, q := range qs {
			ix.byID[idKey(q.ID)] = i
		}
	}
	var levels, atLeast [maxLevel + 1][]int32 // atLeast is built in order, like the others
	var types [maxType + 1][]int32
	skillPos := make(map[string]int32) // by key
	spelled := make(map[string]int32)  // by spelling, to normalise each once
	var skillLists [][]int32
	for i, q := range qs {
		levels[q.Level] = append(levels[q.Level], int32(i))
		for l := minLevel; l <= q.Level; l++ {
			atLeast[l] = append(atLeast[l], int32(i))
		}
		types[q.Type] = append(types[q.Type], int32(i))
		for _, s := range q.Skills {
			p, ok := spelled[s]
			if !ok {
				key := normSkill(s)
				if p, ok = skillPos[key]; !ok {
					p = int32(len(ix.skillNames))
					skillPos[key] = p
					ix.skillNames = append(ix.skillNames, s)
					ix.skillKeys = append(ix.skillKeys, key)
					skillLists = append(skillLists, nil)
				}
				spelled[s] = p
			}
			// A question that names a skill twice is listed once.
			if l := skillLists[p]; len(l) == 0 || l[len(l)-1] != int32(i) {
				skillLists[p] = append(l, int32(i))
				ix.qskills = append(ix.qskills, p)
			}
		}
		ix.qskillAt[i+1] = int32(len(ix.qskills))
	}
	for l := minLevel; l <= maxLevel; l++ {
		ix.levels[l] = newSet(levels[l], n)
		ix.atLeast[l] = newSet(atLeast[l], n)
	}
	for t := minType; t <= maxType; t++ {
		ix.types[t] = newSet(types[t], n)
	}
	for p, list := range skillLists {
		ix.skills[ix.skillKeys[p]] = newSet(list, n)
	}
	return ix
}

// A textIndex holds the set of questions containing each word, as
// written (for prefixes) and by stem.
type textIndex struct {
	words  map[string]*set   // by folded word
	vocab  []string          // every word, sorted, for prefixes
	stems  map[string]*set   // by stem: the union of its words' sets
	stemOf map[string]string // every word's stem
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

// buildTextIndex indexes the words of qs, in parts ranges at once. Each
// range's lists are in order, so joining them range by range keeps them
// sorted.
func buildTextIndex(qs []Question, parts int) *textIndex {
	found := make([]map[string]*posting, parts)
	var wg sync.WaitGroup
	for p := range parts {
		lo, hi := len(qs)*p/parts, len(qs)*(p+1)/parts
		wg.Add(1)
		go func() {
			defer wg.Done()
			found[p] = postings(qs, lo, hi)
		}()
	}
	wg.Wait()
	all := found[0]
	for _, more := range found[1:] {
		for w, p := range more {
			if q := all[w]; q != nil {
				q.list = append(q.list, p.list...)
			} else {
				all[w] = p
			}
		}
	}
	t := &textIndex{words: make(map[string]*set, len(all)), vocab: make([]string, 0, len(all)), stemOf: make(map[string]string, len(all))}
	byStem := map[string][]string{}
	for w, p := range all {
		t.words[w] = newSet(p.list, len(qs))
		t.vocab = append(t.vocab, w)
		st := stem(w) // once a word of the vocabulary, not once a use
		t.stemOf[w] = st
		byStem[st] = append(byStem[st], w)
	}
	slices.Sort(t.vocab)
	t.stems = make(map[string]*set, len(byStem))
	for st, ws := range byStem {
		if len(ws) == 1 {
			t.stems[st] = t.words[ws[0]]
			continue
		}
		union := make([]uint64, words64(len(qs)))
		for _, w := range ws {
			t.words[w].or(union, 0)
		}
		count := 0
		for _, x := range union {
			count += bits.OnesCount64(x)
		}
		t.stems[st] = newSetFromBits(union, count, len(qs))
	}
	return t
}

// A posting lists the questions holding a word, in order.
type posting struct{ list []int32 }

// postings returns the postings of every word of questions [lo, hi).
func postings(qs []Question, lo, hi int) map[string]*posting {
	post := make(map[string]*posting)
	var i int32 // the question being indexed
	add := func(w []byte) bool {
		p := post[string(w)] // no allocation for the lookup
		if p == nil {
			p = &posting{}
			post[string(w)] = p
		}
		if l := p.list; len(l) == 0 || l[len(l)-1] != i {
			p.list = append(l, i)
		}
		return true
	}
	var buf []byte
	for qi := lo; qi < hi; qi++ {
		i = int32(qi)
		for s := range qs[qi].fields {
			buf = foldWords(buf, nfc(s), add)
		}
	}
	return post
}
