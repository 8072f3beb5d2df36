package questionbank

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestQuotedEscapes(t *testing.T) {
	tests := []struct{ q, want string }{
		{`id:"a\x01b"`, "a\x01b"},
		{`id:"tab\there"`, "tab\there"},
		{`id:"caf\u00e9"`, "café"},
		{`id:"\"quoted\""`, `"quoted"`},
		{`id:"back\\slash"`, `back\slash`},
	}
	for _, tc := range tests {
		f, err := ParseFilter(tc.q)
		require.NoError(t, err, "ParseFilter(%q)", tc.q)
		assert.True(t, f.Match(Question{ID: tc.want}), "ParseFilter(%q) matches ID %q", tc.q, tc.want)
		back, err := ParseFilter(f.String())
		require.NoError(t, err, "ParseFilter(%q), the canonical form of %q", f.String(), tc.q)
		assert.Equal(t, f.String(), back.String())
	}
}
