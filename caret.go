package questionbank

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// How a SyntaxError is shown in a terminal: the query on one line, a caret
// under the offending token, aligned by display width.

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
// marks and the zero-width space, two for East Asian wide and fullwidth
// characters (Unicode's East Asian Width property), one otherwise.
func runeWidth(r rune) int {
	if unicode.In(r, unicode.Mn, unicode.Me) || r == '\u200b' {
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}
