package questionbank

import (
	"github.com/backendprep/questionbank/internal/jsonscan"

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
		return nil, fmt.Errorf("questionbank: JSON bank: %s: invalid UTF-8", jsonscan.LineCol(data, jsonscan.InvalidUTF8At(data)))
	}
	d := &decoder{Scanner: jsonscan.New(data), lines: jsonscan.NewLineCounter(data), keys: questionKeys()}
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
	return fmt.Errorf("questionbank: JSON bank: %s: %s", jsonscan.LineCol(data, pos), strings.TrimPrefix(se.Error(), "json: "))
}
