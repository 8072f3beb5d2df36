package questionbank

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"github.com/backendprep/questionbank/internal/textsearch"
	"github.com/stretchr/testify/require"
)

// A refIndex is a bank's words by question and group of fields, and the
// groups' mean lengths: what Search's documentation scores, written out
// plainly, the reference that Search's index, bounds and pruning must
// agree with.
type refIndex struct {
	b    *Bank
	docs [][textsearch.NumGroups][]string
	avg  [textsearch.NumGroups]float64
}

func newRefIndex(b *Bank) *refIndex {
	x := &refIndex{b: b, docs: make([][textsearch.NumGroups][]string, len(b.qs))}
	for i, q := range b.qs {
		for g, s := range q.fields {
			x.docs[i][g] = append(x.docs[i][g], textsearch.Words(s)...)
		}
		for g := range textsearch.NumGroups {
			x.avg[g] += float64(len(x.docs[i][g]))
		}
	}
	for g := range x.avg {
		x.avg[g] = max(x.avg[g]/float64(len(b.qs)), 1)
	}
	return x
}

// fieldTexts returns q's text fields, the fields free text searches.
func fieldTexts(q *Question) []string {
	var texts []string
	for _, s := range q.fields {
		texts = append(texts, s)
	}
	return texts
}

// scores returns each question's score for the free-text terms of q, by
// ID.
func (x *refIndex) scores(t *testing.T, q string) map[string]float64 {
	t.Helper()
	f, err := x.b.ParseQuery(q)
	require.NoError(t, err)
	var terms []textsearch.Phrase
	collectTerms(f.n, &terms)
	holds := func(ph textsearch.Phrase, w string) bool {
		if ph.Prefix {
			return strings.HasPrefix(w, ph.Words[0])
		}
		return textsearch.Stem(w) == ph.Stems[0]
	}
	scores := map[string]float64{}
	for _, ph := range terms {
		tfs := make([]float64, len(x.docs))
		df := 0
		for i, d := range x.docs {
			for g, ws := range d {
				c := 0
				for _, w := range ws {
					if holds(ph, w) {
						c++
					}
				}
				tfs[i] += textsearch.Group(g).Weight() * float64(c) / (1 - 0.75 + 0.75*float64(len(ws))/x.avg[g])
			}
			if tfs[i] > 0 {
				df++
			}
		}
		idf := math.Log(1 + (float64(len(x.docs))-float64(df)+0.5)/(float64(df)+0.5))
		for i, tf := range tfs {
			if tf > 0 {
				scores[x.b.qs[i].ID] += idf * tf * 2.2 / (1.2 + tf)
			}
		}
	}
	return scores
}

// searchQueries returns random queries over randomBank's words: words,
// plurals and other words of a stem, prefixes, phrases, filters and
// negations, one to three terms.
func searchQueries(r *rand.Rand, n int) []string {
	pick := func() string {
		w := strings.ToLower(randWords[r.IntN(len(randWords))])
		switch r.IntN(8) {
		case 0:
			return w[:1+r.IntN(len(w))] + "*"
		case 1:
			return fmt.Sprintf(`"%s %s"`, w, strings.ToLower(randWords[r.IntN(len(randWords))]))
		case 2:
			return fmt.Sprintf("rare%d", r.IntN(60))
		case 3:
			return "level>=senior"
		case 4:
			return "-" + w
		}
		return w
	}
	qs := make([]string, n)
	for i := range qs {
		parts := []string{pick()}
		for range r.IntN(3) {
			if r.IntN(4) == 0 {
				parts = append(parts, "OR")
			}
			parts = append(parts, pick())
		}
		qs[i] = strings.Join(parts, " ")
	}
	return qs
}

// copiesBank returns n questions that are copies of a few of bank's, each
// its own ID and random skills: scores tie everywhere, as in the
// benchmark bank, which is where bounds must be exact.
func copiesBank(t *testing.T, r *rand.Rand, from *Bank, kinds, n int) *Bank {
	t.Helper()
	qs := make([]Question, n)
	for i := range qs {
		q := from.qs[i%kinds].clone()
		q.ID = fmt.Sprintf("C-%d", i)
		q.Skills = nil
		for range r.IntN(3) {
			q.Skills = append(q.Skills, randSkills[r.IntN(len(randSkills))])
		}
		qs[i] = q
	}
	b, err := New(qs)
	require.NoError(t, err)
	return b
}

// TestSearchAgreesWithReference checks Search's scores against the
// formula written out plainly, and that Search(q, n) is exactly the first
// n of Search(q, 0): the ranges passed over must hold nothing better
// than what was kept, ties included.
func TestSearchAgreesWithReference(t *testing.T) {
	r := seeded(41)
	random := randomBank(t, r, 2000)
	banks := map[string]*Bank{"random": random, "copies": copiesBank(t, r, random, 9, 2000)}
	queries := searchQueries(r, 50)
	if testing.Short() || raceEnabled { // the reference is slow, not Search
		queries = queries[:12]
	}
	for name, b := range banks {
		ref := newRefIndex(b)
		for _, q := range queries {
			all, err := b.Search(q, 0)
			if err != nil {
				continue // a query of negations alone, say
			}
			checkRanked(t, b, q, all)
			want := ref.scores(t, q)
			for _, h := range all {
				require.InEpsilon(t, want[h.Question.ID]+1, h.Score+1, 1e-9, "%s: Search(%q): %s", name, q, h.Question.ID)
			}
			for _, n := range []int{1, 2, 5, 10, 37, 300} {
				top, err := b.Search(q, n)
				require.NoError(t, err)
				require.Equal(t, all[:min(n, len(all))], top, "%s: Search(%q, %d)", name, q, n)
			}
		}
	}
}

// BenchmarkSearchVocab100k is BenchmarkSearch100k of the bench module
// (Search(q, 10) against Count(q)) on 100,000 questions of a realistic
// vocabulary rather than copies of the corpus's 14: scores spread as in
// real text, and the queries are a word, two words, a prefix and a
// phrase that match 4%, 2%, 8% and 10% of the bank.
func BenchmarkSearchVocab100k(b *testing.B) {
	if testing.Short() {
		b.Skip("the bank takes 20 s to build")
	}
	bank := vocabBank(b, 100_000)
	for _, sq := range []struct{ kind, q string }{
		{"word", "kubernetes"},
		{"words", "data team"},
		{"prefix", "micro*"},
		{"phrase", `"the system"`},
	} {
		f, err := bank.ParseQuery(sq.q)
		if err != nil {
			b.Fatal(err)
		}
		bank.Search(sq.q, 10) // the indexes, built once
		b.Run(sq.kind+"/Count", func(b *testing.B) {
			for range b.N {
				bank.Count(f)
			}
		})
		b.Run(sq.kind+"/Search", func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				if _, err := bank.Search(sq.q, 10); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkIndexVocab builds the word index of 20,000 questions of
// realistic text, and reports the heap it keeps (BenchmarkIndexText/pairs
// builds the index of pairs).
func BenchmarkIndexVocab(b *testing.B) {
	if testing.Short() {
		b.Skip("builds a bank of 20,000 questions")
	}
	bank := vocabBank(b, 20_000)
	parts := textsearch.Parts(bank.Len())
	b.Run("words", func(b *testing.B) {
		for range b.N {
			b.StopTimer()
			before := heapInUse()
			b.StartTimer()
			kept := textsearch.Build(bank.Len(), bank.fieldsOf, parts)
			b.StopTimer()
			b.ReportMetric((heapInUse()-before)/(1<<20), "MiB-kept")
			runtime.KeepAlive(kept)
			b.StartTimer()
		}
	})
}

// heapInUse returns the bytes of live heap after a collection.
func heapInUse() float64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc)
}
