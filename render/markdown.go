package render

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/backendprep/questionbank"
)

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
		bw.WriteString(mdMeta(q) + "\n")
		if len(q.Skills) > 0 {
			fmt.Fprintf(bw, "\n**Skills tested:** %s\n", mdSkills(q))
		}
		if q.Introduction != "" {
			fmt.Fprintf(bw, "\n### Introduction\n\n%s\n", mdEscape(q.Introduction))
		}
		mdList(bw, "How to answer", q.HowToAnswer)
		mdList(bw, "What not to say", q.WhatNotToSay)
		if q.ExampleAnswer != "" {
			fmt.Fprintf(bw, "\n### Example answer\n\n%s\n", mdEscape(q.ExampleAnswer))
		}
		mdList(bw, "Follow-up questions", q.FollowUps)
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

// mdMeta is a question's level, type and ID in one line of Markdown.
func mdMeta(q questionbank.Question) string {
	return fmt.Sprintf("*%s* · %s · `%s`", mdEscape(q.Level.Title()), mdEscape(q.Type.Title()), strings.ReplaceAll(q.ID, "`", "'"))
}

// mdSkills is a question's skills, escaped, separated by commas.
func mdSkills(q questionbank.Question) string {
	esc := make([]string, len(q.Skills))
	for i, s := range q.Skills {
		esc[i] = mdEscape(s)
	}
	return strings.Join(esc, ", ")
}
