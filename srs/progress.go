package srs

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
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
	params *params

	mu     sync.RWMutex
	cards  map[string]*entry // by ID as reviewed
	ids    []string          // the keys of cards, sorted
	log    []ReviewLog
	sorted bool // ids is sorted
}

type entry struct {
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
	p.params, _ = s.params()
	return p
}

// Review records a review of q rated r at now and returns q's card after
// it. On error, nothing is recorded.
func (p *Progress) Review(q questionbank.Question, r Rating, now time.Time) (Card, error) {
	if q.ID == "" {
		return Card{}, errors.New("srs: a question without an ID cannot be reviewed")
	}
	params := p.params
	if params == nil { // a zero Progress, or a Scheduler out of range
		var err error
		if params, err = p.sched.params(); err != nil {
			return Card{}, err
		}
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
		e = &entry{}
		p.cards[q.ID] = e
		p.ids = append(p.ids, q.ID)
		p.sorted = len(p.ids) < 2 || (p.sorted && p.ids[len(p.ids)-2] < q.ID)
	}
	e.card, e.hash = next, hash
	p.log = append(p.log, ReviewLog{ID: q.ID, Rating: r, Review: now, State: old.State, ElapsedDays: elapsed})
	return next, nil
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

// sortedIDs returns the IDs, sorted, holding the write lock if it must
// sort them first. The caller must not hold the lock.
func (p *Progress) sortedIDs() []string {
	p.mu.RLock()
	if p.sorted {
		defer p.mu.RUnlock()
		return p.ids
	}
	p.mu.RUnlock()
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.sorted {
		slices.Sort(p.ids)
		p.sorted = true
	}
	return p.ids
}

// Due returns a Filter that matches the questions reviewed before and due
// by now. It is a snapshot: later reviews do not change it.
func (p *Progress) Due(now time.Time) questionbank.Filter {
	ids := p.sortedIDs()
	p.mu.RLock()
	due := make([]string, 0, len(ids))
	for _, id := range ids {
		if c := p.cards[id].card; c.State != New && !c.Due.After(now) {
			due = append(due, id)
		}
	}
	p.mu.RUnlock()
	return questionbank.ByID(due...)
}

// Seen returns a Filter that matches every question reviewed. It is a
// snapshot: later reviews do not change it.
func (p *Progress) Seen() questionbank.Filter {
	ids := p.sortedIDs()
	p.mu.RLock()
	seen := slices.Clone(ids)
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
	for _, id := range p.sortedIDs() {
		if _, ok := b.Get(id); !ok {
			out = append(out, id)
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
// sorted by ID, and the review log.
func (p *Progress) MarshalJSON() ([]byte, error) {
	ids := p.sortedIDs()
	p.mu.RLock()
	defer p.mu.RUnlock()
	out := progressJSON{Format: ProgressFormat, Cards: make([]cardJSON, len(ids)), Log: p.log}
	for i, id := range ids {
		e := p.cards[id]
		out.Cards[i] = cardJSON{ID: id, Hash: e.hash, Card: e.card}
	}
	if out.Log == nil {
		out.Log = []ReviewLog{}
	}
	return json.Marshal(out)
}

// UnmarshalJSON implements [json.Unmarshaler]. It replaces p's cards and
// log, keeping its scheduler. A later format, an unknown key, a card no
// review could give or an ID given twice is an error that names it, and
// leaves p as it was: progress is never silently reset.
func (p *Progress) UnmarshalJSON(data []byte) error {
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
	var in progressJSON
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		return fmt.Errorf("srs: progress: %w", err)
	}
	cards := make(map[string]*entry, len(in.Cards))
	ids := make([]string, len(in.Cards))
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
		cards[c.ID] = &entry{card: c.Card, hash: c.Hash}
		ids[i] = c.ID
		sorted = sorted && (i == 0 || ids[i-1] < c.ID)
	}
	for i, l := range in.Log {
		if l.Rating < Again || l.Rating > Easy || l.State < New || l.State > Relearning {
			return fmt.Errorf("srs: progress: review %d of the log has rating %d and state %d", i, l.Rating, l.State)
		}
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.cards, p.ids, p.log, p.sorted = cards, ids, in.Log, sorted
	return nil
}
