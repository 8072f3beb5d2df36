package questionbank

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
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
//	    "skills": ["Caching", "Performance Optimization"]
//	  }
//	]
//
// Levels and types are given by name, as [ParseLevel] and [ParseType]
// accept them. id, level, type and text are required; unknown keys are
// errors, so a misspelt key is caught.
//
// Malformed JSON is reported with its line and column. Otherwise every
// problem in the file is reported at once, each with the line its
// question starts on, and the checks of [New] apply. On any error LoadJSON
// returns a nil Bank: nothing is half-loaded.
func LoadJSON(r io.Reader) (*Bank, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("questionbank: reading JSON bank: %w", err)
	}
	var whole json.RawMessage
	if err := json.Unmarshal(data, &whole); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			pos := int(se.Offset)
			if pos < len(data) || !strings.Contains(se.Error(), "end of JSON") {
				pos = max(0, pos-1) // the offending byte is the last one read
			}
			return nil, fmt.Errorf("questionbank: JSON bank: %s: %s", lineCol(data, pos), strings.TrimPrefix(se.Error(), "json: "))
		}
		return nil, fmt.Errorf("questionbank: JSON bank: %w", err)
	}
	elems, err := questionElems(data)
	if err != nil {
		return nil, err
	}
	qs := make([]Question, len(elems))
	problems := make([][]string, len(elems)) // by question
	reported := make([]map[string]bool, len(elems))
	for i, e := range elems {
		reported[i] = decodeQuestion(e.raw, &qs[i], func(msg string) { problems[i] = append(problems[i], msg) })
	}
	byID := validate(qs, func(i int, field string) bool { return reported[i][field] },
		func(i int, msg string) { problems[i] = append(problems[i], msg) })
	var errs []error
	for i, msgs := range problems {
		for _, msg := range msgs {
			errs = append(errs, fmt.Errorf("questionbank: line %d: question %d%s: %s", lineOf(data, elems[i].off), i, idNote(qs[i].ID), msg))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return &Bank{qs: qs, byID: byID}, nil
}

type elem struct {
	raw json.RawMessage
	off int // byte offset of the element in the file
}

// questionElems returns the elements of the questions array of data, which
// is known to be valid JSON.
func questionElems(data []byte) ([]elem, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	tok, _ := dec.Token()
	switch tok {
	case json.Delim('['):
		return arrayElems(dec, data)
	case json.Delim('{'):
		for dec.More() {
			key, _ := dec.Token()
			if key == "questions" {
				at := skipSpace(data, int(dec.InputOffset()), ':')
				if tok, _ := dec.Token(); tok != json.Delim('[') {
					return nil, fmt.Errorf("questionbank: JSON bank: %s: \"questions\" must be an array", lineCol(data, at))
				}
				return arrayElems(dec, data)
			}
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return nil, fmt.Errorf("questionbank: JSON bank: %w", err)
			}
		}
		return nil, errors.New(`questionbank: JSON bank: the object has no "questions" array`)
	}
	return nil, errors.New(`questionbank: JSON bank: want an array of questions, or an object with a "questions" array`)
}

func arrayElems(dec *json.Decoder, data []byte) ([]elem, error) {
	var out []elem
	for dec.More() {
		off := skipSpace(data, int(dec.InputOffset()), ',')
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, fmt.Errorf("questionbank: JSON bank: %w", err)
		}
		out = append(out, elem{raw, off})
	}
	return out, nil
}

// skipSpace returns the offset of the first byte at or after i that is
// neither white space nor the separator sep.
func skipSpace(data []byte, i int, sep byte) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r' || data[i] == sep) {
		i++
	}
	return i
}

// jsonFields lists the keys of a question, in schema order.
var jsonFields = []string{"id", "level", "type", "text", "introduction", "how_to_answer", "what_not_to_say", "example_answer", "skills"}

// decodeQuestion decodes one question object into q, calling bad with
// each problem. It returns the fields it reported, so that validation does
// not report them twice.
func decodeQuestion(raw json.RawMessage, q *Question, bad func(msg string)) map[string]bool {
	reported := map[string]bool{}
	report := func(field, format string, args ...any) {
		reported[field] = true
		bad(fmt.Sprintf(format, args...))
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		for _, f := range jsonFields {
			reported[f] = true
		}
		bad(fmt.Sprintf("want an object, found %s", jsonKind(raw)))
		return reported
	}
	targets := map[string]any{
		"id": &q.ID, "text": &q.Text, "introduction": &q.Introduction, "example_answer": &q.ExampleAnswer,
		"how_to_answer": &q.HowToAnswer, "what_not_to_say": &q.WhatNotToSay, "skills": &q.Skills,
	}
	for _, f := range jsonFields {
		v, ok := fields[f]
		switch {
		case !ok:
			if f == "id" || f == "level" || f == "type" || f == "text" {
				report(f, "missing %q", f)
			}
		case f == "level" || f == "type":
			var name string
			if err := json.Unmarshal(v, &name); err != nil {
				report(f, "%s: want a string, found %s", f, jsonKind(v))
				continue
			}
			if f == "level" {
				if q.Level, ok = lookupLevel(name); !ok {
					report(f, "%s", unknownLevel(name).message())
				}
			} else if q.Type, ok = lookupType(name); !ok {
				report(f, "%s", unknownType(name).message())
			}
		default:
			target := targets[f]
			if err := json.Unmarshal(v, target); err != nil {
				want, found := "a string", jsonKind(v)
				var te *json.UnmarshalTypeError
				if _, isList := target.(*[]string); isList {
					want = "an array of strings"
					if found == "an array" && errors.As(err, &te) {
						found = "an array holding a " + te.Value
					}
				}
				report(f, "%s: want %s, found %s", f, want, found)
			}
		}
	}
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if !slices.Contains(jsonFields, k) {
			msg := fmt.Sprintf("unknown key %q", k)
			if s := suggest(k, jsonFields); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			report(k, "%s", msg)
		}
	}
	return reported
}

// jsonKind names the kind of a JSON value, for messages.
func jsonKind(v json.RawMessage) string {
	v = bytes.TrimSpace(v)
	if len(v) == 0 {
		return "nothing"
	}
	switch v[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

func idNote(id string) string {
	if id == "" {
		return ""
	}
	return fmt.Sprintf(" (id %q)", id)
}

// lineOf returns the 1-based line of byte offset off in data.
func lineOf(data []byte, off int) int {
	return bytes.Count(data[:off], []byte{'\n'}) + 1
}

// lineCol returns "line L, column C" for byte offset off in data, with the
// column counted in characters from 1.
func lineCol(data []byte, off int) string {
	off = min(off, len(data))
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	return fmt.Sprintf("line %d, column %d", lineOf(data, off), utf8.RuneCount(data[start:off])+1)
}

// Merge returns a new bank holding b's questions followed by other's. An ID
// in both banks is an error, naming each shared ID; b and other are
// unchanged.
func (b *Bank) Merge(other *Bank) (*Bank, error) {
	ix := b.index()
	var errs []error
	for _, q := range other.qs {
		if _, dup := ix.byID[fold(q.ID)]; dup {
			errs = append(errs, fmt.Errorf("questionbank: merge: ID %q is in both banks", q.ID))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	// Both banks are immutable, so the new one can share their questions'
	// slices.
	return &Bank{qs: slices.Concat(b.qs, other.qs)}, nil
}
