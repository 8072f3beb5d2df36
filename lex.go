package questionbank

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/backendprep/questionbank/internal/textsearch"
)

// The lexer of the query language. It reads a query once, left to right,
// one token at a time; each token carries everything the parser needs
// (a field term's field, operator and unquoted values, free text's words),
// so nothing is scanned twice.

type tokKind uint8

const (
	tokEOF    tokKind = iota
	tokLParen         // (
	tokRParen         // )
	tokNeg            // a "-" touching the term it negates
	tokOr             // OR
	tokAnd            // AND
	tokNot            // NOT
	tokField          // a field term: level:senior, skill:"a b",c, level>=mid
	tokText           // free text: a word, "a phrase" or a prefix*
)

type token struct {
	kind tokKind
	off  int    // byte offset in the query
	src  string // the token's text in the query, quotes and all

	// tokField
	field string  // one of fieldNames
	op    string  // ":", "=", ">=", "<=", ">" or "<" (":>=" is read as ">=")
	opOff int     // byte offset of op
	vals  []value // the values, unquoted; the lexer's buffer, valid until the next token
	seps  []sep   // what stands between the values: all "," or one ".."

	// tokText
	text   string // the words, unquoted, without a trailing "*"
	prefix bool   // a trailing "*": the last word is a prefix
	quoted bool   // a quoted phrase
}

type value struct {
	s   string // unquoted
	off int    // byte offset in the query
}

type sep struct {
	text string // "," or ".."
	off  int
}

// The fields a query can name.
var fieldNames = []string{"level", "type", "skill", "id"}

// A lexer splits a query into tokens, one at a time.
type lexer struct {
	q    string
	pos  int
	vals []value // buffers for field tokens, reused from token to token
	seps []sep
}

// syntaxErrorf returns the *SyntaxError at byte offset off of query q: the
// one place a SyntaxError is made.
func syntaxErrorf(q string, off int, format string, args ...any) *SyntaxError {
	return &SyntaxError{Query: q, Offset: off, Msg: fmt.Sprintf(format, args...)}
}

func (l *lexer) errorf(off int, format string, args ...any) error {
	return syntaxErrorf(l.q, off, format, args...)
}

// check rejects what no query may hold: too many bytes, invalid UTF-8 and
// control characters.
func (l *lexer) check() error {
	if len(l.q) > MaxQueryLen {
		return l.errorf(MaxQueryLen, "query is longer than %d bytes", MaxQueryLen)
	}
	for i, r := range l.q {
		if ' ' <= r && r < 0x7f {
			continue // printable ASCII, the usual case
		}
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(l.q[i:], "\uFFFD"):
			return l.errorf(i, "invalid UTF-8")
		case unicode.IsControl(r) && !unicode.IsSpace(r):
			return l.errorf(i, "control character %U", r)
		}
	}
	return nil
}

// next returns the next token.
func (l *lexer) next() (token, error) {
	q := l.q
	for l.pos < len(q) && isSpaceAt(q, l.pos) {
		_, size := utf8.DecodeRuneInString(q[l.pos:])
		l.pos += size
	}
	start := l.pos
	if start == len(q) {
		return token{kind: tokEOF, off: start}, nil
	}
	switch q[start] {
	case '(':
		l.pos++
		return token{kind: tokLParen, off: start, src: "("}, nil
	case ')':
		l.pos++
		return token{kind: tokRParen, off: start, src: ")"}, nil
	case '-':
		l.pos++
		if l.pos == len(q) || q[l.pos] == ')' || isSpaceAt(q, l.pos) {
			return token{}, l.errorf(start, `"-" must touch the term it negates, as in -skill:leadership`)
		}
		return token{kind: tokNeg, off: start, src: "-"}, nil
	case '"':
		return l.phrase()
	}
	if t, ok, err := l.field(); ok || err != nil {
		return t, err
	}
	return l.word()
}

// atTermEnd reports whether the lexer stands where a term ends: at the end
// of the query, a space or a parenthesis.
func (l *lexer) atTermEnd() bool {
	return l.pos == len(l.q) || l.q[l.pos] == '(' || l.q[l.pos] == ')' || isSpaceAt(l.q, l.pos)
}

func isSpaceAt(s string, i int) bool {
	if c := s[i]; c < utf8.RuneSelf {
		return c == ' ' || '\t' <= c && c <= '\r'
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r)
}

// word lexes a bare word, keyword or prefix.
func (l *lexer) word() (token, error) {
	start := l.pos
	for !l.atTermEnd() {
		if l.q[l.pos] == '"' {
			return token{}, l.errorf(l.pos, `unexpected '"' inside a word; quote the whole phrase`)
		}
		l.pos++
	}
	src := l.q[start:l.pos]
	switch src {
	case "OR":
		return token{kind: tokOr, off: start, src: src}, nil
	case "AND":
		return token{kind: tokAnd, off: start, src: src}, nil
	case "NOT":
		return token{kind: tokNot, off: start, src: src}, nil
	}
	text, prefix := strings.CutSuffix(src, "*")
	return token{kind: tokText, off: start, src: src, text: text, prefix: prefix}, nil
}

// phrase lexes a quoted phrase, which must end its term.
func (l *lexer) phrase() (token, error) {
	start := l.pos
	s, err := l.quoted()
	if err != nil {
		return token{}, err
	}
	if !l.atTermEnd() {
		return token{}, l.errorf(l.pos, "unexpected text after closing quote")
	}
	text, prefix := strings.CutSuffix(s, "*")
	return token{kind: tokText, off: start, src: l.q[start:l.pos], text: text, prefix: prefix, quoted: true}, nil
}

// quoted reads the quoted string at l.pos, with Go's escapes (the rules of
// strconv.Unquote), and returns its value.
func (l *lexer) quoted() (string, error) {
	q, open := l.q, l.pos
	i := open + 1
	// The usual case: no escape, so the value is a slice of the query.
	for i < len(q) && q[i] != '"' && q[i] != '\\' {
		i++
	}
	if i < len(q) && q[i] == '"' {
		l.pos = i + 1
		return q[open+1 : i], nil
	}
	b := []byte(q[open+1 : i])
	for i < len(q) {
		switch q[i] {
		case '"':
			l.pos = i + 1
			return string(b), nil
		case '\\':
			v, multibyte, tail, err := strconv.UnquoteChar(q[i:], '"')
			if err != nil {
				return "", l.errorf(i, `bad escape in quoted string; escapes are Go's, such as \" \\ \n \t \x41 \u00e9`)
			}
			if multibyte {
				b = utf8.AppendRune(b, v)
			} else {
				b = append(b, byte(v))
			}
			i = len(q) - len(tail)
		default:
			_, size := utf8.DecodeRuneInString(q[i:])
			b = append(b, q[i:i+size]...)
			i += size
		}
	}
	return "", l.errorf(open, "quoted string is never closed")
}

// field lexes a field term, if the lexer stands at one: a name of letters,
// digits and underscores followed by ":", "=", ">=", "<=", ">" or "<" (or
// ":" and one of the comparisons), then its values. ok is false, and
// nothing is read, for free text.
func (l *lexer) field() (t token, ok bool, err error) {
	q, start := l.q, l.pos
	i := start
	for i < len(q) {
		r, size := utf8.DecodeRuneInString(q[i:])
		if !textsearch.IsWordRune(r) && r != '_' {
			break
		}
		i += size
	}
	if i == start || i == len(q) {
		return token{}, false, nil
	}
	j := i
	switch q[j] {
	case ':':
		j++
		if j < len(q) && (q[j] == '<' || q[j] == '>') {
			j++
			if j < len(q) && q[j] == '=' {
				j++
			}
		}
	case '=':
		j++
	case '<', '>':
		j++
		if j < len(q) && q[j] == '=' {
			j++
		}
	default:
		return token{}, false, nil
	}
	name := q[start:i]
	t = token{kind: tokField, off: start, field: fieldName(name), op: strings.TrimPrefix(q[i:j], ":"), opOff: i}
	if t.op == "" {
		t.op = ":"
	}
	if t.field == "" {
		return token{}, true, l.errorf(start, "%s", (&nameError{kind: "field", name: name, valid: fieldNames}).message())
	}
	l.pos = j
	if err := l.values(&t); err != nil {
		return token{}, true, err
	}
	t.src = q[start:l.pos]
	return t, true, nil
}

// fieldName returns the field that name names, in any case, or "".
func fieldName(name string) string {
	for _, f := range fieldNames {
		if strings.EqualFold(name, f) {
			return f
		}
	}
	return ""
}

// values reads a field term's values, separated by commas or one "..".
func (l *lexer) values(t *token) error {
	q := l.q
	vals, seps := l.vals[:0], l.seps[:0]
	defer func() { l.vals, l.seps = vals, seps }()
	for {
		if l.atTermEnd() || q[l.pos] == ',' || strings.HasPrefix(q[l.pos:], "..") {
			return l.errorf(l.pos, "missing value")
		}
		v := value{off: l.pos}
		if q[l.pos] == '"' {
			s, err := l.quoted()
			if err != nil {
				return err
			}
			v.s = s
			if !l.atTermEnd() && q[l.pos] != ',' && !strings.HasPrefix(q[l.pos:], "..") {
				return l.errorf(l.pos, "unexpected text after closing quote")
			}
		} else {
			for !l.atTermEnd() && q[l.pos] != ',' && !strings.HasPrefix(q[l.pos:], "..") {
				if q[l.pos] == '"' {
					return l.errorf(l.pos, `unexpected '"' inside a value; quote the whole value`)
				}
				l.pos++
			}
			v.s = q[v.off:l.pos]
		}
		vals = append(vals, v)
		if l.atTermEnd() {
			t.vals, t.seps = vals, seps
			return nil
		}
		if q[l.pos] == ',' {
			seps = append(seps, sep{",", l.pos})
			l.pos++
		} else {
			seps = append(seps, sep{"..", l.pos})
			l.pos += 2
		}
	}
}
