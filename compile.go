package questionbank

import (
	"slices"
	"strings"
)

// Compiling a Filter against one bank's index into a prog, a small tree of
// set operations, kept in the Filter for the next call with that bank. A
// bank of at most 64 questions gets a flat word program instead
// (wordprog.go).

type opcode uint8

const (
	opNone   opcode = iota // nothing
	opAll                  // everything
	opSets                 // the union of sets
	opAnd                  // the intersection of kids
	opOr                   // the union of kids
	opNot                  // the complement of kids[0]
	opPhrase               // candidates from groups, confirmed against the text
	opWords                // code, run by runWord (in banks of at most 64 questions)
)

// A prog is a filter compiled against one bank's index.
type prog struct {
	op     opcode
	sets   []*set   // opSets
	kids   []*prog  // opAnd, opOr, opNot
	groups [][]*set // opPhrase: for each word, the sets of the words it stands for
	text   *phrase  // opPhrase: the phrase to confirm

	ix *textIndex // opPhrase: the stems of the bank's words

	// depth is how many chunks of scratch space eval needs.
	depth int

	// code is an opWords prog: the tree flattened into postfix order, run
	// by runWord in a loop rather than by recursion.
	code []instr
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
	bank   *Bank
	p      *prog
	single *instr // in a small bank, p's only instr when it needs no stack: Count's fast path
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
			c.p = &prog{op: opWords, code: code}
			if len(code) == 1 && code[0].op != opPhrase && code[0].n == 0 {
				c.single = &code[0]
			}
		}
	}
	if c.p == nil { // a large bank, or a filter too deep for runWord
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
		if s := ix.idSet(n.vals); s != nil {
			return s.alone
		}
		return nil
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

// phraseProg compiles a free-text node. One word is exactly its stem's
// set, or, as a prefix, the union of the sets of the words it starts. Two
// words are exactly the set of their stems side by side. A word and a
// prefix are the union of the pairs of the word's stem and each stem of a
// word the prefix starts: exact when every word of those stems starts
// with the prefix (as with a prefix of one letter: a stem keeps its
// word's first letter), and otherwise confirmed against the text of those
// questions only. A longer phrase is the intersection of the sets of its
// pairs, confirmed against the text.
func (t *textIndex) phraseProg(n *node) *prog {
	ph := n.text
	last := len(ph.words) - 1
	var groups [][]*set
	add := func(sets ...*set) bool {
		if len(sets) == 0 || sets[0] == nil {
			return false
		}
		groups = append(groups, sets)
		return true
	}
	whole := last + 1 // the words matched by stem
	if ph.prefix {
		whole = last
	}
	switch {
	case whole == 1 && !ph.prefix:
		if !add(t.stemSet(ph.stems[0])) {
			return progNone
		}
	case whole >= 2:
		for k := 0; k+1 < whole; k++ {
			if !add(t.pair(ph.stems[k], ph.stems[k+1])) {
				return progNone
			}
		}
	}
	exact := len(groups) <= 1 && whole <= 2 && !ph.prefix
	if ph.prefix {
		sets, ok := t.prefixSets(ph, whole)
		if !add(sets...) {
			return progNone
		}
		exact = ok && len(groups) == 1
	}
	if exact {
		return setsProg(groups[0]) // nothing to confirm
	}
	return withDepth(&prog{op: opPhrase, groups: groups, text: ph, ix: t})
}

// prefixSets returns the sets for the prefix that ends ph, after its whole
// words: alone, the sets of the words it starts; after a word, the pairs
// of that word's stem and each stem of a word it starts. exact reports
// whether their union is exactly the questions where the prefix stands
// there, with nothing to confirm.
func (t *textIndex) prefixSets(ph *phrase, whole int) (sets []*set, exact bool) {
	prefix := ph.words[len(ph.words)-1]
	lo, _ := slices.BinarySearch(t.vocab, prefix)
	hi := lo
	for hi < len(t.vocab) && strings.HasPrefix(t.vocab[hi], prefix) {
		hi++
	}
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
		started[t.words[w].sid]++
	}
	prev, ok := t.stemNumber(ph.stems[whole-1])
	if !ok {
		return nil, true
	}
	x := t.pairs()
	exact = true
	lo, hi = x.after(prev)
	for k := lo; k < hi; k++ {
		sid := uint32(x.keys[k])
		if c, ok := started[sid]; ok {
			sets = append(sets, x.setAt(k))
			exact = exact && c == len(t.byStem[t.stemNames[sid]])
		}
	}
	return sets, exact
}
