package questionbank

import (
	"github.com/backendprep/questionbank/internal/jsonscan"

	"bytes"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/backendprep/questionbank/internal/suggest"
)

// The decoder behind LoadJSON: one pass over JSON that json.Valid has
// accepted, into questions, checking each as it goes and finding lines
// only for what it reports.

// A decoder reads a bank from JSON that json.Valid has accepted, so it
// meets no syntax error; it reports what does not fit the schema.
type decoder struct {
	jsonscan.Scanner
	lines jsonscan.LineCounter
	probs problems
	valid *validator

	skills map[string]string // each skill's string, made once
	keys   []string          // a question's keys, questionKeys()
	msgs   []problem         // the problems of the question being read
	rank   int               // the rank of the problems being reported
}

// fatal returns the problem that stops reading, if there is one: a string
// that held half of a UTF-16 surrogate pair.
func (d *decoder) fatal() error {
	if at := d.Surrogate; at >= 0 {
		return fmt.Errorf("questionbank: JSON bank: %s: %s is half of a UTF-16 surrogate pair", jsonscan.LineCol(d.Data, at), d.Data[at:at+6])
	}
	return nil
}

// bank reads the top-level value. Its error is one that stops reading;
// the problems of questions are in d.probs.
func (d *decoder) bank() ([]Question, error) {
	d.Space()
	switch d.Data[d.Pos] {
	case '[':
		qs := d.questions()
		return qs, d.fatal()
	case '{':
		var qs []Question
		var src Source
		found := false
		for keyAt, key := range d.Members() {
			if key == "source" {
				if msg := d.source(&src); msg != "" {
					return nil, fmt.Errorf("questionbank: JSON bank: %s: %s", jsonscan.LineCol(d.Data, keyAt), msg)
				}
				continue
			}
			if key != "questions" {
				d.Skip()
				continue
			}
			if found {
				return nil, fmt.Errorf(`questionbank: JSON bank: %s: a second "questions" key`, jsonscan.LineCol(d.Data, keyAt))
			}
			found = true
			if d.Data[d.Pos] != '[' {
				return nil, fmt.Errorf(`questionbank: JSON bank: %s: "questions" must be an array`, jsonscan.LineCol(d.Data, d.Pos))
			}
			if qs = d.questions(); d.fatal() != nil {
				return nil, d.fatal()
			}
		}
		if !found {
			return nil, errors.New(`questionbank: JSON bank: the object has no "questions" array`)
		}
		for i := range qs { // the bank's source, for the questions that name none
			if qs[i].Source.IsZero() {
				qs[i].Source = src
			}
		}
		return qs, nil
	}
	return nil, errors.New(`questionbank: JSON bank: want an array of questions, or an object with a "questions" array`)
}

// questions reads the array of questions at d.Pos, checking each question
// as it is read.
func (d *decoder) questions() []Question {
	n := d.count()
	qs := []Question{}
	d.valid = newValidator(n)
	d.skills = make(map[string]string)
	// Each question is read into q and kept while the file has no
	// problem: once one has, no bank is made, so nothing more is kept,
	// and nothing is sized before a question is read without one.
	var q Question
	d.Pos++ // [
	for i := 0; ; i++ {
		if d.Space(); d.Data[d.Pos] == ']' {
			break
		}
		if d.Data[d.Pos] == ',' {
			d.Pos++
			d.Space()
		}
		start := d.Pos
		q = Question{}
		d.msgs = d.msgs[:0]
		reported := d.question(&q)
		if d.fatal() != nil {
			return nil
		}
		d.rank = rankValid
		d.valid.check(i, &q, reported, d.bad)
		if len(d.msgs) == 0 {
			if d.probs.none() {
				if len(qs) == 0 {
					qs = make([]Question, 0, n)
				}
				qs = append(qs, q)
			}
			continue
		}
		slices.SortStableFunc(d.msgs, func(a, b problem) int { return a.rank - b.rank })
		line := d.lines.At(start)
		for _, p := range d.msgs {
			d.probs.add(fmt.Errorf("questionbank: line %d: question %d%s: %s", line, i, idNote(q.ID), p.msg))
		}
	}
	d.Pos++ // ]
	return qs
}

// minQuestionJSON is the shortest a valid question can be written: a
// one-byte value for each required key (no level or type is that short).
const minQuestionJSON = len(`{"id":"x","level":"x","type":"x","text":"x"}`)

// count returns the number of questions the array at d.Pos can hold, to
// size the slice of questions and the map of IDs once: its elements, but
// no more than its bytes could hold valid questions, so that an array of
// a million numbers sizes nothing a million long. It skips the array
// without decoding it. The extra pass pays for itself in regrowth spared
// (BENCHMARKS.md, BenchmarkLoadJSON).
func (d *decoder) count() int {
	save := d.Pos
	defer func() { d.Pos = save }()
	n := d.elements()
	return min(n, (d.Pos-save)/minQuestionJSON)
}

// elements returns the number of elements of the array at d.Pos, and
// leaves d.Pos just past it.
func (d *decoder) elements() int {
	n := 0
	d.Pos++
	for d.Space(); d.Data[d.Pos] != ']'; d.Space() {
		if d.Data[d.Pos] == ',' {
			d.Pos++
			d.Space()
		}
		d.Skip()
		n++
	}
	d.Pos++ // ]
	return n
}

// A problem is one problem of a question, ranked so that a question's
// problems are listed in the order of its schema's fields, whatever the
// order of its keys: each key's by the key, unknown keys after them,
// and validation's last.
type problem struct {
	rank int
	msg  string
}

// rankUnknown and rankValid rank the problems of unknown keys and of
// validation, after those of jsonFields.
const (
	rankUnknown = 1 << 10
	rankValid   = 1 << 11
)

// bad records a problem of the question being read, formatting it only if
// it will be listed.
func (d *decoder) bad(msg func() string) {
	if d.probs.room() && len(d.msgs) < maxProblems {
		d.msgs = append(d.msgs, problem{d.rank, msg()})
	} else {
		d.probs.more++
	}
}

// questionKeys returns the keys of a question, in schema order: the json
// tags of Question's fields, where the schema is written. The decoder
// reads them once a file.
func questionKeys() []string {
	t := reflect.TypeFor[Question]()
	keys := make([]string, t.NumField())
	for i := range keys {
		keys[i], _, _ = strings.Cut(t.Field(i).Tag.Get("json"), ",")
	}
	return keys
}

// question reads one element of the questions array into q and returns
// the fields it reported problems with (fieldID and so on), so that
// validation does not report them twice.
func (d *decoder) question(q *Question) (reported int) {
	d.rank = 0
	if c := d.Data[d.Pos]; c != '{' {
		d.bad(func() string { return "want an object, found " + kindOf(c) })
		d.Skip()
		return fieldID | fieldLevel | fieldType | fieldText | fieldSkills
	}
	var seen, has uint16 // bits of d.keys: keys given, and given a value
	report := func(field int, msg func() string) {
		reported |= field
		d.bad(msg)
	}
	for _, key := range d.Members() {
		k := slices.Index(d.keys, key)
		d.rank = k
		if k < 0 {
			d.rank = rankUnknown
			report(0, func() string {
				msg := fmt.Sprintf("unknown key %q", key)
				if s := suggest.Closest(key, d.keys, nil); s != "" {
					msg += didYouMean(s)
				}
				return msg
			})
			d.Skip()
			continue
		}
		if seen&(1<<k) != 0 {
			report(0, func() string { return fmt.Sprintf("key %q is given twice", key) })
			d.Skip()
			continue
		}
		seen |= 1 << k
		if bytes.HasPrefix(d.Data[d.Pos:], []byte("null")) {
			d.Pos += len("null")
			continue
		}
		has |= 1 << k
		if ok := d.field(q, k, report); !ok {
			d.Skip()
		}
		if d.fatal() != nil {
			return reported
		}
	}
	for k, bit := range [...]int{fieldID, fieldLevel, fieldType, fieldText} {
		d.rank = k
		if has&(1<<k) == 0 && reported&bit == 0 {
			report(bit, func() string { return fmt.Sprintf("missing %q", d.keys[k]) })
		}
	}
	return reported
}

// field reads the value of field k (an index of d.keys) into q. It
// returns false, having reported the problem, for a value of the wrong
// kind, which the caller skips.
func (d *decoder) field(q *Question, k int, report func(int, func() string)) bool {
	name := d.keys[k]
	bit := [...]int{fieldID, fieldLevel, fieldType, fieldText, 0, 0, 0, 0, fieldSkills, 0, 0}[k]
	c := d.Data[d.Pos]
	if k == 10 {
		if msg := d.source(&q.Source); msg != "" {
			report(0, func() string { return msg })
		}
		return true
	}
	if k == 5 || k == 6 || k == 8 || k == 9 { // the lists
		if c != '[' {
			report(bit, func() string { return fmt.Sprintf("%s: want an array of strings, found %s", name, kindOf(c)) })
			return false
		}
		list, bad := d.strings(k == 8)
		if bad != 0 {
			report(bit, func() string {
				return fmt.Sprintf("%s: want an array of strings, found an array holding %s", name, kindOf(bad))
			})
		}
		switch k {
		case 5:
			q.HowToAnswer = list
		case 6:
			q.WhatNotToSay = list
		case 8:
			q.Skills = list
		default:
			q.FollowUps = list
		}
		return true
	}
	if c != '"' {
		report(bit, func() string { return fmt.Sprintf("%s: want a string, found %s", name, kindOf(c)) })
		return false
	}
	s := d.Str()
	var ok bool
	switch k {
	case 0:
		q.ID = s
	case 1:
		if q.Level, ok = lookupLevel(s); !ok {
			report(bit, unknownLevel(s).message)
		}
	case 2:
		if q.Type, ok = lookupType(s); !ok {
			report(bit, unknownType(s).message)
		}
	case 3:
		q.Text = s
	case 4:
		q.Introduction = s
	case 7:
		q.ExampleAnswer = s
	}
	return true
}

// strings reads an array at d.Pos that should hold only strings. bad is
// the first byte of the first element that is not a string, or 0; such
// elements are skipped. Skills are interned: a bank names few skills many
// times.
func (d *decoder) strings(intern bool) (list []string, bad byte) {
	d.Pos++ // [
	for d.Space(); d.Data[d.Pos] != ']'; d.Space() {
		if d.Data[d.Pos] == ',' {
			d.Pos++
			d.Space()
		}
		if c := d.Data[d.Pos]; c != '"' {
			if bad == 0 {
				bad = c
			}
			d.Skip()
			continue
		}
		if !intern {
			list = append(list, d.Str())
			continue
		}
		end := d.SkipString()
		raw := d.Data[d.Pos+1 : end-1]
		if s, ok := d.skills[string(raw)]; ok && bytes.IndexByte(raw, '\\') < 0 {
			d.Pos = end
			list = append(list, s)
			continue
		}
		s := d.Str()
		d.skills[s] = s
		list = append(list, s)
	}
	d.Pos++ // ]
	return list, bad
}

// kindOf names the kind of JSON value that starts with c, for messages.
func kindOf(c byte) string {
	switch c {
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
