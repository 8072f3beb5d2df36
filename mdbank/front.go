package mdbank

import (
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/backendprep/questionbank"
	"github.com/backendprep/questionbank/internal/suggest"
)

// Reading a question file's front matter: id, level, type, skills and
// source.

// frontKeys are the front matter's keys.
var frontKeys = []string{"id", "level", "type", "skills", "source"}

// frontMatter reads the front matter's keys into q, and their lines into
// f.at.
func (f *file) frontMatter(front []byte, q *questionbank.Question) {
	if len(front) > maxFrontMatter {
		f.bad(2, "the front matter is %d bytes, more than id, level, type, skills and source need (%d)", len(front), maxFrontMatter)
		return
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(front, &doc); err != nil {
		line, msg := yamlProblem(err)
		f.bad(line, "front matter: %s", msg)
		return
	}
	if len(doc.Content) == 0 {
		f.bad(1, `the front matter is empty: give id, level, type and skills`)
		return
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		f.bad(m.Line+1, "the front matter must be keys and values, such as id: senior-caching")
		return
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
			f.at.id = lineOf(k)
		case "level":
			f.at.level = lineOf(v)
			if s, ok := scalar(); ok {
				l, err := questionbank.ParseLevel(s)
				if err != nil {
					f.bad(lineOf(v), "%s", unknownName("level", s, questionbank.Levels()))
				}
				q.Level = l
			}
		case "type":
			f.at.typ = lineOf(v)
			if s, ok := scalar(); ok {
				t, err := questionbank.ParseType(s)
				if err != nil {
					f.bad(lineOf(v), "%s", unknownName("type", s, questionbank.Types()))
				}
				q.Type = t
			}
		case "skills":
			f.at.skills = lineOf(v)
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
}

// yamlProblem returns the file's line and message of a YAML syntax
// error, whose text is the only place go.yaml.in/yaml/v3 gives its line.
func yamlProblem(err error) (line int, msg string) {
	line, msg = 2, strings.TrimPrefix(err.Error(), "yaml: ")
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if n, after, ok := strings.Cut(rest, ": "); ok {
			if l, err := strconv.Atoi(n); err == nil {
				line, msg = l+1, after // the front matter starts on the file's second line
			}
		}
	}
	return line, msg
}

// unknownName says that name is not one of the names of kind, suggesting
// the one meant: unknown level "senor"; did you mean "senior"? (levels are
// junior, ...).
func unknownName[T fmt.Stringer](kind, name string, valid []T) string {
	names := make([]string, len(valid))
	for i, v := range valid {
		names[i] = v.String()
	}
	msg := fmt.Sprintf("unknown %s %q", kind, name)
	if s := suggest.Closest(name, names, strings.ToLower); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	}
	return msg + fmt.Sprintf(" (%ss are %s)", kind, strings.Join(names, ", "))
}

// skills reads the skills: a list, or one skill alone.
func (f *file) skills(v *yaml.Node) []string {
	switch v.Kind {
	case yaml.ScalarNode:
		if s := strings.TrimSpace(v.Value); s != "" && v.Tag != "!!null" {
			f.warn(v.Line+1, "skills is one value, read as the one skill %q: write a list, such as [%s]", s, s)
			return []string{s}
		}
		return nil
	case yaml.SequenceNode:
		if len(v.Content) > maxSkills {
			f.bad(v.Line+1, "%d skills: a question has at most %d", len(v.Content), maxSkills)
			return nil
		}
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
