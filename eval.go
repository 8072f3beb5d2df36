package questionbank

import (
	"math/bits"

	"github.com/backendprep/questionbank/internal/bitset"
)

// Evaluating a prog: the questions it matches, 64 at a time, in chunks of
// bitset.ChunkWords words; only a multi-word phrase looks at text, to
// confirm the candidates its words' sets leave. Counting is then a
// popcount, and no call allocates. It is the evaluator of banks;
// Filter.Match, which looks at one question's fields, is the evaluator of
// a question outside a bank (BENCHMARKS.md compares the two).

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
		p.sets[0].Load(dst, w0)
		for _, s := range p.sets[1:] {
			s.Or(dst, w0)
		}
	case opAnd:
		p.kids[0].eval(b, dst, w0, scratch)
		for _, k := range p.kids[1:] {
			if !bitset.Any(dst) {
				return
			}
			if k.op == opSets && len(k.sets) == 1 {
				k.sets[0].And(dst, w0)
				continue
			}
			t := scratch[:len(dst)]
			k.eval(b, t, w0, scratch[bitset.ChunkWords:])
			for i := range dst {
				dst[i] &= t[i]
			}
		}
	case opOr:
		p.kids[0].eval(b, dst, w0, scratch)
		for _, k := range p.kids[1:] {
			if k.op == opSets && len(k.sets) == 1 {
				k.sets[0].Or(dst, w0)
				continue
			}
			t := scratch[:len(dst)]
			k.eval(b, t, w0, scratch[bitset.ChunkWords:])
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
		bitset.UnionInto(dst, p.groups[0], w0)
		for _, g := range p.groups[1:] {
			if !bitset.Any(dst) {
				return
			}
			t := scratch[:len(dst)]
			bitset.UnionInto(t, g, w0)
			for i := range dst {
				dst[i] &= t[i]
			}
		}
		for wi, w := range dst {
			for w != 0 {
				bit := bits.TrailingZeros64(w)
				w &= w - 1
				q := &b.qs[(w0+wi)*64+bit]
				if !q.hasPhrase(p.text, p.ix) {
					dst[wi] &^= 1 << bit
				}
			}
		}
	}
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
	case opWords: // no bitset to borrow: the pool would cost more than the work
		return bits.OnesCount64(runWord(p.code, b))
	}
	bp, total := b.evalAll(p)
	bitset.Put(bp)
	return total
}

// matches calls yield with the number of each question f matches, in
// order, until yield returns false.
func (b *Bank) matches(f Filter, yield func(i int) bool) {
	p := b.compile(f)
	switch p.op {
	case opNone:
		return
	case opWords:
		for w := runWord(p.code, b); w != 0; w &= w - 1 {
			if !yield(bits.TrailingZeros64(w)) {
				return
			}
		}
		return
	}
	bp, _ := b.evalAll(p)
	defer bitset.Put(bp)
	for i := range bitset.Ones(*bp) {
		if !yield(i) {
			return
		}
	}
}

// evalAll returns a pooled bitset of the questions p matches and their
// number: the one loop over a bank's chunks, which count, matches and the
// samplers share. Give the bitset back with putWords.
func (b *Bank) evalAll(p *prog) (*[]uint64, int) {
	nw := bitset.Words(len(b.qs))
	bp := bitset.Get(nw)
	bs := *bp
	if p.op == opWords {
		bs[0] = runWord(p.code, b) // a bank of 1 to 64 questions: one word
		return bp, bits.OnesCount64(bs[0])
	}
	total := 0
	var stack [maxStackDepth * bitset.ChunkWords]uint64
	scratch, pooled := p.scratch(&stack)
	defer bitset.Put(pooled)
	for w0 := 0; w0 < nw; w0 += bitset.ChunkWords {
		dst := bs[w0:min(w0+bitset.ChunkWords, nw)]
		p.eval(b, dst, w0, scratch)
		for _, w := range dst {
			total += bits.OnesCount64(w)
		}
	}
	return bp, total
}
