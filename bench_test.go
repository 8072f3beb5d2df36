package questionbank

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// The predicate the benchmarks share, from the performance issue.
const benchQuery = "level>=senior type:technical (skill:problem-solving OR skill:scalability)"

// largeBank returns a bank of n questions made from the corpus: each copies
// a corpus question's text, with its own ID and a random level, type and
// skills, so that the filter's sets are realistic.
func largeBank(tb testing.TB, n int) *Bank {
	tb.Helper()
	r := rand.New(rand.NewPCG(uint64(n), 1))
	skills := Default().Skills()
	qs := make([]Question, n)
	for i := range qs {
		q := corpus[i%len(corpus)]
		q.ID = fmt.Sprintf("q-%d", i)
		q.Level = Level(1 + r.IntN(int(maxLevel)))
		q.Type = Type(1 + r.IntN(int(maxType)))
		q.Skills = make([]string, 1+r.IntN(4))
		for j := range q.Skills {
			q.Skills[j] = skills[r.IntN(len(skills))]
		}
		qs[i] = q
	}
	b, err := New(qs)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

var benchSizes = []int{14, 100_000}

func benchBank(tb testing.TB, n int) *Bank {
	if n == 14 {
		return Default()
	}
	return largeBank(tb, n)
}

func BenchmarkParseFilter(b *testing.B) {
	b.ReportAllocs()
	for range b.N {
		if _, err := ParseFilter(benchQuery); err != nil {
			b.Fatal(err)
		}
	}
}

// forSizes runs body as a sub-benchmark for each bank size, with the
// shared predicate, compiled, and a seeded source.
func forSizes(b *testing.B, body func(b *testing.B, bank *Bank, f Filter, r *rand.Rand)) {
	for _, n := range benchSizes {
		bank := benchBank(b, n)
		f := MustParseFilter(benchQuery)
		bank.Count(f)
		r := rand.New(rand.NewPCG(1, 2))
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			body(b, bank, f, r)
		})
	}
}

func BenchmarkCount(b *testing.B) {
	forSizes(b, func(b *testing.B, bank *Bank, f Filter, _ *rand.Rand) {
		for range b.N {
			bank.Count(f)
		}
	})
}

func BenchmarkParseAndCount(b *testing.B) {
	bank := Default()
	bank.Count(Filter{})
	b.ReportAllocs()
	for range b.N {
		bank.Count(MustParseFilter(benchQuery))
	}
}

func BenchmarkFilter(b *testing.B) {
	forSizes(b, func(b *testing.B, bank *Bank, f Filter, _ *rand.Rand) {
		for range b.N {
			bank.Filter(f)
		}
	})
}

func BenchmarkSample(b *testing.B) {
	forSizes(b, func(b *testing.B, bank *Bank, f Filter, r *rand.Rand) {
		for range b.N {
			bank.Sample(r, 3, f)
		}
	})
}

func BenchmarkDeck(b *testing.B) {
	forSizes(b, func(b *testing.B, bank *Bank, f Filter, r *rand.Rand) {
		for range b.N {
			d := bank.Deck(r, f)
			for range 3 {
				d.Next()
			}
		}
	})
}

func BenchmarkPlan(b *testing.B) {
	for _, n := range benchSizes {
		bank := benchBank(b, n)
		quotas := []Quota{
			{MustParseFilter("type:technical level>=senior"), 2},
			{MustParseFilter("type:behavioral"), 1},
			{MustParseFilter("skill:scalability OR skill:problem-solving"), 1},
		}
		r := rand.New(rand.NewPCG(1, 2))
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				if _, err := bank.Plan(r, quotas...); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkQuery(b *testing.B) {
	bank := Default()
	b.ReportAllocs()
	for range b.N {
		if _, err := bank.Query(benchQuery); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFreeText(b *testing.B) {
	for _, n := range benchSizes {
		bank := benchBank(b, n)
		for _, q := range []string{"kubernetes", "micro*", `"api gateway"`} {
			f := MustParseFilter(q)
			bank.Count(f)
			b.Run(fmt.Sprintf("%d/%s", n, q), func(b *testing.B) {
				b.ReportAllocs()
				for range b.N {
					bank.Count(f)
				}
			})
		}
	}
}

// BenchmarkBuild measures New and the first filter's index build.
func BenchmarkBuild(b *testing.B) {
	src := largeBank(b, 100_000).qs
	b.ReportAllocs()
	for range b.N {
		bank, _ := New(src)
		bank.Count(ByLevel(Senior))
	}
}
