package srs

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var t0 = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

func TestZeroSchedulerIsTsFSRSDefault(t *testing.T) {
	var s Scheduler
	c, err := s.Review(Card{}, Good, t0)
	require.NoError(t, err)
	assert.Equal(t, Learning, c.State)
	assert.Equal(t, 1, c.Step)
	assert.Equal(t, t0.Add(10*time.Minute), c.Due, "the second learning step")
	assert.Equal(t, 2.3065, c.Stability)

	c, err = s.Review(c, Good, t0.Add(10*time.Minute))
	require.NoError(t, err)
	assert.Equal(t, Review, c.State, "graduated")
	assert.Equal(t, 0, c.Step)
	assert.True(t, c.Due.After(t0.Add(24*time.Hour)), "due in days, not minutes: %v", c.Due)

	c2, err := s.Review(Card{}, Easy, t0)
	require.NoError(t, err)
	assert.Equal(t, Review, c2.State, "Easy graduates at once")

	none := Scheduler{LearningSteps: []time.Duration{}}
	c3, err := none.Review(Card{}, Again, t0)
	require.NoError(t, err)
	assert.Equal(t, Review, c3.State, "no learning steps: straight to review")
}

func TestBadInput(t *testing.T) {
	var s Scheduler
	good, err := s.Review(Card{}, Good, t0)
	require.NoError(t, err)
	for _, r := range []Rating{0, 5, -1} {
		c, err := s.Review(good, r, t0)
		assert.Error(t, err, "rating %d", r)
		assert.Equal(t, good, c, "the card is unchanged")
	}
	bad := map[string]Card{
		"NaN stability":      {State: Review, Stability: math.NaN(), Difficulty: 5},
		"negative stability": {State: Review, Stability: -1, Difficulty: 5},
		"infinite":           {State: Review, Stability: math.Inf(1), Difficulty: 5},
		"difficulty 11":      {State: Review, Stability: 3, Difficulty: 11},
		"no memory state":    {State: Review},
		"state 7":            {State: 7},
		"negative step":      {State: Learning, Stability: 3, Difficulty: 5, Step: -1},
	}
	for name, c := range bad {
		_, err := s.Review(c, Good, t0)
		assert.Error(t, err, name)
	}
	w := DefaultWeights()
	w[4] = 11
	nan := DefaultWeights()
	nan[3] = math.NaN()
	for name, sched := range map[string]Scheduler{
		"20 weights":        {Weights: DefaultWeights()[:20]},
		"weight 4 over 10":  {Weights: w},
		"NaN weight":        {Weights: nan},
		"retention 1.5":     {DesiredRetention: 1.5},
		"retention -0.1":    {DesiredRetention: -0.1},
		"negative interval": {MaximumInterval: -1},
		"negative step":     {LearningSteps: []time.Duration{-time.Minute}},
	} {
		_, err := sched.Review(Card{}, Good, t0)
		assert.Error(t, err, name)
		assert.Zero(t, sched.Retrievability(good, t0), name)
	}
}

func TestReviewBeforeLastCountsNoTime(t *testing.T) {
	var s Scheduler
	c, err := s.Review(Card{}, Easy, t0)
	require.NoError(t, err)
	early, err := s.Review(c, Good, t0.Add(-48*time.Hour))
	require.NoError(t, err)
	same, err := s.Review(c, Good, t0)
	require.NoError(t, err)
	assert.Equal(t, same.Stability, early.Stability, "as if on the same day")
	assert.Equal(t, same.Difficulty, early.Difficulty)
}

func TestLongGapsDoNotSaturate(t *testing.T) {
	var s Scheduler
	c, err := s.Review(Card{}, Easy, t0)
	require.NoError(t, err)
	later := t0.AddDate(400, 0, 0) // beyond time.Duration's 292 years
	c, err = s.Review(c, Good, later)
	require.NoError(t, err)
	assert.True(t, c.Due.After(later))
	assert.Less(t, s.Retrievability(c, later.AddDate(300, 0, 0)), s.Retrievability(c, later.AddDate(100, 0, 0)),
		"recall keeps falling past 292 years, where time.Sub saturates")
}

func TestRetrievability(t *testing.T) {
	var s Scheduler
	assert.Zero(t, s.Retrievability(Card{}, t0), "a new card")
	c, _ := s.Review(Card{}, Easy, t0)
	assert.Equal(t, 1.0, s.Retrievability(c, t0))
	assert.Greater(t, s.Retrievability(c, t0.Add(24*time.Hour)), s.Retrievability(c, t0.Add(240*time.Hour)))
}

func TestStateText(t *testing.T) {
	for st := New; st <= Relearning; st++ {
		text, err := st.MarshalText()
		require.NoError(t, err)
		var back State
		require.NoError(t, back.UnmarshalText(text))
		assert.Equal(t, st, back)
	}
	var s State
	assert.Error(t, s.UnmarshalText([]byte("old")))
	_, err := State(9).MarshalText()
	assert.Error(t, err)
	assert.Equal(t, "good", Good.String())
	assert.Equal(t, "Rating(9)", Rating(9).String())
}
