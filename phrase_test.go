package questionbank

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestPhraseIgnoresPunctuation(t *testing.T) {
	q := Question{ID: "p", Level: Senior, Type: Technical, Text: "Put an API, gateway in front"}
	assert.True(t, ByText("api gateway").Match(q))
	assert.True(t, MustParseFilter(`"api gateway"`).Match(q))
	assert.True(t, MustParseFilter(`"api—gateway"`).Match(q))
	assert.False(t, MustParseFilter(`"gateway api"`).Match(q))
}
