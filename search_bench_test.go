package questionbank

import (
	"fmt"
	"testing"
)

// The benchmarks of the text search through the public API alone, so that
// they run unchanged against an older tree for a before and after in one
// session (BENCHMARKS.md): Search, Count and building the word index, on
// the built-in bank and on 20,000 questions of a realistic vocabulary.

// searchBenchQueries are a word, two words, a prefix and a phrase.
var searchBenchQueries = []string{"kubernetes", "kubernetes docker", "micro*", `"the system"`}

func BenchmarkSearchText(b *testing.B) {
	for _, size := range []int{0, 20_000} { // 0: the built-in bank
		bank := Default()
		if size > 0 {
			bank = vocabBank(b, size)
		}
		for _, q := range searchBenchQueries {
			f, err := bank.ParseQuery(q)
			if err != nil {
				b.Fatal(err)
			}
			bank.Search(q, 10) // the indexes, built once
			b.Run(fmt.Sprintf("Search/%d/%s", bank.Len(), q), func(b *testing.B) {
				b.ReportAllocs()
				for range b.N {
					if _, err := bank.Search(q, 10); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run(fmt.Sprintf("Count/%d/%s", bank.Len(), q), func(b *testing.B) {
				b.ReportAllocs()
				for range b.N {
					bank.Count(f)
				}
			})
		}
	}
}

// BenchmarkIndexText builds a bank of 20,000 questions of realistic text
// and its word index (the first free-text query), then its pair index
// (the first phrase).
func BenchmarkIndexText(b *testing.B) {
	qs := vocabBank(b, 20_000).All()
	word, phrase := MustParseFilter("kubernetes"), MustParseFilter(`"the system"`)
	b.Run("words", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			bank, err := New(qs)
			if err != nil {
				b.Fatal(err)
			}
			bank.Count(word)
		}
	})
	b.Run("pairs", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			b.StopTimer()
			bank, err := New(qs)
			if err != nil {
				b.Fatal(err)
			}
			bank.Count(word)
			b.StartTimer()
			bank.Count(phrase)
		}
	})
}
