package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

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
	file     *practicestate.File // nil: no -state
	progress *srs.Progress       // the learner's cards, as last saved

	rated, skipped int
	stopped        bool // q, quit, or the end of the input
}

// ask asks one question, n of total: it shows the question, reads the
// answer or a command, shows the guidance, reads the rating, and saves
// what happened. Its error is one of saving, which ends the session.
func (s *session) ask(q questionbank.Question, n, total int) error {
	shown := render.Clean(q)
	fmt.Fprintf(s.out, "\nQuestion %d of %d (%s, %s)\n%s\n", n, total, shown.Level.Title(), shown.Type.Title(), shown.Text)
	if len(shown.Skills) > 0 {
		fmt.Fprintf(s.out, "Skills tested: %s\n", strings.Join(shown.Skills, ", "))
	}
	answer, eof := s.read("\nYour answer (Enter: show guidance, s: skip, q: stop)> ")
	switch {
	case isCommand(answer, "q", "quit"), eof && answer == "":
		s.stopped = true
		return nil
	case isCommand(answer, "s", "skip"):
		s.skipped++
		fmt.Fprintln(s.out, "Skipped.")
		return nil
	}
	if err := render.WriteGuidance(s.out, shown); err != nil {
		return err
	}
	rating, ok := s.rating()
	e := practicestate.Event{Question: q, Answer: answer, Rating: rating, At: now()}
	if !ok { // stopped before rating: keep the answer, schedule nothing
		e.Rating = 0
		s.stopped = true
	}
	st, err := s.save(e)
	if err != nil {
		if answer != "" { // shown, so that what was typed is not lost
			return fmt.Errorf("%w\nYour answer, which was not saved:\n%s", err, answer)
		}
		return err
	}
	if !ok {
		return nil
	}
	s.rated++
	s.progress = st.Progress
	if c, found := s.progress.Card(q.ID); found {
		fmt.Fprintf(s.out, "%s: back %s.\n", cli.Title(rating.String()), cli.When(c.Due, e.At))
	}
	return nil
}

// rating asks for a rating until it gets one, and reports false if the
// learner stops or the input ends first.
func (s *session) rating() (srs.Rating, bool) {
	for {
		reply, eof := s.read("\nHow did you do? 1 again, 2 hard, 3 good, 4 easy (q: stop)> ")
		if r, ok := parseRating(reply); ok {
			return r, true
		}
		if eof || isCommand(reply, "q", "quit") {
			return 0, false
		}
		fmt.Fprintf(s.out, "%q is not a rating: type 1, 2, 3 or 4 (or again, hard, good, easy).\n", reply)
	}
}

func parseRating(s string) (srs.Rating, bool) {
	for r := srs.Again; r <= srs.Easy; r++ {
		if s == fmt.Sprint(int(r)) || strings.EqualFold(s, r.String()) {
			return r, true
		}
	}
	return 0, false
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

// save records e in the state file, or in memory without one, and
// returns the state as it then is.
func (s *session) save(e practicestate.Event) (*practicestate.State, error) {
	if s.file == nil {
		st := &practicestate.State{Progress: s.progress}
		return st, st.Apply(e)
	}
	return s.file.Save(e)
}
