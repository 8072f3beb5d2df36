// Command practice runs a mock interview in the terminal, with spaced
// repetition: it asks the questions that are due, then new ones, shows how
// to answer each once you have answered it, and asks how well you did, so
// that each question comes back just before you would forget it.
//
//	go run ./examples/practice -q 'level>=senior' -state ~/.interview.json
//
// For each question, type your answer (one line of any length, or
// nothing) and press Enter to see the guidance; type s or skip to skip the
// question, q or quit to stop, u or undo to take back the last rating of
// the session (that question is then asked again). Then rate your answer:
// 1 again (you did not know it), 2 hard, 3 good, 4 easy. The scheduler is
// FSRS-6 (package srs): a question rated Good for the first time comes
// back in 10 minutes, then in days, weeks and months. A question rated
// Again comes back in the same session once it is due, a minute or ten
// later: the session offers to wait for it. The closing summary says when
// the next question is due.
//
// With -state FILE, progress is kept in FILE, the same file the practice
// page of examples/server and examples/mcp use: a progress document of
// package srs (json.Unmarshal reads it into an srs.Progress), with every
// answer you typed under "answers". It is saved after each question,
// under a lock, so two sessions on one file lose nothing of each other's;
// a path that cannot hold it is reported before the first question. Files
// of earlier versions of this program are read and kept whole. Input is
// read from standard input, so a script can drive a session.
//
// Flags:
//
//	-q QUERY       which questions to practise (default: all)
//	-new N         new questions a day (default 10)
//	-seed S        a seed for which new questions come, and in what order;
//	               0, the default, is random
//	-state FILE    where to keep progress between runs
//	-bank PATH     practise from a bank of your own: a JSON file, or a
//	               directory of Markdown files
//	-weights W,... FSRS-6's 21 weights, fitted to your review log
//	-retention R   the probability of recall to schedule for (default 0.9)
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
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, realClock{}))
}

// A clock tells the time and waits; tests give one of their own.
type clock interface {
	Now() time.Time
	Sleep(time.Duration)
}

type realClock struct{}

func (realClock) Now() time.Time        { return time.Now() }
func (realClock) Sleep(d time.Duration) { time.Sleep(d) }

const usage = `usage: practice [-q QUERY] [-new N] [-seed S] [-state FILE] [-bank PATH]
                [-weights W0,...,W20] [-retention R]

A mock interview with spaced repetition: the questions that are due, then
new ones, one at a time, the guidance after your answer, and your rating
of it (1 again, 2 hard, 3 good, 4 easy) to schedule the next review.
Type an answer and press Enter (or just press Enter) to see the guidance;
s or skip skips a question, q or quit stops, u or undo takes back your
last rating. -state keeps your progress between runs.

Examples:
  practice -q 'level:senior'
  practice -q 'type:behavioral' -new 5 -state behavioral.json

Flags:
`

func run(args []string, stdin io.Reader, stdout, stderr io.Writer, clock clock) int {
	flags := flag.NewFlagSet("practice", flag.ContinueOnError)
	flags.SetOutput(stderr)
	query := flags.String("q", "", "a `query` choosing the questions to practise, such as 'level>=senior'")
	seed := flags.Uint64("seed", 0, "a `seed` for which new questions come, and in what order; 0 is random")
	practiceFlags := cli.DefinePracticeFlags(flags)
	hint := func([]string) string { return "give the query with -q" }
	if status, ok := cli.Parse(flags, usage, args, hint); !ok {
		return status
	}
	pr, status, ok := practiceFlags.Open(stderr, "practice")
	if !ok {
		return status
	}
	bank := pr.Bank
	f, ok := cli.ParseQuery(stderr, "practice", bank, *query)
	if !ok {
		return 2
	}

	start := clock.Now()
	queue := pr.Progress.Queue(bank, f, start, pr.NewPerDay)
	// Which new questions, and in what order, is up to the seed.
	fresh := bank.Sample(cli.Rand(*seed), len(queue.New), questionbank.And(f, questionbank.Not(pr.Progress.Seen())))
	todo := append(queue.Due, fresh...)
	if len(todo) == 0 {
		fmt.Fprintln(stdout, practicestate.NothingDue(bank, pr.Progress, f, func(t time.Time) string { return cli.When(t, start) }))
		return 0
	}
	fmt.Fprintf(stdout, "%s due, %s new. Type your answer and press Enter to see the guidance; s skips, u takes back a rating, q stops.\n",
		cli.Count(len(queue.Due), "question"), cli.Count(len(fresh), "question"))

	s := &session{in: bufio.NewReader(stdin), out: stdout, file: pr.File, progress: pr.Progress, clock: clock, todo: todo}
	if err := s.run(); err != nil {
		fmt.Fprintf(stderr, "practice: %v\n", err)
		return 1
	}
	summary := fmt.Sprintf("\nRated %d, skipped %d; %d left for now.", s.rated, s.skipped, s.left())
	if next, ok := s.progress.NextDue(bank, f); ok {
		summary += " The next question is due " + cli.When(next, clock.Now()) + "."
	}
	fmt.Fprintln(stdout, summary)
	return 0
}
