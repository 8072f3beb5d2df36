// Package jsonscan reads JSON that encoding/json's Valid has accepted, a
// piece at a time: white space, keys, strings with their escapes, and
// values skipped whole, with the lines and columns of offsets for
// messages. It knows nothing of questions; the root package's decoder
// builds them from what it reads.
package jsonscan

import (
	"bytes"
	"fmt"
	"iter"
	"unicode/utf16"
	"unicode/utf8"
)

// A Scanner reads Data, valid JSON, from Pos.
type Scanner struct {
	Data []byte
	Pos  int
	// Surrogate is the offset of the first \u escape that was half of a
	// UTF-16 surrogate pair, or -1.
	Surrogate int
}

// New returns a Scanner at the start of data.
func New(data []byte) Scanner { return Scanner{Data: data, Surrogate: -1} }

// Space skips white space.
func (s *Scanner) Space() {
	for s.Pos < len(s.Data) {
		switch s.Data[s.Pos] {
		case ' ', '\t', '\n', '\r':
			s.Pos++
		default:
			return
		}
	}
}

// Key reads an object's key and the colon after it.
func (s *Scanner) Key() string {
	k := s.Str()
	s.Space()
	s.Pos++ // :
	s.Space()
	return k
}

// Members yields the offset and key of each member of the object at
// Pos, with Pos at the member's value, which the loop's body reads or
// skips. After the last member, Pos is past the object's closing brace.
func (s *Scanner) Members() iter.Seq2[int, string] {
	return func(yield func(at int, key string) bool) {
		s.Pos++ // {
		for s.Space(); s.Data[s.Pos] != '}'; s.Space() {
			if s.Data[s.Pos] == ',' {
				s.Pos++
				s.Space()
			}
			if at := s.Pos; !yield(at, s.Key()) {
				return
			}
		}
		s.Pos++ // }
	}
}

// Skip skips the value at Pos.
func (s *Scanner) Skip() {
	switch s.Data[s.Pos] {
	case '"':
		s.Pos = s.SkipString()
		return
	case '{', '[':
		depth := 0
		for {
			switch s.Data[s.Pos] {
			case '"':
				s.Pos = s.SkipString()
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
			}
			s.Pos++
			if depth == 0 {
				return
			}
		}
	}
	for s.Pos < len(s.Data) {
		switch s.Data[s.Pos] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			return
		}
		s.Pos++
	}
}

// SkipString returns the offset just past the string at Pos.
func (s *Scanner) SkipString() int {
	i := s.Pos + 1
	for {
		switch s.Data[i] {
		case '"':
			return i + 1
		case '\\':
			i++
		}
		i++
	}
}

// Str reads the string at Pos. A \u escape that is half of a UTF-16
// surrogate pair makes it return "" and, if it is the first, sets
// Surrogate to its offset.
func (s *Scanner) Str() string {
	start := s.Pos + 1
	i := start
	for s.Data[i] != '"' && s.Data[i] != '\\' {
		i++
	}
	if s.Data[i] == '"' { // the usual case: no escapes
		s.Pos = i + 1
		return string(s.Data[start:i])
	}
	b := append([]byte(nil), s.Data[start:i]...)
	for {
		c := s.Data[i]
		switch {
		case c == '"':
			s.Pos = i + 1
			return string(b)
		case c != '\\':
			b = append(b, c)
			i++
			continue
		}
		i++ // the backslash
		switch e := s.Data[i]; e {
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			r := hex4(s.Data[i+1 : i+5])
			at := i - 1
			i += 4
			if utf16.IsSurrogate(r) {
				r2 := rune(-1)
				if i+6 < len(s.Data) && s.Data[i+1] == '\\' && s.Data[i+2] == 'u' {
					r2 = hex4(s.Data[i+3 : i+7])
				}
				if r = utf16.DecodeRune(r, r2); r == utf8.RuneError {
					if s.Surrogate < 0 {
						s.Surrogate = at
					}
					s.Pos = i + 1
					return ""
				}
				i += 6
			}
			b = utf8.AppendRune(b, r)
		default: // " \ /
			b = append(b, e)
		}
		i++
	}
}

// hex4 decodes four hexadecimal digits, which json.Valid has checked.
func hex4(h []byte) rune {
	var r rune
	for _, c := range h {
		switch {
		case c <= '9':
			c -= '0'
		case c >= 'a':
			c -= 'a' - 10
		default:
			c -= 'A' - 10
		}
		r = r<<4 | rune(c)
	}
	return r
}

// InvalidUTF8At returns the offset of the first byte of data that is not
// part of valid UTF-8.
func InvalidUTF8At(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// NewLineCounter returns a LineCounter over data.
func NewLineCounter(data []byte) LineCounter { return LineCounter{data: data, line: 1} }

// A LineCounter finds the lines of offsets that only grow, in one pass
// over the data however many it is asked for.
type LineCounter struct {
	data []byte
	off  int // counted up to here
	line int // the line of off
}

// At returns the 1-based line of byte offset off, which is not less than
// the offset asked for before.
func (c *LineCounter) At(off int) int {
	for ; c.off < off; c.off++ {
		switch c.data[c.off] {
		case '\n':
			c.line++
		case '\r':
			if c.off+1 == len(c.data) || c.data[c.off+1] != '\n' {
				c.line++
			}
		}
	}
	return c.line
}

// LineCol returns "line L, column C" for byte offset off in data, with the
// column counted in characters from 1.
func LineCol(data []byte, off int) string {
	off = min(off, len(data))
	c := NewLineCounter(data)
	line := c.At(off)
	start := bytes.LastIndexAny(data[:off], "\r\n") + 1
	return fmt.Sprintf("line %d, column %d", line, utf8.RuneCount(data[start:off])+1)
}
