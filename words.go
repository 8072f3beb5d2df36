package questionbank

import (
	"unicode"
	"unicode/utf8"
)

// What a word is: a run of Unicode letters, digits and combining marks.
// nextWord is the one scanner of words; foldWords folds what it finds.

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

// foldWords calls f with each word of s, folded, in buf, which it returns
// for reuse: the words of words(s), without allocating, until f returns
// false. s must be in NFC. It is nextWord and foldInto, the one scanner.
func foldWords(buf []byte, s string, f func(w []byte) bool) []byte {
	for i := 0; ; {
		start, end := nextWord(s, i)
		if start == end {
			return buf
		}
		i = end
		buf = foldInto(buf[:0], s[start:end])
		if !f(buf) {
			return buf
		}
	}
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
