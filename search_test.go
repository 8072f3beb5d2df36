package questionbank

import (
	"math"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// checkRanked checks that hits are exactly the questions Query returns,
// best first, equal scores in corpus order.
func checkRanked(t testing.TB, b *Bank, q string, hits []Hit) {
	t.Helper()
	want, err := b.Query(q)
	require.NoError(t, err)
	pos := map[string]int{}
	for i, x := range b.All() {
		pos[x.ID] = i
	}
	require.Len(t, hits, len(want), "Search(%q) and Query(%q)", q, q)
	assert.ElementsMatch(t, ids(want), idsOfHits(hits), "Search(%q)", q)
	for i := 1; i < len(hits); i++ {
		a, c := hits[i-1], hits[i]
		if a.Score < c.Score || a.Score == c.Score && pos[a.Question.ID] > pos[c.Question.ID] {
			t.Fatalf("Search(%q): %s (%v) ranks before %s (%v)", q, a.Question.ID, a.Score, c.Question.ID, c.Score)
		}
	}
}

func idsOfHits(hits []Hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, h.Question.ID)
	}
	return out
}

func TestSearchReturnsQueryRanked(t *testing.T) {
	b := sourcePage()
	for _, tc := range queryTests {
		hits, err := b.Search(tc.q, 0)
		if _, qerr := b.Query(tc.q); qerr != nil {
			assert.Error(t, err, tc.q)
			continue
		}
		require.NoError(t, err, tc.q)
		checkRanked(t, b, tc.q, hits)
	}
}

func TestSearchRanks(t *testing.T) {
	b := sourcePage()
	hits, err := b.Search("cache", 0)
	require.NoError(t, err)
	require.Len(t, hits, 4)
	for _, h := range hits {
		assert.Greater(t, h.Score, 0.0)
	}
	hits, err = b.Search("level:senior", 0)
	require.NoError(t, err)
	assert.Equal(t, []string{"senior-1", "senior-2"}, idsOfHits(hits), "no free text: corpus order")
	assert.Zero(t, hits[0].Score)

	hits, err = b.Search("microservices OR kubernetes", 2)
	require.NoError(t, err)
	assert.Len(t, hits, 2, "at most n")
	all, _ := b.Search("microservices OR kubernetes", 0)
	assert.Equal(t, all[:2], hits, "the first n of all")

	hits, err = b.Search("-kubernetes micro*", 0)
	require.NoError(t, err)
	checkRanked(t, b, "-kubernetes micro*", hits)

	_, err = b.Search("typ:x", 3)
	var se *SyntaxError
	assert.ErrorAs(t, err, &se)
	hits, err = b.Search("-()", 3)
	require.NoError(t, err)
	assert.Empty(t, hits)
}

// TestSearchWeighsFields puts one word in a different field of each of
// four questions of equal length: the question text ranks first, then the
// skills, then the introduction, then the example answer.
func TestSearchWeighsFields(t *testing.T) {
	filler := "alpha beta gamma delta"
	mk := func(id, text, intro, example string, skills ...string) Question {
		return Question{ID: id, Level: Senior, Type: Technical, Text: text, Introduction: intro, ExampleAnswer: example, Skills: skills}
	}
	b, err := New([]Question{
		mk("in-example", filler, filler, "kafka "+filler, "one"),
		mk("in-intro", filler, "kafka "+filler, filler, "one"),
		mk("in-skills", filler, filler, filler, "kafka"),
		mk("in-text", "kafka "+filler, filler, filler, "one"),
		mk("without", filler, filler, filler, "one"),
	})
	require.NoError(t, err)
	hits, err := b.Search("kafka", 0)
	require.NoError(t, err)
	assert.Equal(t, []string{"in-text", "in-skills", "in-intro", "in-example"}, idsOfHits(hits))
}

// TestSearchScore computes one BM25F score by hand.
func TestSearchScore(t *testing.T) {
	b, err := New([]Question{
		{ID: "a", Level: Senior, Type: Technical, Text: "cache the cache", Introduction: "one two"},
		{ID: "b", Level: Senior, Type: Technical, Text: "nothing here at all", Introduction: "caching"},
		{ID: "c", Level: Senior, Type: Technical, Text: "other", Introduction: "words"},
	})
	require.NoError(t, err)
	hits, err := b.Search("caches", 0)
	require.NoError(t, err)
	require.Len(t, hits, 2)
	idf := math.Log(1 + (3-2+0.5)/(2+0.5))
	avgText, avgIntro := (3.0+4+1)/3, (2.0+1+1)/3
	norm := func(l, avg float64) float64 { return 1 - 0.75 + 0.75*l/avg }
	bm := func(tf float64) float64 { return idf * tf * 2.2 / (1.2 + tf) }
	wantA := bm(4 * 2 / norm(3, avgText))
	wantB := bm(2 * 1 / norm(1, avgIntro))
	assert.Equal(t, "a", hits[0].Question.ID)
	assert.InDelta(t, wantA, hits[0].Score, 1e-12)
	assert.InDelta(t, wantB, hits[1].Score, 1e-12)
}

func TestSearchLargeBank(t *testing.T) {
	b := randomBank(t, seeded(11), 2000)
	for _, q := range []string{"api", `"api gateway"`, "micro* -kubernetes", "rare3 OR rare7", `"use the star*"`, "level>=lead team", ""} {
		hits, err := b.Search(q, 0)
		require.NoError(t, err, q)
		checkRanked(t, b, q, hits)
		top, err := b.Search(q, 7)
		require.NoError(t, err)
		assert.Equal(t, hits[:min(7, len(hits))], top, "Search(%q, 7)", q)
	}
}

// FuzzSearch checks, for any query: Search fails as Query does, and
// returns exactly Query's questions in a valid order.
func FuzzSearch(f *testing.F) {
	for _, tc := range queryTests {
		f.Add(tc.q)
	}
	b := sourcePage()
	f.Fuzz(func(t *testing.T, q string) {
		hits, err := b.Search(q, 0)
		want, qerr := b.Query(q)
		if (err == nil) != (qerr == nil) {
			t.Fatalf("Search(%q) error %v, Query error %v", q, err, qerr)
		}
		if err != nil {
			return
		}
		got := idsOfHits(hits)
		w := ids(want)
		slices.Sort(got)
		slices.Sort(w)
		if !slices.Equal(got, w) {
			t.Fatalf("Search(%q) = %v, Query = %v", q, got, w)
		}
		for _, h := range hits {
			if math.IsNaN(h.Score) || h.Score < 0 {
				t.Fatalf("Search(%q): score %v", q, h.Score)
			}
		}
	})
}
