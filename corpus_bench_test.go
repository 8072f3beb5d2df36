package questionbank_test

import (
	"math/rand/v2"
	"testing"

	"github.com/backendprep/questionbank"
)

// BenchmarkCorpus measures the built-in bank through the public API alone,
// so that it runs unchanged against an older tree for a before and after
// in one session (BENCHMARKS.md): Count, Search and Sample on Default(),
// and what the first Search costs, the word index built over the whole
// corpus (as a new bank of its questions; Default builds its own once).
func BenchmarkCorpus(b *testing.B) {
	bank := questionbank.Default()
	const query = "level>=senior type:technical"
	f := questionbank.MustParseFilter(query)
	bank.Count(f)
	if _, err := bank.Search("kubernetes docker", 10); err != nil {
		b.Fatal(err)
	}
	b.Run("Count", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			bank.Count(f)
		}
	})
	b.Run("Search", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			if _, err := bank.Search("kubernetes docker", 10); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Sample", func(b *testing.B) {
		b.ReportAllocs()
		r := rand.New(rand.NewPCG(1, 2))
		for range b.N {
			bank.Sample(r, 3, f)
		}
	})
	all := bank.All()
	b.Run("FirstSearch", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			fresh, err := questionbank.New(all)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := fresh.Search("kubernetes docker", 10); err != nil {
				b.Fatal(err)
			}
		}
	})
}
