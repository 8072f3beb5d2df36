package render

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/backendprep/questionbank"
)

// Clean returns a copy of q whose text holds no control character but tab
// and newline: a carriage return ends a line as a newline does, and every
// other C0 or C1 control (ESC, BEL, DEL, U+009B ...) and every bidirectional
// embedding, override or isolate (U+202A to U+202E, U+2066 to U+2069)
// becomes U+FFFD, the replacement character, so that a bank's text shows
// what was there but cannot move the cursor, retitle a terminal, hide what
// follows or show itself in another order than it is stored. Every writer
// of this package but WriteJSON (whose output escapes them) cleans what it
// writes; a program that prints questions itself should clean them first.
//
//	Clean(q).Text  // "Why?\x1b]0;pwned\a" -> "Why?�]0;pwned�"
func Clean(q questionbank.Question) questionbank.Question {
	q.ID = cleanText(q.ID)
	q.Text = cleanText(q.Text)
	q.Introduction = cleanText(q.Introduction)
	q.HowToAnswer = cleanList(q.HowToAnswer)
	q.WhatNotToSay = cleanList(q.WhatNotToSay)
	q.ExampleAnswer = cleanText(q.ExampleAnswer)
	q.Skills = cleanList(q.Skills)
	q.FollowUps = cleanList(q.FollowUps)
	q.Source.Title, q.Source.URL, q.Source.Licence = cleanText(q.Source.Title), cleanText(q.Source.URL), cleanText(q.Source.Licence)
	return q
}

func cleanList(list []string) []string {
	out := list
	for i, s := range list {
		if c := cleanText(s); c != s {
			if &out[0] == &list[0] {
				out = append([]string(nil), list...)
			}
			out[i] = c
		}
	}
	return out
}

// cleanText returns s without control characters; s itself if it has none.
func cleanText(s string) string {
	if strings.IndexFunc(s, isUnsafe) < 0 {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\r':
			return '\n'
		case isUnsafe(r):
			return utf8.RuneError
		}
		return r
	}, s)
}

// isUnsafe reports whether r is a control character other than tab and
// newline, invalid UTF-8 (which a terminal may read as C1 controls), or a
// bidirectional control that reorders what follows it.
func isUnsafe(r rune) bool {
	return r != '\t' && r != '\n' && (unicode.IsControl(r) || r == utf8.RuneError || isBidiControl(r))
}

// isBidiControl reports whether r is a bidirectional embedding, override
// or isolate: U+202A to U+202E, U+2066 to U+2069.
func isBidiControl(r rune) bool {
	return '\u202a' <= r && r <= '\u202e' || '\u2066' <= r && r <= '\u2069'
}

func cleanAll(qs []questionbank.Question) []questionbank.Question {
	out := make([]questionbank.Question, len(qs))
	for i, q := range qs {
		out[i] = Clean(q)
	}
	return out
}
