package mdbank

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"go.yaml.in/yaml/v3"

	"github.com/backendprep/questionbank"
	"github.com/backendprep/questionbank/internal/pathquote"
)

// Write writes qs as Markdown files under dir, one a question, which
// [Load] reads back to the same questions. A file is named for its
// question's ID (lower case, a character a file name cannot hold as "-",
// and "-2" and so on where two would share a name); dir is made if it is
// missing, and files of those names are replaced.
//
// Each file is read back before it is written: a question whose text
// Markdown cannot hold as it is (a text that starts a line with "# " or
// "- ", say, which would read as a heading or a list) is an error that
// names it, and nothing is written.
//
// Write is all or nothing: it writes each file to a new temporary file
// in dir, then renames each over its name, and when anything fails it
// puts back what it replaced and removes what it made, so that dir holds
// what it held before. It never writes through a symbolic link: a link
// of a file's name is replaced, its target left alone.
func Write(dir string, qs []questionbank.Question) error {
	names := map[string]bool{}
	files := make([]newFile, 0, len(qs))
	for _, q := range qs {
		data, err := Marshal(q)
		if err != nil {
			return err
		}
		name := fileName(q.ID)
		for n := 2; names[name]; n++ {
			name = fmt.Sprintf("%s-%d", fileName(q.ID), n)
		}
		names[name] = true
		files = append(files, newFile{name: name + ".md", data: data})
	}
	made, err := mkdirAll(dir)
	if err != nil {
		return fmt.Errorf("mdbank: %w", err)
	}
	if err := replaceAll(dir, files); err != nil {
		for i := len(made) - 1; i >= 0; i-- {
			os.Remove(made[i]) // empty again, or left as it is
		}
		return fmt.Errorf("mdbank: %w", err)
	}
	return nil
}

// A newFile is a file Write writes: its name in the directory, what it
// holds, and, on the way, its temporary file and the one that keeps what
// its name held before.
type newFile struct {
	name       string
	data       []byte
	tmp, old   string
	wrote, had bool // renamed over its name; its name had a file, kept in old
}

// rename is os.Rename, replaced by tests to fail at a given call.
var rename = os.Rename

// mkdirAll makes dir and any missing parents, and returns those it made,
// outermost first.
func mkdirAll(dir string) (made []string, err error) {
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); err == nil {
			break
		}
		made = append([]string{d}, made...)
		if filepath.Dir(d) == d {
			break
		}
	}
	return made, os.MkdirAll(dir, 0o755)
}

// replaceAll writes files into dir all or nothing.
func replaceAll(dir string, files []newFile) (err error) {
	defer func() {
		if err == nil {
			for _, f := range files {
				if f.had {
					os.Remove(f.old)
				}
			}
			return
		}
		for i := len(files) - 1; i >= 0; i-- {
			f := &files[i]
			path := filepath.Join(dir, f.name)
			if f.wrote {
				os.Remove(path)
			}
			if f.had {
				rename(f.old, path)
			}
			if f.tmp != "" && !f.wrote {
				os.Remove(f.tmp)
			}
			if f.old != "" && !f.had {
				os.Remove(f.old)
			}
		}
	}()
	for i := range files {
		f := &files[i]
		if f.tmp, err = writeTemp(dir, f.name, f.data); err != nil {
			return err
		}
		if fi, err := os.Lstat(filepath.Join(dir, f.name)); err == nil && (fi.IsDir() || !fi.Mode().IsRegular() && fi.Mode()&os.ModeSymlink == 0) {
			return fmt.Errorf("%s is %s, which Write does not replace", pathquote.Quote(filepath.Join(dir, f.name)), modeKind(fi.Mode()))
		}
	}
	for i := range files {
		f := &files[i]
		path := filepath.Join(dir, f.name)
		if _, err := os.Lstat(path); err == nil {
			if f.old, err = reserve(dir, f.name); err != nil {
				return err
			}
			if err := rename(path, f.old); err != nil { // a link itself, not its target
				return err
			}
			f.had = true
		}
		if err := rename(f.tmp, path); err != nil {
			return err
		}
		f.wrote = true
	}
	return nil
}

// writeTemp writes data to a new temporary file in dir, named for name,
// and returns its path.
func writeTemp(dir, name string, data []byte) (string, error) {
	f, err := os.CreateTemp(dir, "."+name+".*.tmp") // a new file: never a link
	if err != nil {
		return "", err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(0o644)
	}
	if closeErr := f.Close(); err == nil {
		err = closeErr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

// reserve returns the path of a new empty file in dir, named for name,
// to keep what name held while the new file takes its place.
func reserve(dir, name string) (string, error) {
	f, err := os.CreateTemp(dir, "."+name+".*.old")
	if err != nil {
		return "", err
	}
	return f.Name(), f.Close()
}

// Marshal returns q as the Markdown file Write writes for it, after
// checking that Load reads it back as q.
func Marshal(q questionbank.Question) ([]byte, error) {
	var b bytes.Buffer
	fm := frontMatter{ID: q.ID, Level: q.Level.String(), Type: q.Type.String(), Skills: q.Skills}
	if !q.Source.IsZero() {
		fm.Source = &sourceYAML{q.Source.Title, q.Source.URL, q.Source.Licence}
	}
	front, err := yaml.Marshal(fm)
	if err != nil {
		return nil, fmt.Errorf("mdbank: question %q: %w", q.ID, err)
	}
	b.WriteString("---\n")
	b.Write(front)
	b.WriteString("---\n\n# ")
	b.WriteString(q.Text)
	b.WriteString("\n")
	paragraphs(&b, q.Introduction)
	list(&b, sectionNames[sectionHow], q.HowToAnswer)
	list(&b, sectionNames[sectionWhatNot], q.WhatNotToSay)
	if q.ExampleAnswer != "" {
		fmt.Fprintf(&b, "\n## %s\n", sectionNames[sectionExample])
		paragraphs(&b, q.ExampleAnswer)
	}
	list(&b, sectionNames[sectionFollowUps], q.FollowUps)

	f := &file{path: q.ID + ".md", errs: &Error{}, markdown: goldmark.New()}
	back := f.parse(b.Bytes())
	if f.n > 0 || !sameQuestion(back, q) {
		why := "its text would read back otherwise"
		if f.n > 0 {
			why = f.errs.Problems[0].Msg
		}
		return nil, fmt.Errorf("mdbank: question %q cannot be written as Markdown that reads back the same: %s", q.ID, why)
	}
	return b.Bytes(), nil
}

// frontMatter is a question file's front matter, as Write writes it.
type frontMatter struct {
	ID     string      `yaml:"id"`
	Level  string      `yaml:"level"`
	Type   string      `yaml:"type"`
	Skills []string    `yaml:"skills,omitempty,flow"`
	Source *sourceYAML `yaml:"source,omitempty"`
}

// sourceYAML is a question's source, as Write writes it.
type sourceYAML struct {
	Title   string `yaml:"title"`
	URL     string `yaml:"url,omitempty"`
	Licence string `yaml:"licence,omitempty"`
}

// paragraphs writes a text of paragraphs, a line break inside one as a
// hard break; a list, as Load keeps one, is written as it is.
func paragraphs(b *bytes.Buffer, s string) {
	if s == "" {
		return
	}
	for _, p := range strings.Split(s, "\n\n") {
		b.WriteString("\n")
		if isListSource(p) {
			b.WriteString(p)
		} else {
			b.WriteString(strings.ReplaceAll(p, "\n", "\\\n"))
		}
		b.WriteString("\n")
	}
}

// isListSource reports whether a paragraph of a text is (part of) a list
// as Load keeps one, its lines as written: it starts with a list marker
// (-, *, + or a number and . or ), then a space or the end of the line),
// or with a space or a blank line, as an item's later paragraphs may. A
// paragraph Load joins starts with none of them.
func isListSource(p string) bool {
	if p == "" || strings.IndexByte(" \t\n", p[0]) >= 0 {
		return true
	}
	i := 0
	for i < len(p) && i < 9 && '0' <= p[i] && p[i] <= '9' {
		i++
	}
	switch {
	case i == 0 && p != "" && strings.IndexByte("-*+", p[0]) >= 0:
		i = 1
	case i > 0 && i < len(p) && (p[i] == '.' || p[i] == ')'):
		i++
	default:
		return false
	}
	return i == len(p) || p[i] == ' ' || p[i] == '\t' || p[i] == '\n'
}

// list writes a section of bullets, an item's lines indented under it.
func list(b *bytes.Buffer, title string, items []string) {
	if len(items) == 0 {
		return
	}
	fmt.Fprintf(b, "\n## %s\n\n", title)
	for _, item := range items {
		paras := strings.Split(item, "\n\n")
		for i, p := range paras {
			p = strings.ReplaceAll(p, "\n", "\\\n  ")
			if i == 0 {
				b.WriteString("- " + p + "\n")
			} else {
				b.WriteString("\n  " + p + "\n")
			}
		}
	}
}

// sameQuestion reports whether a and b are equal, an empty list and none
// alike.
func sameQuestion(a, b questionbank.Question) bool {
	for _, q := range []*questionbank.Question{&a, &b} {
		for _, l := range []*[]string{&q.HowToAnswer, &q.WhatNotToSay, &q.Skills, &q.FollowUps} {
			if len(*l) == 0 {
				*l = nil
			}
		}
	}
	return reflect.DeepEqual(a, b)
}

// fileName is the name of a question's file, without ".md": its ID in
// lower case, with what a file name cannot safely hold as "-", and so any
// character that does not print as itself (a control or bidi character, a
// space other than ASCII's).
func fileName(id string) string {
	name := strings.Map(func(r rune) rune {
		switch {
		case r == '/' || r == '\\' || r == ':' || r == '*' || r == '?' || r == '"' || r == '<' || r == '>' || r == '|' || !strconv.IsPrint(r):
			return '-'
		}
		return r
	}, questionbank.IDKey(id))
	if name == "" || strings.HasPrefix(name, ".") {
		name = "q" + name
	}
	return name
}
