package render

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/backendprep/questionbank"
)

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
	qs = cleanAll(qs)
	for i, q := range qs {
		if i > 0 {
			bw.WriteString("\n")
		}
		num := fmt.Sprintf("%d. ", i+1)
		indent := strings.Repeat(" ", len(num))
		writeWrapped(bw, num, indent, q.Text)
		writeWrapped(bw, indent, indent+"  ", meta(q))
		if len(q.Skills) > 0 {
			writeWrapped(bw, indent+"Skills: ", indent+"  ", skillList(q.Skills))
		}
		writeGuidance(bw, indent, q)
	}
	if line := sourcesLine(qs); line != "" {
		bw.WriteString("\n")
		writeWrapped(bw, "", "", line)
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
	if len(q.FollowUps) > 0 {
		section("Follow-up questions")
		for _, s := range q.FollowUps {
			writeWrapped(w, indent+"- ", indent+"  ", s)
		}
	}
}

// meta is a question's level, type and ID in one line.
func meta(q questionbank.Question) string {
	return fmt.Sprintf("%s, %s (%s)", q.Level.Title(), q.Type.Title(), q.ID)
}

// writeWrapped writes s word-wrapped to width columns, its first line
// after first and the others after rest, keeping its paragraphs (with a
// blank line between them) and its line breaks, and the indentation a
// line starts with. A word longer than a line gets a line of its own.
func writeWrapped(w *bufio.Writer, first, rest, s string) {
	for pi, para := range paragraphs(s) {
		if pi > 0 {
			w.WriteString("\n")
		}
		for li, line := range para {
			start := rest
			if pi == 0 && li == 0 {
				start = first
			}
			lead := line[:len(line)-len(strings.TrimLeft(line, " \t"))]
			wrapLine(w, start+lead, rest+lead, line)
		}
	}
}

// wrapLine writes one line of text word-wrapped, its first line after
// first and the others after rest.
func wrapLine(w *bufio.Writer, first, rest, s string) {
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
	w.WriteString(strings.TrimRight(line, " ") + "\n")
}
