package mdbank

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"

	"github.com/backendprep/questionbank"
	"github.com/backendprep/questionbank/internal/pathquote"
)

// MaxFileSize is the largest question file Load reads: a question is a
// few kilobytes, and a larger file is a mistake, not a question. The
// limit, with those on Markdown's markup, keeps the parser's work on any
// file Load accepts well under a second (see BENCHMARKS.md).
const MaxFileSize = 64 << 10

// maxProblems is how many problems an Error lists before "and N more".
const maxProblems = 100

// A Problem is one thing wrong in a bank's files: an error, which stops
// the bank loading, or a warning from [Lint], which does not.
type Problem struct {
	Path    string // the file: as fs.WalkDir names it for Load, joined to the directory for LoadDir, as given to LoadFile
	Line    int    // from 1; 0 for the file as a whole
	Msg     string
	Warning bool // a warning: the bank loads all the same
}

// String returns the problem as path:line: what is wrong, a warning as
// path:line: warning: what is wrong, the path quoted if it holds a
// character that would not print as itself (a control or bidi character,
// a newline): "esc\x1b[31m.md":3: ...
func (p Problem) String() string {
	msg := p.Msg
	if p.Warning {
		msg = "warning: " + msg
	}
	if p.Line == 0 {
		return pathquote.Quote(p.Path) + ": " + msg
	}
	return fmt.Sprintf("%s:%d: %s", pathquote.Quote(p.Path), p.Line, msg)
}

// An Error lists the problems of a bank's files, at most 100 of them, and
// counts the rest.
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

// room reports whether another problem would be listed; callers check it
// before they format one, so that a million problems cost no more than a
// hundred.
func (e *Error) room() bool { return len(e.Problems) < maxProblems }

func (e *Error) add(p Problem) {
	if e.room() {
		e.Problems = append(e.Problems, p)
	} else {
		e.More++
	}
}

// Load reads every *.md file under fsys (in the order fs.WalkDir visits
// them, directories whose name starts with a dot left out) as one
// question each and returns the bank. If any file has a problem, or there
// is no file, it returns no bank and an *Error that lists the problems,
// each as path:line: what is wrong: those of reading each file, in the
// order of the files, then those of the questions' values (an ID with a
// space, say). A file that is not a regular file (a named pipe, a device)
// is a problem, and is not opened.
func Load(fsys fs.FS) (*questionbank.Bank, error) {
	return readAll(fsys, "").bank()
}

// LoadDir reads the bank in the directory dir, as Load reads
// os.DirFS(dir), and names each file in its problems by its path from
// here, dir joined with its name: team/rate-limiter.md:3: ..., one path an
// editor can open.
func LoadDir(dir string) (*questionbank.Bank, error) {
	return readAll(os.DirFS(dir), dir).bank()
}

// LoadFile reads the one question file name, as Load reads a file of a
// bank, and returns a bank of that one question.
func LoadFile(name string) (*questionbank.Bank, error) {
	return readOne(name).bank()
}

// readOne reads the one question file name.
func readOne(name string) *loader {
	l := newLoader("")
	if fi, err := os.Stat(name); err != nil {
		l.errs.add(Problem{Path: name, Msg: errText(err)})
	} else if !fi.Mode().IsRegular() {
		l.errs.add(Problem{Path: name, Msg: notRegular(fi.Mode())})
	} else {
		f, err := os.Open(name)
		if err != nil {
			l.errs.add(Problem{Path: name, Msg: errText(err)})
		} else {
			defer f.Close()
			l.read(name, f)
		}
	}
	return l
}

// readAll reads every question file under fsys; dir, if not "", is
// joined to their names in problems.
func readAll(fsys fs.FS, dir string) *loader {
	l := newLoader(dir)
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			l.errs.add(Problem{Path: l.pathOf(name), Msg: errText(err)})
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
		mode := d.Type()
		if mode&fs.ModeSymlink != 0 {
			fi, err := fs.Stat(fsys, name) // where the link leads
			if err != nil {
				l.errs.add(Problem{Path: l.pathOf(name), Msg: errText(err)})
				return nil
			}
			mode = fi.Mode()
		}
		if !mode.IsRegular() {
			l.errs.add(Problem{Path: l.pathOf(name), Msg: notRegular(mode)})
			return nil
		}
		f, err := fsys.Open(name)
		if err != nil {
			l.errs.add(Problem{Path: l.pathOf(name), Msg: errText(err)})
			return nil
		}
		defer f.Close()
		l.read(l.pathOf(name), f)
		return nil
	})
	if err != nil { // WalkDir's own: the function above returns none
		l.errs.add(Problem{Path: l.pathOf("."), Msg: errText(err)})
	}
	if len(l.qs) == 0 && len(l.errs.Problems) == 0 {
		l.errs.add(Problem{Path: l.pathOf("."), Msg: "no question files: a question is a file whose name ends in .md"})
	}
	return l
}

// errText is an error of reading a file without the file's name, which
// its Problem gives, quoted.
func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// notRegular says why a file of mode m is not read.
func notRegular(m fs.FileMode) string {
	return modeKind(m) + ", not a regular file: a question is a file of its own, ending in .md"
}

// modeKind names the kind of file of mode m, if it is not a regular one.
func modeKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a regular file"
}

// A loader reads the files of a bank, one at a time.
type loader struct {
	dir      string // joined to each file's name in problems, if not ""
	errs     Error
	markdown goldmark.Markdown // CommonMark, no extensions: one for all the files of a Load (1,000 files: 15% faster)
	idAt     map[string]string // an ID's key: the file and line that has it
	qs       []questionbank.Question
	files    []*file // the file of each question, in qs's order
}

func newLoader(dir string) *loader {
	return &loader{dir: dir, markdown: goldmark.New(), idAt: map[string]string{}}
}

// pathOf returns the path problems name a file by.
func (l *loader) pathOf(name string) string {
	if l.dir == "" {
		return name
	}
	return filepath.Join(l.dir, filepath.FromSlash(name))
}

// read reads one question file, named name in problems.
func (l *loader) read(name string, r fs.File) {
	f := &file{path: name, errs: &l.errs, markdown: l.markdown}
	data, err := readFile(r)
	if err != nil {
		f.bad(0, "%s", err)
		return
	}
	q := f.parse(data)
	if q.ID != "" {
		key := questionbank.IDKey(q.ID)
		if at, dup := l.idAt[key]; dup {
			f.bad(f.at.id, "id %q is also the id of the question in %s", q.ID, at)
		} else {
			l.idAt[key] = fmt.Sprintf("%s:%d", pathquote.Quote(name), f.at.id)
		}
	}
	l.qs = append(l.qs, q)
	l.files = append(l.files, f)
}

// bank returns the bank of the questions read, checked once by
// questionbank.New, or the problems.
func (l *loader) bank() (*questionbank.Bank, error) {
	// The questions of files without problems, and their files.
	var qs []questionbank.Question
	var files []*file
	for i, f := range l.files {
		if f.n == 0 {
			qs = append(qs, l.qs[i])
			files = append(files, f)
		}
	}
	bank, err := questionbank.New(qs)
	list, more := questionbank.QuestionErrors(err)
	for _, e := range list {
		f := files[e.Index]
		f.bad(f.at.field(e.Field), "%s", e.Msg)
	}
	l.errs.More += more
	if len(l.errs.Problems) > 0 {
		return nil, &l.errs
	}
	if err != nil {
		return nil, err // not a problem of a question; kept as a last guard
	}
	return bank, nil
}

// readFile reads a question file, no more than MaxFileSize+1 bytes of
// it: parse refuses a larger one.
func readFile(r fs.File) ([]byte, error) {
	if fi, err := r.Stat(); err == nil && !fi.Mode().IsRegular() {
		return nil, errors.New(notRegular(fi.Mode()))
	}
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(io.LimitReader(r, MaxFileSize+1)); err != nil {
		return nil, errors.New(errText(err))
	}
	return buf.Bytes(), nil
}

// A file is one question file being read, and the lines its fields are
// on.
type file struct {
	path     string
	errs     *Error // where its problems go
	n        int    // its problems, listed or not
	markdown goldmark.Markdown
	warns    []Problem // its warnings, for Lint
	fmLines  int       // lines before the Markdown body: the front matter's
	newlines []int     // the offsets of the body's newlines, to find a line
	at       fieldLines
}

// fieldLines are the lines of a question's fields, from 1.
type fieldLines struct {
	id, level, typ, skills, text int
}

// field returns the line of a field, by its JSON name.
func (l fieldLines) field(name string) int {
	var line int
	switch name {
	case "id":
		line = l.id
	case "level":
		line = l.level
	case "type":
		line = l.typ
	case "skills":
		line = l.skills
	case "text":
		line = l.text
	}
	if line == 0 {
		line = max(l.id, 1)
	}
	return line
}

// warn records a warning at line, for Lint.
func (f *file) warn(line int, format string, args ...any) {
	f.warns = append(f.warns, Problem{Path: f.path, Line: line, Msg: fmt.Sprintf(format, args...), Warning: true})
}

// bad records a problem at line, formatting it only if it will be listed.
func (f *file) bad(line int, format string, args ...any) {
	f.n++
	if !f.errs.room() {
		f.errs.More++
		return
	}
	f.errs.add(Problem{Path: f.path, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// parse reads a question file; its problems are in f.errs.
func (f *file) parse(data []byte) (q questionbank.Question) {
	if len(data) > MaxFileSize {
		f.bad(0, "larger than a question file may be (%d bytes; a question is a few kilobytes)", MaxFileSize)
		return q
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		line, col := invalidAt(data)
		f.bad(line, "not UTF-8: byte %#02x at column %d", data[offsetOf(data, line, col)], col)
		return q
	}
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	front, body, ok := f.split(data)
	if !ok {
		return q
	}
	f.frontMatter(front, &q)
	f.newlines = newlines(body)
	if f.markupBounded(body) {
		f.body(body, &q)
	}
	return q
}

// newlines returns the offsets of the newlines in b.
func newlines(b []byte) []int {
	out := make([]int, 0, bytes.Count(b, []byte("\n")))
	for i, c := range b {
		if c == '\n' {
			out = append(out, i)
		}
	}
	return out
}

// lineAt returns the file's line of an offset in the body.
func (f *file) lineAt(off int) int {
	n, _ := slices.BinarySearch(f.newlines, off)
	return f.fmLines + 1 + n
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
