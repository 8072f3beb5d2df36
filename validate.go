package questionbank

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The checks New and LoadJSON make of every question, and the list of
// problems they report, which stops growing at maxProblems.

// maxProblems is how many problems an error lists before "and N more".
const maxProblems = 100

// problems collects the problems of a bank, in order: at most maxProblems
// of them in full, and a count of the rest.
type problems struct {
	errs []error
	more int
}

// room reports whether another problem would be listed in full; callers
// check it before they format one, so that a file with a million problems
// costs no more than one with a hundred.
func (p *problems) room() bool { return len(p.errs) < maxProblems }

// none reports whether no problem was found.
func (p *problems) none() bool { return len(p.errs) == 0 && p.more == 0 }

func (p *problems) add(err error) {
	if p.room() {
		p.errs = append(p.errs, err)
	} else {
		p.more++
	}
}

// err returns the problems as one error, one line each, or nil.
func (p *problems) err() error {
	if p.more > 0 {
		return errors.Join(append(p.errs, moreProblems(p.more))...)
	}
	return errors.Join(p.errs...)
}

// moreProblems is the last line of a list of problems that ran over
// maxProblems: how many more there were.
type moreProblems int

func (n moreProblems) Error() string {
	return fmt.Sprintf("questionbank: and %d more problems", int(n))
}

// A QuestionError is one problem [New] found with one question. New's
// error joins them ([errors.Join]), one a line; [QuestionErrors] returns
// them, for a caller that reports them in its own terms (package mdbank
// names the file and line of the field).
type QuestionError struct {
	Index int    // the question's index in the slice given to New
	ID    string // the question's ID, as given
	Field string // the field at fault, by its JSON name: "id", "level", "type", "text" or "skills"
	Msg   string // what is wrong: "empty question text"
}

// Error returns the problem as New reports it:
// questionbank: question 3 (id "a b"): ID has a space or control character.
func (e *QuestionError) Error() string {
	return fmt.Sprintf("questionbank: question %d%s: %s", e.Index, idNote(e.ID), e.Msg)
}

// QuestionErrors returns the problems of an error from [New], in order,
// and how many more New found than it lists (it lists 100); none for any
// other error.
func QuestionErrors(err error) (list []*QuestionError, more int) {
	var errs []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	} else if err != nil {
		errs = []error{err}
	}
	for _, e := range errs {
		var qe *QuestionError
		var n moreProblems
		switch {
		case errors.As(e, &qe):
			list = append(list, qe)
		case errors.As(e, &n):
			more += int(n)
		}
	}
	return list, more
}

// The fields a validator checks, as bits, so that one a decoder already
// reported is not reported twice.
const (
	fieldID = 1 << iota
	fieldLevel
	fieldType
	fieldText
	fieldSkills
)

// A validator checks questions one at a time, in order, and keeps the map
// of ID keys to question numbers it makes on the way.
type validator struct {
	byID map[string]int
}

func newValidator(n int) *validator {
	return &validator{byID: make(map[string]int, n)}
}

// jsonName returns the JSON name of a field bit.
func jsonName(field int) string {
	switch field {
	case fieldID:
		return "id"
	case fieldLevel:
		return "level"
	case fieldType:
		return "type"
	case fieldText:
		return "text"
	}
	return "skills"
}

// check calls bad with each problem of q, question number i, but for the
// fields in skip. bad is given a function that formats the message, so a
// caller with no room for it need not pay for it.
func (v *validator) check(i int, q *Question, skip int, bad func(msg func() string)) {
	v.checkFields(i, q, skip, func(_ int, msg func() string) { bad(msg) })
}

// checkFields is check, telling bad the field of each problem too.
func (v *validator) checkFields(i int, q *Question, skip int, bad0 func(field int, msg func() string)) {
	field := fieldID
	bad := func(msg func() string) { bad0(field, msg) }
	switch {
	case skip&fieldID != 0:
	case q.ID == "":
		bad(func() string { return "empty ID" })
	case !utf8.ValidString(q.ID):
		bad(func() string { return "ID is not valid UTF-8" })
	default:
		if i := strings.IndexFunc(q.ID, isInvisible); i >= 0 {
			r, _ := utf8.DecodeRuneInString(q.ID[i:])
			if unicode.IsSpace(r) || unicode.IsControl(r) {
				bad(func() string { return "ID has a space or control character" })
			} else {
				bad(func() string {
					return fmt.Sprintf("ID has an invisible character, %U, that would make it look like another", r)
				})
			}
			break
		}
		key := IDKey(q.ID)
		if j, dup := v.byID[key]; dup {
			bad(func() string { return fmt.Sprintf("duplicate ID: question %d has it too", j) })
		} else {
			v.byID[key] = i
		}
	}
	field = fieldLevel
	if !q.Level.Valid() && skip&fieldLevel == 0 {
		bad(func() string {
			return fmt.Sprintf("level %d is out of range (%d to %d)", uint8(q.Level), minLevel, maxLevel)
		})
	}
	field = fieldType
	if !q.Type.Valid() && skip&fieldType == 0 {
		bad(func() string {
			return fmt.Sprintf("type %d is out of range (%d to %d)", uint8(q.Type), minType, maxType)
		})
	}
	field = fieldText
	if isBlank(q.Text) && skip&fieldText == 0 {
		bad(func() string { return "empty question text" })
	}
	field = fieldSkills
	if skip&fieldSkills == 0 {
		for j, s := range q.Skills {
			if strings.IndexFunc(s, func(r rune) bool { return !isSkillSep(r) && !isInvisible(r) }) < 0 {
				bad(func() string { return fmt.Sprintf("skill %d is empty", j) })
			}
		}
	}
}

// isInvisible reports whether r shows nothing, or nothing that tells it
// apart: spaces and separators (Unicode Zs, Zl, Zp), control characters
// and format characters such as U+200B ZERO WIDTH SPACE and U+202E RIGHT-
// TO-LEFT OVERRIDE (Cf). An ID that holds one looks like another ID.
func isInvisible(r rune) bool {
	return unicode.IsSpace(r) || unicode.In(r, unicode.Cc, unicode.Cf, unicode.Z)
}

// isBlank reports whether s has no visible character.
func isBlank(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return !isInvisible(r) }) < 0
}

func idNote(id string) string {
	if id == "" {
		return ""
	}
	return fmt.Sprintf(" (id %q)", id)
}
