package questionbank

import (
	"errors"
	"fmt"
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

// New's problems come typed, each with its question and field, and read
// as they always have.
func TestQuestionErrors(t *testing.T) {
	qs := []Question{
		{ID: "a", Level: Senior, Type: Technical, Text: "Why?"},
		{ID: "a b", Level: 0, Type: Technical, Text: " \u200b", Skills: []string{"Go", "\u200b"}},
		{ID: "A", Level: Senior, Type: Technical, Text: "Why?"},
	}
	_, err := New(qs)
	require.Error(t, err)
	list, more := QuestionErrors(err)
	assert.Zero(t, more)
	var got []string
	for _, e := range list {
		got = append(got, fmt.Sprintf("%d %s %s", e.Index, e.Field, e.Msg))
	}
	assert.Equal(t, []string{
		"1 id ID has a space or control character",
		"1 level level 0 is out of range (1 to 7)",
		"1 text empty question text",
		"1 skills skill 1 is empty",
		"2 id duplicate ID: question 0 has it too",
	}, got)
	assert.Equal(t, `questionbank: question 1 (id "a b"): ID has a space or control character`, strings.Split(err.Error(), "\n")[0])

	_, err = New(make([]Question, 120))
	list, more = QuestionErrors(err)
	assert.Len(t, list, 100)
	assert.Equal(t, 380, more)

	list, more = QuestionErrors(errors.New("other"))
	assert.Empty(t, list)
	assert.Zero(t, more)
}
