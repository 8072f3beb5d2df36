package main

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/backendprep/questionbank"
	"github.com/backendprep/questionbank/examples/internal/cli"
	"github.com/backendprep/questionbank/examples/internal/jsonapi"
	"github.com/backendprep/questionbank/examples/internal/practicestate"
	"github.com/backendprep/questionbank/srs"
)

// The practice page: a question at a time from the learner's queue (due
// ones first, then new ones), the guidance on request, and a rating that
// schedules the next review, on the same progress file as
// examples/practice. It is plain HTML forms, so it works without
// JavaScript; static/app.js adds keys (Space, 1 to 4, u) and a timer.
//
// The page is page.html, executed per request over a pageData: a value
// added to the page touches those two and nothing else.

//go:embed page.html
var pageHTML string

//go:embed static
var staticFiles embed.FS

var pageTemplate = template.Must(template.New("page").Parse(pageHTML))

// contentSecurityPolicy allows the page's own files and nothing else: no
// inline script or style, no frames, forms only to the page.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// A practice is the learner's progress the page shows and changes: in the
// progress file, or without one, in memory.
type practice struct {
	bank      *questionbank.Bank
	state     *practicestate.Holder
	newPerDay int
	now       func() time.Time
	assets    map[string]asset // the page's script and style sheet, by path
	facets    facetCache
	sources   []questionbank.Source // where the bank's questions come from, for the footer
}

// An asset is one of the page's embedded files.
type asset struct {
	body []byte
	etag string
	kind string
}

func newPractice(pr *cli.Practice, now func() time.Time) *practice {
	p := &practice{bank: pr.Bank, state: practicestate.NewHolder(pr.File, pr.Progress), newPerDay: pr.NewPerDay, now: now, assets: map[string]asset{}}
	for q := range p.bank.Questions(questionbank.Filter{}) {
		if !q.Source.IsZero() && !slices.Contains(p.sources, q.Source) {
			p.sources = append(p.sources, q.Source)
		}
	}
	fs.WalkDir(staticFiles, "static", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, _ := staticFiles.ReadFile(name)
		kind := "text/css; charset=utf-8"
		if path.Ext(name) == ".js" {
			kind = "text/javascript; charset=utf-8"
		}
		p.assets["/"+name] = asset{body: body, etag: jsonapi.ETag(body), kind: kind}
		return nil
	})
	return p
}

// A facetCache keeps the facet line of recent queries: counting the
// levels and types of the matches is most of what a page of a large bank
// costs. BenchmarkPage100k: 800 µs a page without it, 120 µs with it,
// against 24 µs for a draw (33x and 4.9x). It holds at most maxFacets
// queries of at most maxFacetKey bytes each.
type facetCache struct {
	mu    sync.Mutex
	lines map[string]string
}

const (
	maxFacets   = 256
	maxFacetKey = 512
)

// line returns the facet line of f's matches.
func (c *facetCache) line(b *questionbank.Bank, f questionbank.Filter) string {
	key := f.String()
	c.mu.Lock()
	line, ok := c.lines[key]
	c.mu.Unlock()
	if ok {
		return line
	}
	line = facetLine(b.Facets(f))
	if len(key) > maxFacetKey {
		return line
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.lines == nil || len(c.lines) >= maxFacets {
		c.lines = map[string]string{}
	}
	c.lines[key] = line
	return line
}

// facetLine sums up facets in a few words: the levels and types matched.
func facetLine(f questionbank.Facets) string {
	if f.Total == 0 {
		return ""
	}
	var parts []string
	for _, l := range questionbank.Levels() {
		if n := f.Levels[l]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", l, n))
		}
	}
	var types []string
	for _, t := range questionbank.Types() {
		if n := f.Types[t]; n > 0 {
			types = append(types, fmt.Sprintf("%s %d", t, n))
		}
	}
	sort.Strings(types)
	return strings.Join(parts, ", ") + "; " + strings.Join(types, ", ")
}

// pageData is what page.html shows.
type pageData struct {
	Query   string
	Error   *pageError
	Due     int    // questions due in the query's queue
	New     int    // new questions in it, within today's limit
	Matches int    // questions the query matches; -1 without a query
	Facets  string // the matches by level and type
	Status  string // what the last action did

	Question *questionbank.Question // nil: nothing to practise
	Position int                    // its place in the queue, from 1; 0 outside it
	Queue    int                    // the queue's length
	Kind     string                 // "due", "new", or why a question outside the queue is shown
	Show     bool                   // the guidance is shown
	Reps     int                    // the review a rating is for
	Ratings  []ratingChoice
	Empty    string // what to say without a question

	Undo *questionbank.Question // the question just rated, whose rating u takes back

	Sources []questionbank.Source // where the bank's questions come from
}

type pageError struct {
	Msg   string
	Caret string
}

// A ratingChoice is one of the four buttons.
type ratingChoice struct {
	Key  int    // 1 to 4
	Name string // "Again"
	When string // when the question comes back: "in 10 minutes (09:20)"
}

// page serves GET /: the question to practise now. The page is for
// people, and links to it get shared: parameters it does not know (such
// as utm_source) are ignored, and of one given twice the first counts.
func (s *server) page(w http.ResponseWriter, r *http.Request) {
	params, _ := url.ParseQuery(r.URL.RawQuery) // what parses, as a browser would
	d, status := s.pageData(params)
	s.writePage(w, r, status, d)
}

// pageData gathers what the page shows for its parameters, and the
// status to answer with.
func (s *server) pageData(params url.Values) (*pageData, int) {
	p := s.practice
	d := &pageData{Query: params.Get("q"), Matches: -1, Sources: p.sources}
	f, err := s.bank.ParseQuery(d.Query)
	if err != nil {
		var se *questionbank.SyntaxError
		if errors.As(err, &se) {
			d.Error = &pageError{Msg: "Bad query: " + se.Msg, Caret: se.Caret()}
		} else {
			d.Error = &pageError{Msg: err.Error()}
		}
		d.Empty = "Fix the query to see questions."
		return d, http.StatusBadRequest
	}
	progress, err := p.state.Progress()
	if err != nil {
		d.Error = &pageError{Msg: err.Error()}
		d.Empty = "The progress file cannot be read."
		return d, http.StatusInternalServerError
	}
	now := p.now()
	if d.Query != "" {
		d.Matches = s.bank.Count(f)
	}
	d.Facets = p.facets.line(s.bank, f)
	s.lastAction(d, params, progress, now)
	queue := progress.Queue(s.bank, f, now, p.newPerDay)
	d.Due, d.New = len(queue.Due), len(queue.New)
	status := s.choose(d, params.Get("id"), queue, progress, f, now)
	if d.Question == nil {
		d.Empty = practicestate.NothingDue(s.bank, progress, f, func(t time.Time) string { return cli.When(t, now) })
		return d, status
	}
	d.Show = params.Get("show") == "1" && questionbank.IDKey(params.Get("id")) == questionbank.IDKey(d.Question.ID)
	d.Reps, d.Ratings = ratings(progress, d.Question.ID, now)
	return d, status
}

// lastAction says what the last form posted did: a rating, with the
// question whose rating u takes back, or an undo.
func (s *server) lastAction(d *pageData, params url.Values, progress *srs.Progress, now time.Time) {
	if q, ok := s.bank.Get(params.Get("rated")); ok {
		if c, ok := progress.Card(q.ID); ok {
			d.Status = fmt.Sprintf("Rated. %s is back %s.", cli.Quote(q.Text), cli.When(c.Due, now))
			d.Undo = &q
		}
	}
	if q, ok := s.bank.Get(params.Get("undone")); ok {
		d.Status = fmt.Sprintf("Rating of %s taken back.", cli.Quote(q.Text))
	}
}

// choose picks the question to show: the one id names, in the queue or
// outside it, else the first of the queue, else none. It returns the
// status to answer with: 404 for an id no question has.
func (s *server) choose(d *pageData, id string, queue srs.Queue, progress *srs.Progress, f questionbank.Filter, now time.Time) int {
	all := queue.All()
	d.Queue = len(all)
	for i, q := range all {
		if questionbank.IDKey(q.ID) == questionbank.IDKey(id) {
			d.Question, d.Position = &all[i], i+1
			break
		}
	}
	status := http.StatusOK
	if d.Question == nil && id != "" {
		if q, ok := s.bank.Get(id); ok {
			d.Question, d.Kind = &q, outsideQueue(progress, f, q, now)
		} else {
			d.Error = &pageError{Msg: fmt.Sprintf("No question has id %q.", id)}
			status = http.StatusNotFound
		}
	}
	if d.Question == nil && len(all) > 0 {
		d.Question, d.Position = &all[0], 1
	}
	if d.Position > 0 {
		d.Kind = "due"
		if d.Position > len(queue.Due) {
			d.Kind = "new"
		}
	}
	return status
}

// ratings returns the review a rating of question id is for, and the
// four buttons, each saying when the question would come back.
func ratings(progress *srs.Progress, id string, now time.Time) (reps int, choices []ratingChoice) {
	card, _ := progress.Card(id)
	sched := progress.Scheduler()
	for r := srs.Again; r <= srs.Easy; r++ {
		when := ""
		if next, err := sched.Review(card, r, now); err == nil {
			when = cli.When(next.Due, now)
		}
		choices = append(choices, ratingChoice{int(r), cli.Title(r.String()), when})
	}
	return card.Reps + 1, choices
}

// outsideQueue says why q, asked for by its ID, is not in the queue.
func outsideQueue(progress *srs.Progress, f questionbank.Filter, q questionbank.Question, now time.Time) string {
	why := "not due yet"
	if c, ok := progress.Card(q.ID); !ok {
		why = "new, beyond today's new questions"
	} else if c.Due.After(now) {
		why = "due " + cli.When(c.Due, now)
	}
	if !f.Match(q) {
		why = "outside the query"
	}
	return "Not in today's queue: " + why + ". You may practise it all the same."
}

// writePage renders d, with an ETag of what it renders and the security
// headers of an HTML page.
func (s *server) writePage(w http.ResponseWriter, r *http.Request, status int, d *pageData) {
	var body bytes.Buffer
	if err := pageTemplate.Execute(&body, d); err != nil {
		http.Error(w, "the page cannot be rendered", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "no-cache") // revalidate: progress changes
	jsonapi.WriteTagged(w, r, status, body.Bytes())
}

// staticFile serves the page's script and style sheet.
func (s *server) staticFile(w http.ResponseWriter, r *http.Request) {
	a, ok := s.practice.assets[r.URL.Path]
	if !ok {
		notFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", a.kind)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-cache")
	jsonapi.WriteTagged(w, r, http.StatusOK, a.body)
}

// maxForm is the largest form body a POST may send.
const maxForm = 8 << 10

// rate serves POST /rate: id, rating (1 to 4), reps (the review the
// rating is for) and q, the query to go back to.
func (s *server) rate(w http.ResponseWriter, r *http.Request) {
	form, q, ok := s.postedQuestion(w, r, "q", "id", "rating", "reps")
	if !ok {
		return
	}
	rating, err := practicestate.ParseRating(form.Get("rating"))
	if err != nil {
		s.showError(w, form, err.Error())
		return
	}
	reps, err := strconv.Atoi(form.Get("reps"))
	if err != nil || reps < 1 {
		s.showError(w, form, fmt.Sprintf("reps must be a whole number of at least 1, not %q", form.Get("reps")))
		return
	}
	e := practicestate.Event{Question: q, Rating: rating, At: s.practice.now(), Reps: reps}
	if _, err := s.practice.state.Save(e); err != nil {
		s.showError(w, form, err.Error())
		return
	}
	back(w, r, url.Values{"q": {form.Get("q")}, "rated": {q.ID}})
}

// undo serves POST /undo: id, whose last rating to take back, and q.
func (s *server) undo(w http.ResponseWriter, r *http.Request) {
	form, q, ok := s.postedQuestion(w, r, "q", "id")
	if !ok {
		return
	}
	if _, err := s.practice.state.Save(practicestate.Event{Question: q, Undo: true}); err != nil {
		s.showError(w, form, practicestate.Message(err))
		return
	}
	back(w, r, url.Values{"q": {form.Get("q")}, "undone": {q.ID}, "id": {q.ID}})
}

// postedQuestion reads a posted form with the given fields and the
// question its id names, answering 400 on the page if it cannot.
func (s *server) postedQuestion(w http.ResponseWriter, r *http.Request, fields ...string) (url.Values, questionbank.Question, bool) {
	form, ok := s.postForm(w, r, fields...)
	if !ok {
		return nil, questionbank.Question{}, false
	}
	q, ok := s.bank.Get(form.Get("id"))
	if !ok {
		s.showError(w, form, fmt.Sprintf("no question has id %q", form.Get("id")))
		return nil, questionbank.Question{}, false
	}
	return form, q, true
}

// back sends the browser to the page, as a GET, after a form was posted.
func back(w http.ResponseWriter, r *http.Request, v url.Values) {
	if v.Get("q") == "" {
		v.Del("q")
	}
	http.Redirect(w, r, "/?"+v.Encode(), http.StatusSeeOther)
}

// postForm reads a posted form strictly, as one program's request to
// another: from this page only (a browser says where a form comes from),
// URL-encoded, at most maxForm bytes, each field once and known.
func (s *server) postForm(w http.ResponseWriter, r *http.Request, known ...string) (url.Values, bool) {
	if site := r.Header.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" && site != "none" {
		s.showError(w, nil, "forms are accepted from this page only")
		return nil, false
	}
	if origin := r.Header.Get("Origin"); origin != "" && origin != "null" {
		if u, err := url.Parse(origin); err != nil || u.Host != r.Host {
			s.showError(w, nil, "forms are accepted from this page only")
			return nil, false
		}
	}
	if kind := r.Header.Get("Content-Type"); !strings.HasPrefix(kind, "application/x-www-form-urlencoded") {
		s.showError(w, nil, fmt.Sprintf("the form must be application/x-www-form-urlencoded, not %q", kind))
		return nil, false
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxForm))
	if err != nil {
		s.showError(w, nil, fmt.Sprintf("the form is longer than %d bytes", maxForm))
		return nil, false
	}
	form, err := jsonapi.ParseStrict(string(body), "field", known...)
	if err != nil {
		s.showError(w, form, err.Error())
		return nil, false
	}
	return form, true
}

// showError answers 400 with the page for the query of a posted form (if
// it has one), showing msg.
func (s *server) showError(w http.ResponseWriter, form url.Values, msg string) {
	keep := url.Values{}
	if form != nil && len(form["q"]) == 1 {
		keep.Set("q", form.Get("q"))
	}
	d, _ := s.pageData(keep)
	d.Error = &pageError{Msg: msg}
	s.writePage(w, &http.Request{Header: http.Header{}}, http.StatusBadRequest, d)
}
