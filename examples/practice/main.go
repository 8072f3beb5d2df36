// Command practice runs a mock interview in the terminal: it deals
// questions one at a time, without repeats, and shows how to answer each
// once you have answered it.
//
//	go run ./examples/practice -q 'level>=senior' -state ~/.interview.json
//
// For each question, type your answer (one line, or nothing) and press
// Enter to see the guidance; type s to skip the question, or q to stop.
// With -state FILE, progress is kept in FILE: the next run deals only the
// questions not yet practised or skipped, and the answers you typed are
// saved there too. Input is read from standard input, so a script can
// drive a session.
//
// Flags:
//
//	-q QUERY     which questions to practise (default: all)
//	-seed S      a seed for a reproducible order; 0, the default, is random
//	-state FILE  where to keep progress between runs
//	-bank FILE   practise from a JSON bank instead of the embedded one
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/backendprep/questionbank"
	"github.com/backendprep/questionbank/examples/internal/cli"
	"github.com/backendprep/questionbank/render"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = `usage: practice [-q QUERY] [-seed S] [-state FILE] [-bank FILE]

A mock interview: one question at a time, the guidance after your answer.
Type an answer and press Enter (or just press Enter) to see the guidance;
s skips a question, q stops. -state keeps your progress between runs.

Examples:
  practice -q 'level:senior'
  practice -q 'type:behavioral' -state behavioral.json

Flags:
`

// state is what -state keeps between runs.
type state struct {
	// Dealt lists the questions practised or skipped, in order.
	Dealt []string `json:"dealt"`
	// Skipped lists the questions of Dealt that were skipped.
	Skipped []string `json:"skipped,omitempty"`
	// Answers holds the answers typed, by question ID.
	Answers map[string]string `json:"answers,omitempty"`
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("practice", flag.ContinueOnError)
	flags.SetOutput(stderr)
	query := flags.String("q", "", "a `query` choosing the questions to practise, such as 'level>=senior'")
	seed := flags.Uint64("seed", 0, "a `seed` for a reproducible order; 0 is random")
	stateFile := flags.String("state", "", "a `file` that keeps progress between runs")
	bankFile := flags.String("bank", "", "a JSON bank `file` to practise from instead of the embedded questions")
	hint := func([]string) string { return "give the query with -q" }
	if status, ok := cli.Parse(flags, usage, args, hint); !ok {
		return status
	}
	bank, err := cli.LoadBank(*bankFile)
	if err != nil {
		fmt.Fprintln(stderr, cli.Prefix("practice: ", err.Error()))
		return 1
	}
	f, ok := cli.ParseQuery(stderr, "practice", bank, *query)
	if !ok {
		return 2
	}
	st, err := loadState(*stateFile)
	if err != nil {
		fmt.Fprintf(stderr, "practice: %v\n", err)
		return 1
	}

	total := bank.Count(f)
	deck := bank.Deck(cli.Rand(*seed), questionbank.And(f, questionbank.Not(questionbank.ByID(st.Dealt...))))
	if deck.Remaining() == 0 {
		if total == 0 {
			fmt.Fprintf(stdout, "No questions match %q.\n", *query)
		} else {
			fmt.Fprintf(stdout, "You have practised all %d questions that match %q. Remove %s to start again.\n", total, *query, *stateFile)
		}
		return 0
	}
	fmt.Fprintf(stdout, "%d of %d questions to go. Type your answer and press Enter to see the guidance; s skips, q stops.\n", deck.Remaining(), total)

	in := bufio.NewScanner(stdin)
	in.Buffer(make([]byte, 0, 64*1024), 1<<20)
	read := func(prompt string) (string, bool) {
		fmt.Fprint(stdout, prompt)
		if !in.Scan() {
			fmt.Fprintln(stdout)
			return "", false
		}
		return strings.TrimSpace(in.Text()), true
	}
	practised, skipped := 0, 0
	save := func() bool {
		if err := saveState(*stateFile, st); err != nil {
			fmt.Fprintf(stderr, "practice: %v\n", err)
			return false
		}
		return true
	}
	for q, ok := deck.Next(); ok; q, ok = deck.Next() {
		n := total - deck.Remaining()
		fmt.Fprintf(stdout, "\nQuestion %d of %d (%s, %s)\n%s\n", n, total, q.Level.Title(), q.Type.Title(), q.Text)
		if len(q.Skills) > 0 {
			fmt.Fprintf(stdout, "Skills tested: %s\n", strings.Join(q.Skills, ", "))
		}
		answer, ok := read("\nYour answer (Enter: show guidance, s: skip, q: stop)> ")
		if !ok || answer == "q" {
			break
		}
		st.Dealt = append(st.Dealt, q.ID)
		if answer == "s" {
			skipped++
			st.Skipped = append(st.Skipped, q.ID)
			fmt.Fprintln(stdout, "Skipped.")
			if !save() {
				return 1
			}
			continue
		}
		practised++
		if answer != "" {
			if st.Answers == nil {
				st.Answers = map[string]string{}
			}
			st.Answers[q.ID] = answer
		}
		if !save() {
			return 1
		}
		if err := render.WriteGuidance(stdout, q); err != nil {
			fmt.Fprintf(stderr, "practice: %v\n", err)
			return 1
		}
		if deck.Remaining() == 0 {
			break
		}
		if next, ok := read("\nEnter: next question, q: stop> "); !ok || next == "q" {
			break
		}
	}
	fmt.Fprintf(stdout, "\nPractised %d, skipped %d; %d left.\n", practised, skipped, deck.Remaining())
	return 0
}

// loadState reads the state file, if there is one. A missing file is a
// fresh start; a file that cannot be read or parsed is an error, never
// silently reset.
func loadState(name string) (*state, error) {
	st := &state{}
	if name == "" {
		return st, nil
	}
	data, err := os.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		return st, nil
	}
	if err != nil {
		return nil, fmt.Errorf("state file: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(st); err != nil {
		return nil, fmt.Errorf("state file %s is not a practice state (%v); move it away to start again", name, err)
	}
	return st, nil
}

// saveState writes the state file atomically: to a temporary file in the
// same directory, then renamed over the old one, so that a crash leaves
// the old state or the new, never half of one.
func saveState(name string, st *state) error {
	if name == "" {
		return nil
	}
	data, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
	if err != nil {
		return fmt.Errorf("saving state: %w", err)
	}
	defer os.Remove(tmp.Name()) // after a successful rename, there is nothing to remove
	if _, err := tmp.Write(append(data, '\n')); err != nil {
		tmp.Close()
		return fmt.Errorf("saving state: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("saving state: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("saving state: %w", err)
	}
	if err := os.Rename(tmp.Name(), name); err != nil {
		return fmt.Errorf("saving state: %w", err)
	}
	return nil
}
