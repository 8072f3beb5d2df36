package questionbank

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
// all text is), so that Filter.Match stays cheap.

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
