package questionbank

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNothingWrittenThatCannotBeRead checks filters built in Go: each
// either prints text that ParseFilter reads back to the same filter, or
// MarshalText refuses it.
func TestNothingWrittenThatCannotBeRead(t *testing.T) {
	deep := ByLevel(Senior)
	for i := range 140 {
		if i%2 == 0 {
			deep = And(deep, ByType(Technical))
		} else {
			deep = Or(deep, ByID(fmt.Sprint("x", i)))
		}
	}
	readable := map[string]Filter{
		"control in an ID":    ByID("a\x01b"),
		"NUL in a skill":      BySkill("x\x00y"),
		"invalid UTF-8":       ByID("a\xffb"),
		"quote and backslash": BySkill(`"\`),
		"keyword as a word":   ByText("or"),
		"two dots":            ByID("a..b"),
	}
	for name, f := range readable {
		text, err := f.MarshalText()
		require.NoError(t, err, name)
		var back Filter
		require.NoError(t, back.UnmarshalText(text), "%s: %q", name, text)
		assert.Equal(t, f.String(), back.String(), name)
	}
	unreadable := map[string]Filter{
		"140 deep":        deep,
		"a 5,000-byte ID": ByID(strings.Repeat("a", 5000)),
		"too many branches": Or(func() []Filter {
			fs := make([]Filter, 2000)
			for i := range fs {
				fs[i] = ByID(fmt.Sprint(i))
			}
			return fs
		}()...),
	}
	for name, f := range unreadable {
		_, err := f.MarshalText()
		assert.Error(t, err, name)
		_, err = json.Marshal(struct{ F Filter }{f})
		assert.Error(t, err, "%s: a struct holding it does not marshal", name)
	}
}
