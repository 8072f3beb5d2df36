package textsearch

import (
	"unicode"
	"unicode/utf8"
)

// What a word is: a run of Unicode letters, digits and combining marks.
// nextWord is the one scanner of words; FoldWords folds what it finds.

// IsWordRune reports whether r belongs to a word: words are runs of Unicode
// letters, digits and combining marks, so that "हिन्दी" is one word.
func IsWordRune(r rune) bool {
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
		if IsWordRune(r) {
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
		if !IsWordRune(r) {
			break
		}
		i += size
	}
	return start, i
}

func isASCIIWord(c byte) bool {
	return 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9'
}

// Words returns the folded words of s, in NFC, in order.
func Words(s string) []string {
	var ws []string
	FoldWords(nil, NFC(s), func(w []byte) bool { ws = append(ws, string(w)); return true })
	return ws
}

// FoldWords calls f with each word of s, folded, in buf, which it returns
// for reuse: the words of Words(s), without allocating, until f returns
// false. s must be in NFC. It is nextWord and AppendFold, the one scanner.
func FoldWords(buf []byte, s string, f func(w []byte) bool) []byte {
	for i := 0; ; {
		start, end := nextWord(s, i)
		if start == end {
			return buf
		}
		i = end
		buf = AppendFold(buf[:0], s[start:end])
		if !f(buf) {
			return buf
		}
	}
}
