package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/backendprep/questionbank"
	"github.com/backendprep/questionbank/examples/internal/cli"
	"github.com/backendprep/questionbank/examples/internal/practicestate"
	"github.com/backendprep/questionbank/render"
	"github.com/backendprep/questionbank/srs"
)

// A session asks questions one at a time and saves what happens.
type session struct {
	in       *bufio.Reader
	out      io.Writer
	file     *srs.File     // nil: no -state
	progress *srs.Progress // the learner's cards, as last saved
	clock    clock

	todo    []questionbank.Question // to ask, in order
	again   []questionbank.Question // rated Again: asked again once due
	history []rating                // this session's ratings, oldest first: what u takes back
	shown   int                     // questions shown, for "Question n of total"

	rated, skipped int
	stopped        bool // q, quit, or the end of the input
}

// A rating is one that the session gave, and can take back.
type rating struct {
	q questionbank.Question
	r srs.Rating
}

// run asks questions until there are none left or the learner stops. Its
// error is one of saving, which ends the session.
func (s *session) run() error {
	for !s.stopped {
		q, ok := s.next()
		if !ok {
			return nil
		}
		if err := s.ask(q); err != nil {
			return err
		}
	}
	return nil
}

// left returns how many questions the session had still to ask.
func (s *session) left() int { return len(s.todo) + len(s.again) }

// next returns the question to ask now: a question rated Again that has
// come due, else the next of the queue, else, if the learner will wait,
// the question rated Again that is due first.
func (s *session) next() (questionbank.Question, bool) {
	now := s.clock.Now()
	first, firstDue := -1, time.Time{}
	for i, q := range s.again {
		c, _ := s.progress.Card(q.ID)
		if first < 0 || c.Due.Before(firstDue) {
			first, firstDue = i, c.Due
		}
	}
	switch {
	case first >= 0 && !firstDue.After(now):
	case len(s.todo) > 0:
		q := s.todo[0]
		s.todo = s.todo[1:]
		return q, true
	case first < 0:
		return questionbank.Question{}, false
	default:
		q := render.Clean(s.again[first])
		fmt.Fprintf(s.out, "\n%s comes back %s, once it is due.\n", cli.Quote(q.Text), cli.When(firstDue, now))
		reply, eof := s.read("Press Enter to wait for it, q to stop> ")
		if eof || isCommand(reply, "q", "quit") {
			s.stopped = true
			return questionbank.Question{}, false
		}
		s.clock.Sleep(firstDue.Sub(now))
	}
	q := s.again[first]
	s.again = slices.Delete(s.again, first, first+1)
	return q, true
}

// ask asks one question: it shows the question, reads the answer or a
// command, shows the guidance, reads the rating, and saves what happened.
// A question the learner stops at goes back to the queue, as left.
func (s *session) ask(q questionbank.Question) error {
	s.shown++
	shown := render.Clean(q)
	fmt.Fprintf(s.out, "\nQuestion %d of %d (%s, %s)\n%s\n", s.shown, s.shown+s.left(), shown.Level.Title(), shown.Type.Title(), shown.Text)
	if len(shown.Skills) > 0 {
		fmt.Fprintf(s.out, "Skills tested: %s\n", strings.Join(shown.Skills, ", "))
	}
	var answer string
	for {
		var eof bool
		answer, eof = s.read("\nYour answer (Enter: show guidance, s: skip, u: undo last rating, q: stop)> ")
		switch {
		case isCommand(answer, "q", "quit"), eof && answer == "":
			return s.stop(q)
		case isCommand(answer, "s", "skip"):
			s.skipped++
			fmt.Fprintln(s.out, "Skipped.")
			return nil
		case isCommand(answer, "u", "undo"):
			if len(s.history) == 0 {
				fmt.Fprintln(s.out, "Nothing to take back: no question has been rated in this session.")
				continue
			}
			return s.undo(q)
		}
		break
	}
	if err := render.WriteGuidance(s.out, shown); err != nil {
		return err
	}
	for {
		r, command := s.rating()
		e := practicestate.Event{Question: q, Answer: answer, Rating: r, At: s.clock.Now()}
		switch command {
		case "stop": // keep the answer, schedule nothing
			if _, err := s.save(q, e, answer); err != nil {
				return err
			}
			return s.stop(q)
		case "undo":
			if len(s.history) == 0 {
				fmt.Fprintln(s.out, "Nothing to take back: no question has been rated in this session.")
				continue
			}
			if _, err := s.save(q, e, answer); err != nil {
				return err
			}
			return s.undo(q)
		}
		c, err := s.save(q, e, answer)
		if err != nil {
			return err
		}
		s.rated++
		s.history = append(s.history, rating{q, r})
		if r == srs.Again {
			s.again = append(s.again, q)
		}
		fmt.Fprintf(s.out, "%s: back %s.\n", cli.Title(r.String()), cli.When(c.Due, e.At))
		return nil
	}
}

// stop ends the session at q, which is left to ask.
func (s *session) stop(q questionbank.Question) error {
	s.stopped = true
	s.shown--
	s.todo = slices.Insert(s.todo, 0, q)
	return nil
}

// undo takes back the session's last rating, and asks that question
// again next, then current, the question it was asked at.
func (s *session) undo(current questionbank.Question) error {
	last := s.history[len(s.history)-1]
	if _, err := s.save(last.q, practicestate.Event{Question: last.q, Undo: true}, ""); err != nil {
		return err
	}
	s.history = s.history[:len(s.history)-1]
	s.rated--
	if last.r == srs.Again {
		i := slices.IndexFunc(s.again, func(q questionbank.Question) bool { return q.ID == last.q.ID })
		s.again = slices.Delete(s.again, i, i+1)
	}
	s.shown = max(0, s.shown-2) // both are asked again, as if for the first time
	s.todo = slices.Insert(s.todo, 0, last.q, current)
	fmt.Fprintf(s.out, "%s for %s taken back; it is asked again now.\n", cli.Title(last.r.String()), cli.Quote(render.Clean(last.q).Text))
	return nil
}

// rating asks for a rating until it gets one, or the learner types a
// command: "stop" (q, or the end of the input) or "undo".
func (s *session) rating() (srs.Rating, string) {
	for {
		reply, eof := s.read("\nHow did you do? 1 again, 2 hard, 3 good, 4 easy (u: undo last rating, q: stop)> ")
		if r, err := practicestate.ParseRating(reply); err == nil {
			return r, ""
		}
		switch {
		case eof || isCommand(reply, "q", "quit"):
			return 0, "stop"
		case isCommand(reply, "u", "undo"):
			return 0, "undo"
		}
		fmt.Fprintf(s.out, "%q is not a rating: type 1, 2, 3 or 4 (or again, hard, good, easy).\n", reply)
	}
}

// read prompts for a line and returns it without surrounding space, of
// any length, and whether the input has ended. A last line without a
// newline is returned, not lost.
func (s *session) read(prompt string) (line string, eof bool) {
	fmt.Fprint(s.out, prompt)
	line, err := s.in.ReadString('\n')
	if err != nil {
		fmt.Fprintln(s.out)
		eof = true
		if !errors.Is(err, io.EOF) {
			line = ""
		}
	}
	return strings.TrimSpace(line), eof
}

func isCommand(s string, names ...string) bool {
	for _, n := range names {
		if strings.EqualFold(s, n) {
			return true
		}
	}
	return false
}

// save records e in the state file, or in memory without one, and returns
// q's card as it then is. If it cannot, the error shows the answer the
// learner typed, so that it is not lost.
func (s *session) save(q questionbank.Question, e practicestate.Event, answer string) (srs.Card, error) {
	p, err := practicestate.Save(s.file, s.progress, e)
	if err != nil {
		if answer != "" {
			return srs.Card{}, fmt.Errorf("%w\nYour answer, which was not saved:\n%s", err, answer)
		}
		return srs.Card{}, err
	}
	s.progress = p
	c, _ := p.Card(q.ID)
	return c, nil
}
