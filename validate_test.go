package questionbank

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNewListsAtMost100Problems(t *testing.T) {
	qs := make([]Question, 120)
	_, err := New(qs)
	require.Error(t, err)
	lines := strings.Split(err.Error(), "\n")
	require.Len(t, lines, 101)
	assert.Equal(t, "questionbank: and 380 more problems", lines[100]) // 4 a question: ID, level, type, text
}
