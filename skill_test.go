package questionbank

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestNormSkill(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Attention To Detail", "attention-to-detail"},
		{"Problem-solving", "problem-solving"},
		{"  problem__SOLVING  ", "problem-solving"},
		{"problem - solving", "problem-solving"},
		{"problem-solving", "problem-solving"},
		{"-x-", "x"},
		{"C++", "c++"},
		{"Ünïcode", "ünïcode"},
		{" - _ ", ""},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, normSkill(tc.in), "normSkill(%q)", tc.in)
		if tc.want != "" {
			assert.True(t, skillIs(tc.in, tc.want), "skillIs(%q, %q)", tc.in, tc.want)
		}
		assert.False(t, skillIs(tc.in, tc.want+"x"), "skillIs(%q, %q)", tc.in, tc.want+"x")
	}
}
