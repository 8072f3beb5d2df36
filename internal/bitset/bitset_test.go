package bitset

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestSetsAgreeWithTheirMembers builds sets of every density, sparse and
// dense, and checks each operation against the list of members.
func TestSetsAgreeWithTheirMembers(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1, 63, 64, 65, 1000, 5000} {
		for _, density := range []float64{0, 0.001, 0.02, 0.05, 0.5, 1} {
			var list []int32
			for i := range int32(n) {
				if r.Float64() < density {
					list = append(list, i)
				}
			}
			s := New(slices.Clone(list), n)
			require.Equal(t, IsDense(len(list), n), s.Bits != nil, "n %d, %d members", n, len(list))
			require.Equal(t, len(list), s.Count())
			require.Equal(t, []*Set{s}, s.Alone())
			all := make([]uint64, Words(n))
			for w0 := 0; w0 < len(all); w0 += ChunkWords {
				s.Load(all[w0:min(w0+ChunkWords, len(all))], w0)
			}
			got := slices.Collect(Ones(all))
			if len(list) == 0 {
				require.Empty(t, got)
				require.False(t, Any(all))
			} else {
				require.Equal(t, toInts(list), got)
				require.True(t, Any(all))
				require.True(t, Has(all, list[0]))
			}
			back := FromBits(slices.Clone(all), len(list), n)
			require.Equal(t, len(list), back.Count())

			// And and Or, a chunk at a time, against the whole words.
			other := New(everyThird(n), n)
			and, or := slices.Clone(all), slices.Clone(all)
			for w0 := 0; w0 < len(all); w0 += ChunkWords {
				end := min(w0+ChunkWords, len(all))
				other.And(and[w0:end], w0)
				other.Or(or[w0:end], w0)
			}
			for i := range int32(n) {
				inS, inOther := Has(all, i), i%3 == 0
				require.Equal(t, inS && inOther, Has(and, i), "And, member %d", i)
				require.Equal(t, inS || inOther, Has(or, i), "Or, member %d", i)
			}
			u := Union([]*Set{s, other}, n)
			ub := make([]uint64, Words(n))
			UnionInto(ub, []*Set{s, other}, 0)
			require.Equal(t, slices.Collect(Ones(or)), slices.Collect(Ones(ub)))
			require.Equal(t, len(slices.Collect(Ones(or))), u.Count())
			if n <= 64 {
				require.Equal(t, ub[0], FirstWord([]*Set{s, other}))
			}
		}
	}
}

func everyThird(n int) []int32 {
	var l []int32
	for i := int32(0); i < int32(n); i += 3 {
		l = append(l, i)
	}
	return l
}

func toInts(l []int32) []int {
	out := make([]int, len(l))
	for i, x := range l {
		out[i] = int(x)
	}
	return out
}
