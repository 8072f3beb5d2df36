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
		next := n.NextSibling()
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
			intro = append(intro, b.text(n, next, "introduction"))
		case sectionIntro:
			if _, ok := n.(*ast.List); ok {
				f.warn(line, "a list in the introduction: is a section heading, such as ## How to answer, missing above it?")
			}
			intro = append(intro, b.text(n, next, "introduction"))
		case sectionExample:
			example = append(example, b.text(n, next, "example answer"))
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
	} else if _, ok := seen[sectionHow]; !ok {
		f.warn(f.at.text, "no \"How to answer\" section: say what a strong answer covers, under ## How to answer")
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
	return strings.TrimSpace(b.join(n))
}

// join returns the lines of a paragraph as one text: a soft line break as
// a space, a hard one (two spaces, or a backslash, at the end of a line)
// as a line break, as goldmark read them. A line ending inside a code
// span, or a link's destination or title, is a space, as CommonMark reads
// it, the spaces before it kept; one inside raw HTML is a problem, since
// as a space it could make a tag of what was text ([a](<b\nc>) would be a
// link).
func (b *blocks) join(n ast.Node) string {
	lines := n.Lines()
	if lines.Len() == 0 {
		return ""
	}
	// breaks[i] is the break goldmark read at the end of line i.
	const soft, hard = 1, 2
	breaks := make([]byte, lines.Len())
	j := 0 // the line of the inline being walked; inlines come in order
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch v := c.(type) {
		case *ast.Text:
			for j < lines.Len()-1 && v.Segment.Stop > lines.At(j).Stop {
				j++
			}
			if v.HardLineBreak() {
				breaks[j] = hard
			} else if v.SoftLineBreak() {
				breaks[j] = soft
			}
		case *ast.RawHTML:
			if v.Segments.Len() > 1 {
				b.f.bad(b.f.lineAt(v.Segments.At(0).Start), "raw HTML over more than one line: keep an HTML tag or comment on one line")
			}
		}
		return ast.WalkContinue, nil
	})
	var out strings.Builder
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		line := strings.TrimSuffix(string(seg.Value(b.src)), "\n")
		switch {
		case i == lines.Len()-1:
			out.WriteString(strings.TrimRight(line, " \t"))
		case breaks[i] == hard:
			out.WriteString(strings.TrimRight(strings.TrimSuffix(line, "\\"), " \t"))
			out.WriteByte('\n')
		case breaks[i] == soft:
			out.WriteString(strings.TrimRight(line, " \t"))
			out.WriteByte(' ')
		default: // inside a code span or a link: a line ending is a space
			out.WriteString(line)
			out.WriteByte(' ')
		}
	}
	return out.String()
}

// text returns a block of a text section as its text: a paragraph joined,
// a list as written, from its first line to the line of next (or the end).
func (b *blocks) text(n, next ast.Node, section string) string {
	switch n.Kind() {
	case ast.KindParagraph, ast.KindTextBlock:
		p := b.join(n)
		if strings.HasPrefix(p, "\n") {
			// Written back, it would read as the blank lines in a list.
			b.f.bad(b.line(n), "a paragraph that starts with a line break (a backslash alone on its first line) in the %s: start it with its text", section)
		}
		return p
	case ast.KindList:
		if !b.onlyText(n, section) {
			return ""
		}
		return b.source(n, next)
	}
	b.f.bad(b.line(n), "%s in the %s: write it as paragraphs, or a list", kindName(n), section)
	return ""
}

// onlyText reports whether list n holds only paragraphs and lists,
// reporting what else it holds.
func (b *blocks) onlyText(n ast.Node, section string) bool {
	ok := true
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || c.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		switch c.Kind() {
		case ast.KindList, ast.KindListItem, ast.KindParagraph, ast.KindTextBlock:
			return ast.WalkContinue, nil
		}
		b.f.bad(b.line(c), "%s inside a list in the %s: a list holds paragraphs and lists", kindName(c), section)
		ok = false
		return ast.WalkSkipChildren, nil
	})
	return ok
}

// source returns the lines from n's to next's, or to the end, as
// written, less the blank lines and spaces at the end.
func (b *blocks) source(n, next ast.Node) string {
	start := lineStart(b.src, n.Pos())
	stop := len(b.src)
	if next != nil && next.Pos() >= 0 {
		stop = lineStart(b.src, next.Pos())
	}
	return strings.TrimRight(string(b.src[start:stop]), " \t\n")
}

// lineStart returns the offset of the start of the line of off.
func lineStart(src []byte, off int) int {
	return bytes.LastIndexByte(src[:off], '\n') + 1
}

// items returns the items of a list section's block: each item's
// paragraphs joined by a blank line.
func (b *blocks) items(n ast.Node, section string) []string {
	if n.Kind() != ast.KindList {
		b.f.bad(b.line(n), "the %s section holds a list, one point a bullet (- ...), not %s", section, kindName(n))
		return nil
	}
	var out []string
	for it := n.FirstChild(); it != nil; it = it.NextSibling() {
		var paras []string
		for c := it.FirstChild(); c != nil; c = c.NextSibling() {
			switch c.Kind() {
			case ast.KindParagraph, ast.KindTextBlock:
				paras = append(paras, b.join(c))
			default:
				b.f.bad(b.line(c), "%s inside a bullet of %s: a bullet holds text", kindName(c), section)
			}
		}
		out = append(out, strings.Join(paras, "\n\n"))
	}
	return out
}

// kindName names a block for a person, with its article: "a code block".
func kindName(n ast.Node) string {
	switch n.Kind() {
	case ast.KindFencedCodeBlock, ast.KindCodeBlock:
		return "a code block"
	case ast.KindBlockquote:
		return "a quotation"
	case ast.KindThematicBreak:
		return "a horizontal rule"
	case ast.KindHTMLBlock:
		return "a block of HTML"
	case ast.KindList:
		return "a list"
	case ast.KindParagraph, ast.KindTextBlock:
		return "a paragraph"
	case ast.KindHeading:
		return "a heading"
	case ast.KindLinkReferenceDefinition:
		return "a link reference definition"
	}
	// Any other kind by its name in words: LinkReferenceDefinition ->
	// "a link reference definition".
	var words []string
	name := n.Kind().String()
	for i := 0; i < len(name); {
		j := i + 1
		for j < len(name) && !('A' <= name[j] && name[j] <= 'Z') {
			j++
		}
		words = append(words, strings.ToLower(name[i:j]))
		i = j
	}
	article := "a "
	if len(words) > 0 && strings.ContainsAny(words[0][:1], "aeiou") {
		article = "an "
	}
	return article + strings.Join(words, " ")
}
