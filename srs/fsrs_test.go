package srs

import (
	"encoding/json"
	"math"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// golden is testdata/golden.json, written by testdata/generate.mjs with
// ts-fsrs.
type golden struct {
	Sequences []struct {
		Name             string    `json:"name"`
		WeightsGiven     []float64 `json:"weights_given"`
		Weights          []float64 `json:"weights"`
		RequestRetention float64   `json:"request_retention"`
		MaximumInterval  int       `json:"maximum_interval"`
		LearningSteps    []string  `json:"learning_steps"`
		RelearningSteps  []string  `json:"relearning_steps"`
		Reviews          []struct {
			Time           int64   `json:"time"`
			Rating         Rating  `json:"rating"`
			Due            int64   `json:"due"`
			Stability      float64 `json:"stability"`
			Difficulty     float64 `json:"difficulty"`
			State          int8    `json:"state"`
			Step           int     `json:"step"`
			Reps           int     `json:"reps"`
			Lapses         int     `json:"lapses"`
			LastReview     int64   `json:"last_review"`
			Retrievability float64 `json:"retrievability"`
		} `json:"reviews"`
	} `json:"sequences"`
}

func readGolden(t testing.TB) golden {
	data, err := os.ReadFile("testdata/golden.json")
	require.NoError(t, err)
	var g golden
	require.NoError(t, json.Unmarshal(data, &g))
	require.NotEmpty(t, g.Sequences)
	return g
}

// steps converts ts-fsrs's step strings ("10m", "1h") to durations.
func steps(t testing.TB, ss []string) []time.Duration {
	out := make([]time.Duration, 0, len(ss))
	for _, s := range ss {
		n, err := strconv.Atoi(s[:len(s)-1])
		require.NoError(t, err, s)
		unit := map[byte]time.Duration{'m': time.Minute, 'h': time.Hour, 'd': 24 * time.Hour}[s[len(s)-1]]
		require.NotZero(t, unit, s)
		out = append(out, time.Duration(n)*unit)
	}
	return out
}

func ms(n int64) time.Time { return time.UnixMilli(n).UTC() }

func relClose(a, b float64) bool {
	return a == b || math.Abs(a-b) <= 1e-6*math.Max(math.Abs(a), math.Abs(b))
}

// TestEqualsTsFSRS replays every golden sequence and compares every card
// after every review with ts-fsrs's: the same due time, state, step, reps
// and lapses, stability and difficulty within 1e-6 relative.
func TestEqualsTsFSRS(t *testing.T) {
	g := readGolden(t)
	reviews := 0
	for _, seq := range g.Sequences {
		t.Run(seq.Name, func(t *testing.T) {
			s := Scheduler{
				Weights:          seq.WeightsGiven, // nil: the defaults
				DesiredRetention: seq.RequestRetention,
				LearningSteps:    steps(t, seq.LearningSteps),
				RelearningSteps:  steps(t, seq.RelearningSteps),
				MaximumInterval:  seq.MaximumInterval,
			}
			var c Card
			for i, want := range seq.Reviews {
				var err error
				c, err = s.Review(c, want.Rating, ms(want.Time))
				require.NoError(t, err, "review %d", i+1)
				at := func(what string) string { return what + " after review " + strconv.Itoa(i+1) }
				require.Equal(t, ms(want.Due), c.Due, at("due"))
				require.Equal(t, State(want.State), c.State, at("state"))
				require.Equal(t, want.Step, c.Step, at("step"))
				require.Equal(t, want.Reps, c.Reps, at("reps"))
				require.Equal(t, want.Lapses, c.Lapses, at("lapses"))
				require.Equal(t, ms(want.LastReview), c.LastReview, at("last review"))
				require.True(t, relClose(want.Stability, c.Stability), "%s: %v, want %v", at("stability"), c.Stability, want.Stability)
				require.True(t, relClose(want.Difficulty, c.Difficulty), "%s: %v, want %v", at("difficulty"), c.Difficulty, want.Difficulty)
				r := s.Retrievability(c, ms(want.Time).Add(3*24*time.Hour+7*time.Hour))
				require.True(t, relClose(want.Retrievability, r), "%s: %v, want %v", at("retrievability"), r, want.Retrievability)
				reviews++
			}
		})
	}
	t.Logf("%d sequences, %d reviews equal to ts-fsrs's", len(g.Sequences), reviews)
}
