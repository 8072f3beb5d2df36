package jsonapi

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseStrict(t *testing.T) {
	for _, tc := range []struct{ raw, err string }{
		{"q=a&n=2", ""},
		{"", ""},
		{"q=a;n=2", `malformed query string: invalid semicolon separator in query`},
		{"query=a", `unknown parameter "query"; the parameters are [q n]`},
		{"q=a&q=b", `parameter "q" is given 2 times`},
	} {
		_, err := ParseStrict(tc.raw, "parameter", "q", "n")
		if tc.err == "" {
			assert.NoError(t, err, tc.raw)
		} else {
			assert.EqualError(t, err, tc.err, tc.raw)
		}
	}
	_, err := ParseStrict("x=1", "field")
	assert.EqualError(t, err, `unknown field "x"; this endpoint takes none`)
}

func TestWriteJSONAnswersIfNoneMatch(t *testing.T) {
	reply := func(inm string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		r := httptest.NewRequest("GET", "/", nil)
		if inm != "" {
			r.Header.Set("If-None-Match", inm)
		}
		WriteJSON(rec, r, http.StatusOK, map[string]int{"a": 1}, ByContent)
		return rec
	}
	first := reply("")
	require.Equal(t, http.StatusOK, first.Code)
	assert.Equal(t, "{\"a\":1}\n", first.Body.String())
	tag := first.Header().Get("ETag")
	assert.Equal(t, ETag(first.Body.Bytes()), tag)
	for _, inm := range []string{tag, "W/" + tag, `"x", ` + tag, "*"} {
		assert.Equal(t, http.StatusNotModified, reply(inm).Code, inm)
	}
	assert.Equal(t, http.StatusOK, reply(`"other"`).Code)

	rec := httptest.NewRecorder()
	WriteError(rec, http.StatusBadRequest, "bad", 3)
	assert.Equal(t, "{\"error\":\"bad\",\"offset\":3}\n", rec.Body.String())
	assert.Equal(t, "no-store", rec.Header().Get("Cache-Control"))
}

func TestLoopbackHosts(t *testing.T) {
	h := LoopbackHosts(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	for host, want := range map[string]int{"127.0.0.1:8080": 200, "localhost": 200, "LOCALHOST.": 200, "app.localhost:1": 200, "[::1]:80": 200,
		"evil.example:8080": 421, "10.0.0.1": 421, "localhost.evil.example": 421} {
		rec := httptest.NewRecorder()
		r := httptest.NewRequest("GET", "/", nil)
		r.Host = host
		h.ServeHTTP(rec, r)
		assert.Equal(t, want, rec.Code, host)
	}
}
