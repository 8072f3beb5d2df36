package main

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"html/template"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/backendprep/questionbank"
	"github.com/backendprep/questionbank/examples/internal/cli"
	"github.com/backendprep/questionbank/examples/internal/practicestate"
	"github.com/backendprep/questionbank/srs"
)

// The practice page: a question at a time from the learner's queue (due
// ones first, then new ones), the guidance on request, and a rating that
// schedules the next review, on the same state file as examples/practice.
// It is plain HTML forms, so it works without JavaScript; static/app.js
// adds keys (Space, 1 to 4, u) and a timer.

//go:embed page.html
var pageHTML string

//go:embed static
var staticFiles embed.FS

var pageTemplate = template.Must(template.New("page").Funcs(template.FuncMap{"join": strings.Join}).Parse(pageHTML))

// contentSecurityPolicy allows the page's own files and nothing else: no
// inline script or style, no frames, forms only to the page.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// A practice is the learner's state the page shows and changes: the state
// file, or without one, memory.
type practice struct {
	bank      *questionbank.Bank
	file      *srs.File // nil: in memory
	newPerDay int
	now       func() time.Time

	mu       sync.Mutex
	progress *srs.Progress
	stamp    os.FileInfo // of the file when progress was read
	static   map[string]staticFile

	// facets caches the facet line of the last queries, and rendered the
	// HTML of the last questions (a bank does not change), so that the
	// page costs about what a draw costs.
	facetsMu sync.Mutex
	facets   map[string]facetCount
	rendered map[string][2]template.HTML
	filters  map[string]questionbank.Filter // parsed queries: a Filter keeps its compiled form
	layouts  map[shape]*layout
}

// filter parses q against the bank, from the cache if it can.
func (p *practice) filter(q string) (questionbank.Filter, error) {
	p.facetsMu.Lock()
	f, ok := p.filters[q]
	p.facetsMu.Unlock()
	if ok {
		return f, nil
	}
	f, err := p.bank.ParseQuery(q)
	if err != nil {
		return f, err
	}
	p.facetsMu.Lock()
	if len(p.filters) >= maxFacets {
		clear(p.filters)
	}
	p.filters[q] = f
	p.facetsMu.Unlock()
	return f, nil
}

// fragments returns q's heading and guidance as HTML, rendered once a
// question: html/template's escaping is most of what a page costs.
func (p *practice) fragments(q questionbank.Question) (question, guidance template.HTML) {
	p.facetsMu.Lock()
	f, ok := p.rendered[q.ID]
	p.facetsMu.Unlock()
	if ok {
		return f[0], f[1]
	}
	var a, b bytes.Buffer
	pageTemplate.ExecuteTemplate(&a, "question", q) // cannot fail: a Question has every field
	pageTemplate.ExecuteTemplate(&b, "guidance", q)
	f = [2]template.HTML{template.HTML(a.String()), template.HTML(b.String())}
	p.facetsMu.Lock()
	if len(p.rendered) >= maxRendered {
		clear(p.rendered)
	}
	p.rendered[q.ID] = f
	p.facetsMu.Unlock()
	return f[0], f[1]
}

// maxRendered bounds the cache of rendered questions.
const maxRendered = 1024

// maxFacets bounds the facet cache.
const maxFacets = 256

// facetLine returns the number of matches of f and its facet line, from
// the cache if it can.
func (p *practice) facetLine(f questionbank.Filter) (int, string) {
	key := f.String()
	p.facetsMu.Lock()
	c, ok := p.facets[key]
	p.facetsMu.Unlock()
	if ok {
		return c.total, c.line
	}
	fc := p.bank.Facets(f)
	c = facetCount{fc.Total, facetLine(fc)}
	p.facetsMu.Lock()
	if len(p.facets) >= maxFacets {
		clear(p.facets)
	}
	p.facets[key] = c
	p.facetsMu.Unlock()
	return c.total, c.line
}

type facetCount struct {
	total int
	line  string
}

type staticFile struct {
	body []byte
	etag string
	kind string
}

func newPractice(pr *cli.Practice, now func() time.Time) *practice {
	p := &practice{bank: pr.Bank, file: pr.File, newPerDay: pr.NewPerDay, now: now, progress: pr.Progress, static: map[string]staticFile{}, facets: map[string]facetCount{}, rendered: map[string][2]template.HTML{}, filters: map[string]questionbank.Filter{}, layouts: map[shape]*layout{}}
	if p.file != nil {
		p.stamp, _ = os.Stat(p.file.Name())
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
		p.static["/"+name] = staticFile{body: body, etag: etagOf(body), kind: kind}
		return nil
	})
	return p
}

func etagOf(body []byte) string {
	sum := sha256.Sum256(body)
	return `"` + hex.EncodeToString(sum[:12]) + `"`
}

// current returns the progress as the file now holds it, read again only
// when the file has changed (another tab, or examples/practice).
func (p *practice) current() (*srs.Progress, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.file == nil {
		return p.progress, nil
	}
	fi, err := os.Stat(p.file.Name())
	if err == nil && p.stamp != nil && os.SameFile(fi, p.stamp) && fi.ModTime().Equal(p.stamp.ModTime()) && fi.Size() == p.stamp.Size() {
		return p.progress, nil
	}
	progress, err := p.file.Read()
	if err != nil {
		return nil, errors.New(practicestate.Message(err))
	}
	p.progress, p.stamp = progress, fi
	return progress, nil
}

// apply records e, in the file under its lock, or in memory.
func (p *practice) apply(e practicestate.Event) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	progress, err := practicestate.Save(p.file, p.progress, e)
	if err != nil {
		return err
	}
	p.progress = progress
	if p.file != nil {
		p.stamp, _ = os.Stat(p.file.Name())
	}
	return nil
}

// pageData is what page.html shows.
type pageData struct {
	Title        string
	Counts       template.HTML // "N due, M new", the matches and their facets
	PositionLine string        // "Question 1 of 8 · new"
	Query        string
	HasQuery     bool
	Error        *pageError
	Total        int
	Facets       string
	Due, New     int
	Status       string

	Question     *questionbank.Question
	QuestionHTML template.HTML // the question's heading and meta line, escaped
	GuidanceHTML template.HTML // its guidance, escaped
	Position     int
	Queue        int
	IsNew        bool
	Show         bool
	Empty        string
	LastRated    string

	// Snippets made in Go, from values the page controls or escapes, so
	// that the template runs few actions: html/template's escaping of
	// each is most of what a page costs.
	RevealHidden template.HTML // the hidden q and id of the form that shows the guidance
	RateHidden   template.HTML // the hidden q, id and reps of the rating form
	UndoHidden   template.HTML // the hidden q and id of the undo form
	Ratings      template.HTML // the four rating buttons, with when each brings the question back
}

// hidden returns hidden form fields, escaped.
func hidden(fields ...string) template.HTML {
	var b strings.Builder
	for i := 0; i+1 < len(fields); i += 2 {
		fmt.Fprintf(&b, `<input type="hidden" name="%s" value="%s">`, fields[i], template.HTMLEscapeString(fields[i+1]))
	}
	return template.HTML(b.String())
}

type pageError struct {
	Msg   string
	Caret string
}

// page serves GET /: the question to practise now.
func (s *server) page(w http.ResponseWriter, r *http.Request) {
	params, err := strictValues(r.URL.RawQuery, "parameter", "q", "id", "show", "rated", "undone")
	if err != nil {
		s.showError(w, params, err.Error())
		return
	}
	d, status := s.pageData(params)
	s.writePage(w, r, status, d)
}

func (s *server) pageData(params url.Values) (*pageData, int) {
	d, status := s.buildPage(params)
	d.Title = "Interview practice"
	if d.Question != nil {
		d.Title = d.Question.Text + " · " + d.Title
		kind := "due"
		if d.IsNew {
			kind = "new"
		}
		d.PositionLine = fmt.Sprintf("Question %d of %d · %s", d.Position, d.Queue, kind)
	}
	counts := fmt.Sprintf("<strong>%d due</strong>, <strong>%d new</strong>", d.Due, d.New)
	if d.HasQuery {
		counts += " · " + cli.Count(d.Total, "question") + " match"
		if d.Total == 1 {
			counts += "es"
		}
	}
	if d.Facets != "" {
		counts += " · " + template.HTMLEscapeString(d.Facets)
	}
	d.Counts = template.HTML(counts)
	return d, status
}

func (s *server) buildPage(params url.Values) (*pageData, int) {
	p := s.practice
	d := &pageData{Query: params.Get("q"), HasQuery: params.Get("q") != ""}
	f, err := p.filter(d.Query)
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
	progress, err := p.current()
	if err != nil {
		d.Error = &pageError{Msg: err.Error()}
		d.Empty = "The progress file cannot be read."
		return d, http.StatusInternalServerError
	}
	now := p.now()
	d.Total, d.Facets = p.facetLine(f)
	queue := progress.Queue(s.bank, f, now, p.newPerDay)
	d.Due, d.New = len(queue.Due), len(queue.New)
	all := queue.All()
	d.Queue = len(all)
	if id := params.Get("rated"); id != "" {
		if c, ok := progress.Card(id); ok {
			d.Status = fmt.Sprintf("Rated. %s is back %s.", id, cli.When(c.Due, now))
			d.LastRated, d.UndoHidden = id, hidden("q", d.Query, "id", id)
		}
	}
	if id := params.Get("undone"); id != "" {
		d.Status = fmt.Sprintf("Rating of %s undone.", id)
	}
	pick := -1
	for i, q := range all {
		if id := params.Get("id"); id != "" && strings.EqualFold(q.ID, id) {
			pick = i
			break
		}
	}
	if pick < 0 && len(all) > 0 {
		pick = 0
	}
	if pick < 0 {
		d.Empty = "Nothing to practise now."
		if next, ok := progress.NextDue(s.bank, f); ok {
			d.Empty += " The next question is due " + cli.When(next, now) + "."
		} else if d.Total == 0 {
			d.Empty = "No question matches the query."
		}
		return d, http.StatusOK
	}
	q := all[pick]
	d.Question, d.Position, d.IsNew = &q, pick+1, pick >= len(queue.Due)
	d.QuestionHTML, d.GuidanceHTML = p.fragments(q)
	d.Show = params.Get("show") == "1" && strings.EqualFold(params.Get("id"), q.ID)
	card, _ := progress.Card(q.ID)
	d.RevealHidden = hidden("q", d.Query, "id", q.ID)
	d.RateHidden = hidden("q", d.Query, "id", q.ID, "reps", strconv.Itoa(card.Reps+1))
	sched := progress.Scheduler()
	var b strings.Builder
	for r := srs.Again; r <= srs.Easy; r++ {
		w := ""
		if next, err := sched.Review(card, r, now); err == nil {
			w = cli.When(next.Due, now)
		}
		fmt.Fprintf(&b, `<span class="rating"><button type="submit" name="rating" value="%d" data-key="%d" aria-describedby="when-%d">%s</button> <span id="when-%d" class="when"><span class="key" aria-hidden="true">%d</span> back %s</span></span>`+"\n",
			r, r, r, cli.Title(r.String()), r, r, template.HTMLEscapeString(w))
	}
	d.Ratings = template.HTML(b.String())
	return d, http.StatusOK
}

// writePage renders d, with an ETag of what it renders and the security
// headers of an HTML page.
func (s *server) writePage(w http.ResponseWriter, r *http.Request, status int, d *pageData) {
	var body bytes.Buffer
	if err := s.practice.render(&body, d); err != nil {
		http.Error(w, "the page cannot be rendered", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "no-cache") // revalidate: progress changes
	etag := pageETag(body.Bytes())
	h.Set("ETag", etag)
	if status == http.StatusOK && etagMatch(r.Header.Get("If-None-Match"), etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.WriteHeader(status)
	w.Write(body.Bytes())
}

// A layout is the page as html/template renders it for one shape (with or
// without an error, a question, the guidance shown, an undo), rendered
// once with a marker for each value and cut at the markers. A request then
// writes the pieces with its own values between them, escaped as the
// template escapes them: html/template's per-action work was half of what
// a page cost (BenchmarkPage100k).
type layout struct {
	pieces []string // static HTML; a value goes between each two
	slots  []slot   // the value after pieces[i]
}

// The values of a page, in the order of pageData's fields.
type slot int

const (
	slotTitle slot = iota
	slotQuery
	slotErrorMsg
	slotErrorCaret
	slotCounts
	slotStatus
	slotPosition
	slotQuestion
	slotReveal
	slotGuidance
	slotRate
	slotRatings
	slotEmpty
	slotUndo
	numSlots
)

func marker(i slot) string { return fmt.Sprintf("qbslot%dqbslot", i) }

// A shape is what decides a page's layout.
type shape struct{ err, caret, question, show, undo bool }

// layoutOf returns the layout of a shape, made on first use.
func (p *practice) layoutOf(sh shape) (*layout, error) {
	p.facetsMu.Lock()
	l, ok := p.layouts[sh]
	p.facetsMu.Unlock()
	if ok {
		return l, nil
	}
	m := func(i slot) string { return marker(i) }
	h := func(i slot) template.HTML { return template.HTML(marker(i)) }
	d := &pageData{Title: m(slotTitle), Query: m(slotQuery), Counts: h(slotCounts), Status: m(slotStatus),
		PositionLine: m(slotPosition), QuestionHTML: h(slotQuestion), RevealHidden: h(slotReveal), GuidanceHTML: h(slotGuidance),
		RateHidden: h(slotRate), Ratings: h(slotRatings), Empty: m(slotEmpty), UndoHidden: h(slotUndo), Show: sh.show}
	if sh.err {
		d.Error = &pageError{Msg: m(slotErrorMsg)}
		if sh.caret {
			d.Error.Caret = m(slotErrorCaret)
		}
	}
	if sh.question {
		d.Question = &questionbank.Question{}
	}
	if sh.undo {
		d.LastRated = "x"
	}
	var out strings.Builder
	if err := pageTemplate.Execute(&out, d); err != nil {
		return nil, err
	}
	l = &layout{}
	rest := out.String()
	for {
		i := strings.Index(rest, "qbslot")
		if i < 0 {
			break
		}
		j := strings.Index(rest[i+6:], "qbslot")
		n, err := strconv.Atoi(rest[i+6 : i+6+j])
		if err != nil {
			return nil, fmt.Errorf("page layout: a marker the template changed: %q", rest[i:i+6+j])
		}
		l.pieces = append(l.pieces, rest[:i])
		l.slots = append(l.slots, slot(n))
		rest = rest[i+6+j+6:]
	}
	l.pieces = append(l.pieces, rest)
	p.facetsMu.Lock()
	p.layouts[sh] = l
	p.facetsMu.Unlock()
	return l, nil
}

// render writes the page d into b, by its layout.
func (p *practice) render(b *bytes.Buffer, d *pageData) error {
	sh := shape{err: d.Error != nil, question: d.Question != nil, show: d.Show, undo: d.LastRated != ""}
	sh.caret = sh.err && d.Error.Caret != ""
	l, err := p.layoutOf(sh)
	if err != nil {
		return err
	}
	esc := template.HTMLEscapeString
	var vals [numSlots]string
	vals[slotTitle], vals[slotQuery], vals[slotCounts], vals[slotStatus] = esc(d.Title), esc(d.Query), string(d.Counts), esc(d.Status)
	if d.Error != nil {
		vals[slotErrorMsg], vals[slotErrorCaret] = esc(d.Error.Msg), esc(d.Error.Caret)
	}
	vals[slotPosition], vals[slotQuestion], vals[slotReveal] = esc(d.PositionLine), string(d.QuestionHTML), string(d.RevealHidden)
	vals[slotGuidance], vals[slotRate], vals[slotRatings] = string(d.GuidanceHTML), string(d.RateHidden), string(d.Ratings)
	vals[slotEmpty], vals[slotUndo] = esc(d.Empty), string(d.UndoHidden)
	n := 0
	for _, piece := range l.pieces {
		n += len(piece)
	}
	for _, v := range vals {
		n += len(v)
	}
	b.Grow(n)
	for i, piece := range l.pieces {
		b.WriteString(piece)
		if i < len(l.slots) {
			b.WriteString(vals[l.slots[i]])
		}
	}
	return nil
}

// pageETag is a cheap tag of a page's body: its length and CRC-32C, which
// the processor computes (a SHA-256 of the page took 3.5 µs of 49).
func pageETag(body []byte) string {
	return fmt.Sprintf(`"%x-%08x"`, len(body), crc32.Checksum(body, castagnoli))
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// static serves the page's script and style sheet.
func (s *server) staticFile(w http.ResponseWriter, r *http.Request) {
	f, ok := s.practice.static[r.URL.Path]
	if !ok {
		notFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", f.kind)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-cache")
	h.Set("ETag", f.etag)
	if etagMatch(r.Header.Get("If-None-Match"), f.etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Write(f.body)
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
	rating, err := strconv.Atoi(form.Get("rating"))
	if err != nil || rating < int(srs.Again) || rating > int(srs.Easy) {
		s.showError(w, form, fmt.Sprintf("rating must be 1 (again), 2 (hard), 3 (good) or 4 (easy), not %q", form.Get("rating")))
		return
	}
	reps, err := strconv.Atoi(form.Get("reps"))
	if err != nil || reps < 1 {
		s.showError(w, form, fmt.Sprintf("reps must be a whole number of at least 1, not %q", form.Get("reps")))
		return
	}
	e := practicestate.Event{Question: q, Rating: srs.Rating(rating), At: s.practice.now(), Reps: reps}
	if err := s.practice.apply(e); err != nil {
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
	if err := s.practice.apply(practicestate.Event{Question: q, Undo: true}); err != nil {
		s.showError(w, form, strings.TrimPrefix(err.Error(), "srs: "))
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

// postForm reads a posted form strictly: from this page only (a browser
// says where a form comes from), URL-encoded, at most maxForm bytes, each
// field once and known.
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
	form, err := strictValues(string(body), "field", known...)
	if err != nil {
		s.showError(w, form, err.Error())
		return nil, false
	}
	return form, true
}

// showError answers 400 with the page for the query of params (a page's
// parameters or a posted form; if it has one), showing msg.
func (s *server) showError(w http.ResponseWriter, params url.Values, msg string) {
	keep := url.Values{}
	if params != nil && len(params["q"]) == 1 {
		keep.Set("q", params.Get("q"))
	}
	d, _ := s.pageData(keep)
	d.Error = &pageError{Msg: msg}
	s.writePage(w, &http.Request{Header: http.Header{}}, http.StatusBadRequest, d)
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
