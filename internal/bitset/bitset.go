// Package bitset holds sets of document numbers, the unit of a bank's
// indexes: a bitset when a set is dense, a sorted list when it is
// sparse, the operations that load and combine them a chunk of 64-bit
// words at a time, and the helpers that read and iterate bits.
package bitset

import (
	"iter"
	"math/bits"
	"slices"
	"sort"
	"sync"
)

// ChunkWords is how many 64-bit words a set is combined at a time: the
// longest dst that And takes.
const ChunkWords = 16

// DenseFactor sets where a set turns dense: a set of count of n
// documents is kept as bits when count × DenseFactor > n, where the
// list would take more room than the bits (an entry is 32 bits).
const DenseFactor = 32

// IsDense reports whether a set of count of n documents is kept as bits.
func IsDense(count, n int) bool { return count*DenseFactor > n }

// A Set is the set of document numbers with some property.
type Set struct {
	Bits  []uint64 // bit i set for document i; nil if the set is sparse
	List  []int32  // sorted document numbers, if the set is sparse
	alone [1]*Set  // this set, for Alone: a slice of it without an allocation
}

// New returns the set of the sorted document numbers in list, of n
// documents, choosing the smaller representation. It keeps list when
// the set is sparse.
func New(list []int32, n int) *Set {
	s := &Set{}
	s.alone[0] = s
	if !IsDense(len(list), n) {
		s.List = slices.Clip(list)
		return s
	}
	s.Bits = make([]uint64, Words(n))
	for _, i := range list {
		s.Bits[i>>6] |= 1 << (i & 63)
	}
	return s
}

// FromBits returns the set of the count documents whose bits are set in
// words, keeping the words as they are when the set is dense.
func FromBits(words []uint64, count, n int) *Set {
	if IsDense(count, n) {
		s := &Set{Bits: words}
		s.alone[0] = s
		return s
	}
	list := make([]int32, 0, count)
	for i := range Ones(words) {
		list = append(list, int32(i))
	}
	return New(list, n)
}

// Union returns the union of sets of n documents, the one set itself if
// there is one.
func Union(sets []*Set, n int) *Set {
	if len(sets) == 1 {
		return sets[0]
	}
	union := make([]uint64, Words(n))
	for _, s := range sets {
		s.Or(union, 0)
	}
	count := 0
	for _, x := range union {
		count += bits.OnesCount64(x)
	}
	return FromBits(union, count, n)
}

// Alone returns a slice holding just s, shared by its callers, who must
// not change it.
func (s *Set) Alone() []*Set { return s.alone[:] }

// Count returns the number of documents in the set.
func (s *Set) Count() int {
	if s.Bits == nil {
		return len(s.List)
	}
	c := 0
	for _, w := range s.Bits {
		c += bits.OnesCount64(w)
	}
	return c
}

// Words returns the number of 64-bit words that hold n bits.
func Words(n int) int { return (n + 63) / 64 }

// Load sets dst to the set's words starting at word w0.
func (s *Set) Load(dst []uint64, w0 int) {
	if s.Bits != nil {
		copy(dst, s.Bits[w0:w0+len(dst)])
		return
	}
	clear(dst)
	s.forList(w0, len(dst), func(i int) { dst[i>>6] |= 1 << (i & 63) })
}

// Or adds the set's words starting at word w0 into dst.
func (s *Set) Or(dst []uint64, w0 int) {
	if s.Bits != nil {
		src := s.Bits[w0 : w0+len(dst)]
		for i := range dst {
			dst[i] |= src[i]
		}
		return
	}
	s.forList(w0, len(dst), func(i int) { dst[i>>6] |= 1 << (i & 63) })
}

// And keeps in dst, at most ChunkWords long, only the members of the
// set, for words from w0.
func (s *Set) And(dst []uint64, w0 int) {
	if s.Bits != nil {
		src := s.Bits[w0 : w0+len(dst)]
		for i := range dst {
			dst[i] &= src[i]
		}
		return
	}
	var tmp [ChunkWords]uint64
	t := tmp[:len(dst)]
	s.forList(w0, len(dst), func(i int) { t[i>>6] |= 1 << (i & 63) })
	for i := range dst {
		dst[i] &= t[i]
	}
}

// forList calls f with each member of a sparse set in words [w0, w0+n),
// numbered from the start of word w0.
func (s *Set) forList(w0, n int, f func(i int)) {
	lo, hi := int32(w0*64), int32((w0+n)*64)
	j := sort.Search(len(s.List), func(j int) bool { return s.List[j] >= lo })
	for _, i := range s.List[j:] {
		if i >= hi {
			break
		}
		f(int(i - lo))
	}
}

// UnionInto sets dst to the union of sets, for words from w0.
func UnionInto(dst []uint64, sets []*Set, w0 int) {
	sets[0].Load(dst, w0)
	for _, s := range sets[1:] {
		s.Or(dst, w0)
	}
}

// FirstWord returns the first word of the union of sets: all of it, in
// a set of at most 64 documents.
func FirstWord(sets []*Set) uint64 {
	var w uint64
	for _, s := range sets {
		if s.Bits != nil {
			w |= s.Bits[0]
			continue
		}
		for _, i := range s.List {
			if i < 64 {
				w |= 1 << i
			}
		}
	}
	return w
}

// Has reports whether bit i of words is set.
func Has(words []uint64, i int32) bool { return words[i>>6]&(1<<(i&63)) != 0 }

// Any reports whether any bit of words is set.
func Any(words []uint64) bool {
	for _, w := range words {
		if w != 0 {
			return true
		}
	}
	return false
}

// Ones yields the number of each bit set in words, in order.
func Ones(words []uint64) iter.Seq[int] {
	return func(yield func(int) bool) {
		for wi, w := range words {
			for ; w != 0; w &= w - 1 {
				if !yield(wi*64 + bits.TrailingZeros64(w)) {
					return
				}
			}
		}
	}
}

// pool holds slices of words, whole-bank bitsets for the calls that
// need every match at once and scratch space for deep evaluations, so
// that calls do not allocate them each time.
var pool sync.Pool // of *[]uint64

// Get returns a pooled slice of n words, not zeroed.
func Get(n int) *[]uint64 {
	wp, _ := pool.Get().(*[]uint64)
	if wp == nil {
		wp = new([]uint64)
	}
	if cap(*wp) < n {
		*wp = make([]uint64, n)
	}
	*wp = (*wp)[:n]
	return wp
}

// Put gives back a slice from Get; nil is ignored.
func Put(wp *[]uint64) {
	if wp != nil {
		pool.Put(wp)
	}
}
