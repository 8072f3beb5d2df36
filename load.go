package questionbank

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"
)

// LoadJSON reads a bank from JSON: an array of questions, or an object
// whose "questions" key holds that array (other keys of the object are
// ignored, so a file can carry its own metadata). Each question is an
// object with the keys of [Question]'s JSON form:
//
//	[
//	  {
//	    "id": "caching-1",
//	    "level": "senior",
//	    "type": "technical",
//	    "text": "How would you cache a slow query?",
//	    "introduction": "...",
//	    "how_to_answer": ["...", "..."],
//	    "what_not_to_say": ["..."],
//	    "example_answer": "...",
//	    "skills": ["Caching", "Performance Optimization"],
//	    "follow_ups": ["And when the cache is cold?"]
//	  }
//	]
//
// Levels and types are given by name, as [ParseLevel] and [ParseType]
// accept them. id, level, type and text are required (null counts as
// missing); unknown keys are errors, so a misspelt key is caught, and so
// is a key given twice in one object.
//
// Malformed JSON, invalid UTF-8, a lone UTF-16 surrogate escape and a
// second "questions" key are reported with their line and column.
// Otherwise every problem in the file is reported at once (at most 100,
// then a count of the rest), each with the line its question starts on,
// and the checks of [New] apply. Lines end at "\n", "\r\n" or "\r". On any
// error LoadJSON returns a nil Bank: nothing is half-loaded.
//
// LoadJSON takes time and memory linear in the size of its input.
func LoadJSON(r io.Reader) (*Bank, error) {
	data, err := readAll(r)
	if err != nil {
		return nil, fmt.Errorf("questionbank: reading JSON bank: %w", err)
	}
	if !json.Valid(data) {
		return nil, syntaxError(data)
	}
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("questionbank: JSON bank: %s: invalid UTF-8", lineCol(data, invalidUTF8At(data)))
	}
	d := &decoder{data: data, lines: lineCounter{data: data, line: 1}, keys: questionKeys()}
	qs, err := d.bank()
	if err != nil {
		return nil, err
	}
	if err := d.probs.err(); err != nil {
		return nil, err
	}
	return &Bank{qs: qs, byID: d.valid.byID}, nil
}

// readAll reads r to the end, into one buffer when r tells its size.
func readAll(r io.Reader) ([]byte, error) {
	size := 0
	switch r := r.(type) {
	case interface{ Len() int }: // bytes.Reader, strings.Reader, bytes.Buffer
		size = r.Len()
	case *os.File:
		if fi, err := r.Stat(); err == nil && fi.Mode().IsRegular() {
			size = int(fi.Size())
		}
	}
	buf := bytes.NewBuffer(make([]byte, 0, size+bytes.MinRead))
	_, err := buf.ReadFrom(r)
	return buf.Bytes(), err
}

// syntaxError reports where data, which is not valid JSON, goes wrong, in
// encoding/json's words.
func syntaxError(data []byte) error {
	err := json.Unmarshal(data, new(struct{})) // fails before decoding anything
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return fmt.Errorf("questionbank: JSON bank: %w", err)
	}
	pos := int(se.Offset)
	if pos < len(data) || !strings.Contains(se.Error(), "end of JSON") {
		pos = max(0, pos-1) // the offending byte is the last one read
	}
	return fmt.Errorf("questionbank: JSON bank: %s: %s", lineCol(data, pos), strings.TrimPrefix(se.Error(), "json: "))
}

// invalidUTF8At returns the offset of the first byte of data that is not
// part of valid UTF-8.
func invalidUTF8At(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// A lineCounter finds the lines of offsets that only grow, in one pass
// over the data however many it is asked for.
type lineCounter struct {
	data []byte
	off  int // counted up to here
	line int // the line of off
}

// at returns the 1-based line of byte offset off, which is not less than
// the offset asked for before.
func (c *lineCounter) at(off int) int {
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

// lineCol returns "line L, column C" for byte offset off in data, with the
// column counted in characters from 1.
func lineCol(data []byte, off int) string {
	off = min(off, len(data))
	c := lineCounter{data: data, line: 1}
	line := c.at(off)
	start := bytes.LastIndexAny(data[:off], "\r\n") + 1
	return fmt.Sprintf("line %d, column %d", line, utf8.RuneCount(data[start:off])+1)
}
