package srs

import (
	"fmt"
	"time"
)

// A Rating is how well an answer was recalled.
type Rating int8

// The ratings, as FSRS numbers them.
const (
	Again Rating = iota + 1 // forgotten
	Hard                    // recalled with serious difficulty
	Good                    // recalled after some thought
	Easy                    // recalled at once
)

var ratingNames = [...]string{"", "again", "hard", "good", "easy"}

// String returns the rating's name: Good.String() -> "good".
func (r Rating) String() string {
	if r < Again || r > Easy {
		return fmt.Sprintf("Rating(%d)", int8(r))
	}
	return ratingNames[r]
}

// A State is where a card is in its schedule.
type State int8

// The states, as FSRS numbers them.
const (
	New        State = iota // never reviewed
	Learning                // in its learning steps
	Review                  // scheduled in days
	Relearning              // forgotten, in its relearning steps
)

var stateNames = [...]string{"new", "learning", "review", "relearning"}

// String returns the state's name: Review.String() -> "review".
func (s State) String() string {
	if s < New || s > Relearning {
		return fmt.Sprintf("State(%d)", int8(s))
	}
	return stateNames[s]
}

// MarshalText implements [encoding.TextMarshaler] with the state's name.
func (s State) MarshalText() ([]byte, error) {
	if s < New || s > Relearning {
		return nil, fmt.Errorf("srs: invalid state %d", int8(s))
	}
	return []byte(stateNames[s]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]: "new", "learning",
// "review" or "relearning".
func (s *State) UnmarshalText(text []byte) error {
	for i, n := range stateNames {
		if string(text) == n {
			*s = State(i)
			return nil
		}
	}
	return fmt.Errorf("srs: unknown state %q (states are new, learning, review, relearning)", text)
}

// A Card is the schedule of one question. The zero Card is new and due at
// once.
type Card struct {
	Due        time.Time `json:"due"`         // when it is next due
	Stability  float64   `json:"stability"`   // days until recall falls to 90%
	Difficulty float64   `json:"difficulty"`  // from 1 (easy) to 10 (hard)
	State      State     `json:"state"`       // where it is in its schedule
	Step       int       `json:"step"`        // the learning or relearning step it is at
	Reps       int       `json:"reps"`        // how many reviews it has had
	Lapses     int       `json:"lapses"`      // how many times it was forgotten after graduating
	LastReview time.Time `json:"last_review"` // when it was last reviewed; zero for none
}
