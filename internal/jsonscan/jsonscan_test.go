package jsonscan

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestStr checks Str against encoding/json on strings with every kind of
// escape, and that a lone surrogate is reported at its offset.
func TestStr(t *testing.T) {
	for _, lit := range []string{`"plain"`, `"a\"b\\c\/d"`, `"\b\f\n\r\t"`, `"\u00e9\u4e2d"`, `"\ud83d\ude00 smile"`, `""`} {
		var want string
		require.NoError(t, json.Unmarshal([]byte(lit), &want), lit)
		s := New([]byte(lit + ` ,`))
		assert.Equal(t, want, s.Str(), lit)
		assert.Equal(t, len(lit), s.Pos, lit)
		assert.Equal(t, -1, s.Surrogate, lit)
	}
	s := New([]byte(`"ab\ud83d!"`))
	assert.Equal(t, "", s.Str())
	assert.Equal(t, 3, s.Surrogate)
}

// TestSkip checks that Skip passes over each kind of value whole.
func TestSkip(t *testing.T) {
	for _, v := range []string{`"x\"]"`, `{"a":[1,{"b":"}"}]}`, `[[],[]]`, `12.5e3`, `true`, `null`} {
		s := New([]byte(v + `,"next"`))
		s.Skip()
		assert.Equal(t, len(v), s.Pos, v)
	}
}

func TestLineCol(t *testing.T) {
	data := []byte("{\n  \"é\": 1,\r\n\tx")
	assert.Equal(t, "line 1, column 1", LineCol(data, 0))
	assert.Equal(t, "line 2, column 6", LineCol(data, 8))
	assert.Equal(t, "line 3, column 2", LineCol(data, len(data)-1))
	c := NewLineCounter(data)
	assert.Equal(t, 2, c.At(5))
	assert.Equal(t, 3, c.At(len(data)))
	assert.Equal(t, 3, InvalidUTF8At([]byte("abc\xff")))
}

// TestMembers checks that Members yields each key with Pos at its value,
// and leaves Pos past the object once the loop has read every value.
func TestMembers(t *testing.T) {
	data := []byte(` { "a" : 1 , "b":{"c":[2,"}"]} ,"d" : "x"} ,`)
	s := New(data)
	s.Space()
	var keys []string
	var ats []int
	for at, key := range s.Members() {
		keys, ats = append(keys, key), append(ats, at)
		s.Skip()
	}
	assert.Equal(t, []string{"a", "b", "d"}, keys)
	assert.Equal(t, []int{3, 13, 32}, ats)
	assert.Equal(t, len(data)-2, s.Pos, "past the closing brace")

	empty := New([]byte(`{}`))
	for range empty.Members() {
		t.Error("a member of {}")
	}
	assert.Equal(t, 2, empty.Pos)
}
