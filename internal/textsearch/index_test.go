package textsearch

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/backendprep/questionbank/internal/bitset"
	"github.com/stretchr/testify/require"
)

// docs are documents for tests: each a list of fields with their groups.
type docs [][]field

type field struct {
	g    Group
	text string
}

// fields is the Fields of the documents.
func (d docs) fields(doc int, yield func(Group, string) bool) {
	for _, f := range d[doc] {
		if !yield(f.g, f.text) {
			return
		}
	}
}

// testWords are the words of randomDocs: a few words of one stem, and
// words that start others, so that prefixes and pairs overlap.
var testWords = []string{"api", "gateway", "cache", "cached", "micro", "microservices", "node", "js", "team", "lead", "café", "CAFÉ", "a", "the", "99"}

// randomDocs returns n documents of text drawn from testWords, with rare
// words that make sparse sets, in fields of every group.
func randomDocs(r *rand.Rand, n int) docs {
	sentence := func() string {
		ws := make([]string, 1+r.IntN(8))
		for i := range ws {
			ws[i] = testWords[r.IntN(len(testWords))]
			if r.IntN(20) == 0 {
				ws[i] = fmt.Sprintf("rare%d", r.IntN(60))
			}
		}
		return strings.Join(ws, []string{" ", ", ", "-", ". "}[r.IntN(4)])
	}
	d := make(docs, n)
	for i := range d {
		for range 1 + r.IntN(6) {
			d[i] = append(d[i], field{Group(r.IntN(int(NumGroups))), sentence()})
		}
	}
	return d
}

// TestTextIndexParts checks that indexing a bank's words in parallel
// ranges gives the same index as one pass.
func TestTextIndexParts(t *testing.T) {
	docs := randomDocs(rand.New(rand.NewPCG(3, 3)), 1000)
	n, fields := len(docs), docs.fields
	one := Build(n, fields, 1)
	for _, parts := range []int{2, 3, 7} {
		got := Build(n, fields, parts)
		require.Equal(t, one.vocab, got.vocab, "%d parts", parts)
		for _, w := range one.vocab {
			require.Equal(t, one.words[w].set.Bits, got.words[w].set.Bits, "%d parts, word %q", parts, w)
			require.Equal(t, one.words[w].set.List, got.words[w].set.List, "%d parts, word %q", parts, w)
			require.Equal(t, one.words[w].Postings, got.words[w].Postings, "%d parts, word %q", parts, w)
		}
		require.Equal(t, one.lens, got.lens, "%d parts", parts)
		// The pairs of the same index (whose stems have the same
		// numbers), found in parts and joined.
		whole, joined := one.buildPairs(1), one.buildPairs(parts)
		require.Equal(t, whole.keys, joined.keys, "%d parts", parts)
		require.Equal(t, whole.starts, joined.starts, "%d parts", parts)
		require.Equal(t, whole.docs, joined.docs, "%d parts", parts)
		require.Len(t, joined.dense, len(whole.dense), "%d parts", parts)
		for k, s := range whole.dense {
			require.Equal(t, s.Bits, joined.dense[k].Bits, "%d parts", parts)
		}
	}
	// The pairs against the text: every two words side by side in a
	// field, by their stems, and nothing else.
	pairs := map[uint64][]int32{}
	for i, d := range docs {
		for _, f := range d {
			ws := Words(f.text)
			for k := 1; k < len(ws); k++ {
				key := pairKey(one.words[ws[k-1]].stem, one.words[ws[k]].stem)
				if l := pairs[key]; len(l) == 0 || l[len(l)-1] != int32(i) {
					pairs[key] = append(l, int32(i))
				}
			}
		}
	}
	x := one.pairs()
	require.Equal(t, len(pairs), len(x.keys))
	for k := range x.keys {
		l := x.docs[x.starts[k]:x.starts[k+1]]
		require.True(t, slices.IsSorted(l) && len(slices.Compact(slices.Clone(l))) == len(l), "each question once, in order: %v", l)
	}
	require.NotEmpty(t, x.dense, "some pairs are dense")
	for key, want := range pairs {
		s := x.set(key)
		require.NotNil(t, s)
		bits := make([]uint64, bitset.Words(n))
		s.Load(bits, 0)
		var got []int32
		for i := range int32(n) {
			if bits[i>>6]&(1<<(i&63)) != 0 {
				got = append(got, i)
			}
		}
		require.Equal(t, want, got, "pair %s %s", one.stems[key>>32].name, one.stems[key&(1<<32-1)].name)
	}
	require.Nil(t, x.set(pairKey(1<<31, 0)))
}
