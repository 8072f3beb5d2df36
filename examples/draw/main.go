// Command draw prints random interview questions with their guidance.
//
//	go run ./examples/draw -q 'level>=senior type:technical' -n 2 -seed 7
//
// Flags:
//
//	-q QUERY     which questions to draw from (the query language of
//	             package questionbank; default: all)
//	-n N         how many to draw (default 1); 0 draws every match, in
//	             corpus order, or shuffled with -seed
//	-seed S      a seed for a reproducible draw; 0, the default, is random
//	-format F    text, markdown, json, anki, csv or kit (default text)
//	-deck NAME   the Anki deck, with -format anki (not all digits: Anki
//	             would read it as a deck ID)
//	-notetype T  the Anki note type, with -format anki (default Basic;
//	             it must exist under that name in your collection)
//	-plan P      draw an interview plan instead of -n questions: quotas
//	             QUERY=N separated by commas, such as
//	             'type:technical=2,type:behavioral=1'; -q narrows every quota
//	-bank PATH   draw from a bank of your own instead of the embedded one:
//	             a JSON file, a directory of Markdown files (one
//	             question a file; see package mdbank), or one Markdown file
//	-check       load and lint the bank (the built-in one without -bank):
//	             print its warnings (near-duplicate questions, skills that
//	             look like slips, a missing How to answer section, a list
//	             that ran into the introduction, skills: Go written where
//	             a list is expected) and a one-line summary, and exit 0
//	             when it loads, 2 when it does not (for CI); each problem
//	             or warning of a Markdown bank is a line of its own that
//	             starts with one path an editor opens:
//	             team/rate-limiter.md:3: unknown level "senor"
//	-strict      with -check, exit 2 on any warning too
//
// The same seed, query and bank give the same output. The exit status is
// grep's: 0 when questions were printed, 1 when no question matched, 2 for
// any error: bad usage, a bad query (with a caret under the mistake), or a
// bank file that cannot be read or is invalid. No control character of a
// bank reaches a terminal: text, markdown and anki output replace them.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/backendprep/questionbank"
	"github.com/backendprep/questionbank/examples/internal/cli"
	"github.com/backendprep/questionbank/internal/pathquote"
	"github.com/backendprep/questionbank/mdbank"
	"github.com/backendprep/questionbank/render"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `usage: draw [-q QUERY] [-n N | -plan QUOTAS] [-seed S] [-format F] [-deck NAME] [-bank PATH]
       draw [-bank PATH] -check [-strict]

Draw random backend interview questions, with how to answer them.

Examples:
  draw -n 2                                     two questions, any level
  draw -q 'level>=senior type:technical' -n 2 -seed 7
  draw -q 'skill:scalability OR micro*' -format markdown
  draw -q 'level<=mid' -n 6 -format anki -deck 'Interviews::Backend' > early.txt
  draw -plan 'type:technical=2,type:behavioral=1' -q 'level>=senior' -seed 42 -format kit
  draw -n 0 -format csv > questions.csv         every question, for a spreadsheet
  draw -bank my-questions.json -q 'type:behavioral'
  draw -bank questions/ -check -strict          lint a team's Markdown bank in CI

Flags:
`

// run is the whole program, with its arguments and streams passed in so
// that tests can call it; it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("draw", flag.ContinueOnError)
	fs.SetOutput(stderr)
	query := fs.String("q", "", "a `query` choosing the questions to draw from, such as 'level>=senior type:technical'")
	n := fs.Int("n", 1, "how many questions to draw; 0 draws every match")
	seed := fs.Uint64("seed", 0, "a `seed` for a reproducible draw; 0 draws at random")
	formatName := fs.String("format", "text", "output `format`: "+formatList())
	deck := fs.String("deck", "", "the Anki `deck` the notes go to, with -format anki (default \""+render.DefaultDeck+"\")")
	noteType := fs.String("notetype", "", "the Anki note `type` the notes use, with -format anki: the name of one in your collection with a front and a back (default \"Basic\")")
	planText := fs.String("plan", "", "an interview plan: `quotas` QUERY=N, separated by commas, such as 'type:technical=2,type:behavioral=1'")
	bankFile := fs.String("bank", "", "a bank to draw from instead of the embedded questions: a JSON `file`, a directory of Markdown files, or one Markdown file")
	check := fs.Bool("check", false, "check the -bank (the built-in bank without one): print its warnings and a summary, and exit 0 if it loads or 2 if not")
	strict := fs.Bool("strict", false, "with -check, exit 2 on any warning too")
	hint := func(rest []string) string {
		return "give the query with -q, quoted: -q '" + strings.Join(rest, " ") + "'"
	}
	if status, ok := cli.Parse(fs, usage, args, hint); !ok {
		return status
	}
	if *n < 0 {
		fmt.Fprintf(stderr, "draw: -n %d: draw 1 question or more, or 0 for every match\n", *n)
		return 2
	}
	nSet := false
	fs.Visit(func(f *flag.Flag) { nSet = nSet || f.Name == "n" })
	if nSet && *planText != "" {
		fmt.Fprintln(stderr, "draw: -n and -plan do not go together: a plan says how many questions of each kind")
		return 2
	}
	anki, ok := ankiDeck(stderr, *deck, *noteType)
	if !ok {
		return 2
	}
	format, err := render.ParseFormat(*formatName)
	if err != nil {
		fmt.Fprintf(stderr, "draw: -format: %v\n", strings.TrimPrefix(err.Error(), "render: "))
		return 2
	}
	if (*deck != "" || *noteType != "") && format != render.Anki {
		fmt.Fprintln(stderr, "draw: -deck and -notetype go with -format anki")
		return 2
	}

	if *strict && !*check {
		fmt.Fprintln(stderr, "draw: -strict goes with -check")
		return 2
	}
	if *check {
		return checkBank(stdout, stderr, *bankFile, *strict)
	}
	bank, ok := loadBank(stderr, *bankFile)
	if !ok {
		return 2
	}
	f, ok := cli.ParseQuery(stderr, "draw", bank, *query)
	if !ok {
		return 2
	}

	if *planText != "" {
		return drawPlan(stdout, stderr, bank, f, *planText, *seed, format, anki)
	}
	return drawSample(stdout, stderr, bank, f, *query, *n, *seed, format, anki)
}

// drawSample draws n questions matching f (every match for 0), says so if
// fewer match, writes them in format, and returns the exit status.
func drawSample(stdout, stderr io.Writer, bank *questionbank.Bank, f questionbank.Filter, query string, n int, seed uint64, format render.Format, anki render.AnkiDeck) int {
	var qs []questionbank.Question
	switch {
	case n == 0 && seed == 0: // every match, in corpus order
		qs = bank.Filter(f)
	case n == 0: // every match, shuffled by the seed
		qs = bank.Sample(cli.Rand(seed), bank.Count(f), f)
	default:
		qs = bank.Sample(cli.Rand(seed), n, f)
	}
	switch {
	case len(qs) == 0:
		fmt.Fprintf(stderr, "draw: no question matches %q\n", query)
	case len(qs) == 1 && n > 1:
		fmt.Fprintf(stderr, "draw: only 1 question matches %q\n", query)
	case len(qs) < n:
		fmt.Fprintf(stderr, "draw: only %d questions match %q\n", len(qs), query)
	}
	return write(stdout, stderr, format, anki, qs)
}

// ankiDeck checks the -deck and -notetype flags, printing a problem to
// stderr.
func ankiDeck(stderr io.Writer, deck, noteType string) (render.AnkiDeck, bool) {
	anki := render.AnkiDeck{Name: deck, NoteType: noteType}
	if err := anki.Check(); err != nil {
		flag := "-deck"
		if strings.Contains(err.Error(), "note type") {
			flag = "-notetype"
		}
		fmt.Fprintf(stderr, "draw: %s: %v\n", flag, strings.TrimPrefix(err.Error(), "render: "))
		return anki, false
	}
	return anki, true
}

// loadBank loads the -bank, printing its problems to stderr.
// checkBank lints the bank name, prints its warnings, one a line, and a
// summary, and returns the exit status: 0 if it loads, 2 if not, or, with
// strict, if it has any warning.
func checkBank(stdout, stderr io.Writer, name string, strict bool) int {
	bank, warns, err := cli.LintBank(name)
	if err != nil {
		printBankError(stderr, err)
		return 2
	}
	for _, w := range warns {
		fmt.Fprintln(stdout, w)
	}
	fmt.Fprintln(stdout, summary(name, bank, len(warns)))
	if strict && len(warns) > 0 {
		return 2
	}
	return 0
}

func loadBank(stderr io.Writer, name string) (*questionbank.Bank, bool) {
	bank, err := cli.LoadBank(name)
	if err != nil {
		printBankError(stderr, err)
		return nil, false
	}
	return bank, true
}

// printBankError prints the error of a bank that does not load.
func printBankError(stderr io.Writer, err error) {
	var problems *mdbank.Error
	if errors.As(err, &problems) {
		// One path an editor opens first on each line, for a person and
		// for CI's problem matchers.
		fmt.Fprintln(stderr, err)
		return
	}
	fmt.Fprintln(stderr, cli.Prefix("draw: ", err.Error()))
}

// write writes qs in format, and returns the exit status.
func write(stdout, stderr io.Writer, format render.Format, anki render.AnkiDeck, qs []questionbank.Question) int {
	var err error
	if format == render.Anki {
		err = anki.Write(stdout, qs)
	} else {
		err = render.Write(stdout, format, qs)
	}
	if err != nil {
		fmt.Fprintf(stderr, "draw: %v\n", err)
		return 2
	}
	if len(qs) == 0 {
		return 1 // as grep: nothing matched
	}
	return 0
}

// drawPlan draws the interview plan text describes, every quota narrowed
// by f, and writes it.
func drawPlan(stdout, stderr io.Writer, bank *questionbank.Bank, f questionbank.Filter, text string, seed uint64, format render.Format, anki render.AnkiDeck) int {
	quotas, err := parsePlan(bank, text)
	if err != nil {
		fmt.Fprintf(stderr, "draw: -plan: %v\n", err)
		return 2
	}
	for i := range quotas {
		quotas[i].Filter = questionbank.And(f, quotas[i].Filter)
	}
	qs, err := bank.Plan(cli.Rand(seed), quotas...)
	var short *questionbank.ShortfallError
	if errors.As(err, &short) {
		what := "questions match"
		if short.Got == 1 {
			what = "question matches"
		}
		fmt.Fprintf(stderr, "draw: -plan: quota %d asks for %d, but only %d %s it once the quotas before it are filled\n",
			short.Quota+1, short.Want, short.Got, what)
		return 1
	}
	if err != nil {
		fmt.Fprintf(stderr, "draw: -plan: %v\n", err)
		return 2
	}
	return write(stdout, stderr, format, anki, qs)
}

// planItem matches the end of one quota of a plan: "=N" before a comma or
// the end. A query may hold commas (skill:a,b) and "=" (level=senior), so
// the quotas are split where a count ends.
var planItem = regexp.MustCompile(`=\s*(\d+)\s*(,|$)`)

// parsePlan parses quotas QUERY=N, separated by commas, against bank.
func parsePlan(bank *questionbank.Bank, text string) ([]questionbank.Quota, error) {
	var quotas []questionbank.Quota
	rest := text
	for rest != "" {
		m := planItem.FindStringSubmatchIndex(rest)
		if m == nil {
			return nil, fmt.Errorf("%q has no count: write each quota as QUERY=N, as in 'type:technical=2,type:behavioral=1'", strings.TrimSpace(rest))
		}
		query := strings.TrimSpace(rest[:m[0]])
		n, err := strconv.Atoi(rest[m[2]:m[3]])
		if err != nil || n < 1 || n > 1000 {
			return nil, fmt.Errorf("quota %d: count %q must be a whole number from 1 to 1000", len(quotas)+1, rest[m[2]:m[3]])
		}
		qf, err := bank.ParseQuery(query)
		if err != nil {
			var se *questionbank.SyntaxError
			if errors.As(err, &se) {
				return nil, fmt.Errorf("quota %d, %q: %s", len(quotas)+1, query, se.Msg)
			}
			return nil, err
		}
		quotas = append(quotas, questionbank.Quota{Filter: qf, N: n})
		rest = rest[m[1]:]
	}
	if len(quotas) == 0 {
		return nil, errors.New("no quotas")
	}
	return quotas, nil
}

// formatList names render's formats: "text, markdown, ... or kit".
func formatList() string {
	var names []string
	for _, f := range render.Formats() {
		names = append(names, f.String())
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// summary sums up a bank in one line: its questions, by level and type,
// its skills, and how many warnings it has, if any.
func summary(name string, bank *questionbank.Bank, warnings int) string {
	fc := bank.Facets(questionbank.Filter{})
	var levels, types []string
	for _, l := range questionbank.Levels() {
		if n := fc.Levels[l]; n > 0 {
			levels = append(levels, fmt.Sprintf("%s %d", l, n))
		}
	}
	for _, t := range questionbank.Types() {
		if n := fc.Types[t]; n > 0 {
			types = append(types, fmt.Sprintf("%s %d", t, n))
		}
	}
	if name == "" {
		name = "the embedded bank"
	} else {
		name = pathquote.Quote(name)
	}
	valid := "valid"
	if warnings > 0 {
		valid += ", with " + cli.Count(warnings, "warning")
	}
	return fmt.Sprintf("%s: %s (%s; %s), %s: %s", name, cli.Count(bank.Len(), "question"),
		strings.Join(levels, ", "), strings.Join(types, ", "), cli.Count(len(bank.Skills()), "skill"), valid)
}
