// Command practice runs a mock interview in the terminal: it deals
// questions one at a time, without repeats, and shows how to answer each
// once you have answered it.
//
//	go run ./examples/practice -q 'level>=senior' -state ~/.interview.json
//
// For each question, type your answer (one line of any length, or
// nothing) and press Enter to see the guidance; type s or skip to skip the
// question, q or quit to stop. With -state FILE, progress is kept in FILE:
// the next run deals only the questions not yet practised or skipped, and
// every answer you typed is saved there too. The file is saved after each
// question, under a lock, so two sessions on one file lose nothing of each
// other's; a path that cannot hold it is reported before the first
// question. Input is read from standard input, so a script can drive a
// session.
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
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/backendprep/questionbank"
	"github.com/backendprep/questionbank/examples/internal/cli"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = `usage: practice [-q QUERY] [-seed S] [-state FILE] [-bank FILE]

A mock interview: one question at a time, the guidance after your answer.
Type an answer and press Enter (or just press Enter) to see the guidance;
s or skip skips a question, q or quit stops. -state keeps your progress
between runs.

Examples:
  practice -q 'level:senior'
  practice -q 'type:behavioral' -state behavioral.json

Flags:
`

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("practice", flag.ContinueOnError)
	flags.SetOutput(stderr)
	query := flags.String("q", "", "a `query` choosing the questions to practise, such as 'level>=senior'")
	seed := flags.Uint64("seed", 0, "a `seed` for a reproducible order; 0 is random")
	statePath := flags.String("state", "", "a `file` that keeps progress between runs")
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
	file, st, err := openState(*statePath)
	if err != nil {
		fmt.Fprintf(stderr, "practice: %v\n", err)
		return 1
	}

	total := bank.Count(f)
	deck := bank.Deck(cli.Rand(*seed), questionbank.And(f, questionbank.Not(questionbank.ByID(st.Dealt...))))
	if deck.Remaining() == 0 {
		if total == 0 {
			fmt.Fprintf(stdout, "No questions match %q.\n", *query)
			return 0
		}
		skipped := bank.Count(questionbank.And(f, questionbank.ByID(st.Skipped...)))
		fmt.Fprintf(stdout, "You have been through all %d questions that match %q: practised %d, skipped %d. Remove %s to start again.\n",
			total, *query, total-skipped, skipped, *statePath)
		return 0
	}
	fmt.Fprintf(stdout, "%d of %d questions to go. Type your answer and press Enter to see the guidance; s skips, q stops.\n", deck.Remaining(), total)

	s := &session{in: bufio.NewReader(stdin), out: stdout, file: file}
	left := 0
	for q := range deck.All() {
		if err := s.ask(q, total-deck.Remaining(), total); err != nil {
			fmt.Fprintf(stderr, "practice: %v\n", err)
			return 1
		}
		if s.stopped {
			left = 1 // the question asked, not practised
			break
		}
		if s.answered && deck.Remaining() > 0 && !s.next() {
			break
		}
	}
	left += deck.Remaining()
	fmt.Fprintf(stdout, "\nPractised %d, skipped %d; %d left.\n", s.practised, s.skipped, left)
	return 0
}
