package questionbank

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCaret(t *testing.T) {
	tests := []struct {
		q      string
		offset int
		want   string
	}{
		{"level>=senior typ:technical", 14, "level>=senior typ:technical\n              ^"},
		{"typ:x", 0, "typ:x\n^"},
		{"level:", 6, "level:\n      ^"},
		{"café lvl:x", 6, "café lvl:x\n     ^"},
		{"日本 lvl:x", 7, "日本 lvl:x\n     ^"},
		{"a\tb lvl:x", 4, "a\tb lvl:x\n \t  ^"},
		{"a\nb lvl:x", 4, "a b lvl:x\n    ^"},
		{"e\u0301 lvl:x", 4, "e\u0301 lvl:x\n  ^"},
	}
	for _, tc := range tests {
		e := &SyntaxError{Query: tc.q, Offset: tc.offset, Msg: "m"}
		assert.Equal(t, tc.want, e.Caret(), "Caret(%q, %d)", tc.q, tc.offset)
	}
	// A long query is shown around the offending token.
	long := strings.Repeat("word ", 100) + "lvl:x " + strings.Repeat("word ", 100)
	_, err := ParseFilter(long)
	var se *SyntaxError
	require.True(t, errors.As(err, &se))
	lines := strings.Split(se.Caret(), "\n")
	require.Len(t, lines, 2)
	assert.True(t, strings.HasPrefix(lines[0], "...") && strings.HasSuffix(lines[0], "..."), lines[0])
	col := strings.Index(lines[1], "^")
	assert.Equal(t, "lvl:x", lines[0][col:col+5], "caret under the token")
}
