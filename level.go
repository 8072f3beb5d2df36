package questionbank

import (
	"fmt"
	"github.com/backendprep/questionbank/internal/suggest"
	"strconv"
	"strings"
)

// A Level is the seniority a question is asked at. Levels are ordered from
// [Junior] to [Architect], so level>=senior in a query and comparisons in Go
// both work. The zero Level is not a level.
type Level uint8

// The levels of the corpus, in order. Each comment gives the level's key
// (its String) and title (its Title, the source page's heading).
const (
	Junior    Level = iota + 1 // key "junior", title "Junior Backend Developer"
	Developer                  // key "developer", title "Backend Developer"
	Mid                        // key "mid", title "Mid-level Backend Developer"
	Senior                     // key "senior", title "Senior Backend Developer"
	Lead                       // key "lead", title "Lead Backend Developer"
	Principal                  // key "principal", title "Principal Backend Developer"
	Architect                  // key "architect", title "Backend Architect"
)

const (
	minLevel = Junior
	maxLevel = Architect
)

var levelKeys = [...]string{"", "junior", "developer", "mid", "senior", "lead", "principal", "architect"}

var levelTitles = [...]string{
	"",
	"Junior Backend Developer",
	"Backend Developer",
	"Mid-level Backend Developer",
	"Senior Backend Developer",
	"Lead Backend Developer",
	"Principal Backend Developer",
	"Backend Architect",
}

// Levels returns every level in order, from [Junior] to [Architect].
func Levels() []Level {
	return []Level{Junior, Developer, Mid, Senior, Lead, Principal, Architect}
}

// Valid reports whether l is one of the named levels.
func (l Level) Valid() bool { return l >= minLevel && l <= maxLevel }

// String returns the level's key, the word queries use:
//
//	Senior.String() -> "senior"
//	Level(0).String() -> "Level(0)"
func (l Level) String() string {
	if !l.Valid() {
		return "Level(" + strconv.Itoa(int(l)) + ")"
	}
	return levelKeys[l]
}

// Title returns the level's heading in the corpus:
//
//	Senior.Title() -> "Senior Backend Developer"
//	Architect.Title() -> "Backend Architect"
//
// An invalid level has the same title as its String.
func (l Level) Title() string {
	if !l.Valid() {
		return l.String()
	}
	return levelTitles[l]
}

// ParseLevel returns the level named by s, which may be its key, its title or
// a common alias, in any case and with spaces, hyphens and underscores alike:
//
//	ParseLevel("SENIOR") -> Senior
//	ParseLevel("Mid-level Backend Developer") -> Mid
//	ParseLevel("sr") -> Senior
//
// The error for an unknown name lists the levels and, when s is close to one,
// suggests it.
func ParseLevel(s string) (Level, error) {
	if l, ok := lookupLevel(s); ok {
		return l, nil
	}
	return 0, unknownLevel(s)
}

func unknownLevel(name string) *nameError {
	return &nameError{kind: "level", name: name, valid: levelKeys[1:]}
}

func lookupLevel(s string) (Level, bool) {
	switch normName(s) {
	case "junior", "jr", "junior-backend-developer", "junior-developer":
		return Junior, true
	case "developer", "dev", "backend-developer":
		return Developer, true
	case "mid", "mid-level", "midlevel", "middle", "intermediate", "mid-level-backend-developer", "mid-level-developer":
		return Mid, true
	case "senior", "sr", "senior-backend-developer", "senior-developer":
		return Senior, true
	case "lead", "tech-lead", "lead-backend-developer", "lead-developer":
		return Lead, true
	case "principal", "principal-backend-developer", "principal-developer":
		return Principal, true
	case "architect", "backend-architect":
		return Architect, true
	}
	return 0, false
}

// MarshalText implements [encoding.TextMarshaler] with the level's key.
// It fails for an invalid level, so a bad value never reaches a file.
func (l Level) MarshalText() ([]byte, error) {
	if !l.Valid() {
		return nil, fmt.Errorf("questionbank: invalid level %d", uint8(l))
	}
	return []byte(levelKeys[l]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler], accepting every name
// [ParseLevel] accepts.
func (l *Level) UnmarshalText(text []byte) error {
	v, err := ParseLevel(string(text))
	if err != nil {
		return err
	}
	*l = v
	return nil
}

// A Type is the kind of a question, as the corpus labels it.
type Type uint8

// The question types, in the order used for listing and facets.
const (
	Behavioral  Type = iota + 1 // key "behavioral"
	Technical                   // key "technical"
	Competency                  // key "competency"
	Situational                 // key "situational"
)

const (
	minType = Behavioral
	maxType = Situational
)

var typeKeys = [...]string{"", "behavioral", "technical", "competency", "situational"}

// Types returns every question type in order.
func Types() []Type {
	return []Type{Behavioral, Technical, Competency, Situational}
}

// Valid reports whether t is one of the named types.
func (t Type) Valid() bool { return t >= minType && t <= maxType }

// String returns the type's key in lower case:
//
//	Technical.String() -> "technical"
//	Type(0).String() -> "Type(0)"
func (t Type) String() string {
	if !t.Valid() {
		return "Type(" + strconv.Itoa(int(t)) + ")"
	}
	return typeKeys[t]
}

// Title returns the type as the corpus writes it:
//
//	Technical.Title() -> "Technical"
func (t Type) Title() string {
	if !t.Valid() {
		return t.String()
	}
	k := typeKeys[t]
	return strings.ToUpper(k[:1]) + k[1:]
}

// ParseType returns the type named by s, in any case. The British spelling
// "behavioural" is accepted too:
//
//	ParseType("Technical") -> Technical
//	ParseType("behavioural") -> Behavioral
func ParseType(s string) (Type, error) {
	if t, ok := lookupType(s); ok {
		return t, nil
	}
	return 0, unknownType(s)
}

func unknownType(name string) *nameError {
	return &nameError{kind: "type", name: name, valid: typeKeys[1:]}
}

func lookupType(s string) (Type, bool) {
	switch normName(s) {
	case "behavioral", "behavioural":
		return Behavioral, true
	case "technical":
		return Technical, true
	case "competency":
		return Competency, true
	case "situational":
		return Situational, true
	}
	return 0, false
}

// MarshalText implements [encoding.TextMarshaler] with the type's key.
func (t Type) MarshalText() ([]byte, error) {
	if !t.Valid() {
		return nil, fmt.Errorf("questionbank: invalid question type %d", uint8(t))
	}
	return []byte(typeKeys[t]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler], accepting every name
// [ParseType] accepts.
func (t *Type) UnmarshalText(text []byte) error {
	v, err := ParseType(string(text))
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// nameError reports a name that is not one of a small set of valid ones.
type nameError struct {
	kind  string   // "level", "type" or "field"
	name  string   // what was given
	valid []string // every valid name, in order
}

func (e *nameError) Error() string { return "questionbank: " + e.message() }

// message is the error without the package prefix, for use inside a
// SyntaxError, which adds its own context.
func (e *nameError) message() string {
	var b strings.Builder
	fmt.Fprintf(&b, "unknown %s %q", e.kind, e.name)
	if s := suggest.Closest(e.name, e.valid, normName); s != "" {
		b.WriteString(didYouMean(s))
	}
	fmt.Fprintf(&b, " (%ss are %s)", e.kind, strings.Join(e.valid, ", "))
	return b.String()
}

// normName folds s for looking up level and type names: lower case, with
// runs of spaces, hyphens and underscores as one hyphen.
func normName(s string) string { return normSkill(s) }

// Level masks: bit l is set for each level l of a set, as a Filter holds
// them.

// levelsTo returns the mask of the levels from Junior to l.
func levelsTo(l Level) uint16 {
	if l < minLevel {
		return 0
	}
	return (1<<(l+1) - 1) &^ 1
}

// levelsFrom returns the mask of the levels from l to Architect.
func levelsFrom(l Level) uint16 {
	return (1<<(maxLevel+1) - 1) &^ (1<<l - 1)
}
