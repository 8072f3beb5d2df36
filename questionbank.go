package questionbank

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"iter"
	"math/bits"
	"slices"
	"sync"

	"github.com/backendprep/questionbank/internal/textsearch"
)

//go:generate go test -run TestGenerated -update

// A Question is one interview question with the guidance for answering it.
//
// A Question is a plain value: the Bank hands out copies, so a caller may
// change any field, or any element of its slices, without affecting the
// Bank it came from.
type Question struct {
	// ID is the question's stable identifier, such as "senior-2". IDs are
	// compared without regard to case.
	ID string `json:"id"`
	// Level is the seniority the question is asked at.
	Level Level `json:"level"`
	// Type is the kind of question, such as Technical or Behavioral.
	Type Type `json:"type"`
	// Text is the question as the interviewer asks it.
	Text string `json:"text"`
	// Introduction says what the question assesses.
	Introduction string `json:"introduction,omitempty"`
	// HowToAnswer lists what a good answer does, one point an element.
	HowToAnswer []string `json:"how_to_answer,omitempty"`
	// WhatNotToSay lists the mistakes to avoid, one an element.
	WhatNotToSay []string `json:"what_not_to_say,omitempty"`
	// ExampleAnswer is a model answer.
	ExampleAnswer string `json:"example_answer,omitempty"`
	// Skills names the skills the question tests, as the corpus writes
	// them ("Problem-solving", "Attention To Detail").
	Skills []string `json:"skills,omitempty"`
	// FollowUps are what an interviewer may ask next, one question an
	// element; optional.
	FollowUps []string `json:"follow_ups,omitempty"`
	// Source says where the question comes from; zero for none.
	Source Source `json:"source,omitzero"`
}

// clone returns a deep copy of q. The three slices share one allocation,
// each capped so that appending to one cannot overwrite another.
func (q Question) clone() Question {
	n := q.listLen()
	if n == 0 {
		return q
	}
	q, _ = q.cloneTo(make([]string, 0, n))
	return q
}

// listLen returns the number of strings in q's slices.
func (q *Question) listLen() int {
	return len(q.HowToAnswer) + len(q.WhatNotToSay) + len(q.Skills) + len(q.FollowUps)
}

// cloneTo returns a deep copy of q whose slices are copied into buf's
// spare capacity, which must hold q.listLen() more, and what is left of buf.
func (q Question) cloneTo(buf []string) (Question, []string) {
	q.HowToAnswer, buf = cloneInto(buf, q.HowToAnswer)
	q.WhatNotToSay, buf = cloneInto(buf, q.WhatNotToSay)
	q.Skills, buf = cloneInto(buf, q.Skills)
	q.FollowUps, buf = cloneInto(buf, q.FollowUps)
	return q, buf
}

// cloneInto copies s to the start of buf's spare capacity and returns the
// copy (nil for a nil s) and what is left of buf.
func cloneInto(buf, s []string) (clone, rest []string) {
	if s == nil {
		return nil, buf
	}
	i := len(buf)
	buf = append(buf, s...)
	return buf[i:len(buf):len(buf)], buf
}

// A Bank is an immutable set of questions with an index for filtering.
// A Bank is safe for concurrent use by multiple goroutines, and nothing it
// returns shares memory with it.
//
// The zero Bank is empty and ready to use; banks with questions come from
// [Default], [New], [LoadJSON] and [Bank.Merge].
type Bank struct {
	qs []Question // in corpus order; never modified

	// byID maps folded IDs to question numbers. New makes it while
	// checking IDs; for other banks the index makes it.
	byID map[string]int

	ixOnce sync.Once
	ix     *index // built by ixOnce, on first use

	textOnce sync.Once
	text     *textsearch.Index // built by textOnce, for the first free-text query

	queries queryCache // of ParseQuery

	versionOnce sync.Once
	version     string
}

var (
	defaultOnce sync.Once
	defaultBank *Bank
)

// Default returns the embedded bank: the source page's 14 questions, two
// for each level from Junior to Architect, then the project's own, by
// level, in the corpus's order. Every call returns the same *Bank. The
// corpus is compiled into the package; nothing is parsed, and its index
// is built on first use.
func Default() *Bank {
	defaultOnce.Do(func() {
		defaultBank = &Bank{qs: corpus[:]}
	})
	return defaultBank
}

// New returns a bank of copies of questions, in the order given.
//
// New checks every question and reports its problems at once, joined with
// [errors.Join], one line each naming the question (at most 100 lines,
// then a count of the rest): an empty ID, or one that is not valid UTF-8
// or holds a space, control or invisible format character such as U+200B
// (it would look like another ID); an ID used twice (IDs are compared
// without regard to case, in Unicode normal form C); a level or type out
// of range; a question text with nothing visible in it; an empty skill.
// On error it returns a nil Bank: nothing is half-built; [QuestionErrors]
// returns its problems, each with the question and field.
func New(questions []Question) (*Bank, error) {
	var probs problems
	v := newValidator(len(questions))
	for i := range questions {
		v.checkFields(i, &questions[i], 0, func(field int, msg func() string) {
			if !probs.room() {
				probs.add(nil)
				return
			}
			probs.add(&QuestionError{Index: i, ID: questions[i].ID, Field: jsonName(field), Msg: msg()})
		})
	}
	if err := probs.err(); err != nil {
		return nil, err
	}
	// One allocation holds every question's slices.
	n := 0
	for i := range questions {
		n += questions[i].listLen()
	}
	buf := make([]string, 0, n)
	qs := make([]Question, len(questions))
	for i, q := range questions {
		qs[i], buf = q.cloneTo(buf)
	}
	return &Bank{qs: qs, byID: v.byID}, nil
}

// Len returns the number of questions in the bank.
func (b *Bank) Len() int { return len(b.qs) }

// All returns copies of every question, in corpus order; nil for an empty
// bank.
func (b *Bank) All() []Question {
	idx := make([]int, len(b.qs))
	for i := range idx {
		idx[i] = i
	}
	return b.copies(idx)
}

// copies returns deep copies of the questions numbered idx, in that order
// (nil for none). Their slices share one allocation.
func (b *Bank) copies(idx []int) []Question {
	if len(idx) == 0 {
		return nil
	}
	n := 0
	for _, i := range idx {
		n += b.qs[i].listLen()
	}
	buf := make([]string, 0, n)
	out := make([]Question, len(idx))
	for j, i := range idx {
		out[j], buf = b.qs[i].cloneTo(buf)
	}
	return out
}

// Get returns a copy of the question with the given ID, compared without
// regard to case, and whether there is one.
func (b *Bank) Get(id string) (Question, bool) {
	i, ok := b.index().byID[IDKey(id)]
	if !ok {
		return Question{}, false
	}
	return b.qs[i].clone(), true
}

// Filter returns copies of the questions that f matches, in corpus order,
// or nil if none does (JSON null; see the package documentation for []).
func (b *Bank) Filter(f Filter) []Question {
	var idx []int
	b.matches(f, func(i int) bool {
		idx = append(idx, i)
		return true
	})
	return b.copies(idx)
}

// Questions returns an iterator over copies of the questions f matches,
// in corpus order. It builds no slice, so a caller that stops early, or
// takes a page of a large bank, pays only for what it takes:
//
//	for q := range bank.Questions(questionbank.ByLevel(questionbank.Senior)) {
//		fmt.Println(q.ID)
//	}
func (b *Bank) Questions(f Filter) iter.Seq[Question] {
	return func(yield func(Question) bool) {
		b.matches(f, func(i int) bool { return yield(b.qs[i].clone()) })
	}
}

// Count returns the number of questions f matches. It evaluates f on every
// call, without allocating once f has been used with this bank.
func (b *Bank) Count(f Filter) int {
	if f.n != nil { // the fast path for a filter compiled to one step
		if c := f.n.plan.Load(); c != nil && c.bank == b && c.single != nil {
			return bits.OnesCount64(combineLeaves(c.single))
		}
	}
	return b.count(b.compile(f))
}

// Skills returns the skills the bank's questions test, each once, under its
// first spelling in corpus order. A skill matches [BySkill] with any of
// its spellings.
func (b *Bank) Skills() []string {
	ix := b.index()
	out := make([]string, len(ix.skillNames))
	copy(out, ix.skillNames)
	return out
}

// Version identifies the bank's content: a short hash of every field of
// every question, in order. Banks with equal content have equal versions,
// and a change to any field of any question, or to their order, gives a
// different one. A seeded draw (Sample, Deck, Plan) from banks of the same
// version gives the same questions, within a major version of this module.
func (b *Bank) Version() string {
	b.versionOnce.Do(func() { b.version = versionOf(b.qs) })
	return b.version
}

// versionOf hashes the questions with every field length-prefixed, so that
// no two different banks encode alike.
func versionOf(qs []Question) string {
	h := sha256.New()
	var buf []byte
	str := func(s string) {
		buf = binary.AppendUvarint(buf[:0], uint64(len(s)))
		h.Write(buf)
		io.WriteString(h, s)
	}
	list := func(ss []string) {
		buf = binary.AppendUvarint(buf[:0], uint64(len(ss)))
		h.Write(buf)
		for _, s := range ss {
			str(s)
		}
	}
	for _, q := range qs {
		str(q.ID)
		h.Write([]byte{byte(q.Level), byte(q.Type)})
		str(q.Text)
		str(q.Introduction)
		list(q.HowToAnswer)
		list(q.WhatNotToSay)
		str(q.ExampleAnswer)
		list(q.Skills)
		if len(q.FollowUps) > 0 { // only then, so that a bank without them keeps its version
			h.Write([]byte{0xff})
			list(q.FollowUps)
		}
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// Merge returns a new bank holding b's questions followed by other's. An ID
// in both banks is an error, naming each shared ID; b and other are
// unchanged. Merging a nil or empty bank returns b itself.
func (b *Bank) Merge(other *Bank) (*Bank, error) {
	if other == nil || len(other.qs) == 0 {
		return b, nil
	}
	if b == nil || len(b.qs) == 0 {
		return other, nil
	}
	ix := b.index()
	var probs problems
	for _, q := range other.qs {
		if _, dup := ix.byID[IDKey(q.ID)]; dup {
			probs.add(fmt.Errorf("questionbank: merge: ID %q is in both banks", q.ID))
		}
	}
	if err := probs.err(); err != nil {
		return nil, err
	}
	// Both banks are immutable, so the new one can share their questions'
	// slices.
	return &Bank{qs: slices.Concat(b.qs, other.qs)}, nil
}
