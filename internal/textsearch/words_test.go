package textsearch

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Node.js and Express", []string{"node", "js", "and", "express"}},
		{"e-commerce, 30%!", []string{"e", "commerce", "30"}},
		{"CAFÉ über straße ΣΊΣΥΦΟΣ", []string{"café", "über", "straße", "σίσυφοσ"}},
		{"日本語のテキスト", []string{"日本語のテキスト"}},
		{"", nil},
		{"  ...  ", nil},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, Words(tc.in), "Words(%q)", tc.in)
		var got []string
		FoldWords(nil, tc.in, func(w []byte) bool { got = append(got, string(w)); return true })
		assert.Equal(t, tc.want, got, "FoldWords(%q)", tc.in)
	}
}
