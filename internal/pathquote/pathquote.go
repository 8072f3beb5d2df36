// Package pathquote quotes file names for messages to a terminal, so
// that no control or bidi character in a name reaches it raw and no
// newline in a name can forge a line of its own.
package pathquote

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Quote returns name as it is when every character of it prints as
// itself (letters, digits, punctuation, symbols and the ASCII space), and
// otherwise as a Go string literal, its other characters escaped:
// "team/q.md" -> team/q.md, "esc\x1b[31m.md" -> "esc\x1b[31m.md",
// "a\u202e.md" -> "a\u202e.md". A name that starts with a double quote is
// quoted too, so that a quoted name is never mistaken for another.
func Quote(name string) string {
	if name != "" && !strings.HasPrefix(name, `"`) && utf8.ValidString(name) &&
		strings.IndexFunc(name, func(r rune) bool { return !strconv.IsPrint(r) }) < 0 {
		return name
	}
	return strconv.Quote(name)
}
