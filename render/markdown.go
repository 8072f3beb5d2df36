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
	qs = cleanAll(qs)
	for i, q := range qs {
		if i > 0 {
			bw.WriteString("\n---\n\n")
		}
		fmt.Fprintf(bw, "## %s\n\n", mdEscape(q.Text))
		bw.WriteString(mdMeta(q) + "\n")
		if len(q.Skills) > 0 {
			fmt.Fprintf(bw, "\n**Skills tested:** %s\n", mdSkills(q))
		}
		if q.Introduction != "" {
			fmt.Fprintf(bw, "\n### Introduction\n\n%s\n", mdText(q.Introduction, ""))
		}
		mdList(bw, "How to answer", q.HowToAnswer)
		mdList(bw, "What not to say", q.WhatNotToSay)
		if q.ExampleAnswer != "" {
			fmt.Fprintf(bw, "\n### Example answer\n\n%s\n", mdText(q.ExampleAnswer, ""))
		}
		mdList(bw, "Follow-up questions", q.FollowUps)
	}
	mdSources(bw, qs)
	return bw.Flush()
}

// mdSources ends a Markdown document with where its questions, cleaned,
// come from.
func mdSources(w *bufio.Writer, qs []questionbank.Question) {
	if line := sourcesLine(qs); line != "" {
		fmt.Fprintf(w, "\n---\n\n*%s*\n", mdEscape(line))
	}
}

func mdList(w *bufio.Writer, title string, items []string) {
	if len(items) == 0 {
		return
	}
	fmt.Fprintf(w, "\n### %s\n\n", title)
	for _, s := range items {
		fmt.Fprintf(w, "- %s\n", mdText(s, "  "))
	}
}

// mdText is a text as Markdown: each line escaped, a line break as a hard
// break (a backslash at the end of the line), paragraphs apart, and every
// line after the first after indent, to stay in a list item.
func mdText(s, indent string) string {
	var paras []string
	for _, p := range paragraphs(s) {
		lines := make([]string, len(p))
		for i, l := range p {
			lines[i] = mdEscape(l)
		}
		paras = append(paras, strings.Join(lines, "\\\n"+indent))
	}
	return strings.Join(paras, "\n\n"+indent)
}

// mdEscape escapes the characters Markdown would read as markup in one
// line of text, and folds its runs of spaces.
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
	return mdEscape(skillList(q.Skills))
}
