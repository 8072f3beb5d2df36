package questionbank

import (
	"unicode"
	"unicode/utf8"

	"github.com/backendprep/questionbank/internal/textsearch"
)

// When two skills are the same: folded, with spaces, hyphens and
// underscores alike.

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
	s = textsearch.NFC(s)
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
		b = utf8.AppendRune(b, textsearch.FoldRune(r))
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
	raw = textsearch.NFC(raw)
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
		if size == 0 || textsearch.FoldRune(r) != kr {
			return false
		}
		j += size
	}
	return j == len(key)
}
