package questionbank

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// This file holds the text rules shared by filters, queries and the index:
// how case is folded, what a word is, and when two skills are the same.
// Text is compared in Unicode normal form C (NFC), so "café" typed with a
// precomposed é matches "café" stored with a combining accent. Every
// function here that takes a question's text works without allocating on
// text already in NFC (as nearly all text is), so Filter.Match stays cheap.

// nfc returns s in Unicode normal form C: s itself when it is ASCII or
// already normal, as it nearly always is, and a normalised copy otherwise.
func nfc(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			if norm.NFC.QuickSpanString(s[i:]) == len(s)-i { // unlike IsNormalString, does not allocate
				return s
			}
			return norm.NFC.String(s)
		}
	}
	return s
}

// IDKey returns the key by which a [Bank] compares question IDs: id in
// Unicode normal form C, case-folded. Two IDs name the same question
// exactly when their keys are equal: IDKey("LEAD-1") -> "lead-1". A
// program that keeps data by question ID (as package srs does) should key
// it so. An ID of lower-case ASCII, the usual kind, is its own key, found
// in one pass.
func IDKey(id string) string {
	for i := 0; i < len(id); i++ {
		if c := id[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return fold(nfc(id))
		}
	}
	return id
}

// foldRune maps r to one representative of its case-folding class, so that
// runes strings.EqualFold treats as equal fold to the same rune.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	return unicode.ToLower(unicode.ToUpper(r))
}

// fold returns s with every rune folded.
func fold(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return strings.Map(foldRune, s)
		}
	}
	return s // the usual case: already folded ASCII
}

// isWordRune reports whether r belongs to a word: words are runs of Unicode
// letters, digits and combining marks, so that "हिन्दी" is one word.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// nextWord returns the byte span [start, end) of the first word in s at or
// after i, or start == len(s) when there is none.
func nextWord(s string, i int) (start, end int) {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf { // ASCII without decoding
			if isASCIIWord(c) {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
			break
		}
		i += size
	}
	start = i
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if !isASCIIWord(c) {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			break
		}
		i += size
	}
	return start, i
}

func isASCIIWord(c byte) bool {
	return 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9'
}

// words returns the folded words of s, in NFC, in order.
func words(s string) []string {
	var ws []string
	foldWords(nil, nfc(s), func(w []byte) bool { ws = append(ws, string(w)); return true })
	return ws
}

// fields yields q's text fields, one bullet or skill at a time: the fields
// free text searches, in the order a question shows them. It is the one
// list of them; range over it as an iter.Seq: for s := range q.fields.
// (A method, not a function returning a closure, so that ranging over it
// does not allocate.)
func (q *Question) fields(yield func(string) bool) {
	if !yield(q.Text) || !yield(q.Introduction) {
		return
	}
	for _, s := range q.HowToAnswer {
		if !yield(s) {
			return
		}
	}
	for _, s := range q.WhatNotToSay {
		if !yield(s) {
			return
		}
	}
	if !yield(q.ExampleAnswer) {
		return
	}
	for _, s := range q.Skills {
		if !yield(s) {
			return
		}
	}
}

// foldWords calls f with each word of s, folded, in buf, which it returns
// for reuse: the words of words(s) in one pass, without allocating, until
// f returns false. s must be in NFC.
func foldWords(buf []byte, s string, f func(w []byte) bool) []byte {
	buf = buf[:0]
	for j := 0; j < len(s); {
		c := s[j]
		if c < utf8.RuneSelf { // ASCII, the usual case
			j++
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				buf = append(buf, c)
			case 'A' <= c && c <= 'Z':
				buf = append(buf, c+'a'-'A')
			case len(buf) > 0:
				if !f(buf) {
					return buf
				}
				buf = buf[:0]
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		j += size
		if isWordRune(r) {
			buf = utf8.AppendRune(buf, foldRune(r))
		} else if len(buf) > 0 {
			if !f(buf) {
				return buf
			}
			buf = buf[:0]
		}
	}
	if len(buf) > 0 {
		f(buf)
	}
	return buf
}

// foldMatch reports whether w, folded, equals the folded string q,
// or, if prefix is set, starts with it.
func foldMatch(w, q string, prefix bool) bool {
	j := 0
	for _, r := range w {
		if j == len(q) {
			return prefix
		}
		qr, size := utf8.DecodeRuneInString(q[j:])
		if foldRune(r) != qr {
			return false
		}
		j += size
	}
	return j == len(q)
}

// A phrase is free text to match: folded words in sequence, compared by
// stem, the last of them, with prefix set, as written and as a prefix.
type phrase struct {
	words  []string // folded, as typed
	stems  []string // stems of words
	prefix bool
}

// in reports whether s holds the phrase, whatever stands between its
// words (spaces, punctuation), as in Lucene and bleve: "api gateway" is in
// "API, gateway". ix gives the stems of s's words (nil: the stemmer). One pass, by
// shift-and: after each word, bit k of state says the words up to it
// match the phrase's first k+1 words.
func (ph *phrase) in(s string, ix *textIndex) bool {
	n := len(ph.words)
	if n == 0 || n > 64 {
		return n > 64 && ph.inLong(s, ix)
	}
	s = nfc(s)
	// nextWord and foldInto rather than foldWords: its callback would make
	// the buffer escape, and Count must not allocate.
	var buf [64]byte
	var state uint64
	for i := 0; ; {
		start, end := nextWord(s, i)
		if start == end {
			return false
		}
		i = end
		state = (state<<1 | 1) & ph.matches(foldInto(buf[:0], s[start:end]), ix)
		if state&(1<<(n-1)) != 0 {
			return true
		}
	}
}

// foldInto appends the folded word w to buf, as foldWords folds it.
func foldInto(buf []byte, w string) []byte {
	for j := 0; j < len(w); {
		if c := w[j]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			j++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[j:])
		buf = utf8.AppendRune(buf, foldRune(r))
		j += size
	}
	return buf
}

// matches returns the bits of the phrase's words that w matches.
func (ph *phrase) matches(w []byte, ix *textIndex) uint64 {
	var mask uint64
	last := len(ph.words) - 1
	wstem := ""
	for k, q := range ph.words {
		if ph.prefix && k == last {
			if len(w) >= len(q) && string(w[:len(q)]) == q {
				mask |= 1 << k
			}
			continue
		}
		st := ph.stems[k]
		if len(w) == 0 || len(st) == 0 || w[0] != st[0] { // a stem keeps its word's first letter
			continue
		}
		if wstem == "" {
			wstem = ix.stemWord(w)
		}
		if wstem == st {
			mask |= 1 << k
		}
	}
	return mask
}

// inLong is in for a phrase of more than 64 words: rare enough to be
// done simply, a window of the field's words at a time.
func (ph *phrase) inLong(s string, ix *textIndex) bool {
	var fieldWords [][]byte
	foldWords(nil, nfc(s), func(w []byte) bool {
		fieldWords = append(fieldWords, append([]byte(nil), w...))
		return true
	})
	n := len(ph.words)
	for i := 0; i+n <= len(fieldWords); i++ {
		k := 0
		for ; k < n; k++ {
			short := phrase{words: ph.words[k : k+1], stems: ph.stems[k : k+1], prefix: ph.prefix && k == n-1}
			if short.matches(fieldWords[i+k], ix) == 0 {
				break
			}
		}
		if k == n {
			return true
		}
	}
	return false
}

// isSkillSep reports whether r separates the words of a skill name; these
// separators are all alike, so "problem solving" is "Problem-solving".
func isSkillSep(r rune) bool {
	return r == '-' || r == '_' || unicode.IsSpace(r)
}

// normSkill returns the canonical key of a skill name: folded, with each run
// of separators as one hyphen and none at either end.
//
//	normSkill("Attention To Detail") -> "attention-to-detail"
func normSkill(s string) string {
	s = nfc(s)
	if isSkillKey(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	sep := false
	for _, r := range s {
		if isSkillSep(r) {
			sep = len(b) > 0
			continue
		}
		if sep {
			b = append(b, '-')
			sep = false
		}
		b = utf8.AppendRune(b, foldRune(r))
	}
	return string(b)
}

// isSkillKey reports whether s is already a canonical skill key made of
// ASCII, as most skills in queries are, so that normSkill need not copy it.
func isSkillKey(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == '-':
			if i == 0 || i == len(s)-1 || s[i-1] == '-' {
				return false
			}
		case c >= utf8.RuneSelf, 'A' <= c && c <= 'Z', c == '_', c <= ' ':
			return false
		}
	}
	return true
}

// skillIs reports whether normSkill(raw) == key, without allocating.
func skillIs(raw, key string) bool {
	raw = nfc(raw)
	j := 0
	sep, started := false, false
	for _, r := range raw {
		if isSkillSep(r) {
			sep = started
			continue
		}
		if sep {
			if j >= len(key) || key[j] != '-' {
				return false
			}
			j++
			sep = false
		}
		started = true
		kr, size := utf8.DecodeRuneInString(key[j:])
		if size == 0 || foldRune(r) != kr {
			return false
		}
		j += size
	}
	return j == len(key)
}
