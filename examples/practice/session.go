package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/backendprep/questionbank"
	"github.com/backendprep/questionbank/render"
)

// A session asks questions one at a time and saves what happens.
type session struct {
	in   *bufio.Reader
	out  io.Writer
	file *stateFile // nil: no -state

	practised, skipped int
	answered           bool // the last question asked was answered, not skipped
	stopped            bool // q, quit, or the end of the input
}

// ask asks one question, n of total: it shows the question, reads the
// answer or a command, saves what happened, and shows the guidance for an
// answered question. Its error is one of saving, which ends the session.
func (s *session) ask(q questionbank.Question, n, total int) error {
	q = render.Clean(q)
	fmt.Fprintf(s.out, "\nQuestion %d of %d (%s, %s)\n%s\n", n, total, q.Level.Title(), q.Type.Title(), q.Text)
	if len(q.Skills) > 0 {
		fmt.Fprintf(s.out, "Skills tested: %s\n", strings.Join(q.Skills, ", "))
	}
	answer, eof := s.read("\nYour answer (Enter: show guidance, s: skip, q: stop)> ")
	s.answered = false
	switch {
	case isCommand(answer, "q", "quit"):
		s.stopped = true
		return nil
	case eof && answer == "":
		s.stopped = true
		return nil
	case isCommand(answer, "s", "skip"):
		if err := s.save(event{id: q.ID, skipped: true}); err != nil {
			return err
		}
		s.skipped++
		fmt.Fprintln(s.out, "Skipped.")
		return nil
	}
	if err := s.save(event{id: q.ID, answer: answer}); err != nil {
		if answer != "" { // shown, so that what was typed is not lost
			return fmt.Errorf("%w\nYour answer, which was not saved:\n%s", err, answer)
		}
		return err
	}
	s.practised++
	s.answered, s.stopped = true, eof
	return render.WriteGuidance(s.out, q)
}

// next asks whether to go on, and reports whether to.
func (s *session) next() bool {
	if s.stopped {
		return false
	}
	reply, eof := s.read("\nEnter: next question, q: stop> ")
	return !eof && !isCommand(reply, "q", "quit")
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

func (s *session) save(e event) error {
	if s.file == nil {
		return nil
	}
	_, err := s.file.save([]event{e})
	return err
}
