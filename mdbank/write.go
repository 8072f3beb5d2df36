package mdbank

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	"github.com/yuin/goldmark"
	"go.yaml.in/yaml/v3"

	"github.com/backendprep/questionbank"
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
func Write(dir string, qs []questionbank.Question) error {
	names := map[string]bool{}
	files := make([][2]string, 0, len(qs))
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
		files = append(files, [2]string{name + ".md", string(data)})
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("mdbank: %w", err)
	}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, f[0]), []byte(f[1]), 0o644); err != nil {
			return fmt.Errorf("mdbank: %w", err)
		}
	}
	return nil
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
// hard break.
func paragraphs(b *bytes.Buffer, s string) {
	if s == "" {
		return
	}
	for _, p := range strings.Split(s, "\n\n") {
		b.WriteString("\n")
		b.WriteString(strings.ReplaceAll(p, "\n", "\\\n"))
		b.WriteString("\n")
	}
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
// lower case, with what a file name cannot safely hold as "-".
func fileName(id string) string {
	name := strings.Map(func(r rune) rune {
		switch {
		case r == '/' || r == '\\' || r == ':' || r == '*' || r == '?' || r == '"' || r == '<' || r == '>' || r == '|' || r < ' ':
			return '-'
		}
		return r
	}, questionbank.IDKey(id))
	if name == "" || strings.HasPrefix(name, ".") {
		name = "q" + name
	}
	return name
}
