package mdbank

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"go.yaml.in/yaml/v3"

	"github.com/backendprep/questionbank"
	"github.com/backendprep/questionbank/internal/suggest"
)

// MaxFileSize is the largest question file Load reads: a question is a
// few kilobytes, and a larger file is a mistake, not a question.
const MaxFileSize = 1 << 20

// maxProblems is how many problems an Error lists before "and N more".
const maxProblems = 100

// A Problem is one thing wrong in a bank's files.
type Problem struct {
	Path string // the file, as fs.WalkDir names it
	Line int    // from 1; 0 for the file as a whole
	Msg  string
}

func (p Problem) String() string {
	if p.Line == 0 {
		return p.Path + ": " + p.Msg
	}
	return fmt.Sprintf("%s:%d: %s", p.Path, p.Line, p.Msg)
}

// An Error lists the problems of a bank's files, in the order of the
// files, at most 100 of them, and counts the rest.
type Error struct {
	Problems []Problem
	More     int // problems beyond those listed
}

// Error returns the problems, one a line.
func (e *Error) Error() string {
	lines := make([]string, 0, len(e.Problems)+1)
	for _, p := range e.Problems {
		lines = append(lines, "mdbank: "+p.String())
	}
	if e.More > 0 {
		lines = append(lines, fmt.Sprintf("mdbank: and %d more problems", e.More))
	}
	return strings.Join(lines, "\n")
}

func (e *Error) add(p Problem) {
	if len(e.Problems) < maxProblems {
		e.Problems = append(e.Problems, p)
	} else {
		e.More++
	}
}

// Load reads every *.md file under fsys (in the order fs.WalkDir visits
// them, directories whose name starts with a dot left out) as one
// question each and returns the bank. If any file has a problem, or there
// is no file, it returns no bank and an *Error that lists the problems,
// each as path:line: what is wrong.
func Load(fsys fs.FS) (*questionbank.Bank, error) {
	var qs []questionbank.Question
	var bad Error
	idAt := map[string]string{} // an ID's key: the file and line that has it
	markdown := goldmark.New()
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			bad.add(Problem{Path: name, Msg: err.Error()})
			return nil
		}
		if d.IsDir() {
			if name != "." && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		if path.Ext(name) != ".md" {
			return nil
		}
		data, err := readFile(fsys, name)
		if err != nil {
			bad.add(Problem{Path: name, Msg: err.Error()})
			return nil
		}
		f := &file{path: name, markdown: markdown}
		q, idLine := f.parse(data)
		if q.ID != "" {
			key := questionbank.IDKey(q.ID)
			if at, dup := idAt[key]; dup {
				f.bad(idLine, "id %q is also the id of the question in %s", q.ID, at)
			} else {
				idAt[key] = fmt.Sprintf("%s:%d", name, idLine)
			}
		}
		if len(f.problems) == 0 {
			f.check(q, idLine)
		}
		for _, p := range f.problems {
			bad.add(p)
		}
		qs = append(qs, q)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(qs) == 0 && len(bad.Problems) == 0 {
		bad.add(Problem{Path: ".", Msg: "no question files: a question is a file whose name ends in .md"})
	}
	if len(bad.Problems) > 0 {
		return nil, &bad
	}
	bank, err := questionbank.New(qs)
	if err != nil {
		return nil, err // found above, file by file; kept as a last guard
	}
	return bank, nil
}

// readFile reads name, refusing one larger than MaxFileSize before it
// reads it.
func readFile(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Size() > MaxFileSize {
		return nil, fmt.Errorf("%d bytes, more than a question file may hold (%d)", fi.Size(), MaxFileSize)
	}
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(io.LimitReader(f, MaxFileSize+1)); err != nil {
		return nil, err
	}
	if buf.Len() > MaxFileSize {
		return nil, fmt.Errorf("more than a question file may hold (%d bytes)", MaxFileSize)
	}
	return buf.Bytes(), nil
}

// A file is one question file being read, and its problems.
type file struct {
	path     string
	markdown goldmark.Markdown // CommonMark, no extensions: one for all the files of a Load (1,000 files: 15% faster)
	problems []Problem
	fmLines  int // lines before the Markdown body: the front matter's
}

func (f *file) bad(line int, format string, args ...any) {
	f.problems = append(f.problems, Problem{Path: f.path, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// parse reads a question file; it returns the question and the line of
// its id. Its problems are in f.problems.
func (f *file) parse(data []byte) (q questionbank.Question, idLine int) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		line, col := invalidAt(data)
		f.bad(line, "not UTF-8: byte %#02x at column %d", data[offsetOf(data, line, col)], col)
		return q, 0
	}
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	front, body, ok := f.split(data)
	if !ok {
		return q, 0
	}
	idLine = f.frontMatter(front, &q)
	f.body(body, &q)
	return q, idLine
}

// split returns the front matter, between its --- lines, and the body.
func (f *file) split(data []byte) (front, body []byte, ok bool) {
	rest, found := bytes.CutPrefix(data, []byte("---\n"))
	if !found {
		f.bad(1, "no front matter: a question file starts with a line ---, then id, level, type and skills, then ---")
		return nil, nil, false
	}
	end := -1
	if bytes.HasPrefix(rest, []byte("---\n")) || bytes.Equal(rest, []byte("---")) {
		end = 0
	} else if i := bytes.Index(rest, []byte("\n---\n")); i >= 0 {
		end = i + 1
	} else if bytes.HasSuffix(rest, []byte("\n---")) {
		end = len(rest) - 3
	}
	if end < 0 {
		f.bad(1, "the front matter has no closing --- line")
		return nil, nil, false
	}
	front = rest[:end]
	body = rest[min(len(rest), end+4):]
	f.fmLines = 2 + bytes.Count(front, []byte("\n"))
	return front, body, true
}

// frontKeys are the front matter's keys.
var frontKeys = []string{"id", "level", "type", "skills", "source"}

// frontMatter reads the front matter's keys into q and returns the line of
// the id.
func (f *file) frontMatter(front []byte, q *questionbank.Question) (idLine int) {
	var doc yaml.Node
	if err := yaml.Unmarshal(front, &doc); err != nil {
		line, msg := 2, strings.TrimPrefix(err.Error(), "yaml: ")
		if rest, ok := strings.CutPrefix(msg, "line "); ok {
			if n, after, ok := strings.Cut(rest, ": "); ok {
				if l, err := strconv.Atoi(n); err == nil {
					line, msg = l+1, after // the front matter starts on the file's second line
				}
			}
		}
		f.bad(line, "front matter: %s", msg)
		return 0
	}
	if len(doc.Content) == 0 {
		f.bad(1, `the front matter is empty: give id, level, type and skills`)
		return 0
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		f.bad(m.Line+1, "the front matter must be keys and values, such as id: senior-caching")
		return 0
	}
	lineOf := func(n *yaml.Node) int { return n.Line + 1 }
	seen := map[string]int{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if at, dup := seen[k.Value]; dup {
			f.bad(lineOf(k), "key %q is given twice in the front matter (first on line %d)", k.Value, at)
			continue
		}
		seen[k.Value] = lineOf(k)
		scalar := func() (string, bool) {
			if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
				f.bad(lineOf(v), "%s must be a single value", k.Value)
				return "", false
			}
			return strings.TrimSpace(v.Value), true
		}
		switch k.Value {
		case "id":
			q.ID, _ = scalar()
			idLine = lineOf(k)
		case "level":
			if s, ok := scalar(); ok {
				l, err := questionbank.ParseLevel(s)
				if err != nil {
					f.bad(lineOf(v), "%s", strings.TrimPrefix(err.Error(), "questionbank: "))
				}
				q.Level = l
			}
		case "type":
			if s, ok := scalar(); ok {
				t, err := questionbank.ParseType(s)
				if err != nil {
					f.bad(lineOf(v), "%s", strings.TrimPrefix(err.Error(), "questionbank: "))
				}
				q.Type = t
			}
		case "skills":
			q.Skills = f.skills(v)
		case "source":
			q.Source = f.source(v)
		default:
			msg := fmt.Sprintf("unknown key %q in the front matter (the keys are id, level, type, skills and source)", k.Value)
			if s := suggest.Closest(k.Value, frontKeys, strings.ToLower); s != "" {
				msg = fmt.Sprintf("unknown key %q in the front matter; did you mean %q?", k.Value, s)
			}
			f.bad(lineOf(k), "%s", msg)
		}
	}
	for _, k := range frontKeys[:3] {
		if _, ok := seen[k]; !ok {
			f.bad(1, "the front matter has no %s", k)
		}
	}
	return idLine
}

// skills reads the skills: a list, or one skill alone.
func (f *file) skills(v *yaml.Node) []string {
	switch v.Kind {
	case yaml.ScalarNode:
		if s := strings.TrimSpace(v.Value); s != "" && v.Tag != "!!null" {
			return []string{s}
		}
		return nil
	case yaml.SequenceNode:
		var out []string
		for _, e := range v.Content {
			if e.Kind != yaml.ScalarNode || strings.TrimSpace(e.Value) == "" {
				f.bad(e.Line+1, "a skill must be a name, such as Caching")
				continue
			}
			out = append(out, strings.TrimSpace(e.Value))
		}
		return out
	}
	f.bad(v.Line+1, "skills must be a list, such as [Caching, Redis]")
	return nil
}

// source reads where the question comes from: title, url and licence.
func (f *file) source(v *yaml.Node) questionbank.Source {
	var s questionbank.Source
	if v.Kind != yaml.MappingNode {
		f.bad(v.Line+1, "source must hold a title, and may hold a url and a licence")
		return s
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		var field *string
		switch k.Value {
		case "title":
			field = &s.Title
		case "url":
			field = &s.URL
		case "licence":
			field = &s.Licence
		default:
			f.bad(k.Line+1, "unknown key %q in the source (the keys are title, url and licence)", k.Value)
			continue
		}
		if val.Kind != yaml.ScalarNode {
			f.bad(val.Line+1, "source %s must be a single value", k.Value)
			continue
		}
		*field = strings.TrimSpace(val.Value)
	}
	if s.Title == "" && !s.IsZero() {
		f.bad(v.Line+1, "a source needs a title")
	}
	return s
}

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

// line returns the file's line of the first text in n.
func (b *blocks) line(n ast.Node) int {
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
	return b.f.fmLines + 1 + bytes.Count(b.src[:off], []byte("\n"))
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

// check reports what New would refuse in q, at the line of its id.
func (f *file) check(q questionbank.Question, idLine int) {
	if q.ID == "" {
		return // reported with the front matter
	}
	if _, err := questionbank.New([]questionbank.Question{q}); err != nil {
		for _, line := range strings.Split(err.Error(), "\n") {
			// New names the question first: "question 0 (id "a b"): ".
			line = strings.TrimPrefix(line, "questionbank: ")
			if rest, ok := strings.CutPrefix(line, "question 0"); ok {
				if _, after, ok := strings.Cut(rest, ": "); ok {
					line = after
				}
			}
			f.bad(max(idLine, 1), "%s", line)
		}
	}
}

// invalidAt returns the line and column, from 1, of the first byte of
// data that is not UTF-8.
func invalidAt(data []byte) (line, col int) {
	line, col = 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	return line, col
}

// offsetOf returns the byte offset of a line and column found by
// invalidAt.
func offsetOf(data []byte, line, col int) int {
	i := 0
	for l := 1; l < line; l++ {
		i += bytes.IndexByte(data[i:], '\n') + 1
	}
	for c := 1; c < col; c++ {
		_, size := utf8.DecodeRune(data[i:])
		i += size
	}
	return i
}
