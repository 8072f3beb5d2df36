package questionbank

import (
	"fmt"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/backendprep/questionbank/internal/textsearch"
)

// A Filter selects questions. Filters are immutable values that compose:
// build them with [ByLevel], [ByType], [BySkill], [ByID] and [ByText],
// combine them with [And], [Or] and [Not], or parse them from a query with
// [ParseFilter]. The zero Filter matches every question.
//
// A Filter is safe for concurrent use. Used with a [Bank], a Filter is
// compiled against the bank's index on first use, and the compiled form
// (never a result) is kept in the Filter for the bank it was last used
// with, so build a Filter once and reuse it rather than rebuilding it per
// call. A Filter so keeps that bank reachable while the Filter is.
type Filter struct {
	n *node // nil matches everything
}

type nodeKind uint8

const (
	kindNone  nodeKind = iota + 1 // matches nothing
	kindAnd                       // every kid matches
	kindOr                        // some kid matches
	kindNot                       // kids[0] does not match
	kindLevel                     // the level is in mask
	kindType                      // the type is in mask
	kindSkill                     // a skill is in vals (normSkill keys)
	kindID                        // the ID is in vals (folded)
	kindText                      // vals appear in sequence in one text field
)

// A node is one element of a filter's tree. Nodes are never modified once
// built, except for their plan, which is atomic.
type node struct {
	kind nodeKind
	mask uint16             // kindLevel, kindType: bit l or t set for each member
	vals []string           // kindSkill, kindID: sorted, distinct
	text *textsearch.Phrase // kindText: the words, their stems, and whether the last is a prefix
	kids []*node            // kindAnd, kindOr: two or more; kindNot: one

	// plan is this node's plan for the last Bank it was used with
	// (plan.go).
	plan atomic.Pointer[plan]
}

var noneNode = &node{kind: kindNone}

// ByLevel returns a [Filter] that matches questions at any of the given
// levels. Values that are not valid levels are ignored; with none left, the
// Filter matches nothing.
func ByLevel(levels ...Level) Filter {
	var mask uint16
	for _, l := range levels {
		if l.Valid() {
			mask |= 1 << l
		}
	}
	return maskFilter(kindLevel, mask)
}

// ByLevelRange returns a [Filter] that matches questions at any level from
// lo to hi, both included: ByLevelRange(Senior, Architect) is "senior and
// above", and prints as level>=senior. With lo above hi, or either not a
// valid level, the Filter matches nothing.
func ByLevelRange(lo, hi Level) Filter {
	if !lo.Valid() || !hi.Valid() {
		return Filter{noneNode}
	}
	return maskFilter(kindLevel, levelsFrom(lo)&levelsTo(hi))
}

// maskFilter returns a level or type filter for a mask of members.
func maskFilter(kind nodeKind, mask uint16) Filter {
	if mask == 0 {
		return Filter{noneNode}
	}
	return Filter{&node{kind: kind, mask: mask}}
}

// ByType returns a [Filter] that matches questions of any of the given
// types. Values that are not valid types are ignored; with none left, the
// Filter matches nothing.
func ByType(types ...Type) Filter {
	var mask uint16
	for _, t := range types {
		if t.Valid() {
			mask |= 1 << t
		}
	}
	return maskFilter(kindType, mask)
}

// BySkill returns a [Filter] that matches questions testing any of the
// given skills. Skills are compared without regard to case, and spaces,
// hyphens and underscores are alike: "problem solving", "Problem-solving"
// and "PROBLEM_SOLVING" name one skill. With no skills, the Filter matches
// nothing.
func BySkill(skills ...string) Filter {
	return setFilter(kindSkill, skills, normSkill)
}

// ByID returns a [Filter] that matches the questions with any of the given
// IDs, compared without regard to case. With no IDs, the Filter matches
// nothing.
func ByID(ids ...string) Filter {
	return setFilter(kindID, ids, IDKey)
}

// setFilter builds a skill or ID node from raw values, normalised by norm
// (nil: already normal), sorted and made distinct.
func setFilter(kind nodeKind, raw []string, norm func(string) string) Filter {
	vals := make([]string, 0, len(raw))
	for _, s := range raw {
		if norm != nil {
			s = norm(s)
		}
		if s != "" {
			vals = append(vals, s)
		}
	}
	if len(vals) == 0 {
		return Filter{noneNode}
	}
	if !slices.IsSorted(vals) { // often they come sorted, as from a Progress
		slices.Sort(vals)
	}
	return Filter{&node{kind: kind, vals: slices.Clip(slices.Compact(vals))}}
}

// ByText returns a [Filter] that matches questions whose text holds the
// words of s in sequence, as a quoted phrase in a query does: words are
// runs of letters, digits and combining marks, compared by their English
// stem (Snowball's Porter2: "cache" matches caching, cached, caches),
// without regard to case and in Unicode normal form C, and all of them
// must be in one field (the question, the introduction, one bullet, the
// example answer or one skill). What stands between the words does not
// matter, as in Lucene and bleve: spaces and punctuation alike. A trailing
// "*" makes the last word a prefix of words as written, unstemmed:
//
//	ByText("api gateway")  // matches "an API gateway", "API, gateway" and "API gateways"
//	ByText("micro*")       // matches "microservices"
//
// If s holds no words, the Filter matches nothing.
func ByText(s string) Filter {
	prefix := false
	if t, ok := strings.CutSuffix(s, "*"); ok {
		s, prefix = t, true
	}
	return textFilter(textsearch.Words(s), prefix)
}

func textFilter(ws []string, prefix bool) Filter {
	if len(ws) == 0 {
		return Filter{noneNode}
	}
	return Filter{&node{kind: kindText, text: &textsearch.Phrase{Words: ws, Stems: textsearch.Stems(ws), Prefix: prefix}}}
}

// And returns a [Filter] that matches the questions every one of fs
// matches. And() with no filters matches everything.
func And(fs ...Filter) Filter {
	kids := make([]*node, 0, len(fs))
	for _, f := range fs {
		switch {
		case f.n == nil:
			continue // matches everything: no constraint
		case f.n.kind == kindNone:
			return Filter{noneNode}
		case f.n.kind == kindAnd:
			kids = append(kids, f.n.kids...)
		default:
			kids = append(kids, f.n)
		}
	}
	kids = distinctTerms(kids)
	switch len(kids) {
	case 0:
		return Filter{}
	case 1:
		return Filter{kids[0]}
	}
	return Filter{&node{kind: kindAnd, kids: kids}}
}

// Or returns a [Filter] that matches the questions any of fs matches.
// Or() with no filters matches nothing.
func Or(fs ...Filter) Filter {
	kids := make([]*node, 0, len(fs))
	for _, f := range fs {
		switch {
		case f.n == nil:
			return Filter{} // matches everything
		case f.n.kind == kindNone:
			continue
		case f.n.kind == kindOr:
			kids = append(kids, f.n.kids...)
		default:
			kids = append(kids, f.n)
		}
	}
	kids = distinctTerms(kids)
	switch len(kids) {
	case 0:
		return Filter{noneNode}
	case 1:
		return Filter{kids[0]}
	}
	return Filter{&node{kind: kindOr, kids: kids}}
}

// distinctTerms returns kids without the terms (levels, types, skills,
// free text) that an earlier kid repeats: "a s*" written 500 times is
// one term, matched once. Lists of IDs and compound kids are kept as they
// are; the work budget of Bank.ParseQuery bounds what they cost.
func distinctTerms(kids []*node) []*node {
	if len(kids) < 2 {
		return kids
	}
	if len(kids) <= 16 { // compared pairwise, without allocating
		out := kids[:0:0]
		for i, k := range kids {
			if !slices.ContainsFunc(kids[:i], func(e *node) bool { return sameTerm(e, k) }) {
				out = append(out, k)
			}
		}
		if len(out) == len(kids) {
			return kids
		}
		return out
	}
	seen := make(map[string]bool, len(kids))
	out := make([]*node, 0, len(kids))
	for _, k := range kids {
		if key := termKey(k); key != "" {
			if seen[key] {
				continue
			}
			seen[key] = true
		}
		out = append(out, k)
	}
	return out
}

// sameTerm reports whether a and b are the same term.
func sameTerm(a, b *node) bool {
	if a == b {
		return true
	}
	if a.kind != b.kind {
		return false
	}
	switch a.kind {
	case kindLevel, kindType:
		return a.mask == b.mask
	case kindSkill:
		return slices.Equal(a.vals, b.vals)
	case kindText:
		return a.text.Prefix == b.text.Prefix && slices.Equal(a.text.Words, b.text.Words)
	}
	return false
}

// termKey returns a key that the same terms share, or "" for a node that
// is not a term sameTerm compares.
func termKey(n *node) string {
	switch n.kind {
	case kindLevel, kindType:
		return fmt.Sprintf("%d %d", n.kind, n.mask)
	case kindSkill:
		return fmt.Sprintf("%d %q", n.kind, n.vals)
	case kindText:
		return fmt.Sprintf("%d %t %q", n.kind, n.text.Prefix, n.text.Words)
	}
	return ""
}

// Not returns a [Filter] that matches the questions f does not match.
func Not(f Filter) Filter {
	switch {
	case f.n == nil:
		return Filter{noneNode}
	case f.n.kind == kindNone:
		return Filter{}
	case f.n.kind == kindNot:
		return Filter{f.n.kids[0]}
	}
	return Filter{&node{kind: kindNot, kids: []*node{f.n}}}
}

// Match reports whether f matches q. It works on any Question, in a bank or
// not, and allocates only to stem a word of q's text that free text might
// match.
func (f Filter) Match(q Question) bool {
	if f.n == nil {
		return true
	}
	return f.n.match(&q)
}

func (n *node) match(q *Question) bool {
	switch n.kind {
	case kindNone:
		return false
	case kindAnd:
		for _, k := range n.kids {
			if !k.match(q) {
				return false
			}
		}
		return true
	case kindOr:
		for _, k := range n.kids {
			if k.match(q) {
				return true
			}
		}
		return false
	case kindNot:
		return !n.kids[0].match(q)
	case kindLevel:
		return q.Level.Valid() && n.mask&(1<<q.Level) != 0
	case kindType:
		return q.Type.Valid() && n.mask&(1<<q.Type) != 0
	case kindSkill:
		for _, s := range q.Skills {
			for _, v := range n.vals {
				if skillIs(s, v) {
					return true
				}
			}
		}
		return false
	case kindID:
		for _, v := range n.vals {
			if foldMatch(textsearch.NFC(q.ID), v, false) {
				return true
			}
		}
		return false
	case kindText:
		return q.hasPhrase(n.text, nil)
	}
	panic("questionbank: unknown filter node") // unreachable: nodes are built here
}

// hasPhrase reports whether one of q's text fields holds the phrase.
func (q *Question) hasPhrase(ph *textsearch.Phrase, ix *textsearch.Index) bool {
	for _, s := range q.fields {
		if ph.In(s, ix) {
			return true
		}
	}
	return false
}
