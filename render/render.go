// Package render writes interview questions for people and programs: as
// text for a terminal, as Markdown, as JSON, as Anki notes that update in
// place, as CSV for spreadsheets, or as an interviewer's kit.
//
// Each format has its own function, and [Write] picks one by [Format]:
//
//	qs := questionbank.Default().Sample(nil, 2, questionbank.ByLevel(questionbank.Senior))
//	err := render.Write(os.Stdout, render.Markdown, qs)
package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/backendprep/questionbank"
)

// A Format is a way of writing questions.
type Format uint8

// The formats, as -format flags name them.
const (
	Text     Format = iota + 1 // "text": for a terminal, wrapped at 80 columns
	Markdown                   // "markdown": a section a question
	JSON                       // "json": an array in the question schema, loadable with questionbank.LoadJSON
	Anki                       // "anki": Anki notes that update in place on re-import; see AnkiDeck
	CSV                        // "csv": RFC 4180, a header row and a question a row
	Kit                        // "kit": an interviewer's kit in Markdown, with a score line and room for notes
)

var formatNames = [...]string{"", "text", "markdown", "json", "anki", "csv", "kit"}

// Formats returns every format, in order.
func Formats() []Format { return []Format{Text, Markdown, JSON, Anki, CSV, Kit} }

// String returns the format's name: Markdown.String() -> "markdown".
func (f Format) String() string {
	if f < Text || f > Kit {
		return fmt.Sprintf("Format(%d)", uint8(f))
	}
	return formatNames[f]
}

// ParseFormat returns the format with the given name, in any case; "md" is
// short for markdown.
func ParseFormat(s string) (Format, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "md" {
		return Markdown, nil
	}
	for _, f := range Formats() {
		if f.String() == s {
			return f, nil
		}
	}
	return 0, fmt.Errorf("render: unknown format %q (formats are text, markdown, json, anki, csv, kit)", s)
}

// Write writes qs to w in format f.
func Write(w io.Writer, f Format, qs []questionbank.Question) error {
	switch f {
	case Text:
		return WriteText(w, qs)
	case Markdown:
		return WriteMarkdown(w, qs)
	case JSON:
		return WriteJSON(w, qs)
	case Anki:
		return WriteAnki(w, qs)
	case CSV:
		return WriteCSV(w, qs)
	case Kit:
		return WriteKit(w, qs)
	}
	return fmt.Errorf("render: unknown format %v", f)
}
