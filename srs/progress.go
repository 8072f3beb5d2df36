package srs

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/backendprep/questionbank"
)

// ProgressFormat is the version of the JSON that [Progress.MarshalJSON]
// writes. [Progress.UnmarshalJSON] reads it and every earlier version, and
// refuses a later one.
const ProgressFormat = 1

// A Progress is one learner's cards, keyed by question ID, each with a
// hash of the question as it was when last reviewed, and the log of every
// review. It is safe for concurrent use, and its JSON form round-trips.
//
// The zero Progress is empty and schedules with the zero Scheduler.
//
// A Progress keeps the cards of questions a bank lacks: the learner may
// use another filter, or another bank, tomorrow. [Progress.Missing] lists
// them.
type Progress struct {
	sched  Scheduler
	params *params // nil for a zero Progress, or a Scheduler out of range

	mu     sync.RWMutex
	cards  map[string]*entry // by ID as reviewed
	order  []*entry          // the values of cards, by ID once sorted
	log    []ReviewLog
	sorted bool // order is sorted
}

type entry struct {
	id   string
	card Card
	hash string // of the question as last reviewed
}

// A ReviewLog records one review, enough to fit FSRS weights to a
// learner's own history with the FSRS optimizer.
type ReviewLog struct {
	ID          string    `json:"id"`           // the question
	Rating      Rating    `json:"rating"`       // 1 again to 4 easy
	Review      time.Time `json:"review"`       // when
	State       State     `json:"state"`        // the card's state before the review
	ElapsedDays int       `json:"elapsed_days"` // UTC calendar days since the last review; 0 for the first
}

// NewProgress returns an empty Progress that schedules with s. An s whose
// settings are out of range makes every review an error.
func NewProgress(s Scheduler) *Progress {
	p := &Progress{sched: s, cards: map[string]*entry{}, sorted: true}
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
	hash := contentHash(q)
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.cards == nil {
		p.cards, p.sorted = map[string]*entry{}, true
	}
	e := p.cards[q.ID]
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
		e = &entry{id: q.ID}
		p.cards[q.ID] = e
		p.order = append(p.order, e)
		p.sorted = len(p.order) < 2 || (p.sorted && p.order[len(p.order)-2].id < q.ID)
	}
	e.card, e.hash = next, hash
	p.log = append(p.log, ReviewLog{ID: q.ID, Rating: r, Review: now, State: old.State, ElapsedDays: elapsed})
	return next, nil
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
	p.mu.Lock()
	defer p.mu.Unlock()
	last := -1
	for i := len(p.log) - 1; i >= 0; i-- {
		if p.log[i].ID == id {
			last = i
			break
		}
	}
	e := p.cards[id]
	if last < 0 || e == nil {
		return Card{}, fmt.Errorf("srs: question %q has no review to undo", id)
	}
	var c Card
	for _, l := range p.log[:last] {
		if l.ID == id {
			if c, err = params.review(c, l.Rating, l.Review); err != nil {
				return Card{}, err
			}
		}
	}
	p.log = slices.Delete(p.log, last, last+1)
	if c.Reps == 0 {
		delete(p.cards, id)
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
	p.mu.RLock()
	defer p.mu.RUnlock()
	e, ok := p.cards[id]
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

// sortedEntries returns the entries sorted by ID, taking the write lock if
// it must sort them first. The caller must not hold the lock; the slice
// is only read under the read lock, as a review may append to it.
func (p *Progress) sortedEntries() []*entry {
	p.mu.RLock()
	if p.sorted {
		defer p.mu.RUnlock()
		return p.order
	}
	p.mu.RUnlock()
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.sorted {
		slices.SortFunc(p.order, func(a, b *entry) int { return strings.Compare(a.id, b.id) })
		p.sorted = true
	}
	return p.order
}

// Due returns a Filter that matches the questions reviewed before and due
// by now. It is a snapshot: later reviews do not change it.
func (p *Progress) Due(now time.Time) questionbank.Filter {
	order := p.sortedEntries()
	p.mu.RLock()
	due := make([]string, 0, len(order))
	for _, e := range order {
		if c := &e.card; c.State != New && !c.Due.After(now) {
			due = append(due, e.id)
		}
	}
	p.mu.RUnlock()
	return questionbank.ByID(due...)
}

// Seen returns a Filter that matches every question reviewed. It is a
// snapshot: later reviews do not change it.
func (p *Progress) Seen() questionbank.Filter {
	order := p.sortedEntries()
	p.mu.RLock()
	seen := make([]string, len(order))
	for i, e := range order {
		seen[i] = e.id
	}
	p.mu.RUnlock()
	return questionbank.ByID(seen...)
}

// Changed returns the IDs of the questions in b, in b's order, whose
// content has changed since they were last reviewed: their cards go on,
// and the learner may want to read their guidance again.
func (p *Progress) Changed(b *questionbank.Bank) []string {
	var out []string
	for q := range b.Questions(p.Seen()) {
		p.mu.RLock()
		e := p.cards[q.ID]
		p.mu.RUnlock()
		if e == nil {
			e = p.entryFold(q.ID)
		}
		if e != nil && e.hash != contentHash(q) {
			out = append(out, q.ID)
		}
	}
	return out
}

// entryFold finds the entry of an ID that differs from the one reviewed
// only in case, as the bank compares IDs.
func (p *Progress) entryFold(id string) *entry {
	p.mu.RLock()
	defer p.mu.RUnlock()
	for k, e := range p.cards {
		if strings.EqualFold(k, id) {
			return e
		}
	}
	return nil
}

// Missing returns the IDs of reviewed questions that b does not have,
// sorted: cards kept for another bank, or for questions since removed.
func (p *Progress) Missing(b *questionbank.Bank) []string {
	var out []string
	order := p.sortedEntries()
	p.mu.RLock()
	defer p.mu.RUnlock()
	for _, e := range order {
		if _, ok := b.Get(e.id); !ok {
			out = append(out, e.id)
		}
	}
	return out
}

// contentHash identifies a question's content: every field, so that any
// edit shows in Changed.
func contentHash(q questionbank.Question) string {
	data, _ := json.Marshal(q) // a Question always marshals
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:8])
}

// progressJSON is the JSON form of a Progress.
type progressJSON struct {
	Format int         `json:"format"`
	Cards  []cardJSON  `json:"cards"`
	Log    []ReviewLog `json:"log"`
}

type cardJSON struct {
	ID   string `json:"id"`
	Hash string `json:"hash"`
	Card
}

// MarshalJSON implements [json.Marshaler]: the format version, the cards
// sorted by ID, and the review log. It writes the JSON itself, rather than
// through reflection, so that saving is about as fast as json.Marshal of
// a plain slice of the cards.
func (p *Progress) MarshalJSON() ([]byte, error) {
	order := p.sortedEntries()
	p.mu.RLock()
	defer p.mu.RUnlock()
	b := make([]byte, 0, 64+len(order)*200+len(p.log)*100)
	b = append(b, `{"format":`...)
	b = strconv.AppendInt(b, ProgressFormat, 10)
	b = append(b, `,"cards":[`...)
	for i, e := range order {
		if i > 0 {
			b = append(b, ',')
		}
		c := &e.card
		b = append(b, `{"id":`...)
		b = appendString(b, e.id)
		b = append(b, `,"hash":`...)
		b = appendString(b, e.hash)
		b = append(b, `,"due":`...)
		b = appendTime(b, c.Due)
		b = append(b, `,"stability":`...)
		b = strconv.AppendFloat(b, c.Stability, 'g', -1, 64)
		b = append(b, `,"difficulty":`...)
		b = strconv.AppendFloat(b, c.Difficulty, 'g', -1, 64)
		b = append(b, `,"state":"`...)
		b = append(b, c.State.String()...)
		b = append(b, `","step":`...)
		b = strconv.AppendInt(b, int64(c.Step), 10)
		b = append(b, `,"reps":`...)
		b = strconv.AppendInt(b, int64(c.Reps), 10)
		b = append(b, `,"lapses":`...)
		b = strconv.AppendInt(b, int64(c.Lapses), 10)
		b = append(b, `,"last_review":`...)
		b = appendTime(b, c.LastReview)
		b = append(b, '}')
	}
	b = append(b, `],"log":[`...)
	for i, l := range p.log {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"id":`...)
		b = appendString(b, l.ID)
		b = append(b, `,"rating":`...)
		b = strconv.AppendInt(b, int64(l.Rating), 10)
		b = append(b, `,"review":`...)
		b = appendTime(b, l.Review)
		b = append(b, `,"state":"`...)
		b = append(b, l.State.String()...)
		b = append(b, `","elapsed_days":`...)
		b = strconv.AppendInt(b, int64(l.ElapsedDays), 10)
		b = append(b, '}')
	}
	return append(b, "]}"...), nil
}

// appendTime appends t as time.Time's JSON does.
func appendTime(b []byte, t time.Time) []byte {
	b = append(b, '"')
	b = t.AppendFormat(b, time.RFC3339Nano)
	return append(b, '"')
}

// appendString appends s as a JSON string, as encoding/json writes it.
func appendString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '"' || c == '\\' || c >= 0x80 || c == '<' || c == '>' || c == '&' {
			q, _ := json.Marshal(s) // the rare string that needs escaping
			return append(b, q...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// UnmarshalJSON implements [json.Unmarshaler]. It replaces p's cards and
// log, keeping its scheduler. A later format, a card no
// review could give or an ID given twice is an error that names it, and
// leaves p as it was: progress is never silently reset. Keys it does not
// know are ignored.
func (p *Progress) UnmarshalJSON(data []byte) error {
	var in progressJSON
	var decodeErr error
	if !json.Valid(data) { // as when UnmarshalJSON is called directly
		decodeErr = json.Unmarshal(data, &in)
	} else {
		in, decodeErr = decodeProgress(data)
	}
	if decodeErr != nil || in.Format != ProgressFormat {
		// Read the version alone: a later format's keys are not errors,
		// its version is.
		var head struct {
			Format *int `json:"format"`
		}
		if err := json.Unmarshal(data, &head); err != nil {
			return fmt.Errorf("srs: progress: %w", err)
		}
		switch {
		case head.Format == nil:
			return errors.New(`srs: progress: no "format" version; this is not a progress file`)
		case *head.Format > ProgressFormat:
			return fmt.Errorf("srs: progress: format %d is newer than this program reads (%d); update the program", *head.Format, ProgressFormat)
		case *head.Format < 1:
			return fmt.Errorf("srs: progress: format %d is not a version", *head.Format)
		}
		return fmt.Errorf("srs: progress: %w", decodeErr)
	}
	cards := make(map[string]*entry, len(in.Cards))
	order := make([]*entry, len(in.Cards))
	sorted := true
	for i, c := range in.Cards {
		switch {
		case c.ID == "":
			return fmt.Errorf("srs: progress: card %d has no id", i)
		case cards[c.ID] != nil:
			return fmt.Errorf("srs: progress: card %q is given twice", c.ID)
		}
		if err := checkCard(c.Card); err != nil {
			return fmt.Errorf("srs: progress: card %q: %s", c.ID, strings.TrimPrefix(err.Error(), "srs: "))
		}
		e := &entry{id: c.ID, card: c.Card, hash: c.Hash}
		cards[c.ID], order[i] = e, e
		sorted = sorted && (i == 0 || order[i-1].id < c.ID)
	}
	for i, l := range in.Log {
		if l.Rating < Again || l.Rating > Easy || l.State < New || l.State > Relearning {
			return fmt.Errorf("srs: progress: review %d of the log has rating %d and state %d", i, l.Rating, l.State)
		}
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.cards, p.order, p.log, p.sorted = cards, order, in.Log, sorted
	return nil
}
