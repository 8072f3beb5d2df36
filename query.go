package questionbank

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/backendprep/questionbank/internal/suggest"
	"github.com/backendprep/questionbank/internal/textsearch"
)

// The parser of the query language: recursive descent over the lexer's
// tokens (or, and, unary, primary, term), building filters with the same
// combinators as Go code.

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
	return p.parse(q)
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

type parser struct {
	lex   lexer
	tok   token
	depth int // open parentheses

	// skills, if not nil, collects every skill value of the query, in
	// query order, for Bank.ParseQuery to check.
	skills *[]value

	// stack holds the operands of the And and Or being parsed, reused
	// from level to level to spare allocations.
	stack []Filter
}

func (p *parser) parse(q string) (Filter, error) {
	p.lex.q = q
	var stack [16]Filter
	var vals [4]value
	var seps [4]sep
	p.stack, p.lex.vals, p.lex.seps = stack[:0], vals[:0], seps[:0]
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

func (p *parser) advance() error {
	t, err := p.lex.next()
	p.tok = t
	return err
}

func (p *parser) errorf(off int, format string, args ...any) error {
	return syntaxErrorf(p.lex.q, off, format, args...)
}

// startsUnary reports whether the current token can begin a term.
func (p *parser) startsUnary() bool {
	switch p.tok.kind {
	case tokNeg, tokLParen, tokNot, tokField, tokText:
		return true
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
		if p.tok.kind != tokOr {
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
		if p.tok.kind == tokAnd {
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
		if err := p.checkSlip(len(p.stack) > mark); err != nil {
			return Filter{}, err
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

// checkSlip reports a keyword typed in lower case: a bare "or" or "and"
// between two terms, or a bare "not" before one, would search for the word
// where the user almost surely meant the keyword. afterTerm says whether a
// term comes before the current token. A quoted "or" searches the word.
func (p *parser) checkSlip(afterTerm bool) error {
	t := p.tok
	if t.kind != tokText || t.quoted || t.prefix || !isKeywordSlip(strings.ToLower(t.text)) {
		return nil
	}
	kw := strings.ToUpper(t.text)
	if kw != "NOT" && !afterTerm {
		return nil
	}
	// Would a term follow? Peek at the next token, then step back.
	save := p.lex.pos
	next, err := p.lex.next()
	p.lex.pos = save
	if err != nil {
		return nil // the error is reported when the parser gets there
	}
	switch next.kind {
	case tokNeg, tokLParen, tokNot, tokField, tokText:
		return p.errorf(t.off, "did you mean %s? keywords are upper case; quote %q to search the word", kw, t.text)
	}
	return nil
}

// unexpected reports the current token where a term should be.
func (p *parser) unexpected() error {
	switch p.tok.kind {
	case tokOr, tokAnd:
		return p.errorf(p.tok.off, "%q needs a term before it", p.tok.src)
	case tokRParen:
		return p.errorf(p.tok.off, `unexpected ")" with no "(" to close`)
	}
	return p.errorf(p.tok.off, "unexpected end of query")
}

// unary parses unary = ( "-" | "NOT" ) unary | primary. Negations are
// counted in a loop, not by recursion, so no query can exhaust the stack.
func (p *parser) unary() (Filter, error) {
	neg := false
	for p.tok.kind == tokNeg || p.tok.kind == tokNot {
		kw := p.tok
		if err := p.advance(); err != nil {
			return Filter{}, err
		}
		if kw.kind == tokNot && !p.startsUnary() {
			return Filter{}, p.errorf(kw.off, `"NOT" needs a term after it`)
		}
		neg = !neg
	}
	f, err := p.primary()
	if err != nil || !neg {
		return f, err
	}
	return Not(f), nil
}

// primary parses primary = "(" orExpr ")" | "(" ")" | term. The empty
// group matches everything, like the empty query, so "-()" matches
// nothing: it is the canonical text of a Filter that matches nothing.
func (p *parser) primary() (Filter, error) {
	var f Filter
	var err error
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
		if p.tok.kind != tokRParen {
			if f, err = p.or(); err != nil {
				return Filter{}, err
			}
			if p.tok.kind != tokRParen {
				return Filter{}, p.errorf(open.off, `"(" is never closed`)
			}
		}
		p.depth--
	case tokField:
		f, err = p.field(p.tok)
	case tokText:
		f, err = p.text(p.tok)
	default:
		return Filter{}, p.unexpected()
	}
	if err != nil {
		return Filter{}, err
	}
	return f, p.advance()
}

// field builds the filter of a field term: level:senior, level>=mid,
// skill:"problem solving",leadership, id:senior-1.
func (p *parser) field(t token) (Filter, error) {
	isCmp := t.op != ":" && t.op != "="
	if isCmp && t.field != "level" {
		return Filter{}, p.errorf(t.opOff, "%q needs an ordered field; %q is not ordered", t.op, t.field)
	}
	for i, s := range t.seps {
		if s.text == ".." && t.field != "level" {
			return Filter{}, p.errorf(s.off, `".." needs an ordered field; %q is not ordered`, t.field)
		}
		if isCmp {
			return Filter{}, p.errorf(s.off, "%q takes one level, not a list", t.op)
		}
		if s.text == ".." && (len(t.seps) > 1 || i > 0) {
			return Filter{}, p.errorf(s.off, "a range is two levels, as in level:mid..lead; lists cannot hold ranges")
		}
	}
	switch t.field {
	case "level":
		return p.levelTerm(t)
	case "type":
		var mask uint16
		for _, v := range t.vals {
			ty, ok := lookupType(v.s)
			if !ok {
				return Filter{}, p.errorf(v.off, "%s", unknownType(v.s).message())
			}
			mask |= 1 << ty
		}
		return maskFilter(kindType, mask), nil
	}
	kind, norm := kindID, IDKey
	if t.field == "skill" {
		kind, norm = kindSkill, normSkill
	}
	keys := make([]string, len(t.vals))
	for i, v := range t.vals {
		keys[i] = norm(v.s)
		if keys[i] == "" {
			return Filter{}, p.errorf(v.off, "empty %s", t.field)
		}
		if p.skills != nil && kind == kindSkill {
			*p.skills = append(*p.skills, value{keys[i], v.off})
		}
	}
	return setFilter(kind, keys, nil), nil
}

// levelTerm builds a level filter from a comparison (level>=mid), a range
// (level:mid..lead) or a list (level:junior,lead).
func (p *parser) levelTerm(t token) (Filter, error) {
	levels := make([]Level, len(t.vals))
	for i, v := range t.vals {
		l, ok := lookupLevel(v.s)
		if !ok {
			return Filter{}, p.errorf(v.off, "%s", unknownLevel(v.s).message())
		}
		levels[i] = l
	}
	l := levels[0]
	switch {
	case t.op == ">=":
		return maskFilter(kindLevel, levelsFrom(l)), nil
	case t.op == ">":
		return maskFilter(kindLevel, levelsFrom(l+1)), nil
	case t.op == "<=":
		return maskFilter(kindLevel, levelsTo(l)), nil
	case t.op == "<":
		return maskFilter(kindLevel, levelsTo(l-1)), nil
	case len(t.seps) == 1 && t.seps[0].text == "..":
		hi := levels[1]
		if l > hi {
			return Filter{}, p.errorf(t.vals[0].off, "level range %s..%s is empty; write %s..%s", l, hi, hi, l)
		}
		return maskFilter(kindLevel, levelsFrom(l)&levelsTo(hi)), nil
	}
	return ByLevel(levels...), nil
}

// text builds the filter of free text: a word, a quoted phrase, a prefix.
func (p *parser) text(t token) (Filter, error) {
	ws := textsearch.Words(t.text)
	if len(ws) == 0 {
		shown := t.src
		if !t.quoted {
			shown = strconv.Quote(shown)
		}
		return Filter{}, p.errorf(t.off, "nothing to search for in %s; free text needs a letter or digit", shown)
	}
	return textFilter(ws, t.prefix), nil
}

// ParseQuery parses a query like [ParseFilter] and checks it against the
// bank: a skill that no question in the bank tests is a [*SyntaxError]
// pointing at it and suggesting the closest skill the bank has. Every
// skill is checked as written, before any part of the query is simplified
// away (so "() OR skill:nope" is an error), and the first unknown one in
// the query is reported. Parse a query once with ParseQuery to use it many
// times; the bank also keeps the last queries it accepted, planned, so
// that one seen again is not parsed again.
func (b *Bank) ParseQuery(q string) (Filter, error) {
	if f, ok := b.queries.get(q); ok {
		return f, nil
	}
	var skills []value
	p := parser{skills: &skills}
	f, err := p.parse(q)
	if err != nil {
		return Filter{}, err
	}
	ix := b.index()
	for _, v := range skills {
		if _, ok := ix.skills[v.s]; ok {
			continue
		}
		msg := fmt.Sprintf("no question in the bank tests skill %q", v.s)
		// One suggestion, for the one error reported.
		if s := suggest.Closest(v.s, ix.skillKeys, nil); s != "" {
			msg += didYouMean(s)
		}
		return Filter{}, syntaxErrorf(q, v.off, "%s", msg)
	}
	if err := b.checkCost(q, f); err != nil {
		return Filter{}, err
	}
	b.queries.put(q, f)
	return f, nil
}

// didYouMean formats a suggestion, to follow an error message.
func didYouMean(s string) string {
	return fmt.Sprintf("; did you mean %q?", s)
}

// Query returns copies of the questions that match the query q, in corpus
// order, or nil if none does. It is [Bank.ParseQuery] followed by
// [Bank.Filter].
func (b *Bank) Query(q string) ([]Question, error) {
	f, err := b.ParseQuery(q)
	if err != nil {
		return nil, err
	}
	return b.Filter(f), nil
}
