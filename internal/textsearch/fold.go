package textsearch

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// How text is compared: in Unicode normal form C (NFC), so that "café"
// typed with a precomposed é matches "café" stored with a combining
// accent, and folded, so that case does not count. Every function here
// works without allocating on text already in NFC and folded (as nearly
// all text is), so that matching stays cheap.

// NFC returns s in Unicode normal form C: s itself when it is ASCII or
// already normal, as it nearly always is, and a normalised copy otherwise.
func NFC(s string) string {
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

// FoldRune maps r to one representative of its case-folding class, so that
// runes strings.EqualFold treats as equal fold to the same rune.
func FoldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	return unicode.ToLower(unicode.ToUpper(r))
}

// Fold returns s with every rune folded.
func Fold(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return strings.Map(FoldRune, s)
		}
	}
	return s // the usual case: already folded ASCII
}

// AppendFold appends the folded word w to buf, as FoldWords folds it.
func AppendFold(buf []byte, w string) []byte {
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
		buf = utf8.AppendRune(buf, FoldRune(r))
		j += size
	}
	return buf
}
