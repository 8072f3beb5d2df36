package questionbank

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func seeded(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0)) }

func TestSampleBasics(t *testing.T) {
	b := sourcePage()
	assert.Nil(t, b.Sample(seeded(1), 0, Filter{}), "n == 0")
	assert.Nil(t, b.Sample(seeded(1), -3, Filter{}), "n < 0")
	assert.Nil(t, b.Sample(seeded(1), 3, Or()), "no matches")

	for _, n := range []int{1, 2, 7, 8, 13, 14, 15, 100} {
		got := b.Sample(seeded(uint64(n)), n, Filter{})
		require.Len(t, got, min(n, 14), "Sample(%d)", n)
		seen := map[string]bool{}
		for _, q := range got {
			assert.False(t, seen[q.ID], "Sample(%d) repeats %s", n, q.ID)
			seen[q.ID] = true
		}
	}
	f := ByLevel(Senior, Lead)
	for _, q := range b.Sample(nil, 10, f) {
		assert.True(t, f.Match(q), "Sample(nil, 10, %v) gave %s", f, q.ID)
	}
	assert.Len(t, b.Sample(nil, 10, f), 4)
}

func TestSampleIsReproducible(t *testing.T) {
	b := sourcePage()
	for _, n := range []int{1, 3, 9, 14} { // both of Sample's ways of drawing
		a := ids(b.Sample(seeded(42), n, Filter{}))
		again := ids(b.Sample(seeded(42), n, Filter{}))
		assert.Equal(t, a, again, "Sample(seed 42, %d)", n)
		other := ids(b.Sample(seeded(43), n, Filter{}))
		assert.NotEqual(t, a, other, "Sample(seed 43, %d) should differ from seed 42 (for n = 14, in order)", n)
	}
	// A copy of the bank, built anew, has the same version and draws alike.
	c, err := New(b.All())
	require.NoError(t, err)
	require.Equal(t, b.Version(), c.Version())
	assert.Equal(t, ids(b.Sample(seeded(9), 3, Filter{})), ids(c.Sample(seeded(9), 3, Filter{})))
}

// TestSampleGolden pins the draws of a few seeds, so that a change to the
// drawing algorithm, which would break the reproducibility promise, is
// seen. If it is intended, it needs a new major version.
func TestSampleGolden(t *testing.T) {
	b := sourcePage()
	got := []string{
		strings.Join(ids(b.Sample(seeded(7), 2, MustParseFilter("level>=senior type:technical"))), " "),
		strings.Join(ids(b.Sample(seeded(1), 3, Filter{})), " "),
		strings.Join(ids(b.Sample(seeded(1), 12, Filter{})), " "),
	}
	want := []string{
		"architect-1 lead-1",
		"lead-1 junior-2 principal-1",
		"lead-1 developer-1 principal-1 developer-2 principal-2 lead-2 architect-1 mid-1 mid-2 junior-1 architect-2 senior-2",
	}
	assert.Equal(t, want, got)
}

// chiSquareCritical approximates the chi-square value that a statistic with
// df degrees of freedom exceeds with probability 0.001 (Wilson-Hilferty).
func chiSquareCritical(df int) float64 {
	const z = 3.09 // the 0.999 quantile of the standard normal
	k := float64(df)
	return k * math.Pow(1-2/(9*k)+z*math.Sqrt(2/(9*k)), 3)
}

// chiSquare returns the statistic for counts that should each be expected.
func chiSquare(counts map[string]int, cells int, expected float64) float64 {
	stat := 0.0
	for _, c := range counts {
		d := float64(c) - expected
		stat += d * d / expected
	}
	// Cells never seen count too.
	stat += float64(cells-len(counts)) * expected
	return stat
}

// TestSampleUniform draws many samples with a fixed seed and checks with a
// chi-square test that every ordered sample is equally likely, for both of
// Sample's ways of drawing: by rejection (a few of many dense matches), by
// rank (a few of many sparse matches) and by shuffling (most of the
// matches).
func TestSampleUniform(t *testing.T) {
	b := sourcePage()
	tests := []struct {
		name  string
		n     int
		cells int // ordered samples: 14!/(14-n)!
	}{
		{"2 of 14, by rejection", 2, 14 * 13},
		{"3 of 14, by rejection", 3, 14 * 13 * 12},
		{"12 of 14, by shuffle", 12, 0}, // unordered: 91 subsets
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := seeded(uint64(100 + i))
			counts := map[string]int{}
			cells := tc.cells
			ordered := cells > 0
			if !ordered {
				cells = 91
			}
			draws := cells * 60
			for range draws {
				s := ids(b.Sample(r, tc.n, Filter{}))
				if !ordered {
					slices.Sort(s)
				}
				counts[strings.Join(s, " ")]++
			}
			stat := chiSquare(counts, cells, float64(draws)/float64(cells))
			crit := chiSquareCritical(cells - 1)
			assert.Less(t, stat, crit, "chi-square over %d cells", cells)
			assert.Len(t, counts, cells, "every sample should occur")
		})
	}
	t.Run("positions of 12 of 14", func(t *testing.T) {
		// Order within the large sample: each question equally often in
		// each position.
		r := seeded(7)
		counts := map[string]int{}
		const draws = 14 * 12 * 50 / 12
		for range draws {
			for pos, id := range ids(b.Sample(r, 12, Filter{})) {
				counts[fmt.Sprint(pos, id)]++
			}
		}
		cells := 12 * 14
		stat := chiSquare(counts, cells, float64(draws*12)/float64(cells))
		assert.Less(t, stat, chiSquareCritical(cells-1))
	})
	t.Run("3 of 20 sparse matches in 2000, by rank", func(t *testing.T) {
		big := randomBank(t, seeded(6), 2000)
		var chosen []string
		for i := range 20 {
			chosen = append(chosen, fmt.Sprintf("Q-%d", i*97))
		}
		f := ByID(chosen...)
		r := seeded(9)
		counts := map[string]int{}
		const draws = 20 * 19 * 18 * 3
		for range draws {
			counts[strings.Join(ids(big.Sample(r, 3, f)), " ")]++
		}
		cells := 20 * 19 * 18
		assert.Less(t, chiSquare(counts, cells, float64(draws)/float64(cells)), chiSquareCritical(cells-1))
	})
	t.Run("3 of 2000", func(t *testing.T) {
		big := randomBank(t, seeded(5), 2000)
		r := seeded(8)
		counts := map[string]int{}
		const draws = 2000 * 30 / 3
		for range draws {
			for _, id := range ids(big.Sample(r, 3, Filter{})) {
				counts[id]++
			}
		}
		assert.Less(t, chiSquare(counts, 2000, 30), chiSquareCritical(1999))
	})
}

func TestDeck(t *testing.T) {
	b := sourcePage()
	f := ByLevel(Senior, Lead, Principal)
	d := b.Deck(seeded(3), f)
	assert.Equal(t, 6, d.Remaining())
	assert.Empty(t, d.Dealt())
	var dealt []string
	for q, ok := d.Next(); ok; q, ok = d.Next() {
		assert.True(t, f.Match(q), "dealt %s, which f does not match", q.ID)
		dealt = append(dealt, q.ID)
		assert.Equal(t, 6-len(dealt), d.Remaining())
		assert.Equal(t, dealt, d.Dealt())
	}
	assert.ElementsMatch(t, ids(b.Filter(f)), dealt, "every match exactly once")
	_, ok := d.Next()
	assert.False(t, ok, "an empty deck stays empty")

	again := b.Deck(seeded(3), f)
	for range 6 {
		again.Next()
	}
	assert.Equal(t, dealt, again.Dealt(), "same seed, same order")

	var zero Deck
	_, ok = zero.Next()
	assert.False(t, ok)
	assert.Zero(t, zero.Remaining())
}

func TestDeckResume(t *testing.T) {
	b := sourcePage()
	f := MustParseFilter("type:technical OR type:behavioral")
	first := b.Deck(seeded(11), f)
	for range 4 {
		_, ok := first.Next()
		require.True(t, ok)
	}
	dealt := first.Dealt()

	resumed := b.Deck(seeded(12), And(f, Not(ByID(dealt...))))
	assert.Equal(t, b.Count(f)-4, resumed.Remaining())
	var rest []string
	for q, ok := resumed.Next(); ok; q, ok = resumed.Next() {
		assert.NotContains(t, dealt, q.ID, "a resumed deck repeats %s", q.ID)
		rest = append(rest, q.ID)
	}
	assert.ElementsMatch(t, ids(b.Filter(f)), append(dealt, rest...))
}

func TestPlan(t *testing.T) {
	b := sourcePage()
	got, err := b.Plan(seeded(1),
		Quota{Filter: ByType(Technical), N: 3},
		Quota{Filter: ByType(Behavioral), N: 2},
		Quota{Filter: ByLevel(Architect), N: 0},
	)
	require.NoError(t, err)
	require.Len(t, got, 5)
	for _, q := range got[:3] {
		assert.Equal(t, Technical, q.Type)
	}
	for _, q := range got[3:] {
		assert.Equal(t, Behavioral, q.Type)
	}
	assert.Len(t, uniq(ids(got)), 5)

	none, err := b.Plan(nil)
	assert.NoError(t, err)
	assert.Empty(t, none)

	again, err := b.Plan(seeded(1), Quota{ByType(Technical), 3}, Quota{ByType(Behavioral), 2})
	require.NoError(t, err)
	assert.Equal(t, ids(got), ids(again), "same seed, same plan")
}

// TestPlanNotGreedy is the case a greedy pass gets wrong: the first quota
// could take lead-1, the only question the second can use.
func TestPlanNotGreedy(t *testing.T) {
	b := sourcePage()
	for seed := range uint64(50) {
		got, err := b.Plan(seeded(seed),
			Quota{Filter: ByLevel(Lead), N: 1},
			Quota{Filter: ByID("lead-1"), N: 1},
		)
		require.NoError(t, err, "seed %d", seed)
		assert.Equal(t, []string{"lead-2", "lead-1"}, ids(got), "seed %d", seed)
	}
	// A chain: each quota must leave its neighbour the question it needs.
	got, err := b.Plan(seeded(1),
		Quota{Filter: ByID("junior-1", "junior-2", "mid-1"), N: 1},
		Quota{Filter: ByID("junior-1", "junior-2"), N: 1},
		Quota{Filter: ByID("junior-1"), N: 1},
	)
	require.NoError(t, err)
	assert.Equal(t, []string{"mid-1", "junior-2", "junior-1"}, ids(got))
}

func TestPlanShortfall(t *testing.T) {
	b := sourcePage()
	tests := []struct {
		name   string
		quotas []Quota
		want   ShortfallError
	}{
		{"too few", []Quota{{ByType(Competency), 2}}, ShortfallError{Quota: 0, Want: 2, Got: 1}},
		{"none", []Quota{{ByLevel(Lead), 1}, {Or(), 3}}, ShortfallError{Quota: 1, Want: 3, Got: 0}},
		{"taken by an earlier quota", []Quota{{ByLevel(Lead), 2}, {ByID("lead-1"), 1}}, ShortfallError{Quota: 1, Want: 1, Got: 0}},
		{"partly taken", []Quota{{ByType(Situational), 1}, {ByLevel(Principal, Architect), 4}}, ShortfallError{Quota: 1, Want: 4, Got: 3}},
		{"whole bank", []Quota{{Filter{}, 15}}, ShortfallError{Quota: 0, Want: 15, Got: 14}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := b.Plan(seeded(1), tc.quotas...)
			assert.Nil(t, got, "no questions with an error")
			var se *ShortfallError
			require.ErrorAs(t, err, &se, "Plan = %v, want a *ShortfallError", err)
			assert.Equal(t, tc.want, *se)
		})
	}
	err := &ShortfallError{Quota: 1, Want: 3, Got: 2}
	assert.Equal(t, "questionbank: cannot fill quota 1: it wants 3 questions, and at most 2 are left for it once the quotas before it are filled", err.Error())
}

// TestPlanAgainstBruteForce compares Plan with an exhaustive search on
// many small random banks and quotas: Plan must succeed exactly when some
// assignment exists, and otherwise name the same quota and count.
func TestPlanAgainstBruteForce(t *testing.T) {
	r := seeded(2024)
	feasible, infeasible := 0, 0
	for trial := range 1500 {
		n := 1 + r.IntN(7)
		b := randomBank(t, r, n)
		quotas := make([]Quota, 1+r.IntN(3))
		for i := range quotas {
			quotas[i] = Quota{Filter: randomFilter(r, n, 1), N: r.IntN(4)}
		}
		matches := make([][]int, len(quotas))
		for i, q := range quotas {
			for j, question := range b.qs {
				if q.Filter.Match(question) {
					matches[i] = append(matches[i], j)
				}
			}
		}
		want := bruteForcePlan(matches, quotas)
		got, err := b.Plan(r, quotas...)
		if want == nil {
			feasible++
			require.NoError(t, err, "trial %d: a plan exists, quotas %v", trial, quotas)
			checkPlan(t, b, quotas, got)
			continue
		}
		infeasible++
		var se *ShortfallError
		require.ErrorAs(t, err, &se, "trial %d: want %+v, got %v", trial, want, err)
		assert.Equal(t, *want, *se, "trial %d, quotas %v", trial, quotas)
		assert.Nil(t, got)
	}
	t.Logf("%d feasible and %d infeasible plans checked", feasible, infeasible)
	assert.Greater(t, feasible, 100)
	assert.Greater(t, infeasible, 100)
}

// checkPlan checks a plan: each quota's questions in order, matching its
// filter, none used twice.
func checkPlan(t *testing.T, b *Bank, quotas []Quota, got []Question) {
	t.Helper()
	seen := map[string]bool{}
	i := 0
	for k, q := range quotas {
		for range max(q.N, 0) {
			require.Less(t, i, len(got), "plan too short")
			assert.True(t, q.Filter.Match(got[i]), "quota %d got %s", k, got[i].ID)
			assert.False(t, seen[got[i].ID], "%s used twice", got[i].ID)
			seen[got[i].ID] = true
			i++
		}
	}
	assert.Len(t, got, i)
}

// bruteForcePlan returns nil if the quotas can all be filled, or the
// shortfall for the first that cannot: the most questions it can have
// while every quota before it is filled.
func bruteForcePlan(matches [][]int, quotas []Quota) *ShortfallError {
	for k := range quotas {
		best := maxFill(matches[:k+1], quotas[:k+1], map[int]bool{}, 0)
		if need := max(quotas[k].N, 0); best < need {
			return &ShortfallError{Quota: k, Want: quotas[k].N, Got: best}
		}
	}
	return nil
}

// maxFill returns the most questions the last quota can get when every
// earlier quota from i on gets its N, or -1 if they cannot.
func maxFill(matches [][]int, quotas []Quota, used map[int]bool, i int) int {
	last := len(quotas) - 1
	if i == last {
		n := 0
		for _, j := range matches[i] {
			if !used[j] {
				n++
			}
		}
		return min(n, max(quotas[i].N, 0))
	}
	best := -1
	var choose func(start, left int)
	choose = func(start, left int) {
		if left == 0 {
			best = max(best, maxFill(matches, quotas, used, i+1))
			return
		}
		for p := start; p < len(matches[i]); p++ {
			j := matches[i][p]
			if used[j] {
				continue
			}
			used[j] = true
			choose(p+1, left-1)
			used[j] = false
		}
	}
	choose(0, max(quotas[i].N, 0))
	return best
}

func uniq(s []string) []string {
	m := map[string]bool{}
	var out []string
	for _, x := range s {
		if !m[x] {
			m[x] = true
			out = append(out, x)
		}
	}
	return out
}
