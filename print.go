package questionbank

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/backendprep/questionbank/internal/textsearch"
)

// The canonical printer: every Filter has a query text that ParseFilter
// reads back to the same filter.

// String returns the filter's canonical query: ParseFilter(f.String())
// matches what f matches, and its String is the same text. Lists are
// sorted, skills and words are folded, level sets are shown as
// comparisons or ranges where they can be, and only the parentheses the
// grammar needs are written:
//
//	And(ByLevel(Lead, Senior, Principal, Architect), ByType(Technical)).String()
//	  -> "level>=senior type:technical"
//
// The zero Filter's text is the empty query; a Filter that matches nothing,
// such as Or(), is "-()".
func (f Filter) String() string {
	if f.n == nil {
		return ""
	}
	var b strings.Builder
	f.n.print(&b, precOr)
	return b.String()
}

// MarshalText implements [encoding.TextMarshaler] with the canonical query.
// It returns an error, and no text, for a filter whose text [ParseFilter]
// would refuse: one longer than [MaxQueryLen] bytes or nested deeper than
// [MaxQueryDepth] parentheses, as a filter built in Go can be. Nothing is
// written that cannot be read back.
func (f Filter) MarshalText() ([]byte, error) {
	s := f.String()
	if _, err := ParseFilter(s); err != nil {
		var se *SyntaxError
		if errors.As(err, &se) {
			return nil, fmt.Errorf("questionbank: filter cannot be written as a query: %s", se.Msg)
		}
		return nil, err
	}
	return []byte(s), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] by parsing a query.
func (f *Filter) UnmarshalText(text []byte) error {
	v, err := ParseFilter(string(text))
	if err != nil {
		return err
	}
	*f = v
	return nil
}

// Printing precedence: a node printed where a higher precedence is needed
// is put in parentheses.
const (
	precOr = iota
	precAnd
	precNot
)

func (n *node) print(b *strings.Builder, prec int) {
	switch n.kind {
	case kindNone:
		b.WriteString("-()")
	case kindOr:
		n.printList(b, prec > precOr, " OR ", precAnd)
	case kindAnd:
		n.printList(b, prec > precAnd, " ", precNot)
	case kindNot:
		b.WriteByte('-')
		n.kids[0].print(b, precNot)
	case kindLevel:
		b.WriteString(levelText(n.mask))
	case kindType:
		b.WriteString("type:")
		sep := ""
		for t := minType; t <= maxType; t++ {
			if n.mask&(1<<t) != 0 {
				b.WriteString(sep + typeKeys[t])
				sep = ","
			}
		}
	case kindSkill, kindID:
		if n.kind == kindSkill {
			b.WriteString("skill:")
		} else {
			b.WriteString("id:")
		}
		for i, v := range n.vals {
			if i > 0 {
				b.WriteByte(',')
			}
			writeValue(b, v)
		}
	case kindText:
		star := ""
		if n.text.Prefix {
			star = "*"
		}
		if ws := n.text.Words; len(ws) == 1 && !isKeywordSlip(ws[0]) {
			b.WriteString(ws[0] + star)
		} else {
			b.WriteString(`"` + strings.Join(ws, " ") + star + `"`)
		}
	}
}

func (n *node) printList(b *strings.Builder, paren bool, sep string, kidPrec int) {
	if paren {
		b.WriteByte('(')
	}
	for i, k := range n.kids {
		if i > 0 {
			b.WriteString(sep)
		}
		k.print(b, kidPrec)
	}
	if paren {
		b.WriteByte(')')
	}
}

// levelText prints a level set as a comparison when it runs to either end,
// as a range when it is a run of two or more, and as a list otherwise.
func levelText(mask uint16) string {
	var set []Level
	for l := minLevel; l <= maxLevel; l++ {
		if mask&(1<<l) != 0 {
			set = append(set, l)
		}
	}
	lo, hi := set[0], set[len(set)-1]
	run := int(hi-lo)+1 == len(set)
	switch {
	case len(set) == 1:
		return "level:" + lo.String()
	case run && hi == maxLevel:
		return "level>=" + lo.String()
	case run && lo == minLevel:
		return "level<=" + hi.String()
	case run:
		return "level:" + lo.String() + ".." + hi.String()
	}
	keys := make([]string, len(set))
	for i, l := range set {
		keys[i] = l.String()
	}
	return "level:" + strings.Join(keys, ",")
}

// writeValue writes a field value bare when it is safe to, and quoted
// otherwise, with Go's escapes for what is not printable.
func writeValue(b *strings.Builder, v string) {
	if bareValue(v) {
		b.WriteString(v)
		return
	}
	b.WriteString(strconv.Quote(v))
}

// bareValue reports whether v can be written unquoted after "field:": it
// starts with a letter or digit, holds only letters, digits and -_.+#/&'@,
// and no "..".
func bareValue(v string) bool {
	if v == "" || strings.Contains(v, "..") {
		return false
	}
	for i, r := range v {
		if textsearch.IsWordRune(r) {
			continue
		}
		if i == 0 || !strings.ContainsRune("-_.+#/&'@", r) {
			return false
		}
	}
	return true
}

// isKeywordSlip reports whether a word, written bare, would read as a
// keyword typed in lower case.
func isKeywordSlip(w string) bool {
	return w == "or" || w == "and" || w == "not"
}
