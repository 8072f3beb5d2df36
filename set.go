package questionbank

import (
	"math/bits"
	"slices"
	"sort"
	"sync"
)

// Sets of question numbers, the unit of a bank's index: a bitset when a
// set is dense, a sorted list when it is sparse, and the operations that
// load and combine them a chunk of 64-bit words at a time. Also the pool
// of word slices that evaluation borrows.

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

// newSetFromBits returns the set of the count questions whose bits are
// set, keeping the bits as they are when the set is dense.
func newSetFromBits(words []uint64, count, n int) *set {
	if count*32 > n {
		s := &set{dense: words}
		s.alone = []*set{s}
		return s
	}
	list := make([]int32, 0, count)
	for wi, w := range words {
		for ; w != 0; w &= w - 1 {
			list = append(list, int32(wi*64+bits.TrailingZeros64(w)))
		}
	}
	return newSet(list, n)
}

// count returns the number of questions in the set.
func (s *set) count() int {
	if s.dense == nil {
		return len(s.list)
	}
	c := 0
	for _, w := range s.dense {
		c += bits.OnesCount64(w)
	}
	return c
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
