package srs

import (
	"errors"
	"fmt"
	"math"
	"time"
)

// defaultWeights are FSRS-6's 21 default weights, ts-fsrs's.
var defaultWeights = [21]float64{0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
	1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542}

// DefaultWeights returns FSRS-6's 21 default weights, ts-fsrs's, in a new
// slice.
func DefaultWeights() []float64 { return append([]float64(nil), defaultWeights[:]...) }

// weightBounds are FSRS-6's bounds on each weight, with short-term
// scheduling on; w17 and w18's upper bound may be lowered (see bounds).
var weightBounds = [21][2]float64{
	{0.001, 100}, {0.001, 100}, {0.001, 100}, {0.001, 100}, {1, 10}, {0.001, 4}, {0.001, 4}, {0.001, 0.75},
	{0, 4.5}, {0, 0.8}, {0.001, 3.5}, {0.001, 5}, {0.001, 0.25}, {0.001, 0.9}, {0, 4}, {0, 1}, {1, 6},
	{0, 2}, {0, 2}, {0.01, 0.8}, {0.1, 0.8},
}

const (
	minStability = 0.001
	maxStability = 36500
)

// A Scheduler computes the next review of a card. The zero Scheduler is
// ts-fsrs's default; a Scheduler is a value, safe for concurrent use.
type Scheduler struct {
	// Weights are FSRS-6's 21 weights; nil is DefaultWeights().
	Weights []float64
	// DesiredRetention is the probability of recall to schedule for, in
	// (0, 1]; 0 is 0.9.
	DesiredRetention float64
	// LearningSteps are the steps of a new card; nil is 1m, 10m, and an
	// empty, non-nil slice is none (a new card goes straight to review).
	LearningSteps []time.Duration
	// RelearningSteps are the steps of a forgotten card; nil is 10m, and
	// an empty, non-nil slice is none.
	RelearningSteps []time.Duration
	// MaximumInterval caps an interval, in days; 0 is 36500.
	MaximumInterval int
}

// params is a Scheduler checked and with its defaults filled in. It is a
// value, made on the stack for each review, so a review allocates nothing.
type params struct {
	w                   [21]float64
	retention           float64
	learning, relearn   []time.Duration // the Scheduler's, or the defaults
	maxInterval         float64
	decay, factor, ivlM float64
}

var (
	defaultLearning   = []time.Duration{time.Minute, 10 * time.Minute}
	defaultRelearning = []time.Duration{10 * time.Minute}
)

// Validate returns the error [Scheduler.Review] gives for settings out of
// range, or nil: a program can check the weights and retention it was
// given before any review.
func (s Scheduler) Validate() error {
	_, err := s.params()
	return err
}

// params checks s and fills in its defaults.
func (s *Scheduler) params() (params, error) {
	p := params{retention: s.DesiredRetention, maxInterval: float64(s.MaximumInterval)}
	w := s.Weights
	if w == nil {
		w = defaultWeights[:]
	}
	if len(w) != 21 {
		return params{}, fmt.Errorf("srs: %d weights; FSRS-6 takes 21", len(w))
	}
	learning, relearning := s.LearningSteps, s.RelearningSteps
	if learning == nil {
		learning = defaultLearning
	}
	if relearning == nil {
		relearning = defaultRelearning
	}
	bounds := weightBounds
	if len(relearning) > 1 {
		// ts-fsrs lowers the ceiling of w17 and w18 so that stability
		// cannot grow over several relearning steps on one day.
		v := -(math.Log(clamp(w[11], bounds[11][0], bounds[11][1])) +
			math.Log(math.Pow(2, clamp(w[13], bounds[13][0], bounds[13][1]))-1) +
			clamp(w[14], bounds[14][0], bounds[14][1])*0.3) / float64(len(relearning))
		ceiling := clamp(roundTo8(math.Sqrt(math.Max(v, 0))), 0.01, 2)
		bounds[17][1], bounds[18][1] = ceiling, ceiling
	}
	for i, x := range w {
		lo, hi := weightBounds[i][0], weightBounds[i][1]
		if math.IsNaN(x) || x < lo || x > hi {
			return params{}, fmt.Errorf("srs: weight %d is %v, outside FSRS-6's bounds [%v, %v]", i, x, lo, hi)
		}
		p.w[i] = clamp(x, bounds[i][0], bounds[i][1])
	}
	switch {
	case p.retention == 0:
		p.retention = 0.9
	case !(p.retention > 0 && p.retention <= 1):
		return params{}, fmt.Errorf("srs: desired retention %v is outside (0, 1]", p.retention)
	}
	switch {
	case s.MaximumInterval == 0:
		p.maxInterval = 36500
	case s.MaximumInterval < 0:
		return params{}, fmt.Errorf("srs: maximum interval %d is negative", s.MaximumInterval)
	}
	for _, steps := range [...]struct {
		what  string
		steps []time.Duration
	}{{"learning", learning}, {"relearning", relearning}} {
		for i, d := range steps.steps {
			if d < 0 {
				return params{}, fmt.Errorf("srs: %s step %d is negative (%v)", steps.what, i, d)
			}
		}
	}
	p.learning, p.relearn = learning, relearning
	p.decay = -p.w[20]
	p.factor = roundTo8(math.Exp(math.Pow(p.decay, -1)*math.Log(0.9)) - 1)
	p.ivlM = roundTo8((math.Pow(p.retention, 1/p.decay) - 1) / p.factor)
	return p, nil
}

// Review returns the card after a review rated r at now. An error, and the
// card unchanged, for a rating other than Again to Easy, a card whose
// state, stability, difficulty or step is not one a review could give, a
// card that would fall due after the year 9999, or a Scheduler whose
// settings are out of range. A review dated before the card's last review
// counts as no time elapsed.
func (s *Scheduler) Review(c Card, r Rating, now time.Time) (Card, error) {
	p, err := s.params()
	if err != nil {
		return c, err
	}
	return p.review(c, r, now)
}

// review returns the card after a review, as Scheduler.Review does. A
// review whose card would fall due after the year 9999 is an error: no
// JSON time can hold that date, so a progress could not be saved.
func (p *params) review(c Card, r Rating, now time.Time) (Card, error) {
	next, err := p.schedule(c, r, now)
	if err == nil && (now.Year() < 0 || next.Due.Year() > 9999) {
		return c, fmt.Errorf("srs: a review at %s would fall due at %s, outside the years 0 to 9999 a progress can hold",
			now.Format(time.RFC3339), next.Due.Format(time.RFC3339))
	}
	return next, err
}

func (p *params) schedule(c Card, r Rating, now time.Time) (Card, error) {
	if r < Again || r > Easy {
		return c, fmt.Errorf("srs: rating %d is not one of 1 (again) to 4 (easy)", int8(r))
	}
	if err := checkCard(c); err != nil {
		return c, err
	}
	t := 0
	if c.State != New && !c.LastReview.IsZero() {
		t = max(0, daysBetween(c.LastReview, now))
	}
	cur := c
	cur.Reps++
	cur.LastReview = now
	g := float64(r)
	switch c.State {
	case New, Learning, Relearning:
		next := cur
		next.Difficulty, next.Stability = p.nextState(cur.Difficulty, cur.Stability, t, g, math.NaN())
		to := Learning
		if c.State == Relearning {
			to = Relearning
		}
		p.applySteps(&next, cur, r, to, now)
		return next, nil
	}
	// Review: every rating's stability, for the intervals depend on each
	// other.
	ret := p.forgettingCurve(float64(t), cur.Stability)
	var cards [5]Card
	for g := Again; g <= Easy; g++ {
		cards[g] = cur
		cards[g].Difficulty, cards[g].Stability = p.nextState(cur.Difficulty, cur.Stability, t, float64(g), ret)
	}
	if r == Again {
		next := cards[Again]
		p.applySteps(&next, cur, Again, Relearning, now)
		next.Lapses++
		return next, nil
	}
	hard := p.interval(cards[Hard].Stability)
	good := p.interval(cards[Good].Stability)
	hard = min(hard, good)
	good = max(good, hard+1)
	easy := max(p.interval(cards[Easy].Stability), good+1)
	next := cards[r]
	next.State, next.Step = Review, 0
	next.Due = addDays(now, [...]int{0, 0, hard, good, easy}[r])
	return next, nil
}

// checkCard rejects a card no review could have given.
func checkCard(c Card) error {
	switch {
	case c.State < New || c.State > Relearning:
		return fmt.Errorf("srs: card state %d is not one of new, learning, review, relearning", int8(c.State))
	case math.IsNaN(c.Stability) || math.IsInf(c.Stability, 0) || c.Stability < 0:
		return fmt.Errorf("srs: card stability %v is not a number of days", c.Stability)
	case math.IsNaN(c.Difficulty) || math.IsInf(c.Difficulty, 0) || c.Difficulty < 0 || c.Difficulty > 10:
		return fmt.Errorf("srs: card difficulty %v is outside [1, 10]", c.Difficulty)
	case c.Step < 0 || c.Reps < 0 || c.Lapses < 0:
		return errors.New("srs: card step, reps and lapses cannot be negative")
	case c.State != New && (c.Difficulty < 1 || c.Stability < minStability):
		return fmt.Errorf("srs: a %s card needs a difficulty of at least 1 and a stability of at least %v, not %v and %v",
			c.State, minStability, c.Difficulty, c.Stability)
	}
	return nil
}

// applySteps schedules next by the learning or relearning steps, from the
// card before the review, or graduates it to review in days.
func (p *params) applySteps(next *Card, cur Card, r Rating, to State, now time.Time) {
	mins, step := p.stepMinutes(cur.State, cur.Step, r)
	switch {
	case mins > 0 && mins < 1440:
		next.Step, next.State = step, to
		next.Due = now.Add(time.Duration(jsRound(mins)) * time.Minute)
	case mins >= 1440:
		next.Step, next.State = step, Review
		next.Due = now.Add(time.Duration(jsRound(mins)) * time.Minute)
	default:
		next.Step, next.State = 0, Review
		next.Due = addDays(now, p.interval(next.Stability))
	}
}

// stepMinutes returns the minutes until the next review of a card in
// state, at step, rated r, and the step it moves to; 0 minutes graduates
// it. The steps are chosen by the state before the review.
func (p *params) stepMinutes(state State, step int, r Rating) (float64, int) {
	durations := p.learning
	if state == Relearning || state == Review {
		durations = p.relearn
	}
	steps := func(i int) float64 { return durations[i].Minutes() }
	n := len(durations)
	if n == 0 || step >= n {
		return 0, 0
	}
	if state == Review {
		if r == Again {
			return steps(max(0, step)), 0
		}
		return 0, 0
	}
	switch r {
	case Again:
		return steps(0), 0
	case Hard:
		if n == 1 {
			return jsRound(steps(0) * 1.5), step
		}
		return jsRound((steps(0) + steps(1)) / 2), step
	case Good:
		if step+1 < n && durations[step+1] != 0 {
			return jsRound(steps(step + 1)), step + 1
		}
	}
	return 0, 0
}

// nextState returns the difficulty and stability after a review rated g,
// t days after the last, with retrievability ret (NaN: from the
// forgetting curve).
func (p *params) nextState(d, s float64, t int, g, ret float64) (float64, float64) {
	w := &p.w
	if d == 0 && s == 0 {
		return clamp(p.initDifficulty(g), 1, 10), math.Max(w[int(g)-1], 0.1)
	}
	if math.IsNaN(ret) {
		ret = p.forgettingCurve(float64(t), s)
	}
	var ns float64
	switch {
	case t == 0:
		sinc := math.Pow(s, -w[19]) * math.Exp(w[17]*(g-3+w[18]))
		if g >= float64(Hard) {
			sinc = math.Max(sinc, 1)
		}
		ns = roundTo8(clamp(s*sinc, minStability, maxStability))
	case g == float64(Again):
		forget := roundTo8(clamp(w[11]*math.Pow(d, -w[12])*(math.Pow(s+1, w[13])-1)*math.Exp((1-ret)*w[14]), minStability, maxStability))
		ns = clamp(roundTo8(s/math.Exp(w[17]*w[18])), minStability, forget)
	default:
		hard, easy := 1.0, 1.0
		if g == float64(Hard) {
			hard = w[15]
		}
		if g == float64(Easy) {
			easy = w[16]
		}
		ns = roundTo8(clamp(s*(1+math.Exp(w[8])*(11-d)*math.Pow(s, -w[9])*(math.Exp((1-ret)*w[10])-1)*hard*easy), minStability, maxStability))
	}
	delta := -w[6] * (g - 3)
	next := d + roundTo8(delta*(10-d)/9)
	nd := clamp(roundTo8(w[7]*p.initDifficulty(float64(Easy))+(1-w[7])*next), 1, 10)
	return nd, ns
}

func (p *params) initDifficulty(g float64) float64 {
	return roundTo8(p.w[4] - math.Exp((g-1)*p.w[5]) + 1)
}

// forgettingCurve is the probability of recall t days after a review, for
// stability s.
func (p *params) forgettingCurve(t, s float64) float64 {
	return roundTo8(math.Pow(1+p.factor*t/s, p.decay))
}

// interval is the interval in days for stability s.
func (p *params) interval(s float64) int {
	return int(math.Min(math.Max(1, jsRound(s*p.ivlM)), p.maxInterval))
}

// Retrievability returns the probability that c is recalled at now: 0 for
// a new card. Time is counted in whole days of 24 hours since the last
// review, as ts-fsrs counts it here.
func (s *Scheduler) Retrievability(c Card, now time.Time) float64 {
	if c.State == New || checkCard(c) != nil {
		return 0
	}
	p, err := s.params()
	if err != nil {
		return 0
	}
	return p.retrievability(c, now)
}

func (p *params) retrievability(c Card, now time.Time) float64 {
	if c.State == New {
		return 0
	}
	// Milliseconds from Unix times, not time.Sub, which saturates at
	// 292 years.
	t := math.Max(0, math.Floor(float64(now.UnixMilli()-c.LastReview.UnixMilli())/86400e3))
	return p.forgettingCurve(t, roundTo8(c.Stability))
}

// daysBetween returns the number of UTC calendar days from a to b,
// counted from dates, so that no gap saturates a time.Duration.
func daysBetween(a, b time.Time) int {
	return int(dayOf(b) - dayOf(a))
}

func dayOf(t time.Time) int64 {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

// addDays adds n days of 24 hours to t, as ts-fsrs does.
func addDays(t time.Time, n int) time.Time {
	return t.Add(time.Duration(n) * 24 * time.Hour)
}

func clamp(x, lo, hi float64) float64 { return math.Min(math.Max(x, lo), hi) }

// jsRound rounds as JavaScript's Math.round: halves up, towards +∞.
func jsRound(x float64) float64 {
	f := math.Floor(x)
	if x-f >= 0.5 {
		f++
	}
	return f
}

// roundTo8 rounds to 8 decimals, as ts-fsrs's roundTo(x, 8).
func roundTo8(x float64) float64 { return jsRound(x*1e8) / 1e8 }
