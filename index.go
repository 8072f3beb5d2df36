package questionbank

import (
	"math/bits"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
)

// How a Bank evaluates filters.
//
// A Bank indexes its questions once: a set of question numbers for each
// level, each type, each skill and each ID, and, on the first free-text
// query, each word. A set is a bitset (one bit a question) when it is dense
// and a sorted list when it is sparse. A Filter is compiled against that
// index into a small tree of set operations (a prog) the first time it is
// used with the bank; the prog is kept in the filter. Evaluating a prog
// walks the questions 64 at a time, in chunks of chunkWords words held on
// the stack: leaves load or combine their sets' words, And, Or and Not
// combine words, and only a multi-word phrase looks at text, to confirm
// the candidates its words' sets leave. Counting is then a popcount, and
// no call allocates.
//
// A bank of at most 64 questions, such as the embedded one, has one word
// per set, so a filter compiles instead to a few instructions (instr) in
// postfix order over words, which run1 runs in a loop: an And of terms is
// one instruction that ANDs their words. The result is still computed on
// every call, never cached.

// chunkWords is how many 64-bit words a prog evaluates at a time.
const chunkWords = 16

// A set is the set of question numbers with some property.
type set struct {
	dense []uint64 // bit i set for question i; nil if the set is sparse
	list  []int32  // sorted question numbers, if the set is sparse
	alone []*set   // a slice holding just this set, for progs to share
}

// newSet returns the set of the sorted question numbers in list, for a bank
// of n questions, choosing the smaller representation.
func newSet(list []int32, n int) *set {
	s := &set{}
	s.alone = []*set{s}
	if len(list)*32 <= n {
		s.list = slices.Clip(list)
		return s
	}
	s.dense = make([]uint64, words64(n))
	for _, i := range list {
		s.dense[i>>6] |= 1 << (i & 63)
	}
	return s
}

func words64(n int) int { return (n + 63) / 64 }

// load sets dst to the set's words starting at word w0.
func (s *set) load(dst []uint64, w0 int) {
	if s.dense != nil {
		copy(dst, s.dense[w0:w0+len(dst)])
		return
	}
	clear(dst)
	s.forList(w0, len(dst), func(i int) { dst[i>>6] |= 1 << (i & 63) })
}

// or adds the set's words starting at word w0 into dst.
func (s *set) or(dst []uint64, w0 int) {
	if s.dense != nil {
		src := s.dense[w0 : w0+len(dst)]
		for i := range dst {
			dst[i] |= src[i]
		}
		return
	}
	s.forList(w0, len(dst), func(i int) { dst[i>>6] |= 1 << (i & 63) })
}

// and keeps in dst only the members of the set, for words from w0.
func (s *set) and(dst []uint64, w0 int) {
	if s.dense != nil {
		src := s.dense[w0 : w0+len(dst)]
		for i := range dst {
			dst[i] &= src[i]
		}
		return
	}
	var tmp [chunkWords]uint64
	t := tmp[:len(dst)]
	s.forList(w0, len(dst), func(i int) { t[i>>6] |= 1 << (i & 63) })
	for i := range dst {
		dst[i] &= t[i]
	}
}

// forList calls f with each member of a sparse set in words [w0, w0+n),
// numbered from the start of word w0.
func (s *set) forList(w0, n int, f func(i int)) {
	lo, hi := int32(w0*64), int32((w0+n)*64)
	j := sort.Search(len(s.list), func(j int) bool { return s.list[j] >= lo })
	for _, i := range s.list[j:] {
		if i >= hi {
			break
		}
		f(int(i - lo))
	}
}

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

// A textIndex holds the set of questions containing each word.
type textIndex struct {
	words map[string]*set // by folded word
	vocab []string        // every word, sorted, for prefixes
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
	t := &textIndex{words: make(map[string]*set, len(all)), vocab: make([]string, 0, len(all))}
	for w, p := range all {
		t.words[w] = newSet(p.list, len(qs))
		t.vocab = append(t.vocab, w)
	}
	slices.Sort(t.vocab)
	return t
}

// A posting lists the questions holding a word, in order.
type posting struct{ list []int32 }

// postings returns the postings of every word of questions [lo, hi).
func postings(qs []Question, lo, hi int) map[string]*posting {
	post := make(map[string]*posting)
	var i int32 // the question being indexed
	add := func(w []byte) {
		p := post[string(w)] // no allocation for the lookup
		if p == nil {
			p = &posting{}
			post[string(w)] = p
		}
		if l := p.list; len(l) == 0 || l[len(l)-1] != i {
			p.list = append(l, i)
		}
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

type opcode uint8

const (
	opNone   opcode = iota // nothing
	opAll                  // everything
	opSets                 // the union of sets
	opAnd                  // the intersection of kids
	opOr                   // the union of kids
	opNot                  // the complement of kids[0]
	opPhrase               // candidates from groups, confirmed against the text
	opCode                 // code, run by run1 (in banks of at most 64 questions)
)

// A prog is a filter compiled against one bank's index.
type prog struct {
	op     opcode
	sets   []*set   // opSets
	kids   []*prog  // opAnd, opOr, opNot
	groups [][]*set // opPhrase: for each word, the sets of the words it stands for
	text   *node    // opPhrase: the words and prefix flag

	// depth is how many chunks of scratch space eval needs.
	depth int

	// code is an opCode prog: the tree flattened into postfix order, run
	// by run1 in a loop rather than by recursion.
	code []instr
}

// An instr is one step of a flattened one-word prog. opSets pushes ws[0];
// opAnd and opOr pop n results and push their intersection or union with
// the words ws (the kids that are leaves); opNot complements the top;
// opPhrase pushes p's matches.
type instr struct {
	op opcode
	n  int
	ws []uint64
	p  *prog
}

// maxStack1 bounds the stack run1 needs; progs that need more are not
// flattened.
const maxStack1 = 8

// flatten compiles n for a bank of at most 64 questions, appending it to
// code in postfix order, and reports whether it fits run1's stack, given
// how many results are on the stack before it. Each leaf is one word: the
// union of the first words of its sets.
func (b *Bank) flatten(n *node, code []instr, depth int) ([]instr, bool) {
	if depth >= maxStack1 {
		return nil, false
	}
	switch n.kind {
	case kindNone:
		return append(code, instr{op: opSets, ws: []uint64{0}}), true
	case kindText:
		p := b.textIndex().phraseProg(n)
		switch p.op {
		case opPhrase:
			return append(code, instr{op: opPhrase, p: p}), true
		case opSets:
			return append(code, instr{op: opSets, ws: []uint64{union1(p.sets)}}), true
		}
		return append(code, instr{op: opSets, ws: []uint64{0}}), true // no such word
	case kindNot:
		code, ok := b.flatten(n.kids[0], code, depth)
		return append(code, instr{op: opNot}), ok
	case kindAnd, kindOr:
		in := instr{op: opAnd, ws: make([]uint64, 0, len(n.kids))}
		if n.kind == kindOr {
			in.op = opOr
		}
		ok := true
		for _, k := range n.kids {
			if w, ok := b.leafWord(k); ok {
				in.ws = append(in.ws, w)
				continue
			}
			if code, ok = b.flatten(k, code, depth+in.n); !ok {
				return nil, false
			}
			in.n++
		}
		return append(code, in), true
	}
	w, _ := b.leafWord(n)
	return append(code, instr{op: opSets, ws: []uint64{w}}), true
}

// leafWord returns the word a level, type, skill or ID term stands for in
// a bank of at most 64 questions, or an Or of such terms, which is one
// union of sets as a list such as skill:a,b is; ok is false for other
// nodes.
func (b *Bank) leafWord(n *node) (w uint64, ok bool) {
	switch n.kind {
	case kindLevel, kindType, kindSkill, kindID:
		return union1(b.index().leafSets(n)), true
	case kindOr:
		for _, k := range n.kids {
			kw, ok := b.leafWord(k)
			if !ok {
				return 0, false
			}
			w |= kw
		}
		return w, true
	}
	return 0, false
}

// run1 runs a flattened prog over a bank of at most 64 questions.
func run1(code []instr, b *Bank) uint64 {
	var stack [maxStack1]uint64
	sp := 0
	for i := range code {
		in := &code[i]
		switch in.op {
		case opSets:
			stack[sp] = in.ws[0]
			sp++
		case opAnd:
			w := leaves1(in)
			for k := 0; k < in.n; k++ {
				sp--
				w &= stack[sp]
			}
			stack[sp] = w
			sp++
		case opOr:
			w := leaves1(in)
			for k := 0; k < in.n; k++ {
				sp--
				w |= stack[sp]
			}
			stack[sp] = w
			sp++
		case opNot:
			stack[sp-1] = ^stack[sp-1] & mask1(len(b.qs))
		case opPhrase:
			var w, scratch [chunkWords]uint64 // one word used; a chunk of scratch
			in.p.eval(b, w[:1], 0, scratch[:])
			stack[sp] = w[0]
			sp++
		}
	}
	return stack[0]
}

// withDepth sets p.depth from its kids and returns p.
func withDepth(p *prog) *prog {
	switch p.op {
	case opAnd, opOr:
		p.depth = p.kids[0].depth
		for _, k := range p.kids[1:] {
			p.depth = max(p.depth, 1+k.depth)
		}
	case opNot:
		p.depth = p.kids[0].depth
	case opPhrase:
		p.depth = 1
	}
	return p
}

// maxStackDepth is the scratch depth a caller of eval keeps on its stack;
// deeper progs take theirs from a pool.
const maxStackDepth = 8

// scratch returns scratch space for evaluating p, in buf if it fits, and
// a pooled slice to give back with putWords, or nil.
func (p *prog) scratch(buf *[maxStackDepth * chunkWords]uint64) ([]uint64, *[]uint64) {
	if p.depth <= maxStackDepth {
		return buf[:p.depth*chunkWords], nil
	}
	pooled := getWords(p.depth * chunkWords)
	return *pooled, pooled
}

var (
	progNone = &prog{op: opNone}
	progAll  = &prog{op: opAll}
)

// compiled is a node's cached prog, with the bank it was compiled for.
type compiled struct {
	bank *Bank
	p    *prog
	one  *instr // in a small bank, p's only instr when it needs no stack
}

// compile returns f compiled against b, from f's cache when it was last
// used with b.
func (b *Bank) compile(f Filter) *prog {
	if f.n != nil {
		if c := f.n.compiled.Load(); c != nil && c.bank == b {
			return c.p
		}
	}
	return b.compileNew(f)
}

// compileNew compiles f against b and keeps the result in f.
func (b *Bank) compileNew(f Filter) *prog {
	if f.n == nil {
		return progAll
	}
	c := &compiled{bank: b}
	if len(b.qs) > 0 && len(b.qs) <= 64 { // one word of questions
		if code, ok := b.flatten(f.n, make([]instr, 0, 4), 0); ok {
			c.p = &prog{op: opCode, code: code}
			if len(code) == 1 && code[0].op != opPhrase && code[0].n == 0 {
				c.one = &code[0]
			}
		}
	}
	if c.p == nil { // a large bank, or a filter too deep for run1
		c.p = b.compileNode(f.n)
	}
	f.n.compiled.Store(c)
	return c.p
}

func (b *Bank) compileNode(n *node) *prog {
	ix := b.index()
	switch n.kind {
	case kindNone:
		return progNone
	case kindAnd:
		p := &prog{op: opAnd, kids: make([]*prog, 0, len(n.kids))}
		for _, k := range n.kids {
			kp := b.compileNode(k)
			switch kp.op {
			case opNone:
				return progNone
			case opAll:
				continue
			}
			p.kids = append(p.kids, kp)
		}
		return simplify(p)
	case kindOr:
		var sets []*set // leaf kids merge into one union
		var kids []*prog
		for _, k := range n.kids {
			kp := b.compileNode(k)
			switch kp.op {
			case opAll:
				return progAll
			case opNone:
				continue
			case opSets:
				if sets == nil {
					sets = make([]*set, 0, len(n.kids))
				}
				sets = append(sets, kp.sets...)
				continue
			}
			kids = append(kids, kp)
		}
		if len(kids) == 0 {
			return setsProg(sets)
		}
		if len(sets) > 0 {
			kids = append([]*prog{setsProg(sets)}, kids...)
		}
		return simplify(&prog{op: opOr, kids: kids})
	case kindNot:
		switch kp := b.compileNode(n.kids[0]); kp.op {
		case opNone:
			return progAll
		case opAll:
			return progNone
		default:
			return withDepth(&prog{op: opNot, kids: []*prog{kp}})
		}
	case kindText:
		return b.textIndex().phraseProg(n)
	}
	return setsProg(ix.leafSets(n))
}

// leafSets returns the sets whose union a level, type, skill or ID node
// stands for.
func (ix *index) leafSets(n *node) []*set {
	switch n.kind {
	case kindLevel:
		for l := minLevel; l <= maxLevel; l++ {
			if n.mask == levelsFrom(l) { // level>=l: one set
				return ix.atLeast[l].alone
			}
		}
		var sets []*set
		for l := minLevel; l <= maxLevel; l++ {
			if n.mask&(1<<l) != 0 {
				sets = append(sets, ix.levels[l])
			}
		}
		return sets
	case kindType:
		var sets []*set
		for t := minType; t <= maxType; t++ {
			if n.mask&(1<<t) != 0 {
				sets = append(sets, ix.types[t])
			}
		}
		if len(sets) == 1 {
			return sets[0].alone
		}
		return sets
	case kindSkill:
		var sets []*set
		for _, v := range n.vals {
			if s := ix.skills[v]; s != nil {
				sets = append(sets, s)
			}
		}
		if len(sets) == 1 {
			return sets[0].alone
		}
		return sets
	case kindID:
		var list []int32
		for _, v := range n.vals {
			if i, ok := ix.byID[v]; ok {
				list = append(list, int32(i))
			}
		}
		if len(list) == 0 {
			return nil
		}
		slices.Sort(list)
		return []*set{{list: list}}
	}
	panic("questionbank: unknown filter node") // unreachable: nodes are built here
}

// simplify returns p, or its only kid, or none for an And or Or with no
// kids left.
func simplify(p *prog) *prog {
	switch len(p.kids) {
	case 0:
		if p.op == opAnd {
			return progAll
		}
		return progNone
	case 1:
		return p.kids[0]
	}
	return withDepth(p)
}

func setsProg(sets []*set) *prog {
	if len(sets) == 0 {
		return progNone
	}
	return &prog{op: opSets, sets: sets}
}

// phraseProg compiles a free-text node: one word is exactly its set (or,
// as a prefix, the union of its words' sets); a phrase is the intersection
// of its words' sets, confirmed against the text.
func (t *textIndex) phraseProg(n *node) *prog {
	groups := make([][]*set, len(n.vals))
	for k, w := range n.vals {
		if n.prefix && k == len(n.vals)-1 {
			i, _ := slices.BinarySearch(t.vocab, w)
			for ; i < len(t.vocab) && strings.HasPrefix(t.vocab[i], w); i++ {
				groups[k] = append(groups[k], t.words[t.vocab[i]])
			}
		} else if s := t.words[w]; s != nil {
			groups[k] = []*set{s}
		}
		if len(groups[k]) == 0 {
			return progNone
		}
	}
	if len(groups) == 1 {
		return setsProg(groups[0])
	}
	return withDepth(&prog{op: opPhrase, groups: groups, text: n})
}

// eval sets dst to the matches of p among the questions of words
// [w0, w0+len(dst)); bits past the last question are zero. scratch holds
// p.depth chunks; a kid whose result must be combined is evaluated into
// the first, and the kid uses the rest. (Scratch comes from the caller
// because a buffer declared here would escape to the heap: the function
// is recursive.)
func (p *prog) eval(b *Bank, dst []uint64, w0 int, scratch []uint64) {
	switch p.op {
	case opNone:
		clear(dst)
	case opAll:
		for i := range dst {
			dst[i] = ^uint64(0)
		}
		maskTail(dst, w0, len(b.qs))
	case opSets:
		p.sets[0].load(dst, w0)
		for _, s := range p.sets[1:] {
			s.or(dst, w0)
		}
	case opAnd:
		p.kids[0].eval(b, dst, w0, scratch)
		for _, k := range p.kids[1:] {
			if isZero(dst) {
				return
			}
			if k.op == opSets && len(k.sets) == 1 {
				k.sets[0].and(dst, w0)
				continue
			}
			t := scratch[:len(dst)]
			k.eval(b, t, w0, scratch[chunkWords:])
			for i := range dst {
				dst[i] &= t[i]
			}
		}
	case opOr:
		p.kids[0].eval(b, dst, w0, scratch)
		for _, k := range p.kids[1:] {
			if k.op == opSets && len(k.sets) == 1 {
				k.sets[0].or(dst, w0)
				continue
			}
			t := scratch[:len(dst)]
			k.eval(b, t, w0, scratch[chunkWords:])
			for i := range dst {
				dst[i] |= t[i]
			}
		}
	case opNot:
		p.kids[0].eval(b, dst, w0, scratch)
		for i := range dst {
			dst[i] = ^dst[i]
		}
		maskTail(dst, w0, len(b.qs))
	case opPhrase:
		unionInto(dst, p.groups[0], w0)
		for _, g := range p.groups[1:] {
			if isZero(dst) {
				return
			}
			t := scratch[:len(dst)]
			unionInto(t, g, w0)
			for i := range dst {
				dst[i] &= t[i]
			}
		}
		for wi, w := range dst {
			for w != 0 {
				bit := bits.TrailingZeros64(w)
				w &= w - 1
				q := &b.qs[(w0+wi)*64+bit]
				if !q.hasPhrase(p.text.vals, p.text.prefix) {
					dst[wi] &^= 1 << bit
				}
			}
		}
	}
}

// leaves1 combines the leaf words of an instr: their intersection for
// opAnd, their union for opOr, the word itself for opSets.
func leaves1(in *instr) uint64 {
	switch in.op {
	case opAnd:
		w := ^uint64(0)
		for _, x := range in.ws {
			w &= x
		}
		return w
	case opOr:
		var w uint64
		for _, x := range in.ws {
			w |= x
		}
		return w
	case opSets:
		return in.ws[0]
	}
	return 0
}

// mask1 returns the word with a bit for each of n <= 64 questions.
func mask1(n int) uint64 {
	if n >= 64 {
		return ^uint64(0)
	}
	return 1<<n - 1
}

// union1 returns the first word of the union of sets.
func union1(sets []*set) uint64 {
	var w uint64
	for _, s := range sets {
		if s.dense != nil {
			w |= s.dense[0]
			continue
		}
		for _, i := range s.list {
			if i < 64 {
				w |= 1 << i
			}
		}
	}
	return w
}

func unionInto(dst []uint64, sets []*set, w0 int) {
	sets[0].load(dst, w0)
	for _, s := range sets[1:] {
		s.or(dst, w0)
	}
}

func isZero(ws []uint64) bool {
	for _, w := range ws {
		if w != 0 {
			return false
		}
	}
	return true
}

// maskTail clears the bits of dst, a chunk starting at word w0, that stand
// for no question in a bank of n.
func maskTail(dst []uint64, w0, n int) {
	last := w0 + len(dst) - 1 // the chunk's last word
	if last == (n-1)/64 && n%64 != 0 {
		dst[len(dst)-1] &= 1<<(n%64) - 1
	}
}

// count returns the number of questions p matches.
func (b *Bank) count(p *prog) int {
	switch p.op {
	case opNone:
		return 0
	case opAll:
		return len(b.qs)
	}
	if p.op == opCode {
		return bits.OnesCount64(run1(p.code, b))
	}
	// The chunk loop is written out here, in matches and in evalAll rather
	// than shared through a callback: a buffer handed to a func value
	// escapes to the heap, and these calls must not allocate.
	total := 0
	var buf [chunkWords]uint64
	var stack [maxStackDepth * chunkWords]uint64
	scratch, pooled := p.scratch(&stack)
	defer putWords(pooled)
	for w0, nw := 0, words64(len(b.qs)); w0 < nw; w0 += chunkWords {
		dst := buf[:min(chunkWords, nw-w0)]
		p.eval(b, dst, w0, scratch)
		for _, w := range dst {
			total += bits.OnesCount64(w)
		}
	}
	return total
}

// matches calls yield with the number of each question f matches, in
// order, until yield returns false.
func (b *Bank) matches(f Filter, yield func(i int) bool) {
	p := b.compile(f)
	if p.op == opNone {
		return
	}
	if p.op == opCode {
		for w := run1(p.code, b); w != 0; w &= w - 1 {
			if !yield(bits.TrailingZeros64(w)) {
				return
			}
		}
		return
	}
	var buf [chunkWords]uint64
	var stack [maxStackDepth * chunkWords]uint64
	scratch, pooled := p.scratch(&stack)
	defer putWords(pooled)
	for w0, nw := 0, words64(len(b.qs)); w0 < nw; w0 += chunkWords {
		dst := buf[:min(chunkWords, nw-w0)]
		p.eval(b, dst, w0, scratch)
		for wi, w := range dst {
			for ; w != 0; w &= w - 1 {
				if !yield((w0+wi)*64 + bits.TrailingZeros64(w)) {
					return
				}
			}
		}
	}
}

// wordsPool holds slices of words, whole-bank bitsets for the calls that
// need every match at once and scratch space for deep progs, so that calls
// do not allocate them each time.
var wordsPool sync.Pool // of *[]uint64

// getWords returns a pooled slice of n words, not zeroed.
func getWords(n int) *[]uint64 {
	wp, _ := wordsPool.Get().(*[]uint64)
	if wp == nil {
		wp = new([]uint64)
	}
	if cap(*wp) < n {
		*wp = make([]uint64, n)
	}
	*wp = (*wp)[:n]
	return wp
}

// putWords gives back a slice from getWords; nil is ignored.
func putWords(wp *[]uint64) {
	if wp != nil {
		wordsPool.Put(wp)
	}
}

// evalAll returns a pooled bitset of the questions p matches and their
// number. Give the bitset back with putWords.
func (b *Bank) evalAll(p *prog) (*[]uint64, int) {
	nw := words64(len(b.qs))
	bp := getWords(nw)
	bs := *bp
	if p.op == opCode {
		bs[0] = run1(p.code, b) // a bank of 1 to 64 questions: one word
		return bp, bits.OnesCount64(bs[0])
	}
	total := 0
	var stack [maxStackDepth * chunkWords]uint64
	scratch, pooled := p.scratch(&stack)
	defer putWords(pooled)
	for w0 := 0; w0 < nw; w0 += chunkWords {
		dst := bs[w0:min(w0+chunkWords, nw)]
		p.eval(b, dst, w0, scratch)
		for _, w := range dst {
			total += bits.OnesCount64(w)
		}
	}
	return bp, total
}
