package questionbank

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the query language: a synchronous lexer, a
// recursive-descent parser (or, and, unary, primary, term) that builds
// filters with the same combinators as Go code, the errors it reports, and
// the printer that gives every Filter its canonical text.

const (
	// MaxQueryLen is the longest query, in bytes, that ParseFilter accepts.
	MaxQueryLen = 4096
	// MaxQueryDepth is how deeply a query's parentheses may nest.
	MaxQueryDepth = 64
)

// A SyntaxError reports a query that cannot be parsed, or, from
// [Bank.Query], one that names a skill the bank does not have.
type SyntaxError struct {
	Query  string // the query as given
	Offset int    // byte offset in Query of the offending token
	Msg    string // what is wrong, in words: unknown field "lvl"; did you mean "level"? ...
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("questionbank: bad query at offset %d: %s", e.Offset, e.Msg)
}

// Caret renders the query with a caret under the offending token, for a
// terminal:
//
//	level>=senior typ:technical
//	              ^
//
// The caret is aligned by display width, so it stands under the right
// character after multibyte or wide text. A query too long for one line is
// shown around the offending token.
func (e *SyntaxError) Caret() string {
	const window = 72 // display columns shown of a long query
	q := e.Query
	off := max(0, min(e.Offset, len(q)))
	start, end := 0, len(q)
	prefix, suffix := "", ""
	if displayWidth(q) > window {
		start = runeStart(q, max(0, off-window/2), 0)
		end = runeStart(q, min(len(q), start+window), start)
		if start > 0 {
			prefix = "..."
		}
		if end < len(q) {
			suffix = "..."
		}
	}
	line := prefix + printable(q[start:end]) + suffix
	var pad strings.Builder
	pad.WriteString(strings.Repeat(" ", len(prefix)))
	for _, r := range printable(q[start:off]) {
		if r == '\t' {
			pad.WriteByte('\t')
			continue
		}
		pad.WriteString(strings.Repeat(" ", runeWidth(r)))
	}
	return line + "\n" + pad.String() + "^"
}

// runeStart moves i back to the start of the character it falls in, but
// not before lo, nor further than a character's length: in invalid UTF-8
// every byte stands alone.
func runeStart(s string, i, lo int) int {
	for k := 1; k < utf8.UTFMax && i > lo && i < len(s) && !utf8.RuneStart(s[i]); k++ {
		i--
	}
	return i
}

// printable returns s with line breaks as spaces, and other control
// characters and invalid bytes as '?', one column each.
func printable(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\n' || r == '\r':
			b.WriteByte(' ')
		case r == '\t':
			b.WriteByte('\t')
		case r == utf8.RuneError && size == 1, unicode.IsControl(r):
			b.WriteByte('?')
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func displayWidth(s string) int {
	w := 0
	for _, r := range s {
		w += runeWidth(r)
	}
	return w
}

// runeWidth is the number of terminal columns r takes: none for combining
// marks, two for wide East Asian characters, one otherwise.
func runeWidth(r rune) int {
	switch {
	case unicode.In(r, unicode.Mn, unicode.Me) || r == '\u200b':
		return 0
	case r >= 0x1100 && r <= 0x115f, // Hangul Jamo
		r >= 0x2e80 && r <= 0xa4cf && r != 0x303f, // CJK ... Yi
		r >= 0xac00 && r <= 0xd7a3,                // Hangul syllables
		r >= 0xf900 && r <= 0xfaff,                // CJK compatibility ideographs
		r >= 0xfe30 && r <= 0xfe4f,                // CJK compatibility forms
		r >= 0xff00 && r <= 0xff60,                // fullwidth forms
		r >= 0xffe0 && r <= 0xffe6,
		r >= 0x1f300 && r <= 0x1f64f, // pictographs, emoticons
		r >= 0x1f900 && r <= 0x1f9ff,
		r >= 0x20000 && r <= 0x3fffd: // CJK extensions
		return 2
	}
	return 1
}

// ParseFilter parses a query into a [Filter]. See the package
// documentation for the language:
//
//	ParseFilter("level>=senior type:technical -skill:leadership")
//
// The empty query matches every question. An error is a [*SyntaxError]
// saying where and what. ParseFilter accepts any skill name; [Bank.Query]
// and [Bank.ParseQuery] also check skills against a bank.
func ParseFilter(q string) (Filter, error) {
	var p parser
	p.lex.q = q
	var stack [16]Filter
	var vals [4]value
	var seps [4]sep
	p.stack, p.vals, p.seps = stack[:0], vals[:0], seps[:0]
	if err := p.lex.check(); err != nil {
		return Filter{}, err
	}
	if err := p.advance(); err != nil {
		return Filter{}, err
	}
	if p.tok.kind == tokEOF {
		return Filter{}, nil
	}
	f, err := p.or()
	if err != nil {
		return Filter{}, err
	}
	if p.tok.kind != tokEOF { // only a ')' stops or() early
		return Filter{}, p.errorf(p.tok.off, `unexpected ")" with no "(" to close`)
	}
	return f, nil
}

// MustParseFilter is like [ParseFilter] but panics if the query cannot be
// parsed. It is for queries fixed in a program's source.
func MustParseFilter(q string) Filter {
	f, err := ParseFilter(q)
	if err != nil {
		panic(err)
	}
	return f
}

type tokKind uint8

const (
	tokEOF    tokKind = iota
	tokLParen         // (
	tokRParen         // )
	tokNeg            // a "-" touching the term it negates
	tokTerm           // a word, quoted phrase or field term, or OR, AND, NOT
)

type token struct {
	kind tokKind
	off  int    // byte offset in the query
	text string // tokTerm: the token's text, quotes and all
}

// A lexer splits a query into tokens, one at a time.
type lexer struct {
	q   string
	pos int
}

// check rejects what no query may hold: too many bytes, invalid UTF-8 and
// control characters.
func (l *lexer) check() error {
	if len(l.q) > MaxQueryLen {
		return &SyntaxError{l.q, MaxQueryLen, fmt.Sprintf("query is longer than %d bytes", MaxQueryLen)}
	}
	for i, r := range l.q {
		if ' ' <= r && r < 0x7f {
			continue // printable ASCII, the usual case
		}
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(l.q[i:], "\uFFFD"):
			return &SyntaxError{l.q, i, "invalid UTF-8"}
		case unicode.IsControl(r) && !unicode.IsSpace(r):
			return &SyntaxError{l.q, i, fmt.Sprintf("control character %U", r)}
		}
	}
	return nil
}

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
		return token{kind: tokLParen, off: start}, nil
	case ')':
		l.pos++
		return token{kind: tokRParen, off: start}, nil
	case '-':
		l.pos++
		if l.pos == len(q) || q[l.pos] == ')' || isSpaceAt(q, l.pos) {
			return token{}, &SyntaxError{q, start, `"-" must touch the term it negates, as in -skill:leadership`}
		}
		return token{kind: tokNeg, off: start}, nil
	}
	for l.pos < len(q) {
		c := q[l.pos]
		if c < utf8.RuneSelf && c > ' ' && c != '(' && c != ')' && c != '"' {
			l.pos++ // the usual case: printable ASCII within a term
			continue
		}
		if c == '(' || c == ')' || isSpaceAt(q, l.pos) {
			break
		}
		if c == '"' {
			end, err := scanQuoted(q, l.pos)
			if err != nil {
				return token{}, err
			}
			l.pos = end
			continue
		}
		_, size := utf8.DecodeRuneInString(q[l.pos:])
		l.pos += size
	}
	return token{kind: tokTerm, off: start, text: q[start:l.pos]}, nil
}

func isSpaceAt(s string, i int) bool {
	if c := s[i]; c < utf8.RuneSelf {
		return c == ' ' || '\t' <= c && c <= '\r'
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r)
}

// scanQuoted returns the offset just past the quoted string that starts at
// q[i] == '"'.
func scanQuoted(q string, i int) (int, error) {
	for j := i + 1; j < len(q); j++ {
		switch q[j] {
		case '\\':
			if j+1 < len(q) && (q[j+1] == '"' || q[j+1] == '\\') {
				j++
				continue
			}
			return 0, &SyntaxError{q, j, `unknown escape in quoted string; only \" and \\ are escapes`}
		case '"':
			return j + 1, nil
		}
	}
	return 0, &SyntaxError{q, i, "quoted string is never closed"}
}

// unquote returns the contents of a quoted string already checked by
// scanQuoted.
func unquote(s string) string {
	s = s[1 : len(s)-1]
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

type parser struct {
	lex   lexer
	tok   token
	depth int // open parentheses

	// Buffers reused from term to term and level to level, to spare
	// allocations: stack holds the operands of the And and Or being
	// parsed, vals and seps the values of the current field term.
	stack []Filter
	vals  []value
	seps  []sep
}

func (p *parser) advance() error {
	t, err := p.lex.next()
	p.tok = t
	return err
}

func (p *parser) errorf(off int, format string, args ...any) error {
	return &SyntaxError{Query: p.lex.q, Offset: off, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) isKeyword(kw string) bool {
	return p.tok.kind == tokTerm && p.tok.text == kw
}

// startsUnary reports whether the current token can begin a term.
func (p *parser) startsUnary() bool {
	switch p.tok.kind {
	case tokNeg, tokLParen:
		return true
	case tokTerm:
		return !p.isKeyword("OR") && !p.isKeyword("AND")
	}
	return false
}

// or parses orExpr = andExpr { "OR" andExpr }, into one flat Or.
func (p *parser) or() (Filter, error) {
	mark := len(p.stack)
	defer func() { p.stack = p.stack[:mark] }()
	for {
		f, err := p.and()
		if err != nil {
			return Filter{}, err
		}
		p.stack = append(p.stack, f)
		if !p.isKeyword("OR") {
			return Or(p.stack[mark:]...), nil
		}
		kw := p.tok
		if err := p.advance(); err != nil {
			return Filter{}, err
		}
		if !p.startsUnary() {
			return Filter{}, p.errorf(kw.off, `"OR" needs a term after it`)
		}
	}
}

// and parses andExpr = unary { [ "AND" ] unary }, into one flat And.
func (p *parser) and() (Filter, error) {
	mark := len(p.stack)
	defer func() { p.stack = p.stack[:mark] }()
	for {
		if p.isKeyword("AND") {
			kw := p.tok
			if len(p.stack) == mark {
				return Filter{}, p.errorf(kw.off, `"AND" needs a term before it`)
			}
			if err := p.advance(); err != nil {
				return Filter{}, err
			}
			if !p.startsUnary() {
				return Filter{}, p.errorf(kw.off, `"AND" needs a term after it`)
			}
		} else if !p.startsUnary() {
			break
		}
		f, err := p.unary()
		if err != nil {
			return Filter{}, err
		}
		p.stack = append(p.stack, f)
	}
	if len(p.stack) == mark {
		return Filter{}, p.unexpected()
	}
	return And(p.stack[mark:]...), nil
}

// unexpected reports the current token where a term should be.
func (p *parser) unexpected() error {
	switch {
	case p.isKeyword("OR"), p.isKeyword("AND"):
		return p.errorf(p.tok.off, "%q needs a term before it", p.tok.text)
	case p.tok.kind == tokRParen:
		return p.errorf(p.tok.off, `unexpected ")" with no "(" to close`)
	}
	return p.errorf(p.tok.off, "unexpected end of query")
}

// unary parses unary = ( "-" | "NOT" ) unary | primary. Negations are
// counted in a loop, not by recursion, so no query can exhaust the stack.
func (p *parser) unary() (Filter, error) {
	neg := false
	for {
		switch {
		case p.tok.kind == tokNeg:
			neg = !neg
		case p.isKeyword("NOT"):
			kw := p.tok
			if err := p.advance(); err != nil {
				return Filter{}, err
			}
			if !p.startsUnary() {
				return Filter{}, p.errorf(kw.off, `"NOT" needs a term after it`)
			}
			neg = !neg
			continue
		default:
			f, err := p.primary()
			if err != nil {
				return Filter{}, err
			}
			if neg {
				f = Not(f)
			}
			return f, nil
		}
		if err := p.advance(); err != nil {
			return Filter{}, err
		}
	}
}

// primary parses primary = "(" orExpr ")" | "(" ")" | term. The empty
// group matches everything, like the empty query, so "-()" matches
// nothing: it is the canonical text of a Filter that matches nothing.
func (p *parser) primary() (Filter, error) {
	switch p.tok.kind {
	case tokLParen:
		open := p.tok
		if p.depth == MaxQueryDepth {
			return Filter{}, p.errorf(open.off, "parentheses nest deeper than %d", MaxQueryDepth)
		}
		p.depth++
		if err := p.advance(); err != nil {
			return Filter{}, err
		}
		f := Filter{}
		if p.tok.kind != tokRParen {
			var err error
			if f, err = p.or(); err != nil {
				return Filter{}, err
			}
			if p.tok.kind != tokRParen {
				return Filter{}, p.errorf(open.off, `"(" is never closed`)
			}
		}
		p.depth--
		return f, p.advance()
	case tokTerm:
		if p.isKeyword("OR") || p.isKeyword("AND") {
			return Filter{}, p.unexpected()
		}
		t := p.tok
		f, err := p.term(t)
		if err != nil {
			return Filter{}, err
		}
		return f, p.advance()
	}
	return Filter{}, p.unexpected()
}

// The fields a query can name.
var fieldNames = []string{"level", "type", "skill", "id"}

// term parses one term: a field term (level:senior, level>=mid,
// skill:"problem solving") or free text (word, "a phrase", prefix*).
func (p *parser) term(t token) (Filter, error) {
	name, op, rest, opOff := splitField(t.text)
	if op == "" {
		return p.text(t)
	}
	field := fieldName(name)
	if field == "" {
		e := &nameError{kind: "field", name: name, valid: fieldNames}
		return Filter{}, p.errorf(t.off, "%s", e.message())
	}
	opOff += t.off
	valOff := opOff + len(op)
	vals, seps, err := p.values(rest, valOff)
	if err != nil {
		return Filter{}, err
	}
	isCmp := op != ":" && op != "="
	if isCmp && field != "level" {
		return Filter{}, p.errorf(opOff, "%q needs an ordered field; %q is not ordered", strings.TrimPrefix(op, ":"), field)
	}
	for i, s := range seps {
		if s.text == ".." && field != "level" {
			return Filter{}, p.errorf(s.off, `".." needs an ordered field; %q is not ordered`, field)
		}
		if isCmp {
			return Filter{}, p.errorf(s.off, "%q takes one level, not a list", strings.TrimPrefix(op, ":"))
		}
		if s.text == ".." && (len(seps) > 1 || i > 0) {
			return Filter{}, p.errorf(s.off, "a range is two levels, as in level:mid..lead; lists cannot hold ranges")
		}
	}
	switch field {
	case "level":
		return p.levelTerm(strings.TrimPrefix(op, ":"), vals, len(seps) == 1 && seps[0].text == "..")
	case "type":
		var mask uint16
		for _, v := range vals {
			ty, ok := lookupType(v.s)
			if !ok {
				return Filter{}, p.errorf(v.off, "%s", unknownType(v.s).message())
			}
			mask |= 1 << ty
		}
		return maskFilter(kindType, mask), nil
	}
	kind, norm := kindID, fold
	if field == "skill" {
		kind, norm = kindSkill, normSkill
	}
	var kbuf [1]string
	var obuf [1]int
	keys, offs := kbuf[:0], obuf[:0] // setFilter copies them
	for _, v := range vals {
		key := norm(v.s)
		if key == "" {
			return Filter{}, p.errorf(v.off, "empty %s", field)
		}
		keys, offs = append(keys, key), append(offs, v.off)
	}
	return setFilter(kind, keys, nil, offs), nil
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

// splitField splits a term at its operator, if it has one: a name of
// letters, digits and underscores followed by ":", "=", ">=", "<=", ">" or
// "<" (or ":" and one of the comparisons). op is "" for free text.
func splitField(s string) (name, op, rest string, opOff int) {
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) && r != '_' {
			break
		}
		i += size
	}
	if i == 0 || i == len(s) {
		return "", "", "", 0
	}
	j := i
	switch s[j] {
	case ':':
		j++
		if j < len(s) && (s[j] == '<' || s[j] == '>') {
			j++
			if j < len(s) && s[j] == '=' {
				j++
			}
		}
	case '=':
		j++
	case '<', '>':
		j++
		if j < len(s) && s[j] == '=' {
			j++
		}
	default:
		return "", "", "", 0
	}
	return s[:i], s[i:j], s[j:], i
}

type value struct {
	s   string // unquoted
	off int
}

type sep struct {
	text string // "," or ".."
	off  int
}

// values splits a field term's values at commas and "..", unquoting each.
// The slices it returns are the parser's, valid until its next call.
func (p *parser) values(s string, off int) ([]value, []sep, error) {
	vals, seps := p.vals[:0], p.seps[:0]
	defer func() { p.vals, p.seps = vals, seps }()
	for i := 0; ; {
		if i == len(s) || s[i] == ',' || strings.HasPrefix(s[i:], "..") {
			return nil, nil, p.errorf(off+i, "missing value")
		}
		var v value
		if s[i] == '"' {
			end, err := scanQuoted(s, i)
			if err != nil { // cannot happen: the lexer checked the quotes
				return nil, nil, p.errorf(off+i, "quoted string is never closed")
			}
			v = value{unquote(s[i:end]), off + i}
			i = end
			if i < len(s) && s[i] != ',' && !strings.HasPrefix(s[i:], "..") {
				return nil, nil, p.errorf(off+i, "unexpected text after closing quote")
			}
		} else {
			j := i
			for j < len(s) && s[j] != ',' && !strings.HasPrefix(s[j:], "..") {
				if s[j] == '"' {
					return nil, nil, p.errorf(off+j, `unexpected '"' inside a value; quote the whole value`)
				}
				j++
			}
			v = value{s[i:j], off + i}
			i = j
		}
		vals = append(vals, v)
		if i == len(s) {
			return vals, seps, nil
		}
		if s[i] == ',' {
			seps = append(seps, sep{",", off + i})
			i++
		} else {
			seps = append(seps, sep{"..", off + i})
			i += 2
		}
	}
}

// levelTerm builds a level filter from a comparison (op ">=" and so on), a
// range (a..b) or a list.
func (p *parser) levelTerm(op string, vals []value, isRange bool) (Filter, error) {
	levels := make([]Level, len(vals))
	for i, v := range vals {
		l, ok := lookupLevel(v.s)
		if !ok {
			return Filter{}, p.errorf(v.off, "%s", unknownLevel(v.s).message())
		}
		levels[i] = l
	}
	l := levels[0]
	switch {
	case op == ">=":
		return maskFilter(kindLevel, levelsFrom(l)), nil
	case op == ">":
		return maskFilter(kindLevel, levelsFrom(l+1)), nil
	case op == "<=":
		return maskFilter(kindLevel, levelsTo(l)), nil
	case op == "<":
		return maskFilter(kindLevel, levelsTo(l-1)), nil
	case isRange:
		hi := levels[1]
		if l > hi {
			return Filter{}, p.errorf(vals[0].off, "level range %s..%s is empty; write %s..%s", l, hi, hi, l)
		}
		return maskFilter(kindLevel, levelsFrom(l)&levelsTo(hi)), nil
	}
	return ByLevel(levels...), nil
}

// levelsTo returns the mask of the levels from Junior to l.
func levelsTo(l Level) uint16 {
	if l < minLevel {
		return 0
	}
	return (1<<(l+1) - 1) &^ 1
}

// text parses free text: a bare word or a quoted phrase, with an optional
// trailing "*" for a prefix.
func (p *parser) text(t token) (Filter, error) {
	s := t.text
	if s[0] == '"' {
		end, _ := scanQuoted(s, 0)
		if end != len(s) {
			return Filter{}, p.errorf(t.off+end, "unexpected text after closing quote")
		}
		s = unquote(s)
	} else if i := strings.IndexByte(s, '"'); i >= 0 {
		return Filter{}, p.errorf(t.off+i, `unexpected '"' inside a word; quote the whole phrase`)
	}
	prefix := strings.HasSuffix(s, "*")
	ws := words(strings.TrimSuffix(s, "*"))
	if len(ws) == 0 {
		shown := t.text
		if shown[0] != '"' {
			shown = strconv.Quote(shown)
		}
		return Filter{}, p.errorf(t.off, "nothing to search for in %s; free text needs a letter or digit", shown)
	}
	return textFilter(ws, prefix), nil
}

// ParseQuery parses a query like [ParseFilter] and checks it against the
// bank: a skill that no question in the bank tests is a [*SyntaxError]
// pointing at it and suggesting the closest skill the bank has. Parse a
// query once with ParseQuery to use it many times.
func (b *Bank) ParseQuery(q string) (Filter, error) {
	f, err := ParseFilter(q)
	if err != nil {
		return Filter{}, err
	}
	if err := b.checkSkills(q, f.n); err != nil {
		return Filter{}, err
	}
	return f, nil
}

// Query returns copies of the questions that match the query q, in corpus
// order. It is [Bank.ParseQuery] followed by [Bank.Filter].
func (b *Bank) Query(q string) ([]Question, error) {
	f, err := b.ParseQuery(q)
	if err != nil {
		return nil, err
	}
	return b.Filter(f), nil
}

// checkSkills returns an error for the first skill in n, by offset, that
// the bank does not have.
func (b *Bank) checkSkills(q string, n *node) error {
	ix := b.index()
	var first *SyntaxError
	var walk func(n *node)
	walk = func(n *node) {
		if n == nil {
			return
		}
		for _, k := range n.kids {
			walk(k)
		}
		if n.kind != kindSkill || n.offs == nil {
			return
		}
		for i, v := range n.vals {
			if _, ok := ix.skills[v]; ok || (first != nil && first.Offset < n.offs[i]) {
				continue
			}
			msg := fmt.Sprintf("no question in the bank tests skill %q", v)
			if s := suggest(v, ix.skillKeys); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			first = &SyntaxError{Query: q, Offset: n.offs[i], Msg: msg}
		}
	}
	walk(n)
	if first == nil {
		return nil
	}
	return first
}

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
func (f Filter) MarshalText() ([]byte, error) {
	return []byte(f.String()), nil
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
		if n.prefix {
			star = "*"
		}
		if len(n.vals) == 1 {
			b.WriteString(n.vals[0] + star)
		} else {
			b.WriteString(`"` + strings.Join(n.vals, " ") + star + `"`)
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
// as a range when it is a run of three or more, and as a list otherwise.
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
	case run && len(set) >= 3:
		return "level:" + lo.String() + ".." + hi.String()
	}
	keys := make([]string, len(set))
	for i, l := range set {
		keys[i] = l.String()
	}
	return "level:" + strings.Join(keys, ",")
}

// writeValue writes a field value bare when it is safe to, and quoted
// otherwise.
func writeValue(b *strings.Builder, v string) {
	if bareValue(v) {
		b.WriteString(v)
		return
	}
	b.WriteByte('"')
	for i := 0; i < len(v); i++ {
		if v[i] == '"' || v[i] == '\\' {
			b.WriteByte('\\')
		}
		b.WriteByte(v[i])
	}
	b.WriteByte('"')
}

// bareValue reports whether v can be written unquoted after "field:": it
// starts with a letter or digit, holds only letters, digits and -_.+#/&'@,
// and no "..".
func bareValue(v string) bool {
	if v == "" || strings.Contains(v, "..") {
		return false
	}
	for i, r := range v {
		if isWordRune(r) {
			continue
		}
		if i == 0 || !strings.ContainsRune("-_.+#/&'@", r) {
			return false
		}
	}
	return true
}
