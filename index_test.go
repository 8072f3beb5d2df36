package questionbank

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Random banks and filters, for tests that compare the bank's fast path
// with Filter.Match and Plan with a brute-force search.

var (
	randSkills = []string{"Go", "Problem-solving", "problem solving", "System Design", "Team Leadership", "Leadership", "SQL", "Caching", "Ünïcode Skill"}
	randWords  = []string{"api", "gateway", "cache", "cached", "micro", "microservices", "node", "js", "team", "lead", "café", "CAFÉ", "a", "the", "99"}
)

// randomBank returns a bank of n questions with levels, types, skills and
// text drawn from small pools, so that filters often overlap.
func randomBank(t testing.TB, r *rand.Rand, n int) *Bank {
	t.Helper()
	qs := make([]Question, n)
	sentence := func() string {
		ws := make([]string, 1+r.IntN(8))
		for i := range ws {
			ws[i] = randWords[r.IntN(len(randWords))]
			if r.IntN(20) == 0 { // rare words make sparse sets
				ws[i] = fmt.Sprintf("rare%d", r.IntN(60))
			}
		}
		seps := []string{" ", ", ", "-", ". ", " "}
		var b strings.Builder
		for i, w := range ws {
			if i > 0 {
				b.WriteString(seps[r.IntN(len(seps))])
			}
			b.WriteString(w)
		}
		return b.String()
	}
	for i := range qs {
		q := Question{
			ID:    fmt.Sprintf("Q-%d", i),
			Level: Level(1 + r.IntN(int(maxLevel))),
			Type:  Type(1 + r.IntN(int(maxType))),
			Text:  sentence(),
		}
		if r.IntN(2) == 0 {
			q.Introduction = sentence()
		}
		for range r.IntN(3) {
			q.HowToAnswer = append(q.HowToAnswer, sentence())
		}
		for range r.IntN(2) {
			q.WhatNotToSay = append(q.WhatNotToSay, sentence())
		}
		for range r.IntN(4) {
			q.Skills = append(q.Skills, randSkills[r.IntN(len(randSkills))])
		}
		qs[i] = q
	}
	b, err := New(qs)
	require.NoError(t, err)
	return b
}

// randomFilter returns a random filter of the given depth over the pools
// of randomBank, built with the Go combinators.
func randomFilter(r *rand.Rand, n, depth int) Filter {
	if depth > 0 && r.IntN(3) > 0 {
		kids := make([]Filter, 1+r.IntN(3))
		for i := range kids {
			kids[i] = randomFilter(r, n, depth-1)
		}
		switch r.IntN(3) {
		case 0:
			return And(kids...)
		case 1:
			return Or(kids...)
		default:
			return Not(kids[0])
		}
	}
	switch r.IntN(8) {
	case 7:
		return ByText(fmt.Sprintf("rare%d", r.IntN(60)))
	case 0:
		ls := make([]Level, r.IntN(4))
		for i := range ls {
			ls[i] = Level(r.IntN(int(maxLevel) + 2)) // sometimes invalid
		}
		return ByLevel(ls...)
	case 1:
		return ByType(Type(1+r.IntN(int(maxType))), Type(1+r.IntN(int(maxType))))
	case 2:
		return BySkill(randSkills[r.IntN(len(randSkills))])
	case 3:
		return ByID(fmt.Sprintf("q-%d", r.IntN(n+2)), fmt.Sprintf("Q-%d", r.IntN(n+2)))
	case 4:
		w := randWords[r.IntN(len(randWords))]
		if r.IntN(3) == 0 {
			w = w[:1+r.IntN(len(w))] + "*"
		}
		return ByText(w)
	case 5:
		phrase := randWords[r.IntN(len(randWords))] + " " + randWords[r.IntN(len(randWords))]
		if r.IntN(3) == 0 {
			phrase += "*"
		}
		return ByText(phrase)
	default:
		return Filter{}
	}
}

// TestFastPathAgreesWithMatch checks, over thousands of random filters on
// random banks of several sizes (sparse and dense sets, one chunk and
// many), that Count, Filter and Facets agree with Match on every question,
// and that the canonical text of each filter round-trips.
func TestFastPathAgreesWithMatch(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	sizes := []int{0, 1, 5, 63, 64, 65, 200, 1500}
	// The test is one goroutine: the race detector, which makes it six
	// times slower, finds nothing in it, so under -race it checks fewer
	// filters; the plain run (the README's go test ./...) checks them all.
	filters := 4000
	if testing.Short() || raceEnabled {
		filters = 500
	}
	for _, n := range sizes {
		b := randomBank(t, r, n)
		all := b.All()
		for i := range filters / len(sizes) {
			f := randomFilter(r, n, 3)
			var want []string
			for _, q := range all {
				if f.Match(q) {
					want = append(want, q.ID)
				}
			}
			if got := b.Count(f); got != len(want) {
				t.Fatalf("bank of %d, filter %d %q: Count = %d, Match matches %d", n, i, f, got, len(want))
			}
			if got := ids(b.Filter(f)); !slices.Equal(got, want) {
				t.Fatalf("bank of %d, filter %q: Filter = %v, Match matches %v", n, f, got, want)
			}
			if fc := b.Facets(f); fc.Total != len(want) {
				t.Fatalf("bank of %d, filter %q: Facets.Total = %d, want %d", n, f, fc.Total, len(want))
			}
			back, err := ParseFilter(f.String())
			if err != nil {
				t.Fatalf("ParseFilter(%q): %v", f, err)
			}
			if back.String() != f.String() {
				t.Fatalf("round trip: %q -> %q", f, back)
			}
			if got := b.Count(back); got != len(want) {
				t.Fatalf("bank of %d: canonical form %q counts %d, want %d", n, back, got, len(want))
			}
		}
	}
}

// TestDeepFilterInSmallBank checks a filter that needs more of runWord's
// stack than it has, in a bank of one word: the chunked path evaluates it.
// Each negated term is a result runWord keeps on its stack until the And.
func TestDeepFilterInSmallBank(t *testing.T) {
	b := Default()
	q := `-level:junior -level:mid -type:competency -skill:leadership -"use the star*" -kubernetes -id:lead-1 -skill:debugging -shopify (level:architect OR -"api gate*")`
	f := MustParseFilter(q)
	require.NotEqual(t, opWords, b.compile(f).op, "the filter is deeper than runWord takes")
	var want []string
	for _, question := range b.All() {
		if f.Match(question) {
			want = append(want, question.ID)
		}
	}
	require.NotEmpty(t, want)
	assert.Equal(t, want, ids(b.Filter(f)))
	assert.Equal(t, len(want), b.Count(f))
	if !raceEnabled { // the race detector makes sync.Pool drop what it holds
		assert.Zero(t, testing.AllocsPerRun(50, func() { b.Count(f) }))
	}
}

// TestLongIDListsMergeWithTheIndex checks the merge of a long ID list
// with the bank's sorted keys against Match, with IDs the bank lacks and
// IDs in another case.
func TestLongIDListsMergeWithTheIndex(t *testing.T) {
	b := randomBank(t, seeded(5), 3000)
	r := seeded(6)
	var list []string
	for i := range 2500 {
		switch r.IntN(3) {
		case 0:
			list = append(list, fmt.Sprintf("q-%d", r.IntN(3000)))
		case 1:
			list = append(list, fmt.Sprintf("Q-%d", r.IntN(3000)))
		default:
			list = append(list, fmt.Sprintf("missing-%d", i))
		}
	}
	f := ByID(list...)
	want := 0
	for _, q := range b.All() {
		if f.Match(q) {
			want++
		}
	}
	require.Greater(t, want, 1000, "long enough for the merge")
	assert.Equal(t, want, b.Count(f))
	assert.Equal(t, want, len(b.Filter(Not(Not(f)))))
}
