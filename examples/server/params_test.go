package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/backendprep/questionbank"
)

func TestStrictQueryStrings(t *testing.T) {
	h := newHandler(questionbank.Default())
	for _, target := range []string{
		"/questions?q=level:senior;",
		"/questions?q=%zz",
		"/facets?q=a;b",
		"/questions/senior-1?x;y",
	} {
		code, _, body := get(t, h, "GET", target)
		assert.Equal(t, 400, code, target)
		assert.Contains(t, body["error"], "malformed query string", target)
	}
}

func TestUncleanPathsGetJSON(t *testing.T) {
	h := newHandler(questionbank.Default())
	for _, target := range []string{"//questions", "/questions/", "/./facets", "/questions/../facets", "/facets/"} {
		code, _, body := get(t, h, "GET", target)
		assert.Equal(t, 404, code, target)
		assert.Contains(t, body["error"], "no such endpoint", target)
	}
}

// bigBank is a bank of n questions, all at level senior.
func bigBank(t *testing.T, n int) *questionbank.Bank {
	t.Helper()
	qs := make([]questionbank.Question, n)
	for i := range qs {
		qs[i] = questionbank.Question{ID: fmt.Sprintf("q%05d", i), Level: questionbank.Senior, Type: questionbank.Technical, Text: "Why?"}
	}
	b, err := questionbank.New(qs)
	require.NoError(t, err)
	return b
}

func TestQuestionsArePaged(t *testing.T) {
	h := newHandler(bigBank(t, 250))
	code, _, body := get(t, h, "GET", "/questions")
	require.Equal(t, 200, code)
	assert.Equal(t, 250.0, body["total"])
	assert.Equal(t, 0.0, body["offset"])
	assert.Equal(t, 100.0, body["limit"])
	ids := idsOf(t, body)
	require.Len(t, ids, 100, "at most 100 without a limit")
	assert.Equal(t, "q00000", ids[0])

	_, _, body = get(t, h, "GET", "/questions?offset=200&limit=30")
	ids = idsOf(t, body)
	assert.Equal(t, 200.0, body["offset"])
	assert.Equal(t, 30.0, body["limit"])
	require.Len(t, ids, 30)
	assert.Equal(t, "q00200", ids[0])

	_, _, body = get(t, h, "GET", "/questions?offset=240&limit=100")
	assert.Len(t, idsOf(t, body), 10, "the last page")
	_, _, body = get(t, h, "GET", "/questions?offset=1000")
	assert.Equal(t, []any{}, body["questions"], "past the end: an empty page, not null")

	for _, target := range []string{"/questions?limit=101", "/questions?limit=0", "/questions?offset=-1", "/questions?offset=x",
		"/questions?n=2&offset=1", "/questions?seed=3"} {
		code, _, body := get(t, h, "GET", target)
		assert.Equal(t, 400, code, target)
		assert.NotEmpty(t, body["error"], target)
	}
	_, _, body = get(t, h, "GET", "/questions?n=5&seed=1")
	assert.NotContains(t, body, "offset", "a sample is not a page")
}

func TestCaching(t *testing.T) {
	h := newHandler(questionbank.Default())
	for _, target := range []string{"/questions?q=level:senior", "/questions/senior-1", "/facets?q=micro*", "/questions?n=2&seed=7"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
		require.Equal(t, 200, rec.Code, target)
		etag := rec.Header().Get("ETag")
		require.NotEmpty(t, etag, target)
		assert.Empty(t, rec.Header().Get("Cache-Control"), target)

		for _, inm := range []string{etag, "W/" + etag, `"other", ` + etag, "*"} {
			req := httptest.NewRequest("GET", target, nil)
			req.Header.Set("If-None-Match", inm)
			rec = httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			assert.Equal(t, http.StatusNotModified, rec.Code, "%s with If-None-Match: %s", target, inm)
			assert.Empty(t, rec.Body.String())
		}
		req := httptest.NewRequest("GET", target, nil)
		req.Header.Set("If-None-Match", `"stale"`)
		rec = httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		assert.Equal(t, 200, rec.Code, target)
	}
	// The same content, the same tag; other content, another.
	tag := func(target string) string {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
		return rec.Header().Get("ETag")
	}
	assert.Equal(t, tag("/questions?q=level:senior"), tag("/questions?q="+url.QueryEscape("level:SENIOR")))
	assert.NotEqual(t, tag("/questions?q=level:senior"), tag("/questions?q=level:lead"))

	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/questions?n=2", nil))
	assert.Equal(t, "no-store", rec.Header().Get("Cache-Control"), "a random sample")
	assert.Empty(t, rec.Header().Get("ETag"))
}

func TestDaily(t *testing.T) {
	h := newHandler(questionbank.Default())
	code, hdr, body := get(t, h, "GET", "/daily?key=team&q=level%3E%3Dsenior&date=2026-11-27")
	require.Equal(t, 200, code, body)
	assert.Equal(t, "team", body["key"])
	assert.Equal(t, "2026-11-27", body["date"])
	q := body["question"].(map[string]any)
	want, _ := questionbank.Default().Daily(time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC), "team", questionbank.MustParseFilter("level>=senior"))
	assert.Equal(t, want.ID, q["id"])
	assert.NotEmpty(t, hdr.Get("ETag"))

	_, _, again := get(t, h, "GET", "/daily?date=2026-11-27&key=team&q=level%3E%3Dsenior")
	assert.Equal(t, body, again)

	code, _, body = get(t, h, "GET", "/daily?key=team")
	require.Equal(t, 200, code)
	assert.Equal(t, time.Now().UTC().Format(time.DateOnly), body["date"], "today, in UTC, by default")

	for target, want := range map[string]string{
		"/daily":                                 "key is required",
		"/daily?key=":                            "key is required",
		"/daily?key=" + strings.Repeat("k", 201): "at most 200",
		"/daily?key=a&date=27/11/2026":           "date must be YYYY-MM-DD",
		"/daily?key=a&q=typ:x":                   "bad query",
	} {
		code, _, body := get(t, h, "GET", target)
		assert.Equal(t, 400, code, target)
		assert.Contains(t, body["error"], want, target)
	}
	code, _, _ = get(t, h, "GET", "/daily?key=a&q=-()")
	assert.Equal(t, 404, code, "no match")
}

func TestSearch(t *testing.T) {
	h := newHandler(sourcePage(t))
	code, hdr, body := get(t, h, "GET", "/search?q="+url.QueryEscape("caching level>=senior")+"&n=2")
	require.Equal(t, 200, code, body)
	assert.Equal(t, 3.0, body["total"])
	hits := body["hits"].([]any)
	require.Len(t, hits, 2)
	first := hits[0].(map[string]any)
	assert.Equal(t, "senior-1", first["question"].(map[string]any)["id"])
	assert.Greater(t, first["score"].(float64), hits[1].(map[string]any)["score"].(float64))
	assert.NotEmpty(t, hdr.Get("ETag"))

	_, _, body = get(t, h, "GET", "/search?q=level:junior")
	assert.Len(t, body["hits"].([]any), 2)
	_, _, body = get(t, h, "GET", "/search?q=-()")
	assert.Equal(t, []any{}, body["hits"])

	for target, want := range map[string]string{
		"/search?q=typ:x":                "bad query",
		"/search?q=kubernetes+or+docker": "did you mean OR?",
		"/search?q=a&n=0":                "n must be",
		"/search?q=a&n=101":              "n must be",
		"/search?q=a;":                   "malformed query string",
		"/search?query=a":                "unknown parameter",
	} {
		code, _, body := get(t, h, "GET", target)
		assert.Equal(t, 400, code, target)
		assert.Contains(t, body["error"], want, target)
	}
}
