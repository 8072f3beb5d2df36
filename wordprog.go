package questionbank

import (
	"github.com/backendprep/questionbank/internal/bitset"
)

// Word programs: a filter over a bank of at most 64 questions, such as the
// embedded one, where every set is one word, compiles to a few
// instructions in postfix order over words, which runWord runs in a loop:
// an And of terms is one instruction that ANDs their words. The result is
// computed on every call, never cached.
//
// It is a second evaluator, kept for its figure in BENCHMARKS.md: Count
// of a predicate on the built-in bank is several times faster this way
// than through the chunk loop of eval.go, and a bot counting matches per
// message, or a page listing facets, calls it again and again.

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

// maxWordStack bounds the stack runWord needs; progs that need more are not
// flattened.
const maxWordStack = 8

// flatten compiles n for a bank of at most 64 questions, appending it to
// code in postfix order, and reports whether it fits runWord's stack, given
// how many results are on the stack before it. Each leaf is one word: the
// union of the first words of its sets.
func (b *Bank) flatten(n *node, code []instr, depth int) ([]instr, bool) {
	if depth >= maxWordStack {
		return nil, false
	}
	switch n.kind {
	case kindNone:
		return append(code, instr{op: opSets, ws: []uint64{0}}), true
	case kindText:
		p := phraseProg(b.textIndex(), n)
		switch p.op {
		case opPhrase:
			return append(code, instr{op: opPhrase, p: p}), true
		case opSets:
			return append(code, instr{op: opSets, ws: []uint64{bitset.FirstWord(p.sets)}}), true
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
		return bitset.FirstWord(b.index().leafSets(n)), true
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

// runWord runs a flattened prog over a bank of at most 64 questions.
func runWord(code []instr, b *Bank) uint64 {
	var stack [maxWordStack]uint64
	sp := 0
	for i := range code {
		in := &code[i]
		switch in.op {
		case opSets:
			stack[sp] = in.ws[0]
			sp++
		case opAnd:
			w := combineLeaves(in)
			for k := 0; k < in.n; k++ {
				sp--
				w &= stack[sp]
			}
			stack[sp] = w
			sp++
		case opOr:
			w := combineLeaves(in)
			for k := 0; k < in.n; k++ {
				sp--
				w |= stack[sp]
			}
			stack[sp] = w
			sp++
		case opNot:
			stack[sp-1] = ^stack[sp-1] & bankMask(len(b.qs))
		case opPhrase:
			var w, scratch [bitset.ChunkWords]uint64 // one word used; a chunk of scratch
			in.p.eval(b, w[:1], 0, scratch[:])
			stack[sp] = w[0]
			sp++
		}
	}
	return stack[0]
}

// combineLeaves combines the leaf words of an instr: their intersection for
// opAnd, their union for opOr, the word itself for opSets.
func combineLeaves(in *instr) uint64 {
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

// bankMask returns the word with a bit for each of n <= 64 questions.
func bankMask(n int) uint64 {
	if n >= 64 {
		return ^uint64(0)
	}
	return 1<<n - 1
}
