// Package practicestate is what the practice programs (examples/practice
// in a terminal, examples/server's practice page, and the MCP server of
// examples/mcp) keep in the progress file they share, an [srs.File]: the
// learner's cards and review log, and beside them, under the key
// "answers", every answer the learner typed. A save is an [Event],
// applied to the file as it is now, under its lock. A [Holder] keeps the
// progress for a server, read again only when the file changes; the
// programs read ratings with [ParseRating] and say that nothing is due
// with [NothingDue].
package practicestate

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/backendprep/questionbank"
	"github.com/backendprep/questionbank/srs"
)

// answersKey is the progress document's key for the answers.
const answersKey = "answers"

// Open opens the progress file name for a program, as [srs.OpenFile]
// does, with errors a person can act on. An empty name keeps the progress
// in memory: the file is nil.
func Open(name string, s srs.Scheduler) (*srs.File, *srs.Progress, error) {
	if name == "" {
		return nil, srs.NewProgress(s), nil
	}
	f, p, err := srs.OpenFile(name, s)
	if err != nil {
		return nil, nil, errors.New(Message(err))
	}
	if _, err := AnswersOf(p); err != nil {
		return nil, nil, fmt.Errorf("progress file %s: %v", f.Name(), err)
	}
	return f, p, nil
}

// Message returns err's text for a person, without the package's prefix.
func Message(err error) string {
	return strings.TrimPrefix(err.Error(), "srs: ")
}

// Answers is the list of answers to one question, oldest first. The first
// practice program kept one answer, as a string; it reads as a list of
// one.
type Answers []string

// UnmarshalJSON reads a list of answers, or one answer as a string.
func (a *Answers) UnmarshalJSON(data []byte) error {
	var one string
	if err := json.Unmarshal(data, &one); err == nil {
		*a = Answers{one}
		return nil
	}
	return json.Unmarshal(data, (*[]string)(a))
}

// AnswersOf returns the answers kept in p, by question ID.
func AnswersOf(p *srs.Progress) (map[string]Answers, error) {
	raw := p.Extra(answersKey)
	if raw == nil {
		return nil, nil
	}
	var answers map[string]Answers
	if err := json.Unmarshal(raw, &answers); err != nil {
		return nil, fmt.Errorf(`"answers" is not a list of answers by question ID (%v)`, err)
	}
	return answers, nil
}

// An Event is one thing that happened in a session, to be added to the
// progress: an answer typed, a rating given, or both; or a rating taken
// back.
type Event struct {
	Question questionbank.Question
	Answer   string     // "" for none
	Rating   srs.Rating // 0 for none
	At       time.Time
	// Reps, if not 0, is the number of reviews the question's card must
	// have for the rating to count: a second submission of one rating (a
	// double click, a reloaded form) then changes nothing.
	Reps int
	// Undo, if set, takes back the question's last rating instead; with
	// Reps, only if its card still has Reps reviews (no other program has
	// rated it since).
	Undo bool
}

// Apply adds e to p.
func Apply(p *srs.Progress, e Event) error {
	id := e.Question.ID
	if e.Undo {
		if c, _ := p.Card(id); e.Reps != 0 && c.Reps != e.Reps {
			return fmt.Errorf("question %q has been rated again since, by another program: nothing is taken back", id)
		}
		_, err := p.Undo(id)
		return err
	}
	if e.Answer != "" {
		answers, err := AnswersOf(p)
		if err != nil {
			return err
		}
		if !slices.Contains(answers[id], e.Answer) {
			if answers == nil {
				answers = map[string]Answers{}
			}
			answers[id] = append(answers[id], e.Answer)
			data, err := json.Marshal(answers)
			if err != nil {
				return err
			}
			if err := p.SetExtra(answersKey, data); err != nil {
				return err
			}
		}
	}
	if e.Rating != 0 {
		if c, _ := p.Card(id); e.Reps != 0 && c.Reps != e.Reps-1 {
			return nil // rated already
		}
		if _, err := p.Review(e.Question, e.Rating, e.At); err != nil {
			return err
		}
	}
	return nil
}

// Save applies e to the file's progress as it is now, or to p when there
// is no file, and returns the progress as it then is.
func Save(f *srs.File, p *srs.Progress, e Event) (*srs.Progress, error) {
	if f == nil {
		return p, Apply(p, e)
	}
	p, err := f.Update(func(p *srs.Progress) error { return Apply(p, e) })
	if err != nil {
		return nil, errors.New(Message(err))
	}
	return p, nil
}
