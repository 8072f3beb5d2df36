// Package cli holds what the example programs share: parsing flags and
// queries with the same messages, loading a bank from the -bank flag,
// making a *rand.Rand from the -seed flag, and the flags of the programs
// that practise with a progress file.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/backendprep/questionbank"
	"github.com/backendprep/questionbank/examples/internal/practicestate"
	"github.com/backendprep/questionbank/internal/pathquote"
	"github.com/backendprep/questionbank/internal/suggest"
	"github.com/backendprep/questionbank/mdbank"
	"github.com/backendprep/questionbank/srs"
)

// LoadBank returns the embedded bank for an empty name; for a directory,
// the bank of its Markdown files; for a file whose name ends in .md, a
// bank of that one question (package mdbank); and otherwise the JSON bank
// in the named file. Every line of an error says where its problem is:
// that of a Markdown bank starts with one path an editor opens, the
// directory joined with the file's name, and that of a JSON bank names
// the file; a name that holds a control character is quoted:
//
//	questions/caching.md:3: unknown level "senor"; did you mean "senior"?
//	bank file my.json: line 4: question 2 (id "x"): empty question text
//
// The error of a Markdown bank wraps its *mdbank.Error.
func LoadBank(name string) (*questionbank.Bank, error) {
	bank, _, err := lintBank(name, false)
	return bank, err
}

// LintBank loads the bank LoadBank loads and returns its warnings too, one
// a line, each starting with where to look: for a Markdown bank the path
// and line an editor opens, for a JSON bank the file and the question's
// ID, for the built-in bank the question's ID.
//
//	questions/caching.md:9: warning: asks nearly the same as questions/ttl.md:9: ...
//	built-in junior-1: warning: ...
func LintBank(name string) (*questionbank.Bank, []string, error) {
	return lintBank(name, true)
}

// lintBank loads the bank name, and lints it if lint is set.
func lintBank(name string, lint bool) (*questionbank.Bank, []string, error) {
	var bank *questionbank.Bank
	var problems []mdbank.Problem
	var err error
	switch fi, statErr := os.Stat(name); {
	case name == "":
		return lintOf(questionbank.Default(), "built-in ", lint)
	case statErr == nil && fi.IsDir() && lint:
		bank, problems, err = mdbank.LintDir(name)
	case statErr == nil && fi.IsDir():
		bank, err = mdbank.LoadDir(name)
	case strings.EqualFold(filepath.Ext(name), ".md") && lint:
		bank, problems, err = mdbank.LintFile(name)
	case strings.EqualFold(filepath.Ext(name), ".md"):
		bank, err = mdbank.LoadFile(name)
	default:
		bank, err := loadJSON(name)
		if err != nil {
			return nil, nil, err
		}
		return lintOf(bank, pathquote.Quote(name)+": ", lint)
	}
	var mdErr *mdbank.Error
	if errors.As(err, &mdErr) {
		return nil, nil, &bankError{mdErr}
	}
	if err != nil {
		return nil, nil, err
	}
	warns := make([]string, len(problems))
	for i, p := range problems {
		warns[i] = p.String()
	}
	return bank, warns, nil
}

// lintOf returns bank and, if lint is set, its warnings, each line
// starting with where, then the question's ID.
func lintOf(bank *questionbank.Bank, where string, lint bool) (*questionbank.Bank, []string, error) {
	var warns []string
	if lint {
		for _, w := range bank.Lint() {
			msg := w.Msg
			if w.Other != "" {
				msg = "asks nearly the same as " + w.Other + ": " + msg
			}
			warns = append(warns, where+w.ID+": warning: "+msg)
		}
	}
	return bank, warns, nil
}

// loadJSON loads the JSON bank in the file name.
func loadJSON(name string) (*questionbank.Bank, error) {
	quoted := pathquote.Quote(name)
	if fi, err := os.Stat(name); err == nil && !fi.Mode().IsRegular() && fi.Mode()&os.ModeNamedPipe == 0 {
		return nil, fmt.Errorf("bank file %s: not a regular file", quoted)
	}
	file, err := os.Open(name)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("bank file: %s %s: %w", pe.Op, quoted, pe.Err)
		}
		return nil, fmt.Errorf("bank file: %w", err)
	}
	defer file.Close()
	bank, err := questionbank.LoadJSON(file)
	if err != nil {
		return nil, prefixLines("bank file "+quoted+": ", strings.ReplaceAll(err.Error(), "questionbank: ", ""))
	}
	return bank, nil
}

// A bankError is the problems of a Markdown bank, one a line, each
// starting with its path.
type bankError struct{ e *mdbank.Error }

func (b *bankError) Error() string {
	lines := make([]string, 0, len(b.e.Problems)+1)
	for _, p := range b.e.Problems {
		lines = append(lines, p.String())
	}
	if b.e.More > 0 {
		lines = append(lines, fmt.Sprintf("and %d more problems", b.e.More))
	}
	return strings.Join(lines, "\n")
}

func (b *bankError) Unwrap() error { return b.e }

// prefixLines returns msg as an error with prefix before each line.
func prefixLines(prefix, msg string) error {
	return errors.New(Prefix(prefix, msg))
}

// Rand returns a *rand.Rand seeded with seed, or nil, the package's own
// source, for seed 0. The programs agree on it, so that one seed gives one
// draw in each.
func Rand(seed uint64) *rand.Rand {
	if seed == 0 {
		return nil
	}
	return rand.New(rand.NewPCG(seed, 0))
}

// Prefix puts prefix before each line of msg, for messages to stderr.
func Prefix(prefix, msg string) string {
	return prefix + strings.ReplaceAll(msg, "\n", "\n"+prefix)
}

// Parse parses args with flags, whose name is the program's, printing
// usage (then the flags) for -h. It returns ok to go on, or else the exit
// status: 0 after -h, 2 for a bad flag or an argument left over. hint, if
// not nil, adds advice about the arguments left over to the message.
func Parse(flags *flag.FlagSet, usage string, args []string, hint func(rest []string) string) (status int, ok bool) {
	flags.Usage = func() {
		fmt.Fprint(flags.Output(), usage)
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0, false
		}
		// The flag package has printed the problem and the usage; for a
		// misspelt flag, end with the likely one.
		if name, ok := strings.CutPrefix(err.Error(), "flag provided but not defined: -"); ok {
			if s := closestFlag(flags, name); s != "" {
				fmt.Fprintf(flags.Output(), "%s: unknown flag -%s; did you mean -%s?\n", flags.Name(), name, s)
			}
		}
		return 2, false
	}
	if flags.NArg() > 0 {
		advice := ""
		if hint != nil {
			advice = "; " + hint(flags.Args())
		}
		fmt.Fprintf(flags.Output(), "%s: unexpected argument %q%s\n", flags.Name(), flags.Arg(0), advice)
		return 2, false
	}
	return 0, true
}

// closestFlag returns the defined flag nearest to name, if one is at most
// two edits away, or "".
func closestFlag(flags *flag.FlagSet, name string) string {
	var names []string
	flags.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	return suggest.Closest(name, names, nil)
}

// ParseQuery parses q against bank. A bad query is printed to w, with a
// caret under the mistake, and ok is false: the program should exit 2.
func ParseQuery(w io.Writer, prog string, bank *questionbank.Bank, q string) (f questionbank.Filter, ok bool) {
	f, err := bank.ParseQuery(q)
	if err != nil {
		var se *questionbank.SyntaxError
		if errors.As(err, &se) {
			fmt.Fprintf(w, "%s: bad query: %s\n\n%s\n", prog, se.Msg, Prefix("    ", se.Caret()))
		} else {
			fmt.Fprintf(w, "%s: %v\n", prog, err)
		}
		return f, false
	}
	return f, true
}

// Count says "1 question" or "2 questions".
func Count(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// When says when t is, seen from now, for a person: "now", "in 10
// minutes (09:20)", "in 3 days (Mon 30 Nov 2026)", in local time.
func When(t, now time.Time) string {
	d := t.Sub(now)
	switch {
	case d < time.Minute:
		return "now"
	case d < time.Hour:
		return fmt.Sprintf("in %s (%s)", Count(int(d.Round(time.Minute)/time.Minute), "minute"), t.Local().Format("15:04"))
	case d < 24*time.Hour:
		return fmt.Sprintf("in %s (%s)", Count(int(d.Round(time.Hour)/time.Hour), "hour"), t.Local().Format("15:04"))
	}
	return fmt.Sprintf("in %s (%s)", Count(int(d.Round(24*time.Hour)/(24*time.Hour)), "day"), t.Local().Format("Mon 2 Jan 2006"))
}

// Quote returns the start of a question's text, quoted, to name it in a
// sentence: “How do you approach debugging a piece of code that...”.
func Quote(text string) string {
	if r := []rune(text); len(r) > 60 {
		text = strings.TrimSpace(string(r[:57])) + "..."
	}
	return "“" + text + "”"
}

// Title returns s with its first letter in upper case: "good" -> "Good".
func Title(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// SchedulerFlags defines -weights and -retention on flags, for a learner
// who has fitted FSRS weights to their own review log, and returns the
// function that makes the srs.Scheduler they give once flags are parsed.
// Its error names the flag and what is wrong; the program should exit 2.
func SchedulerFlags(flags *flag.FlagSet) func() (srs.Scheduler, error) {
	weights := flags.String("weights", "", "FSRS-6's 21 `weights`, W0,...,W20, as an optimizer fitted them to your review log (default: FSRS-6's)")
	retention := flags.Float64("retention", 0.9, "the `probability` of recall to schedule for, above 0 and at most 1")
	return func() (srs.Scheduler, error) {
		var s srs.Scheduler
		if *weights != "" {
			for i, w := range strings.Split(*weights, ",") {
				x, err := strconv.ParseFloat(strings.TrimSpace(w), 64)
				if err != nil {
					return s, fmt.Errorf("-weights: weight %d, %q, is not a number", i, w)
				}
				s.Weights = append(s.Weights, x)
			}
			if err := s.Validate(); err != nil {
				return s, fmt.Errorf("-weights: %s", strings.TrimPrefix(err.Error(), "srs: "))
			}
		}
		if !(*retention > 0 && *retention <= 1) {
			return s, fmt.Errorf("-retention %v: give a probability above 0 and at most 1, such as 0.9", *retention)
		}
		s.DesiredRetention = *retention
		return s, nil
	}
}

// PracticeFlags are the flags of a program that practises on a progress
// file: -bank, -state, -new, -weights and -retention.
type PracticeFlags struct {
	bank, state *string
	newPerDay   *int
	scheduler   func() (srs.Scheduler, error)
}

// DefinePracticeFlags defines the practice flags on flags.
func DefinePracticeFlags(flags *flag.FlagSet) *PracticeFlags {
	return &PracticeFlags{
		bank:      flags.String("bank", "", "a bank to practise from instead of the embedded questions: a JSON `file`, a directory of Markdown files, or one Markdown file"),
		state:     flags.String("state", "", "the progress `file`, shared by examples/practice, the page of examples/server and examples/mcp; none: in memory"),
		newPerDay: flags.Int("new", 10, "how many new `questions` to start a day"),
		scheduler: SchedulerFlags(flags),
	}
}

// A Practice is what the practice flags give: the bank, and the learner's
// progress with the file it is kept in.
type Practice struct {
	Bank      *questionbank.Bank
	File      *srs.File // nil: in memory
	Progress  *srs.Progress
	NewPerDay int
}

// Open checks the flags, loads the bank and opens the progress file. On
// a problem it prints it to w, after prog, and returns the exit status: 2
// for a bad flag, 1 for a bank or file that cannot be used.
func (pf *PracticeFlags) Open(w io.Writer, prog string) (*Practice, int, bool) {
	if *pf.newPerDay < 0 {
		fmt.Fprintf(w, "%s: -new %d: give 0 or more new questions a day\n", prog, *pf.newPerDay)
		return nil, 2, false
	}
	sched, err := pf.scheduler()
	if err != nil {
		fmt.Fprintf(w, "%s: %v\n", prog, err)
		return nil, 2, false
	}
	bank, err := LoadBank(*pf.bank)
	if err != nil {
		fmt.Fprintln(w, Prefix(prog+": ", err.Error()))
		return nil, 1, false
	}
	file, progress, err := practicestate.Open(*pf.state, sched)
	if err != nil {
		fmt.Fprintf(w, "%s: %v\n", prog, err)
		return nil, 1, false
	}
	return &Practice{Bank: bank, File: file, Progress: progress, NewPerDay: *pf.newPerDay}, 0, true
}
