// Command draw prints random interview questions with their guidance.
//
//	go run ./examples/draw -q 'level>=senior type:technical' -n 2 -seed 7
//
// Flags:
//
//	-q QUERY     which questions to draw from (the query language of
//	             package questionbank; default: all)
//	-n N         how many to draw (default 1)
//	-seed S      a seed for a reproducible draw; 0, the default, is random
//	-format F    text, markdown, json or anki (default text)
//	-bank FILE   draw from a JSON bank instead of the embedded one
//
// The same seed, query and bank give the same output. The exit status is
// grep's: 0 when questions were printed, 1 when no question matched, 2 for
// any error: bad usage, a bad query (with a caret under the mistake), or a
// bank file that cannot be read or is invalid. No control character of a
// bank reaches a terminal: text, markdown and anki output replace them.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/backendprep/questionbank/examples/internal/cli"
	"github.com/backendprep/questionbank/render"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `usage: draw [-q QUERY] [-n N] [-seed S] [-format text|markdown|json|anki] [-bank FILE]

Draw random backend interview questions, with how to answer them.

Examples:
  draw -n 2                                     two questions, any level
  draw -q 'level>=senior type:technical' -n 2 -seed 7
  draw -q 'skill:scalability OR micro*' -format markdown
  draw -q 'level:junior' -n 5 -format anki > junior.tsv
  draw -bank my-questions.json -q 'type:behavioral'

Flags:
`

// run is the whole program, with its arguments and streams passed in so
// that tests can call it; it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("draw", flag.ContinueOnError)
	fs.SetOutput(stderr)
	query := fs.String("q", "", "a `query` choosing the questions to draw from, such as 'level>=senior type:technical'")
	n := fs.Int("n", 1, "how many questions to draw")
	seed := fs.Uint64("seed", 0, "a `seed` for a reproducible draw; 0 draws at random")
	formatName := fs.String("format", "text", "output `format`: text, markdown, json or anki")
	bankFile := fs.String("bank", "", "a JSON bank `file` to draw from instead of the embedded questions")
	hint := func(rest []string) string {
		return "give the query with -q, quoted: -q '" + strings.Join(rest, " ") + "'"
	}
	if status, ok := cli.Parse(fs, usage, args, hint); !ok {
		return status
	}
	if *n < 1 {
		fmt.Fprintf(stderr, "draw: -n %d: draw at least 1 question\n", *n)
		return 2
	}
	format, err := render.ParseFormat(*formatName)
	if err != nil {
		fmt.Fprintf(stderr, "draw: -format: %v\n", strings.TrimPrefix(err.Error(), "render: "))
		return 2
	}

	bank, err := cli.LoadBank(*bankFile)
	if err != nil {
		fmt.Fprintln(stderr, cli.Prefix("draw: ", err.Error()))
		return 2
	}
	f, ok := cli.ParseQuery(stderr, "draw", bank, *query)
	if !ok {
		return 2
	}

	qs := bank.Sample(cli.Rand(*seed), *n, f)
	switch {
	case len(qs) == 0:
		fmt.Fprintf(stderr, "draw: no question matches %q\n", *query)
	case len(qs) == 1 && *n > 1:
		fmt.Fprintf(stderr, "draw: only 1 question matches %q\n", *query)
	case len(qs) < *n:
		fmt.Fprintf(stderr, "draw: only %d questions match %q\n", len(qs), *query)
	}
	if err := render.Write(stdout, format, qs); err != nil {
		fmt.Fprintf(stderr, "draw: %v\n", err)
		return 2
	}
	if len(qs) == 0 {
		return 1 // as grep: nothing matched
	}
	return 0
}
