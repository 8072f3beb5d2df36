// Package render writes interview questions for people and programs: as
// text for a terminal, as Markdown, as JSON, or as Anki flashcards.
//
// Each format has its own function, and [Write] picks one by [Format]:
//
//	qs := questionbank.Default().Sample(nil, 2, questionbank.ByLevel(questionbank.Senior))
//	err := render.Write(os.Stdout, render.Markdown, qs)
package render

import (
	"bufio"
	"encoding/json"
	"fmt"
	"html"
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
	Anki                       // "anki": a tab-separated note a line, front and back, to import into Anki
)

var formatNames = [...]string{"", "text", "markdown", "json", "anki"}

// Formats returns every format, in order.
func Formats() []Format { return []Format{Text, Markdown, JSON, Anki} }

// String returns the format's name: Markdown.String() -> "markdown".
func (f Format) String() string {
	if f < Text || f > Anki {
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
	return 0, fmt.Errorf("render: unknown format %q (formats are text, markdown, json, anki)", s)
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
	}
	return fmt.Errorf("render: unknown format %v", f)
}

// width is the column text is wrapped at.
const width = 80

// WriteText writes qs for reading in a terminal: each question numbered,
// with its level, type, ID and skills, then its guidance, wrapped at 80
// columns. For senior-2 it writes:
//
//	$ go run ./examples/draw -q id:senior-2
//	1. How do you ensure the security of the backend services you develop?
//	   Senior Backend Developer, Competency (senior-2)
//	   Skills: Security Awareness, Technical Knowledge, Proactive Mindset
//
//	   Introduction
//	   This question evaluates your understanding of security best practices,
//	   ...
func WriteText(w io.Writer, qs []questionbank.Question) error {
	bw := bufio.NewWriter(w)
	for i, q := range cleanAll(qs) {
		if i > 0 {
			bw.WriteString("\n")
		}
		num := fmt.Sprintf("%d. ", i+1)
		indent := strings.Repeat(" ", len(num))
		writeWrapped(bw, num, indent, q.Text)
		bw.WriteString(indent + meta(q) + "\n")
		if len(q.Skills) > 0 {
			writeWrapped(bw, indent+"Skills: ", indent+"  ", strings.Join(q.Skills, ", "))
		}
		writeGuidance(bw, indent, q)
	}
	return bw.Flush()
}

// WriteGuidance writes the guidance of one question as WriteText shows it
// (introduction, how to answer, what not to say, example answer), without
// the question: for a program that shows the question first and the
// guidance later.
func WriteGuidance(w io.Writer, q questionbank.Question) error {
	bw := bufio.NewWriter(w)
	writeGuidance(bw, "", Clean(q))
	return bw.Flush()
}

// writeGuidance writes q's guidance sections, each after a blank line,
// indented by indent.
func writeGuidance(w *bufio.Writer, indent string, q questionbank.Question) {
	section := func(title string) {
		w.WriteString("\n" + indent + title + "\n")
	}
	if q.Introduction != "" {
		section("Introduction")
		writeWrapped(w, indent, indent, q.Introduction)
	}
	if len(q.HowToAnswer) > 0 {
		section("How to answer")
		for _, s := range q.HowToAnswer {
			writeWrapped(w, indent+"- ", indent+"  ", s)
		}
	}
	if len(q.WhatNotToSay) > 0 {
		section("What not to say")
		for _, s := range q.WhatNotToSay {
			writeWrapped(w, indent+"- ", indent+"  ", s)
		}
	}
	if q.ExampleAnswer != "" {
		section("Example answer")
		writeWrapped(w, indent, indent, q.ExampleAnswer)
	}
}

// meta is a question's level, type and ID in one line.
func meta(q questionbank.Question) string {
	return fmt.Sprintf("%s, %s (%s)", q.Level.Title(), q.Type.Title(), q.ID)
}

// writeWrapped writes s word-wrapped to width columns, its first line
// after first and the others after rest. A word longer than a line gets a
// line of its own.
func writeWrapped(w *bufio.Writer, first, rest, s string) {
	line, col := first, len([]rune(first))
	empty := true
	for _, word := range strings.Fields(s) {
		n := len([]rune(word))
		if !empty && col+1+n > width {
			w.WriteString(line + "\n")
			line, col, empty = rest, len([]rune(rest)), true
		}
		if !empty {
			line += " "
			col++
		}
		line += word
		col += n
		empty = false
	}
	w.WriteString(line + "\n")
}

// WriteMarkdown writes qs as Markdown, a level-2 section a question, with
// the guidance under level-3 headings and the text escaped so that it
// renders as written.
func WriteMarkdown(w io.Writer, qs []questionbank.Question) error {
	bw := bufio.NewWriter(w)
	for i, q := range cleanAll(qs) {
		if i > 0 {
			bw.WriteString("\n---\n\n")
		}
		fmt.Fprintf(bw, "## %s\n\n", mdEscape(q.Text))
		fmt.Fprintf(bw, "*%s* · %s · `%s`\n", mdEscape(q.Level.Title()), mdEscape(q.Type.Title()), strings.ReplaceAll(q.ID, "`", "'"))
		if len(q.Skills) > 0 {
			esc := make([]string, len(q.Skills))
			for i, s := range q.Skills {
				esc[i] = mdEscape(s)
			}
			fmt.Fprintf(bw, "\n**Skills tested:** %s\n", strings.Join(esc, ", "))
		}
		if q.Introduction != "" {
			fmt.Fprintf(bw, "\n### Introduction\n\n%s\n", mdEscape(q.Introduction))
		}
		mdList(bw, "How to answer", q.HowToAnswer)
		mdList(bw, "What not to say", q.WhatNotToSay)
		if q.ExampleAnswer != "" {
			fmt.Fprintf(bw, "\n### Example answer\n\n%s\n", mdEscape(q.ExampleAnswer))
		}
	}
	return bw.Flush()
}

func mdList(w *bufio.Writer, title string, items []string) {
	if len(items) == 0 {
		return
	}
	fmt.Fprintf(w, "\n### %s\n\n", title)
	for _, s := range items {
		fmt.Fprintf(w, "- %s\n", mdEscape(s))
	}
}

// mdEscape escapes the characters Markdown would read as markup, and
// folds line breaks into spaces so a paragraph stays one.
func mdEscape(s string) string {
	var b strings.Builder
	s = strings.Join(strings.Fields(s), " ")
	for i, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~':
			b.WriteByte('\\')
		case '#', '+', '-', '=':
			if i == 0 {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	out := b.String()
	// "1. " at the start would make an ordered list.
	if j := strings.IndexFunc(out, func(r rune) bool { return r < '0' || r > '9' }); j > 0 && (out[j] == '.' || out[j] == ')') {
		out = out[:j] + `\` + out[j:]
	}
	return out
}

// WriteJSON writes qs as an indented JSON array in the question schema
// (an empty array for none), which [questionbank.LoadJSON] reads back.
func WriteJSON(w io.Writer, qs []questionbank.Question) error {
	if qs == nil {
		qs = []questionbank.Question{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(qs)
}

// WriteAnki writes qs as Anki notes, one a line: the front (the question)
// and the back (level, skills and the guidance), separated by a tab. The
// fields are HTML, as Anki imports them, with <br> for line breaks, so a
// file of these lines imports as it is (File > Import, "Fields separated
// by: Tab", "Allow HTML in fields").
func WriteAnki(w io.Writer, qs []questionbank.Question) error {
	bw := bufio.NewWriter(w)
	for _, q := range cleanAll(qs) {
		var back []string
		back = append(back, "<i>"+ankiText(meta(q))+"</i>")
		if len(q.Skills) > 0 {
			back = append(back, "<b>Skills tested:</b> "+ankiText(strings.Join(q.Skills, ", ")))
		}
		if q.Introduction != "" {
			back = append(back, "<b>Introduction</b><br>"+ankiText(q.Introduction))
		}
		back = append(back, ankiList("How to answer", q.HowToAnswer)...)
		back = append(back, ankiList("What not to say", q.WhatNotToSay)...)
		if q.ExampleAnswer != "" {
			back = append(back, "<b>Example answer</b><br>"+ankiText(q.ExampleAnswer))
		}
		bw.WriteString(ankiText(q.Text) + "\t" + strings.Join(back, "<br><br>") + "\n")
	}
	return bw.Flush()
}

func ankiList(title string, items []string) []string {
	if len(items) == 0 {
		return nil
	}
	lines := make([]string, len(items))
	for i, s := range items {
		lines[i] = "• " + ankiText(s)
	}
	return []string{"<b>" + title + "</b><br>" + strings.Join(lines, "<br>")}
}

// ankiText escapes s as HTML and turns tabs and line breaks, which would
// split a note, into spaces.
func ankiText(s string) string {
	return html.EscapeString(strings.Join(strings.Fields(s), " "))
}
