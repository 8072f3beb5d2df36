package questionbank

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
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

// benchSizes are the banks benchmarked: 0 for the built-in bank, named by
// its size, and 100,000 questions.
var benchSizes = []int{0, 100_000}

func benchBank(tb testing.TB, n int) *Bank {
	if n == 0 {
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
		b.Run(fmt.Sprint(bank.Len()), func(b *testing.B) {
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
		b.Run(fmt.Sprint(bank.Len()), func(b *testing.B) {
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

// BenchmarkParseQueryHostile compares Bank.ParseQuery with ParseFilter on
// queries of 4,096 bytes whose skills a bank of 5,000 skills lacks, each
// the worst of its kind: the bank check makes one bounded suggestion
// (goal: ParseQuery at most 20x ParseFilter for each).
//
//   - list: 680 unknown skills, comma-separated;
//   - long: one unknown skill of 4,090 bytes (2,045 é);
//   - near: an unknown skill that shares 27 characters with each of the
//     bank's 5,000 skills, so that no length rules any out, then free
//     text to 4,096 bytes.
func BenchmarkParseQueryHostile(b *testing.B) {
	bank, list := hostileSkillQuery(b)
	near, nearQuery := nearSkillQuery(b)
	for _, tc := range []struct {
		name string
		bank *Bank
		q    string
	}{
		{"list", bank, list},
		{"long", bank, "skill:" + strings.Repeat("é", 2045)},
		{"near", near, nearQuery},
	} {
		if len(tc.q) > MaxQueryLen {
			b.Fatalf("%s: %d bytes", tc.name, len(tc.q))
		}
		b.Run(tc.name+"/ParseFilter", func(b *testing.B) {
			for range b.N {
				if _, err := ParseFilter(tc.q); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(tc.name+"/ParseQuery", func(b *testing.B) {
			for range b.N {
				if _, err := tc.bank.ParseQuery(tc.q); err == nil {
					b.Fatal("no error")
				}
			}
		})
	}
}

// nearSkillQuery returns a bank of 5,000 skills of 31 characters that
// share their first 27, and a 4,096-byte query whose one skill is one of
// theirs but for its last four characters.
func nearSkillQuery(tb testing.TB) (*Bank, string) {
	tb.Helper()
	qs := make([]Question, 5000)
	for i := range qs {
		qs[i] = Question{ID: fmt.Sprintf("q%d", i), Level: Senior, Type: Technical, Text: "Why?", Skills: []string{fmt.Sprintf("distributed-systems-designer-%04d", i)}}
	}
	bank, err := New(qs)
	if err != nil {
		tb.Fatal(err)
	}
	var q strings.Builder
	q.WriteString("skill:distributed-systems-designer-xxxx")
	for q.Len()+8 <= MaxQueryLen {
		q.WriteString(" caching")
	}
	return bank, q.String()
}

// plainQuestion has Question's JSON form with plain strings: what
// json.Unmarshal decodes with no checks at all, the baseline of
// BenchmarkLoadJSON.
type plainQuestion struct {
	ID            string   `json:"id"`
	Level         string   `json:"level"`
	Type          string   `json:"type"`
	Text          string   `json:"text"`
	Introduction  string   `json:"introduction,omitempty"`
	HowToAnswer   []string `json:"how_to_answer,omitempty"`
	WhatNotToSay  []string `json:"what_not_to_say,omitempty"`
	ExampleAnswer string   `json:"example_answer,omitempty"`
	Skills        []string `json:"skills,omitempty"`
}

// bankJSON returns the JSON of a bank of n questions made from the corpus,
// and the same with every question's level misspelt.
func bankJSON(tb testing.TB, n int) (valid, invalid []byte) {
	tb.Helper()
	valid, err := json.MarshalIndent(largeBank(tb, n).All(), "", "  ")
	if err != nil {
		tb.Fatal(err)
	}
	invalid = bytes.ReplaceAll(valid, []byte(`"level": "`), []byte(`"level": "x`))
	return valid, invalid
}

// BenchmarkLoadJSON compares LoadJSON, on a valid file of 50,000
// questions and on one where every question has a problem, with
// json.Unmarshal of the valid file into []plainQuestion (goals: 1.5x its
// time and 2x its bytes for the valid file; an invalid file in 3x the time
// of the valid one).
func BenchmarkLoadJSON(b *testing.B) {
	valid, invalid := bankJSON(b, 50_000)
	b.Run("json.Unmarshal", func(b *testing.B) {
		b.SetBytes(int64(len(valid)))
		b.ReportAllocs()
		for range b.N {
			var qs []plainQuestion
			if err := json.Unmarshal(valid, &qs); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("valid", func(b *testing.B) {
		b.SetBytes(int64(len(valid)))
		b.ReportAllocs()
		for range b.N {
			if _, err := LoadJSON(bytes.NewReader(valid)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("invalid", func(b *testing.B) {
		b.SetBytes(int64(len(invalid)))
		b.ReportAllocs()
		for range b.N {
			if _, err := LoadJSON(bytes.NewReader(invalid)); err == nil {
				b.Fatal("no error")
			}
		}
	})
}
