package mdbank

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"

	"github.com/backendprep/questionbank"
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

// String returns the problem as path:line: what is wrong.
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
