package questionbank

import (
	"unicode/utf8"

	"github.com/backendprep/questionbank/internal/textsearch"
)

// How IDs and values are compared: in Unicode normal form C and folded,
// as text search compares words (internal/textsearch).

// IDKey returns the key by which a [Bank] compares question IDs: id in
// Unicode normal form C, case-folded. Two IDs name the same question
// exactly when their keys are equal: IDKey("LEAD-1") -> "lead-1". A
// program that keeps data by question ID (as package srs does) should key
// it so. An ID of lower-case ASCII, the usual kind, is its own key, found
// in one pass.
func IDKey(id string) string {
	for i := 0; i < len(id); i++ {
		if c := id[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return textsearch.Fold(textsearch.NFC(id))
		}
	}
	return id
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
		if textsearch.FoldRune(r) != qr {
			return false
		}
		j += size
	}
	return j == len(q)
}
