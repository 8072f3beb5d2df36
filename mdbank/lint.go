package mdbank

import (
	"cmp"
	"fmt"
	"io/fs"
	"os"
	"slices"

	"github.com/backendprep/questionbank"
	"github.com/backendprep/questionbank/internal/pathquote"
)

// Linting a Markdown bank: the warnings of a bank that loads.

// Lint reads the bank in fsys as [Load] does and, if it loads, returns it
// with its warnings, each a [Problem] with Warning set that names the file
// and line to look at; if it does not load, it returns Load's error. The
// warnings are those of [questionbank.Bank.Lint], a question that asks
// nearly the same as another (naming both files) and a skill that looks
// like a slip for another, and those only the Markdown shows:
//
//   - a file with no "How to answer" section;
//   - a list in the introduction, as when a section's heading is missing
//     and its bullets run into the introduction;
//   - skills written as one value (skills: Go) where a list is expected.
//
// They come in the order of the files, each file's by line.
func Lint(fsys fs.FS) (*questionbank.Bank, []Problem, error) {
	return readAll(fsys, "").lint()
}

// LintDir lints the bank in the directory dir, as Lint lints
// os.DirFS(dir), naming each file by its path from here, as [LoadDir]
// does.
func LintDir(dir string) (*questionbank.Bank, []Problem, error) {
	return readAll(os.DirFS(dir), dir).lint()
}

// LintFile lints the one question file name, as [LoadFile] reads it.
func LintFile(name string) (*questionbank.Bank, []Problem, error) {
	return readOne(name).lint()
}

// lint returns the bank read and its warnings.
func (l *loader) lint() (*questionbank.Bank, []Problem, error) {
	bank, err := l.bank()
	if err != nil {
		return nil, nil, err
	}
	order := map[string]int{} // a file's path: its place among the files
	byID := map[string]*file{}
	var warns []Problem
	for i, f := range l.files {
		order[f.path] = i
		byID[questionbank.IDKey(l.qs[i].ID)] = f
		warns = append(warns, f.warns...)
	}
	for _, w := range bank.Lint() {
		f := byID[questionbank.IDKey(w.ID)]
		p := Problem{Path: f.path, Line: f.at.field("skills"), Msg: w.Msg, Warning: true}
		if w.Other != "" {
			o := byID[questionbank.IDKey(w.Other)]
			p.Line = f.at.field("text")
			p.Msg = fmt.Sprintf("asks nearly the same as %s:%d: %s", pathquote.Quote(o.path), o.at.field("text"), w.Msg)
		}
		warns = append(warns, p)
	}
	slices.SortStableFunc(warns, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(order[a.Path], order[b.Path]), cmp.Compare(a.Line, b.Line))
	})
	return bank, warns, nil
}
