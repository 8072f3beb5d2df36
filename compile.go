package questionbank

import (
	"github.com/backendprep/questionbank/internal/bitset"
	"github.com/backendprep/questionbank/internal/textsearch"
)

// Compiling a Filter against one bank's index into a prog, a small tree of
// set operations, kept in the Filter's plan (plan.go) for the next call
// with that bank. A bank of at most 64 questions gets a flat word program
// instead (wordprog.go).

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
	sets   []*bitset.Set      // opSets
	kids   []*prog            // opAnd, opOr, opNot
	groups [][]*bitset.Set    // opPhrase: for each word, the sets of the words it stands for
	text   *textsearch.Phrase // opPhrase: the phrase to confirm

	ix *textsearch.Index // opPhrase: the stems of the bank's words

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
func (p *prog) scratch(buf *[maxStackDepth * bitset.ChunkWords]uint64) ([]uint64, *[]uint64) {
	if p.depth <= maxStackDepth {
		return buf[:p.depth*bitset.ChunkWords], nil
	}
	pooled := bitset.Get(p.depth * bitset.ChunkWords)
	return *pooled, pooled
}

var (
	progNone = &prog{op: opNone}
	progAll  = &prog{op: opAll}
)

// compile returns f compiled against b, from f's plan when it was last
// used with b.
func (b *Bank) compile(f Filter) *prog { return b.plan(f).p }

// planAll is the plan of the empty query.
var planAll = &plan{p: progAll}

// plan returns f's plan for b: f's own when it was last used with b,
// and otherwise a new one, kept in f.
func (b *Bank) plan(f Filter) *plan {
	if f.n == nil {
		return planAll
	}
	if c := f.n.plan.Load(); c != nil && c.bank == b {
		return c
	}
	c := &plan{bank: b, n: f.n}
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
	f.n.plan.Store(c)
	return c
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
		var sets []*bitset.Set // leaf kids merge into one union
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
					sets = make([]*bitset.Set, 0, len(n.kids))
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
		return phraseProg(b.textIndex(), n)
	}
	return setsProg(ix.leafSets(n))
}

// leafSets returns the sets whose union a level, type, skill or ID node
// stands for.
func (ix *index) leafSets(n *node) []*bitset.Set {
	switch n.kind {
	case kindLevel:
		for l := minLevel; l <= maxLevel; l++ {
			if n.mask == levelsFrom(l) { // level>=l: one set
				return ix.atLeast[l].Alone()
			}
		}
		var sets []*bitset.Set
		for l := minLevel; l <= maxLevel; l++ {
			if n.mask&(1<<l) != 0 {
				sets = append(sets, ix.levels[l])
			}
		}
		return sets
	case kindType:
		var sets []*bitset.Set
		for t := minType; t <= maxType; t++ {
			if n.mask&(1<<t) != 0 {
				sets = append(sets, ix.types[t])
			}
		}
		if len(sets) == 1 {
			return sets[0].Alone()
		}
		return sets
	case kindSkill:
		var sets []*bitset.Set
		for _, v := range n.vals {
			if s := ix.skills[v]; s != nil {
				sets = append(sets, s)
			}
		}
		if len(sets) == 1 {
			return sets[0].Alone()
		}
		return sets
	case kindID:
		if s := ix.idSet(n.vals); s != nil {
			return s.Alone()
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

func setsProg(sets []*bitset.Set) *prog {
	if len(sets) == 0 {
		return progNone
	}
	return &prog{op: opSets, sets: sets}
}

// phraseProg compiles a free-text node against the word index t. One
// word is exactly its stem's set, or, as a prefix, the union of the sets
// of the words it starts. Two words are exactly the set of their stems
// side by side. A word and a prefix are the union of the pairs of the
// word's stem and each stem of a word the prefix starts: exact when every
// word of those stems starts with the prefix (as with a prefix of one
// letter: a stem keeps its word's first letter), and otherwise confirmed
// against the text of those questions only. A longer phrase is the
// intersection of the sets of its pairs, confirmed against the text.
func phraseProg(t *textsearch.Index, n *node) *prog {
	ph := n.text
	last := len(ph.Words) - 1
	var groups [][]*bitset.Set
	add := func(sets ...*bitset.Set) bool {
		if len(sets) == 0 || sets[0] == nil {
			return false
		}
		groups = append(groups, sets)
		return true
	}
	whole := last + 1 // the words matched by stem
	if ph.Prefix {
		whole = last
	}
	switch {
	case whole == 1 && !ph.Prefix:
		if !add(t.StemSet(ph.Stems[0])) {
			return progNone
		}
	case whole >= 2:
		for k := 0; k+1 < whole; k++ {
			if !add(t.Pair(ph.Stems[k], ph.Stems[k+1])) {
				return progNone
			}
		}
	}
	exact := len(groups) <= 1 && whole <= 2 && !ph.Prefix
	if ph.Prefix {
		sets, ok := t.PrefixSets(ph, whole)
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
