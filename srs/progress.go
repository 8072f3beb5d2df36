package srs

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/backendprep/questionbank"
)

// A Progress is one learner's cards, one a question, each with a hash of
// the question as it was when last reviewed, and the log of every review.
// It compares question IDs as a [questionbank.Bank] does, by
// [questionbank.IDKey]: a review of "LEAD-1" is the card of the bank's
// "lead-1".
//
// Every method is safe to call from any number of goroutines, with any
// other. The JSON form round-trips (see [Progress.UnmarshalJSON]).
//
// The zero Progress is empty and schedules with the zero Scheduler.
//
// A Progress keeps the cards of questions a bank lacks: the learner may
// use another filter, or another bank, tomorrow. [Progress.Missing] lists
// them.
type Progress struct {
	sched  Scheduler
	params *params // nil for a zero Progress, or a Scheduler out of range

	// mu guards everything below. Each method holds it once, with defer,
	// and returns nothing that aliases what it guards.
	mu    sync.RWMutex
	cards map[string]*entry // by IDKey
	order []*entry          // the values of cards, sorted by key at every insert
	log   []ReviewLog
	extra map[string]json.RawMessage // top-level JSON keys p does not know
}

type entry struct {
	key  string // questionbank.IDKey(id)
	id   string // as last reviewed
	card Card
	hash string // of the question as last reviewed
}

// A ReviewLog records one review, enough to fit FSRS weights to a
// learner's own history with an FSRS optimizer (see [WriteLogCSV]).
type ReviewLog struct {
	ID          string    `json:"id"`           // the question
	Rating      Rating    `json:"rating"`       // 1 again to 4 easy
	Review      time.Time `json:"review"`       // when
	State       State     `json:"state"`        // the card's state before the review
	ElapsedDays int       `json:"elapsed_days"` // UTC calendar days since the last review; 0 for the first
}

// NewProgress returns an empty Progress that schedules with s. An s whose
// settings are out of range makes every review an error
// ([Scheduler.Validate] checks them first).
func NewProgress(s Scheduler) *Progress {
	p := &Progress{sched: s}
	if params, err := s.params(); err == nil {
		p.params = &params
	}
	return p
}

// Review records a review of q rated r at now and returns q's card after
// it. On error, nothing is recorded.
func (p *Progress) Review(q questionbank.Question, r Rating, now time.Time) (Card, error) {
	if q.ID == "" {
		return Card{}, errors.New("srs: a question without an ID cannot be reviewed")
	}
	params, err := p.scheduling()
	if err != nil {
		return Card{}, err
	}
	key, hash := questionbank.IDKey(q.ID), contentHash(q)

	p.mu.Lock()
	defer p.mu.Unlock()
	e := p.cards[key]
	var old Card
	if e != nil {
		old = e.card
	}
	next, err := params.review(old, r, now)
	if err != nil {
		return Card{}, err
	}
	elapsed := 0
	if old.State != New && !old.LastReview.IsZero() {
		elapsed = max(0, daysBetween(old.LastReview, now))
	}
	if e == nil {
		e = p.insert(key)
	}
	e.id, e.card, e.hash = q.ID, next, hash
	p.log = append(p.log, ReviewLog{ID: q.ID, Rating: r, Review: now, State: old.State, ElapsedDays: elapsed})
	return next, nil
}

// insert adds an empty entry for key, keeping order sorted. The caller
// holds the write lock.
func (p *Progress) insert(key string) *entry {
	if p.cards == nil {
		p.cards = map[string]*entry{}
	}
	e := &entry{key: key}
	i, _ := slices.BinarySearchFunc(p.order, key, func(e *entry, key string) int { return cmp.Compare(e.key, key) })
	p.order = slices.Insert(p.order, i, e)
	p.cards[key] = e
	return e
}

// Undo takes back the last review of the question with the given ID: its
// entry leaves the log, and its card becomes what its earlier reviews,
// replayed, make it (a question with none is new again). It returns the
// card, and an error if the question has no review to take back.
func (p *Progress) Undo(id string) (Card, error) {
	params, err := p.scheduling()
	if err != nil {
		return Card{}, err
	}
	key := questionbank.IDKey(id)

	p.mu.Lock()
	defer p.mu.Unlock()
	e := p.cards[key]
	last := -1
	for i := len(p.log) - 1; i >= 0 && last < 0; i-- {
		if questionbank.IDKey(p.log[i].ID) == key {
			last = i
		}
	}
	if e == nil || last < 0 {
		return Card{}, fmt.Errorf("srs: question %q has no review to undo", id)
	}
	var c Card
	for _, l := range p.log[:last] {
		if questionbank.IDKey(l.ID) == key {
			if c, err = params.review(c, l.Rating, l.Review); err != nil {
				return Card{}, err
			}
		}
	}
	p.log = slices.Delete(p.log, last, last+1)
	if c.Reps == 0 {
		delete(p.cards, key)
		p.order = slices.DeleteFunc(p.order, func(x *entry) bool { return x == e })
		return Card{}, nil
	}
	e.card = c
	return c, nil
}

// scheduling returns p's scheduler's params.
func (p *Progress) scheduling() (*params, error) {
	if p.params != nil {
		return p.params, nil
	}
	params, err := p.sched.params() // a zero Progress, or a Scheduler out of range
	return &params, err
}

// Card returns the card of the question with the given ID, and whether it
// has been reviewed.
func (p *Progress) Card(id string) (Card, bool) {
	key := questionbank.IDKey(id)
	p.mu.RLock()
	defer p.mu.RUnlock()
	e, ok := p.cards[key]
	if !ok {
		return Card{}, false
	}
	return e.card, true
}

// Len returns the number of questions reviewed.
func (p *Progress) Len() int {
	p.mu.RLock()
	defer p.mu.RUnlock()
	return len(p.cards)
}

// Log returns a copy of the review log, oldest first.
func (p *Progress) Log() []ReviewLog {
	p.mu.RLock()
	defer p.mu.RUnlock()
	return slices.Clone(p.log)
}

// Scheduler returns the scheduler p reviews with.
func (p *Progress) Scheduler() Scheduler { return p.sched }

// Due returns a Filter that matches the questions reviewed before and due
// by now. It is a snapshot: later reviews do not change it.
func (p *Progress) Due(now time.Time) questionbank.Filter {
	p.mu.RLock()
	defer p.mu.RUnlock()
	return p.dueFilter(now)
}

// dueFilter is Due for a caller that holds the lock.
func (p *Progress) dueFilter(now time.Time) questionbank.Filter {
	var due []string
	for _, e := range p.order {
		if e.card.State != New && !e.card.Due.After(now) {
			due = append(due, e.id)
		}
	}
	return questionbank.ByID(due...)
}

// Seen returns a Filter that matches every question reviewed. It is a
// snapshot: later reviews do not change it.
func (p *Progress) Seen() questionbank.Filter {
	p.mu.RLock()
	defer p.mu.RUnlock()
	return p.seenFilter()
}

// seenFilter is Seen for a caller that holds the lock.
func (p *Progress) seenFilter() questionbank.Filter {
	ids := make([]string, len(p.order))
	for i, e := range p.order {
		ids[i] = e.id
	}
	return questionbank.ByID(ids...)
}

// Changed returns the IDs of the questions in b, in b's order, whose
// content has changed since they were last reviewed: their cards go on,
// and the learner may want to read their guidance again. Its work is
// linear in the questions reviewed.
func (p *Progress) Changed(b *questionbank.Bank) []string {
	p.mu.RLock()
	defer p.mu.RUnlock()
	var out []string
	for q := range b.Questions(p.seenFilter()) {
		if e := p.cards[questionbank.IDKey(q.ID)]; e != nil && e.hash != contentHash(q) {
			out = append(out, q.ID)
		}
	}
	return out
}

// Missing returns the IDs of reviewed questions that b does not have,
// sorted by key: cards kept for another bank, or for questions since
// removed.
func (p *Progress) Missing(b *questionbank.Bank) []string {
	p.mu.RLock()
	defer p.mu.RUnlock()
	var out []string
	for _, e := range p.order {
		if _, ok := b.Get(e.id); !ok {
			out = append(out, e.id)
		}
	}
	return out
}

// contentHash identifies a question's content: every field, so that any
// edit shows in Changed, with the ID as the bank compares it. Where a
// question comes from is not its content: a source added later changes
// nothing a learner has reviewed.
func contentHash(q questionbank.Question) string {
	q.ID = questionbank.IDKey(q.ID)
	q.Source = questionbank.Source{}
	data, _ := json.Marshal(q) // a Question always marshals
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:8])
}
