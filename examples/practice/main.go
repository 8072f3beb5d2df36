// Command practice runs a mock interview in the terminal, with spaced
// repetition: it asks the questions that are due, then new ones, shows how
// to answer each once you have answered it, and asks how well you did, so
// that each question comes back just before you would forget it.
//
//	go run ./examples/practice -q 'level>=senior' -state ~/.interview.json
//
// For each question, type your answer (one line of any length, or
// nothing) and press Enter to see the guidance; type s or skip to skip the
// question, q or quit to stop. Then rate your answer: 1 again (you did not
// know it), 2 hard, 3 good, 4 easy. The scheduler is FSRS-6 (package srs):
// a question rated Good for the first time comes back in 10 minutes, then
// in days, weeks and months.
//
// With -state FILE, progress is kept in FILE, the same file the practice
// page of examples/server uses: the cards, the review log and every answer
// you typed. It is saved after each question, under a lock, so two
// sessions on one file lose nothing of each other's; a path that cannot
// hold it is reported before the first question. A state file of the
// first version of this program is read and kept whole. Input is read
// from standard input, so a script can drive a session.
//
// Flags:
//
//	-q QUERY     which questions to practise (default: all)
//	-new N       new questions a day (default 10)
//	-seed S      a seed for which new questions come, and in what order;
//	             0, the default, is random
//	-state FILE  where to keep progress between runs
//	-bank FILE   practise from a JSON bank instead of the embedded one
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/backendprep/questionbank"
	"github.com/backendprep/questionbank/examples/internal/cli"
	"github.com/backendprep/questionbank/examples/internal/practicestate"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// now is the clock; tests set it.
var now = time.Now

const usage = `usage: practice [-q QUERY] [-new N] [-seed S] [-state FILE] [-bank FILE]

A mock interview with spaced repetition: the questions that are due, then
new ones, one at a time, the guidance after your answer, and your rating
of it (1 again, 2 hard, 3 good, 4 easy) to schedule the next review.
Type an answer and press Enter (or just press Enter) to see the guidance;
s or skip skips a question, q or quit stops. -state keeps your progress
between runs.

Examples:
  practice -q 'level:senior'
  practice -q 'type:behavioral' -new 5 -state behavioral.json

Flags:
`

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("practice", flag.ContinueOnError)
	flags.SetOutput(stderr)
	query := flags.String("q", "", "a `query` choosing the questions to practise, such as 'level>=senior'")
	newPerDay := flags.Int("new", 10, "how many new `questions` to start a day")
	seed := flags.Uint64("seed", 0, "a `seed` for which new questions come, and in what order; 0 is random")
	statePath := flags.String("state", "", "a `file` that keeps progress between runs")
	bankFile := flags.String("bank", "", "a JSON bank `file` to practise from instead of the embedded questions")
	hint := func([]string) string { return "give the query with -q" }
	if status, ok := cli.Parse(flags, usage, args, hint); !ok {
		return status
	}
	if *newPerDay < 0 {
		fmt.Fprintf(stderr, "practice: -new %d: give 0 or more new questions a day\n", *newPerDay)
		return 2
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
	file, st, err := practicestate.Open(*statePath)
	if err != nil {
		fmt.Fprintf(stderr, "practice: %v\n", err)
		return 1
	}

	start := now()
	queue := st.Progress.Queue(bank, f, start, *newPerDay)
	// Which new questions, and in what order, is up to the seed.
	fresh := bank.Sample(cli.Rand(*seed), len(queue.New), questionbank.And(f, questionbank.Not(st.Progress.Seen())))
	todo := append(queue.Due, fresh...)
	if len(todo) == 0 {
		if bank.Count(f) == 0 {
			fmt.Fprintf(stdout, "No questions match %q.\n", *query)
			return 0
		}
		msg := "Nothing is due"
		if bank.Count(questionbank.And(f, questionbank.Not(st.Progress.Seen()))) > 0 {
			msg += ", and today's new questions are done (-new sets how many a day)"
		}
		if next, ok := st.Progress.NextDue(bank, f); ok {
			msg += ". The next question is due " + cli.When(next, start)
		}
		fmt.Fprintln(stdout, msg+".")
		return 0
	}
	fmt.Fprintf(stdout, "%s due, %s new. Type your answer and press Enter to see the guidance; s skips, q stops.\n",
		cli.Count(len(queue.Due), "question"), cli.Count(len(fresh), "question"))

	s := &session{in: bufio.NewReader(stdin), out: stdout, file: file, progress: st.Progress}
	asked := 0
	for i, q := range todo {
		asked++
		if err := s.ask(q, i+1, len(todo)); err != nil {
			fmt.Fprintf(stderr, "practice: %v\n", err)
			return 1
		}
		if s.stopped {
			asked-- // asked, but neither rated nor skipped
			break
		}
	}
	fmt.Fprintf(stdout, "\nRated %d, skipped %d; %d left for now.\n", s.rated, s.skipped, len(todo)-asked)
	return 0
}
