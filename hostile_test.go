package questionbank

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/backendprep/questionbank/internal/textsearch"
)

// vocabBank returns a bank of n questions whose text is drawn from a
// realistic vocabulary: the corpus's words and 20,000 made-up ones, used
// as often as words are in English (Zipf's law, "a" and "the" first), in
// fields as long as the corpus's. It is the bank the attacks were
// measured on.
func vocabBank(tb testing.TB, n int) *Bank {
	tb.Helper()
	r := rand.New(rand.NewPCG(uint64(n), 7))
	vocab := []string{"a", "the", "and", "to", "of", "in", "you", "your", "for", "with", "how", "system", "service", "data", "team", "is", "on", "that", "as", "scale"}
	seen := map[string]bool{}
	for _, w := range vocab {
		seen[w] = true
	}
	for _, q := range corpus {
		for _, s := range q.fields {
			for _, w := range textsearch.Words(s) {
				if !seen[w] {
					seen[w] = true
					vocab = append(vocab, w)
				}
			}
		}
	}
	syllables := strings.Fields("ka to ri me su la no vi de pa ge ro mi tu sa ne lo fi ba co ster ment tion al ing er")
	for len(vocab) < 20_000 {
		var w strings.Builder
		for range 2 + r.IntN(3) {
			w.WriteString(syllables[r.IntN(len(syllables))])
		}
		if !seen[w.String()] {
			seen[w.String()] = true
			vocab = append(vocab, w.String())
		}
	}
	zipf := rand.NewZipf(r, 1.1, 2, uint64(len(vocab)-1))
	sentence := func(n int) string {
		ws := make([]string, n)
		for i := range ws {
			ws[i] = vocab[zipf.Uint64()]
		}
		return strings.Join(ws, " ")
	}
	list := func(items, n int) []string {
		out := make([]string, items)
		for i := range out {
			out[i] = sentence(n)
		}
		return out
	}
	qs := make([]Question, n)
	for i := range qs {
		qs[i] = Question{
			ID: fmt.Sprintf("v-%d", i), Level: Level(1 + r.IntN(int(maxLevel))), Type: Type(1 + r.IntN(int(maxType))),
			Text: sentence(14), Introduction: sentence(30), HowToAnswer: list(5, 12), WhatNotToSay: list(4, 10),
			ExampleAnswer: sentence(80), Skills: []string{sentence(2), sentence(1)},
		}
	}
	b, err := New(qs)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// hostileQueries are the attacks on the query language: each
// must cost little, or be refused at once.
var hostileQueries = []struct{ name, q string }{
	{"phrase-prefix-x585", strings.TrimSpace(strings.Repeat(`"a s*" `, 585))},
	{"phrase-prefix", `"a s*"`},
	{"prefix-x1365", strings.TrimSpace(strings.Repeat("k* ", 1365))},
	{"prefixes", hostilePrefixes()},
}

// hostilePrefixes is 4,096 bytes of distinct two-letter prefixes in
// phrases after "a": each different, so none is repeated.
func hostilePrefixes() string {
	var b strings.Builder
	for c1 := 'a'; c1 <= 'z'; c1++ {
		for c2 := 'a'; c2 <= 'z'; c2++ {
			t := fmt.Sprintf(`"a %c%c*" `, c1, c2)
			if b.Len()+len(t) > MaxQueryLen {
				return strings.TrimSpace(b.String())
			}
			b.WriteString(t)
		}
	}
	return strings.TrimSpace(b.String())
}

// BenchmarkHostile is the CPU of one request of each attack: ParseQuery,
// then Count and Search(q, 10) as the server's endpoints do (goal: at
// most 5 ms on the built-in bank, 50 ms on 20,000 questions, or refused
// that fast).
func BenchmarkHostile(b *testing.B) {
	for _, size := range []int{0, 20_000} { // 0: the built-in bank
		bank := Default()
		if size > 0 {
			bank = vocabBank(b, size)
			// The pair index, built once: a phrase of two words of the
			// bank (one of a word it does not have needs no pairs).
			bank.Count(MustParseFilter(`"the system"`))
			if !bank.textIndex().PairsBuilt() {
				b.Fatal("the pair index is not built before the attacks")
			}
		}
		for _, hq := range hostileQueries {
			b.Run(fmt.Sprintf("%s/%d", hq.name, bank.Len()), func(b *testing.B) {
				for range b.N {
					f, err := bank.ParseQuery(hq.q)
					if err != nil {
						continue // refused: what it cost is measured
					}
					bank.Count(f)
					bank.Search(hq.q, 10)
				}
			})
		}
	}
}

// TestPrefixInAPhrase checks the pair index's answer for a word then a
// prefix against Match, on text where the pairs are exact and where they
// are not (happiness and happy share the stem happi).
func TestPrefixInAPhrase(t *testing.T) {
	qs := vocabBank(t, 300).All()
	qs[0].Text = "Was it a happiness test?"
	qs[1].Text = "Was it a happy day?"
	qs[2].Text = "A stud studies at a studio"
	bank, err := New(qs)
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(5, 6))
	queries := []string{`"a happy*"`, `"a happ*"`, `"a happi*"`, `"a stud*"`, `"a studi*"`, `"it a h*"`, `"a s*"`, `"the a*"`}
	for range 100 {
		ws := textsearch.Words(qs[r.IntN(len(qs))].ExampleAnswer)
		i := r.IntN(len(ws) - 1)
		next := ws[i+1]
		queries = append(queries, fmt.Sprintf(`"%s %s*"`, ws[i], next[:1+r.IntN(len(next))]))
	}
	for _, q := range queries {
		f := MustParseFilter(q)
		want := 0
		for _, question := range qs {
			if f.Match(question) {
				want++
			}
		}
		if got := bank.Count(f); got != want {
			t.Errorf("Count(%s) = %d, Match matches %d", q, got, want)
		}
	}
}

// A query whose work the bank cannot bound is refused before any is done,
// with the error of a bad query; the same query on a small bank runs.
func TestQueryTooExpensive(t *testing.T) {
	long := strings.Repeat("a the ", 1000)
	qs := make([]Question, 600)
	for i := range qs {
		qs[i] = Question{ID: fmt.Sprintf("t-%d", i), Level: Senior, Type: Technical, Text: long}
	}
	bank, err := New(qs)
	if err != nil {
		t.Fatal(err)
	}
	_, err = bank.ParseQuery(`level:senior "a the a"`)
	var se *SyntaxError
	if !errors.As(err, &se) {
		t.Fatalf("ParseQuery = %v, want a *SyntaxError", err)
	}
	want := `query too expensive: the term "a the a" alone would take about`
	if !strings.HasPrefix(se.Msg, want) || !strings.Contains(se.Msg, "on this bank of 600 questions (the limit is 20 ms)") {
		t.Errorf("ParseQuery: %q, want %q...", se.Msg, want)
	}
	if _, err := bank.Search(`"a the a"`, 10); !errors.As(err, &se) {
		t.Errorf("Search = %v, want the same error", err)
	}
	small, err := New(qs[:10])
	if err != nil {
		t.Fatal(err)
	}
	if n, err := small.Query(`"a the a"`); err != nil || len(n) != 10 {
		t.Errorf("on 10 questions: %d, %v; want all 10", len(n), err)
	}
	// ParseFilter knows no bank: the budget is the bank's to apply.
	if _, err := ParseFilter(`"a the a"`); err != nil {
		t.Error(err)
	}
}
