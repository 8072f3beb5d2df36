// Command server serves a question bank as a small HTTP JSON API, and at
// / a page for practising in a browser with spaced repetition.
//
//	go run ./examples/server -addr 127.0.0.1:8080 -state progress.json
//	curl 'http://127.0.0.1:8080/questions?q=level>=senior+type:technical&n=2&seed=7'
//
// The practice page, at /, shows a question at a time from the learner's
// queue (due ones first, then new ones, -new a day), reveals the guidance
// ("Show guidance", or Space), and takes a rating ("Again", "Hard", "Good",
// "Easy", or 1 to 4) that schedules the next review with FSRS-6; u undoes
// the last rating. It keeps its progress in -state, the file
// examples/practice uses, so a learner can switch between terminal and
// browser; without -state, in memory. Without JavaScript the page works as
// plain forms (POST /rate and POST /undo). It is served with a
// Content-Security-Policy that allows no inline script.
//
// Endpoints of the API (GET or HEAD; other methods get 405):
//
//	/questions?q=QUERY&offset=O&limit=L  {"version", "total", "offset", "limit",
//	                                     "questions"}: the matches in corpus
//	                                     order, a page of at most L (default
//	                                     and maximum 100) from the O-th (default 0)
//	/questions?q=QUERY&n=N&seed=S        {"version", "total", "questions"}: a
//	                                     random sample of N (at most 100);
//	                                     seed makes it reproducible
//	/questions/{id}                      one question, or 404
//	/facets?q=QUERY                      counts of the matches by level, type, skill
//	/search?q=QUERY&n=N                  {"version", "total", "hits": [{"score",
//	                                     "question"}]}: the matches, most relevant
//	                                     first (BM25F), at most N (default and
//	                                     maximum 100)
//	/daily?key=KEY&q=QUERY&date=DATE     {"version", "key", "date", "question"}: the
//	                                     question of the day for KEY (a channel,
//	                                     a team) among the matches; DATE is
//	                                     YYYY-MM-DD, default today in UTC
//
// The API's query strings are parsed strictly, as one program's request to
// another: a malformed pair (such as one with a ";"), an unknown parameter
// or one given twice is a 400. The page, for people, ignores what it does
// not know (a shared link with utm_source shows the page). A bad query or
// parameter gets 400 with {"error": "...", "offset": N} (the offset for
// query errors); anything else gets 404. Every error body is JSON.
//
// Replies that do not depend on chance carry an ETag and answer a request
// whose If-None-Match names it with 304 Not Modified; a sample drawn
// without a seed carries Cache-Control: no-store. The server builds the
// bank's indexes before it listens, so that no request pays for them, and
// shuts down gracefully on SIGINT or SIGTERM.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/backendprep/questionbank"
	"github.com/backendprep/questionbank/examples/internal/cli"
	"github.com/backendprep/questionbank/examples/internal/jsonapi"
	"github.com/backendprep/questionbank/examples/internal/warmup"
)

const usage = `usage: server [-addr HOST:PORT] [-state FILE] [-new N] [-bank PATH]
              [-weights W0,...,W20] [-retention R]

Serve a question bank as an HTTP JSON API, and a page at / to practise it
in a browser with spaced repetition (progress kept in -state).

Examples:
  server -addr 127.0.0.1:8080 -state progress.json   then open http://127.0.0.1:8080/
  curl 'http://127.0.0.1:8080/questions?q=level>=senior+type:technical&n=2&seed=7'
  curl 'http://127.0.0.1:8080/questions/senior-2'
  curl 'http://127.0.0.1:8080/facets?q=micro*'
  curl 'http://127.0.0.1:8080/daily?key=team-backend&q=level>=senior'
  curl 'http://127.0.0.1:8080/search?q=caching&n=3'

Flags:
`

// maxN caps n, the size of a sample one request may ask for, and limit,
// the size of a page.
const maxN = 100

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr, nil))
}

// run serves until ctx is done, then shuts down gracefully. If ready is
// not nil, it receives the address the server listens on.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, ready chan<- string) int {
	flags := flag.NewFlagSet("server", flag.ContinueOnError)
	flags.SetOutput(stderr)
	addr := flags.String("addr", "127.0.0.1:8080", "the `address` to listen on")
	practiceFlags := cli.DefinePracticeFlags(flags)
	if status, ok := cli.Parse(flags, usage, args, nil); !ok {
		return status
	}
	pr, status, ok := practiceFlags.Open(stderr, "server")
	if !ok {
		return status
	}
	bank := pr.Bank
	warmup.Bank(bank) // no request pays for an index
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "server: %v\n", err)
		return 1
	}
	handler := newServer(bank, newPractice(pr, time.Now))
	if ip := ln.Addr().(*net.TCPAddr).IP; ip.IsLoopback() {
		handler = jsonapi.LoopbackHosts(handler)
	}
	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      10 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    16 << 10,
	}
	fmt.Fprintf(stdout, "serving %d questions (version %s) on http://%s\n", bank.Len(), bank.Version(), ln.Addr())
	if ready != nil {
		ready <- ln.Addr().String()
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		fmt.Fprintf(stderr, "server: %v\n", err)
		return 1
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		fmt.Fprintf(stderr, "server: shutting down: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, "server: stopped")
	return 0
}

// newServer returns the API and the practice page over bank.
func newServer(bank *questionbank.Bank, p *practice) http.Handler {
	s := &server{bank: bank, practice: p}
	mux := http.NewServeMux()
	mux.HandleFunc("/questions", s.questions)
	mux.HandleFunc("/questions/{id}", s.question)
	mux.HandleFunc("/facets", s.facets)
	mux.HandleFunc("/daily", s.daily)
	mux.HandleFunc("/search", s.search)
	mux.HandleFunc("/{$}", s.page)
	mux.HandleFunc("/static/", s.staticFile)
	mux.HandleFunc("/rate", s.rate)
	mux.HandleFunc("/undo", s.undo)
	mux.HandleFunc("/", notFound)
	return guard(mux)
}

// posted lists the paths that take POST, and only POST.
var posted = map[string]bool{"/rate": true, "/undo": true}

func notFound(w http.ResponseWriter, r *http.Request) {
	jsonapi.WriteError(w, http.StatusNotFound, fmt.Sprintf("no such endpoint %q; the endpoints are /questions, /questions/{id}, /facets, /search and /daily", r.URL.Path), -1)
}

// guard answers, in JSON, what the server does not serve: 405 to every
// method but GET and HEAD (POST for the forms of the page), and 404 to a
// path that is not clean (such as //questions), which http.ServeMux would
// answer with an HTML redirect.
func guard(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case posted[r.URL.Path] && r.Method != http.MethodPost:
			w.Header().Set("Allow", "POST")
			jsonapi.WriteError(w, http.StatusMethodNotAllowed, fmt.Sprintf("method %s is not allowed; use POST", r.Method), -1)
			return
		case !posted[r.URL.Path] && r.Method != http.MethodGet && r.Method != http.MethodHead:
			w.Header().Set("Allow", "GET, HEAD")
			jsonapi.WriteError(w, http.StatusMethodNotAllowed, fmt.Sprintf("method %s is not allowed; use GET", r.Method), -1)
			return
		}
		if p := r.URL.Path; p == "" || p[0] != '/' || path.Clean(p) != p {
			notFound(w, r)
			return
		}
		h.ServeHTTP(w, r)
	})
}

type server struct {
	bank     *questionbank.Bank
	practice *practice
}

// questionsReply is the body of GET /questions. Offset and Limit are
// there for a page of the list, not for a sample.
type questionsReply struct {
	Version   string                  `json:"version"`
	Total     int                     `json:"total"`
	Offset    *int                    `json:"offset,omitempty"`
	Limit     *int                    `json:"limit,omitempty"`
	Questions []questionbank.Question `json:"questions"`
}

func (s *server) questions(w http.ResponseWriter, r *http.Request) {
	params, ok := jsonapi.Params(w, r, "q", "n", "seed", "offset", "limit")
	if !ok {
		return
	}
	f, ok := s.parseQuery(w, params.Get("q"))
	if !ok {
		return
	}
	reply := questionsReply{Version: s.bank.Version(), Total: s.bank.Count(f), Questions: []questionbank.Question{}}
	cache := jsonapi.ByContent
	if params.Has("n") {
		if params.Has("offset") || params.Has("limit") {
			jsonapi.WriteError(w, http.StatusBadRequest, "offset and limit page the list of matches; with n, a sample is drawn: give one or the other", -1)
			return
		}
		n, ok := jsonapi.IntParam(w, params, "n", 1, maxN)
		if !ok {
			return
		}
		var seed uint64
		if params.Has("seed") {
			var err error
			if seed, err = strconv.ParseUint(params.Get("seed"), 10, 64); err != nil {
				jsonapi.WriteError(w, http.StatusBadRequest, fmt.Sprintf("seed must be a whole number from 0 to %d, not %q", uint64(1<<64-1), params.Get("seed")), -1)
				return
			}
		}
		if seed == 0 {
			cache = jsonapi.NoStore // a random draw: every request gets its own
		}
		reply.Questions = append(reply.Questions, s.bank.Sample(cli.Rand(seed), n, f)...)
	} else {
		if params.Has("seed") {
			jsonapi.WriteError(w, http.StatusBadRequest, "seed goes with n: the list of matches is in corpus order", -1)
			return
		}
		offset, limit := 0, maxN
		if params.Has("offset") {
			if offset, ok = jsonapi.IntParam(w, params, "offset", 0, math.MaxInt); !ok {
				return
			}
		}
		if params.Has("limit") {
			if limit, ok = jsonapi.IntParam(w, params, "limit", 1, maxN); !ok {
				return
			}
		}
		reply.Offset, reply.Limit = &offset, &limit
		i := 0
		for q := range s.bank.Questions(f) {
			if i >= offset+limit {
				break
			}
			if i >= offset {
				reply.Questions = append(reply.Questions, q)
			}
			i++
		}
	}
	jsonapi.WriteJSON(w, r, http.StatusOK, reply, cache)
}

func (s *server) question(w http.ResponseWriter, r *http.Request) {
	if _, ok := jsonapi.Params(w, r); !ok {
		return
	}
	id := r.PathValue("id")
	q, ok := s.bank.Get(id)
	if !ok {
		jsonapi.WriteError(w, http.StatusNotFound, fmt.Sprintf("no question has id %q", id), -1)
		return
	}
	jsonapi.WriteJSON(w, r, http.StatusOK, q, jsonapi.ByContent)
}

func (s *server) facets(w http.ResponseWriter, r *http.Request) {
	params, ok := jsonapi.Params(w, r, "q")
	if !ok {
		return
	}
	f, ok := s.parseQuery(w, params.Get("q"))
	if !ok {
		return
	}
	jsonapi.WriteJSON(w, r, http.StatusOK, s.bank.Facets(f), jsonapi.ByContent)
}

// searchReply is the body of GET /search.
type searchReply struct {
	Version string             `json:"version"`
	Total   int                `json:"total"`
	Hits    []questionbank.Hit `json:"hits"`
}

func (s *server) search(w http.ResponseWriter, r *http.Request) {
	params, ok := jsonapi.Params(w, r, "q", "n")
	if !ok {
		return
	}
	n := maxN
	if params.Has("n") {
		if n, ok = jsonapi.IntParam(w, params, "n", 1, maxN); !ok {
			return
		}
	}
	f, ok := s.parseQuery(w, params.Get("q"))
	if !ok {
		return
	}
	hits, err := s.bank.Search(params.Get("q"), n)
	if err != nil { // cannot happen: the query parsed
		jsonapi.WriteError(w, http.StatusBadRequest, err.Error(), -1)
		return
	}
	if hits == nil {
		hits = []questionbank.Hit{}
	}
	jsonapi.WriteJSON(w, r, http.StatusOK, searchReply{Version: s.bank.Version(), Total: s.bank.Count(f), Hits: hits}, jsonapi.ByContent)
}

// maxKey is the longest key /daily takes, in bytes.
const maxKey = 200

// dailyReply is the body of GET /daily.
type dailyReply struct {
	Version  string                `json:"version"`
	Key      string                `json:"key"`
	Date     string                `json:"date"`
	Question questionbank.Question `json:"question"`
}

func (s *server) daily(w http.ResponseWriter, r *http.Request) {
	params, ok := jsonapi.Params(w, r, "key", "q", "date")
	if !ok {
		return
	}
	key := params.Get("key")
	switch {
	case strings.TrimSpace(key) == "":
		jsonapi.WriteError(w, http.StatusBadRequest, "key is required: it names whose question of the day it is, such as a channel or a team", -1)
		return
	case len(key) > maxKey:
		jsonapi.WriteError(w, http.StatusBadRequest, fmt.Sprintf("key is %d bytes long; at most %d", len(key), maxKey), -1)
		return
	}
	day := s.practice.now().UTC()
	if params.Has("date") {
		var err error
		if day, err = time.Parse(time.DateOnly, params.Get("date")); err != nil {
			jsonapi.WriteError(w, http.StatusBadRequest, fmt.Sprintf("date must be YYYY-MM-DD, not %q", params.Get("date")), -1)
			return
		}
	}
	f, ok := s.parseQuery(w, params.Get("q"))
	if !ok {
		return
	}
	q, ok := s.bank.Daily(day, key, f)
	if !ok {
		jsonapi.WriteError(w, http.StatusNotFound, "no question matches the query", -1)
		return
	}
	jsonapi.WriteJSON(w, r, http.StatusOK, dailyReply{Version: s.bank.Version(), Key: key, Date: day.Format(time.DateOnly), Question: q}, jsonapi.ByContent)
}

// parseQuery parses q against the bank, answering 400 if it cannot.
func (s *server) parseQuery(w http.ResponseWriter, q string) (questionbank.Filter, bool) {
	f, err := s.bank.ParseQuery(q)
	if err != nil {
		var se *questionbank.SyntaxError
		if errors.As(err, &se) {
			jsonapi.WriteError(w, http.StatusBadRequest, "bad query: "+se.Msg, se.Offset)
		} else {
			jsonapi.WriteError(w, http.StatusBadRequest, err.Error(), -1)
		}
		return questionbank.Filter{}, false
	}
	return f, true
}
