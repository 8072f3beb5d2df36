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
	"slices"
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

// formatNames are the formats' names, by Format: the one list of them.
var formatNames = [...]string{Text: "text", Markdown: "markdown", JSON: "json", Anki: "anki", CSV: "csv", Kit: "kit"}

// Formats returns every format, in order.
func Formats() []Format {
	fs := make([]Format, 0, len(formatNames)-1)
	for f := Text; int(f) < len(formatNames); f++ {
		fs = append(fs, f)
	}
	return fs
}

// String returns the format's name: Markdown.String() -> "markdown".
func (f Format) String() string {
	if f < Text || int(f) >= len(formatNames) {
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
	return 0, fmt.Errorf("render: unknown format %q (formats are %s)", s, strings.Join(formatNames[Text:], ", "))
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

// sources returns the distinct sources of qs, in the order they first
// come.
func sources(qs []questionbank.Question) []questionbank.Source {
	var out []questionbank.Source
	for _, q := range qs {
		if !q.Source.IsZero() && !slices.Contains(out, q.Source) {
			out = append(out, q.Source)
		}
	}
	return out
}

// sourcesLine says where qs come from, in one line of plain text, or ""
// if they name no source: "Questions from: Title, URL (licence)."
func sourcesLine(qs []questionbank.Question) string {
	srcs := sources(qs)
	if len(srcs) == 0 {
		return ""
	}
	parts := make([]string, len(srcs))
	for i, s := range srcs {
		parts[i] = sourceText(s)
	}
	return "Questions from: " + strings.Join(parts, "; ") + "."
}

// sourceText is a source in one line: its title, address and licence,
// those it has, separated by " · ".
func sourceText(s questionbank.Source) string {
	var parts []string
	for _, p := range []string{s.Title, s.URL, s.Licence} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " · ")
}

// skillList is a question's skills, each trimmed, separated by commas.
func skillList(skills []string) string {
	trimmed := make([]string, len(skills))
	for i, s := range skills {
		trimmed[i] = strings.TrimSpace(s)
	}
	return strings.Join(trimmed, ", ")
}

// paragraphs splits a text into its paragraphs, and each paragraph into
// its lines: the shape every writer keeps.
func paragraphs(s string) [][]string {
	var out [][]string
	for _, p := range strings.Split(strings.TrimSpace(s), "\n\n") {
		if p = strings.Trim(p, "\n"); p != "" {
			out = append(out, strings.Split(p, "\n"))
		}
	}
	return out
}
