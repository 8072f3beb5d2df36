package mdbank

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/backendprep/questionbank"
	"github.com/backendprep/questionbank/internal/suggest"
)

// Reading a question file's Markdown: the question as a level-1 heading,
// the introduction, and the sections under level-2 headings.

// The sections of a question, by heading.
const (
	sectionIntro = iota
	sectionHow
	sectionWhatNot
	sectionExample
	sectionFollowUps
	sectionUnknown // a section already reported
)

// sectionNames are the headings of the sections after the introduction,
// as Write writes them.
var sectionNames = []string{"", "How to answer", "What not to say", "Example answer", "Follow-up questions"}

// body reads the Markdown after the front matter into q.
func (f *file) body(body []byte, q *questionbank.Question) {
	doc := f.markdown.Parser().Parse(text.NewReader(body))
	b := &blocks{f: f, src: body}
	section := -1 // before the question's heading
	seen := map[int]int{}
	var intro, example []string
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		line := b.line(n)
		if h, ok := n.(*ast.Heading); ok {
			title := b.inline(h)
			switch {
			case h.Level == 1 && section < 0:
				q.Text = title
				f.at.text = line
				section = sectionIntro
			case h.Level == 1:
				f.bad(line, "a second question, %q: a file holds one question, under one level-1 heading", title)
			case h.Level == 2 && section >= 0:
				k := sectionOf(title)
				if k < 0 {
					msg := fmt.Sprintf("unknown section %q (the sections are %s)", title, strings.Join(sectionNames[1:], ", "))
					if s := suggest.Closest(title, sectionNames[1:], strings.ToLower); s != "" {
						msg = fmt.Sprintf("unknown section %q; did you mean %q?", title, s)
					}
					f.bad(line, "%s", msg)
				} else if at, dup := seen[k]; dup {
					f.bad(line, "a second %q section (the first is on line %d)", sectionNames[k], at)
				}
				seen[k] = line
				section = k
				if k < 0 {
					section = sectionUnknown // its content is not read
				}
			case section < 0:
				f.bad(line, "the question must come first, as a level-1 heading: # How would you ...?")
				section = sectionIntro
			default:
				f.bad(line, "a level-%d heading, %q, inside a section: use ## for a section, and no deeper headings", h.Level, title)
			}
			continue
		}
		switch section {
		case -1:
			f.bad(line, "the question must come first, as a level-1 heading: # How would you ...?")
			section = sectionIntro
			intro = append(intro, b.text(n, "introduction"))
		case sectionIntro:
			intro = append(intro, b.text(n, "introduction"))
		case sectionExample:
			example = append(example, b.text(n, "example answer"))
		case sectionHow:
			q.HowToAnswer = append(q.HowToAnswer, b.items(n, "how to answer")...)
		case sectionWhatNot:
			q.WhatNotToSay = append(q.WhatNotToSay, b.items(n, "what not to say")...)
		case sectionFollowUps:
			q.FollowUps = append(q.FollowUps, b.items(n, "follow-up questions")...)
		}
	}
	if section < 0 {
		f.bad(f.fmLines+1, "no question: write it as a level-1 heading after the front matter: # How would you ...?")
	}
	q.Introduction = strings.Join(intro, "\n\n")
	q.ExampleAnswer = strings.Join(example, "\n\n")
}

// sectionOf returns the section a heading names, or -1.
func sectionOf(title string) int {
	for k, name := range sectionNames {
		if k > 0 && strings.EqualFold(strings.Join(strings.Fields(title), " "), name) {
			return k
		}
	}
	return -1
}

// blocks reads the text of a file's Markdown blocks.
type blocks struct {
	f   *file
	src []byte
}

// line returns the file's line where n starts.
func (b *blocks) line(n ast.Node) int {
	if off := n.Pos(); off >= 0 {
		return b.f.lineAt(off)
	}
	off := -1
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			off = c.Lines().At(0).Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if off < 0 {
		return b.f.fmLines + 1
	}
	return b.f.lineAt(off)
}

// inline returns a heading's text as written.
func (b *blocks) inline(n ast.Node) string {
	return strings.TrimSpace(b.join(n.Lines()))
}

// join returns lines of a paragraph as one text: soft line breaks as a
// space, hard ones (two spaces, or a backslash, at the end of a line) as a
// line break.
func (b *blocks) join(lines *text.Segments) string {
	var out strings.Builder
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		line := string(seg.Value(b.src))
		line = strings.TrimSuffix(line, "\n")
		last := i == lines.Len()-1
		switch {
		case last:
			out.WriteString(strings.TrimRight(line, " \t"))
		case strings.HasSuffix(line, "\\"):
			out.WriteString(strings.TrimSuffix(line, "\\"))
			out.WriteByte('\n')
		case strings.HasSuffix(line, "  "):
			out.WriteString(strings.TrimRight(line, " "))
			out.WriteByte('\n')
		default:
			out.WriteString(strings.TrimRight(line, " \t"))
			out.WriteByte(' ')
		}
	}
	return out.String()
}

// text returns a block of a text section as its text: a paragraph joined,
// a list as written.
func (b *blocks) text(n ast.Node, section string) string {
	switch n.Kind() {
	case ast.KindParagraph, ast.KindTextBlock:
		return b.join(n.Lines())
	case ast.KindList:
		return b.raw(n)
	}
	b.f.bad(b.line(n), "a %s in the %s: write it as paragraphs, or a list", kindName(n), section)
	return ""
}

// raw returns the lines n spans, as written.
func (b *blocks) raw(n ast.Node) string {
	start, stop := -1, -1
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && c.Type() == ast.TypeBlock {
			lines := c.Lines()
			for i := 0; i < lines.Len(); i++ {
				s := lines.At(i)
				if start < 0 || s.Start < start {
					start = s.Start
				}
				stop = max(stop, s.Stop)
			}
		}
		return ast.WalkContinue, nil
	})
	if start < 0 {
		return ""
	}
	start = bytes.LastIndexByte(b.src[:start], '\n') + 1
	return strings.TrimRight(string(b.src[start:stop]), "\n ")
}

// items returns the items of a list section's block: each item's
// paragraphs joined by a blank line.
func (b *blocks) items(n ast.Node, section string) []string {
	if n.Kind() != ast.KindList {
		b.f.bad(b.line(n), "the %s section holds a list, one point a bullet (- ...), not a %s", section, kindName(n))
		return nil
	}
	var out []string
	for it := n.FirstChild(); it != nil; it = it.NextSibling() {
		var paras []string
		for c := it.FirstChild(); c != nil; c = c.NextSibling() {
			switch c.Kind() {
			case ast.KindParagraph, ast.KindTextBlock:
				paras = append(paras, b.join(c.Lines()))
			default:
				b.f.bad(b.line(c), "a %s inside a bullet of %s: a bullet holds text", kindName(c), section)
			}
		}
		out = append(out, strings.Join(paras, "\n\n"))
	}
	return out
}

// kindName names a block for a person.
func kindName(n ast.Node) string {
	switch n.Kind() {
	case ast.KindFencedCodeBlock, ast.KindCodeBlock:
		return "code block"
	case ast.KindBlockquote:
		return "quotation"
	case ast.KindThematicBreak:
		return "horizontal rule"
	case ast.KindHTMLBlock:
		return "block of HTML"
	case ast.KindList:
		return "list"
	case ast.KindParagraph, ast.KindTextBlock:
		return "paragraph"
	}
	return strings.ToLower(n.Kind().String())
}
