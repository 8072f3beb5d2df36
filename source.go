package questionbank

import "fmt"

// A Source says where questions come from: the page or book they were
// taken from, its address, and the licence they are used under. The
// built-in questions name their source page; a bank file's top-level
// "source" applies to each of its questions that names none; [Bank.Merge]
// keeps each question's own. Writers for people say it once, where a
// reader of that format looks for it.
type Source struct {
	Title   string `json:"title"`
	URL     string `json:"url,omitempty"`
	Licence string `json:"licence,omitempty"`
}

// IsZero reports whether s names no source.
func (s Source) IsZero() bool { return s == Source{} }

// source reads a source object at d.Pos: title, url and licence, as
// strings. It returns what is wrong with it, or "".
func (d *decoder) source(s *Source) string {
	if d.Data[d.Pos] != '{' {
		msg := "source: want an object with title, url and licence, found " + kindOf(d.Data[d.Pos])
		d.Skip()
		return msg
	}
	msg := ""
	for _, key := range d.Members() {
		var field *string
		switch key {
		case "title":
			field = &s.Title
		case "url":
			field = &s.URL
		case "licence":
			field = &s.Licence
		}
		switch {
		case field == nil:
			if msg == "" {
				msg = fmt.Sprintf("source: unknown key %q (the keys are title, url, licence)", key)
			}
			d.Skip()
		case d.Data[d.Pos] != '"':
			if msg == "" {
				msg = "source: " + key + ": want a string, found " + kindOf(d.Data[d.Pos])
			}
			d.Skip()
		default:
			*field = d.Str()
		}
	}
	if msg == "" && !s.IsZero() && isBlank(s.Title) {
		msg = "source: a source needs a title"
	}
	return msg
}
