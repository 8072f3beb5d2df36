package srs

import (
	"cmp"
	"slices"
	"time"

	"github.com/backendprep/questionbank"
)

// A Queue is what to practise now: the due questions first, then new ones.
type Queue struct {
	// Due are the questions reviewed before and due by now, the least
	// retrievable (the most likely forgotten) first.
	Due []questionbank.Question
	// New are questions never reviewed, in the bank's order, as many as
	// the day's limit of new questions leaves.
	New []questionbank.Question
}

// Len returns the number of questions in the queue.
func (q Queue) Len() int { return len(q.Due) + len(q.New) }

// All returns the due questions, then the new ones.
func (q Queue) All() []questionbank.Question { return slices.Concat(q.Due, q.New) }

// Queue returns the questions of b that f matches to practise at now: the
// due ones, least retrievable first, then new ones. newPerDay limits the
// new questions a day (the day of now, in now's location), counting those
// already reviewed for the first time that day; a negative newPerDay
// means no limit.
func (p *Progress) Queue(b *questionbank.Bank, f questionbank.Filter, now time.Time, newPerDay int) Queue {
	params, err := p.scheduling()
	p.mu.RLock()
	defer p.mu.RUnlock()
	type due struct {
		q   questionbank.Question
		r   float64
		due time.Time
	}
	var dues []due
	for question := range b.Questions(questionbank.And(f, p.dueFilter(now))) {
		c := p.cards[questionbank.IDKey(question.ID)].card
		r := 0.0
		if err == nil {
			r = params.retrievability(c, now)
		}
		dues = append(dues, due{question, r, c.Due})
	}
	slices.SortStableFunc(dues, func(a, b due) int {
		return cmp.Or(cmp.Compare(a.r, b.r), a.due.Compare(b.due))
	})
	var q Queue
	for _, d := range dues {
		q.Due = append(q.Due, d.q)
	}
	room := newPerDay
	if room >= 0 {
		room -= p.introducedOn(now)
		if room <= 0 {
			return q
		}
	}
	for question := range b.Questions(questionbank.And(f, questionbank.Not(p.seenFilter()))) {
		if room >= 0 && len(q.New) == room {
			break
		}
		q.New = append(q.New, question)
	}
	return q
}

// introducedOn returns how many questions had their first review on the
// calendar day of now, in now's location. The caller holds the lock.
func (p *Progress) introducedOn(now time.Time) int {
	y, m, d := now.Date()
	n := 0
	for _, l := range p.log {
		if l.State != New {
			continue
		}
		ly, lm, ld := l.Review.In(now.Location()).Date()
		if ly == y && lm == m && ld == d {
			n++
		}
	}
	return n
}

// NextDue returns when the next of the reviewed questions of b that f
// matches is due, and false if none has been reviewed.
func (p *Progress) NextDue(b *questionbank.Bank, f questionbank.Filter) (time.Time, bool) {
	p.mu.RLock()
	defer p.mu.RUnlock()
	var next time.Time
	found := false
	for question := range b.Questions(questionbank.And(f, p.seenFilter())) {
		c := p.cards[questionbank.IDKey(question.ID)].card
		if !found || c.Due.Before(next) {
			next, found = c.Due, true
		}
	}
	return next, found
}
