package main

import (
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/backendprep/questionbank"
	"github.com/backendprep/questionbank/examples/internal/cli"
	"github.com/backendprep/questionbank/examples/internal/practicestate"
	"github.com/backendprep/questionbank/srs"
)

var t0 = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

// pageServer returns the server over bank with its progress in the state
// file name ("" for memory), at the clock's time.
func pageServer(t *testing.T, bank *questionbank.Bank, name string, clock *time.Time) http.Handler {
	t.Helper()
	file, progress, err := practicestate.Open(name, srs.Scheduler{})
	require.NoError(t, err)
	return newServer(bank, newPractice(&cli.Practice{Bank: bank, File: file, Progress: progress, NewPerDay: 10}, func() time.Time { return *clock }))
}

func getPage(t *testing.T, h http.Handler, target string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
	return rec
}

func post(t *testing.T, h http.Handler, target string, form url.Values) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest("POST", target, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestPageShowsAQuestion(t *testing.T) {
	clock := t0
	h := pageServer(t, sourcePage(t), "", &clock)
	rec := getPage(t, h, "/?q="+url.QueryEscape("level:junior"))
	require.Equal(t, 200, rec.Code)
	body := rec.Body.String()
	for _, want := range []string{`<label for="q">Query</label>`, `<h2 id="question">`, ">Show guidance</button>",
		"<strong>0 due</strong>, <strong>2 new</strong>", `aria-live="polite"`, ">Again</button>", ">Easy</button>"} {
		assert.Contains(t, body, want)
	}
	assert.Contains(t, body, `<div id="guidance" hidden>`, "the guidance waits for the button")
	assert.Equal(t, contentSecurityPolicy, rec.Header().Get("Content-Security-Policy"))
	assert.NotContains(t, body, "<script>", "no inline script")
	assert.NotContains(t, body, "style=", "no inline style")
	assert.Contains(t, body, `Questions from “7 Backend Developer Interview Questions and Answers for 2025”, <a href="https://himalayas.app/interview-questions/backend-developer">`, "the bank's source, in the footer")

	// Without JavaScript, the button is a form that shows the guidance.
	rec = getPage(t, h, "/?q=level%3Ajunior&id=junior-1&show=1")
	assert.Contains(t, rec.Body.String(), "<h3>How to answer</h3>")
	assert.NotContains(t, rec.Body.String(), `id="guidance" hidden`)
	assert.NotContains(t, rec.Body.String(), ">Show guidance</button>")
}

func TestPageBadQuery(t *testing.T) {
	clock := t0
	h := pageServer(t, questionbank.Default(), "", &clock)
	rec := getPage(t, h, "/?q="+url.QueryEscape("typ:technical"))
	assert.Equal(t, 400, rec.Code)
	body := rec.Body.String()
	assert.Contains(t, body, `role="alert"`)
	assert.Contains(t, body, "Bad query: unknown field &#34;typ&#34;; did you mean &#34;type&#34;?")
	assert.Contains(t, body, "typ:technical\n^")
}

// A page link may carry what people and sites add to links: the page
// shows, as it would without them.
func TestPageIgnoresParametersItDoesNotKnow(t *testing.T) {
	clock := t0
	h := pageServer(t, questionbank.Default(), "", &clock)
	want := getPage(t, h, "/?q=level%3Ajunior").Body.String()
	for _, target := range []string{"/?q=level%3Ajunior&utm_source=newsletter&fbclid=abc", "/?q=level%3Ajunior&q=level%3Alead", "/?q=level%3Ajunior&x=a;b", "/?reps=1&q=level%3Ajunior"} {
		rec := getPage(t, h, target)
		assert.Equal(t, 200, rec.Code, target)
		assert.Equal(t, want, rec.Body.String(), target)
	}
}

// A question asked for by its ID is shown even outside today's queue,
// with the reason; an unknown ID is said to be unknown.
func TestPageShowsAQuestionOutsideTheQueue(t *testing.T) {
	clock := t0
	h := pageServer(t, sourcePage(t), "", &clock)
	post(t, h, "/rate", url.Values{"id": {"lead-1"}, "rating": {"4"}, "reps": {"1"}})
	for target, want := range map[string]string{
		"/?id=lead-1&show=1":                    "Not in today&#39;s queue: due in 8 days",
		"/?q=level%3Ajunior&id=senior-1":        "Not in today&#39;s queue: outside the query.",
		"/?q=level%3Ajunior&id=junior-2&show=1": "Question 2 of 2 · new",
	} {
		rec := getPage(t, h, target)
		require.Equal(t, 200, rec.Code, target)
		assert.Contains(t, rec.Body.String(), want, target)
	}
	body := getPage(t, h, "/?id=lead-1&show=1").Body.String()
	assert.Contains(t, body, "<h3>How to answer</h3>", "shown, guidance and all")
	assert.Contains(t, body, `name="reps" value="2"`, "and it can be rated")

	rec := getPage(t, h, "/?id=nope&show=1")
	assert.Equal(t, 404, rec.Code)
	assert.Contains(t, rec.Body.String(), "No question has id &#34;nope&#34;.")
	assert.Contains(t, rec.Body.String(), "Question 1 of", "the queue goes on")
}

// TestRevealForm follows the reveal form as a browser without JavaScript
// would: its fields are the page's parameters.
func TestRevealForm(t *testing.T) {
	clock := t0
	h := pageServer(t, questionbank.Default(), "", &clock)
	body := getPage(t, h, "/?q=level%3Ajunior").Body.String()
	start := strings.Index(body, `<form id="reveal"`)
	require.Positive(t, start)
	form := body[start : start+strings.Index(body[start:], "</form>")]
	params := url.Values{}
	for _, m := range regexp.MustCompile(`name="([^"]+)" value="([^"]*)"`).FindAllStringSubmatch(form, -1) {
		params.Set(m[1], html.UnescapeString(m[2]))
	}
	rec := getPage(t, h, "/?"+params.Encode())
	require.Equal(t, 200, rec.Code, rec.Body.String())
	assert.Contains(t, rec.Body.String(), "<h3>How to answer</h3>")
}

func TestPageEscapesBankText(t *testing.T) {
	bank, err := questionbank.New([]questionbank.Question{{ID: "x-1", Level: questionbank.Senior, Type: questionbank.Technical,
		Text: `<script>alert("pwned")</script> & <b>bold</b>`, HowToAnswer: []string{`<img src=x onerror=alert(1)>`}}})
	require.NoError(t, err)
	clock := t0
	h := pageServer(t, bank, "", &clock)
	body := getPage(t, h, "/?id=x-1&show=1").Body.String()
	assert.NotContains(t, body, "<script>alert")
	assert.NotContains(t, body, "<img src=x")
	assert.Contains(t, body, "&lt;script&gt;alert(&#34;pwned&#34;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;")
}

func TestRatingWithoutJavaScript(t *testing.T) {
	name := filepath.Join(t.TempDir(), "progress.json")
	clock := t0
	h := pageServer(t, sourcePage(t), name, &clock)
	rate := url.Values{"q": {"level:junior"}, "id": {"junior-1"}, "rating": {"3"}, "reps": {"1"}}
	rec := post(t, h, "/rate", rate)
	require.Equal(t, http.StatusSeeOther, rec.Code, rec.Body.String())
	assert.Equal(t, "/?q=level%3Ajunior&rated=junior-1", rec.Header().Get("Location"))

	// A double click, or the form sent again: nothing changes.
	rec = post(t, h, "/rate", rate)
	require.Equal(t, http.StatusSeeOther, rec.Code)
	assert.Len(t, readFile(t, name).Log(), 1)

	body := getPage(t, h, "/?q=level%3Ajunior&rated=junior-1").Body.String()
	assert.Contains(t, body, "Rated. “Can you explain a technical project you&#39;ve worked on and...” is back in 10 minutes")
	assert.Contains(t, body, "<strong>0 due</strong>, <strong>1 new</strong>")
	assert.Contains(t, body, ">Undo last rating</button>")

	clock = t0.Add(11 * time.Minute)
	body = getPage(t, h, "/?q=level%3Ajunior").Body.String()
	assert.Contains(t, body, "<strong>1 due</strong>", "due after its learning step")

	// Undo, without JavaScript too.
	rec = post(t, h, "/undo", url.Values{"q": {"level:junior"}, "id": {"junior-1"}})
	require.Equal(t, http.StatusSeeOther, rec.Code, rec.Body.String())
	assert.Zero(t, readFile(t, name).Len())
	rec = post(t, h, "/undo", url.Values{"id": {"junior-1"}})
	assert.Equal(t, 400, rec.Code, "nothing left to undo")
	assert.Contains(t, rec.Body.String(), "has no review to undo")
}

func readFile(t *testing.T, name string) *srs.Progress {
	t.Helper()
	_, p, err := practicestate.Open(name, srs.Scheduler{})
	require.NoError(t, err)
	return p
}

func TestBadForms(t *testing.T) {
	clock := t0
	h := pageServer(t, questionbank.Default(), "", &clock)
	for name, form := range map[string]url.Values{
		"unknown id":    {"id": {"nope-1"}, "rating": {"3"}, "reps": {"1"}},
		"rating 5":      {"id": {"junior-1"}, "rating": {"5"}, "reps": {"1"}},
		"rating x":      {"id": {"junior-1"}, "rating": {"x"}, "reps": {"1"}},
		"no reps":       {"id": {"junior-1"}, "rating": {"3"}},
		"unknown field": {"id": {"junior-1"}, "rating": {"3"}, "reps": {"1"}, "admin": {"1"}},
		"field twice":   {"id": {"junior-1", "junior-2"}, "rating": {"3"}, "reps": {"1"}},
	} {
		rec := post(t, h, "/rate", form)
		assert.Equal(t, 400, rec.Code, name)
		assert.Contains(t, rec.Body.String(), `role="alert"`, name)
	}
	req := httptest.NewRequest("POST", "/rate", strings.NewReader(`{"id": "junior-1"}`))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	assert.Equal(t, 400, rec.Code, "not a form")

	req = httptest.NewRequest("POST", "/rate", strings.NewReader("id=junior-1&rating=3&reps=1"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "https://evil.example")
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	assert.Equal(t, 400, rec.Code, "a form from another site")

	big := post(t, h, "/rate", url.Values{"id": {strings.Repeat("x", maxForm)}})
	assert.Equal(t, 400, big.Code)
	assert.Equal(t, 405, getPage(t, h, "/rate").Code)
	assert.Zero(t, getPage(t, h, "/").Code-200)
}

// TestTwoTabsLoseNothing rates from many goroutines at once, as tabs of
// the page would, on one state file through two servers.
func TestTwoTabsLoseNothing(t *testing.T) {
	name := filepath.Join(t.TempDir(), "progress.json")
	clock := t0
	bank := sourcePage(t)
	a := pageServer(t, bank, name, &clock)
	b := pageServer(t, bank, name, &clock)
	var wg sync.WaitGroup
	for i, q := range bank.All() {
		h := a
		if i%2 == 1 {
			h = b
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			rec := post(t, h, "/rate", url.Values{"id": {q.ID}, "rating": {"3"}, "reps": {"1"}})
			assert.Equal(t, http.StatusSeeOther, rec.Code, rec.Body.String())
		}()
	}
	wg.Wait()
	assert.Equal(t, 14, readFile(t, name).Len(), "every rating is kept")
}

func TestProgressSurvivesARestart(t *testing.T) {
	name := filepath.Join(t.TempDir(), "progress.json")
	clock := t0
	bank := sourcePage(t)
	h := pageServer(t, bank, name, &clock)
	post(t, h, "/rate", url.Values{"id": {"lead-1"}, "rating": {"4"}, "reps": {"1"}})
	again := pageServer(t, bank, name, &clock) // a new process
	body := getPage(t, again, "/?q=level%3Alead").Body.String()
	assert.Contains(t, body, "<strong>0 due</strong>, <strong>1 new</strong>")
}

func TestPageCaching(t *testing.T) {
	clock := t0
	h := pageServer(t, questionbank.Default(), "", &clock)
	for _, target := range []string{"/", "/static/app.js", "/static/app.css"} {
		rec := getPage(t, h, target)
		require.Equal(t, 200, rec.Code, target)
		etag := rec.Header().Get("ETag")
		require.NotEmpty(t, etag, target)
		req := httptest.NewRequest("GET", target, nil)
		req.Header.Set("If-None-Match", etag)
		rec = httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		assert.Equal(t, http.StatusNotModified, rec.Code, target)
	}
	assert.Equal(t, "text/javascript; charset=utf-8", getPage(t, h, "/static/app.js").Header().Get("Content-Type"))
	assert.Equal(t, 404, getPage(t, h, "/static/nope.js").Code)
}

// BenchmarkPage100k compares the practice page with a draw of one
// question, /questions?n=1, for the same query over 100,000 questions
// (goal: at most 10x).
func BenchmarkPage100k(b *testing.B) {
	qs := make([]questionbank.Question, 100_000)
	corpus := questionbank.Default().All()
	for i := range qs {
		q := corpus[i%len(corpus)]
		q.ID = "q-" + strconv.Itoa(i)
		qs[i] = q
	}
	bank, err := questionbank.New(qs)
	require.NoError(b, err)
	clock := t0
	h := newServer(bank, newPractice(memory(bank), func() time.Time { return clock }))
	q := url.QueryEscape("level>=senior type:technical")
	for _, target := range []string{"/questions?n=1&seed=1&q=" + q, "/?q=" + q} {
		name := "draw"
		if strings.HasPrefix(target, "/?") {
			name = "page"
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
				if rec.Code != 200 {
					b.Fatal(rec.Code, rec.Body.String())
				}
			}
		})
	}
}

func TestQueryIsEscapedInThePage(t *testing.T) {
	clock := t0
	h := pageServer(t, questionbank.Default(), "", &clock)
	body := getPage(t, h, "/?q="+url.QueryEscape(`"><script>alert(1)</script>`)).Body.String()
	assert.NotContains(t, body, "<script>alert")
	assert.Contains(t, body, `value="&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"`)
}

// memory is a practice over bank with its progress in memory.
func memory(bank *questionbank.Bank) *cli.Practice {
	return &cli.Practice{Bank: bank, Progress: srs.NewProgress(srs.Scheduler{}), NewPerDay: 10}
}
