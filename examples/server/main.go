// Command server serves a question bank as a small HTTP JSON API.
//
//	go run ./examples/server -addr 127.0.0.1:8080
//	curl 'http://127.0.0.1:8080/questions?q=level>=senior+type:technical&n=2&seed=7'
//
// Endpoints (GET or HEAD; other methods get 405):
//
//	/questions?q=QUERY&n=N&seed=S   {"version", "total", "questions"}: every
//	                                match in corpus order, or with n, a
//	                                random sample of n (seed: reproducible)
//	/questions/{id}                 one question, or 404
//	/facets?q=QUERY                 counts of the matches by level, type, skill
//
// A bad query or parameter gets 400 with {"error": "...", "offset": N}
// (the offset for query errors); anything else gets 404. Every error body
// is JSON. The server shuts down gracefully on SIGINT or SIGTERM.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"github.com/backendprep/questionbank"
	"github.com/backendprep/questionbank/examples/internal/cli"
)

const usage = `usage: server [-addr HOST:PORT] [-bank FILE]

Serve a question bank as an HTTP JSON API.

Examples:
  server -addr 127.0.0.1:8080
  curl 'http://127.0.0.1:8080/questions?q=level>=senior+type:technical&n=2&seed=7'
  curl 'http://127.0.0.1:8080/questions/senior-2'
  curl 'http://127.0.0.1:8080/facets?q=micro*'

Flags:
`

// maxN caps n, the size of a sample one request may ask for.
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
	bankFile := flags.String("bank", "", "a JSON bank `file` to serve instead of the embedded questions")
	if status, ok := cli.Parse(flags, usage, args, nil); !ok {
		return status
	}
	bank, err := cli.LoadBank(*bankFile)
	if err != nil {
		fmt.Fprintln(stderr, cli.Prefix("server: ", err.Error()))
		return 1
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "server: %v\n", err)
		return 1
	}
	srv := &http.Server{
		Handler:           newHandler(bank),
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

// newHandler returns the API over bank.
func newHandler(bank *questionbank.Bank) http.Handler {
	s := &server{bank: bank}
	mux := http.NewServeMux()
	mux.HandleFunc("/questions", s.questions)
	mux.HandleFunc("/questions/{id}", s.question)
	mux.HandleFunc("/facets", s.facets)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, fmt.Sprintf("no such endpoint %q; the endpoints are /questions, /questions/{id} and /facets", r.URL.Path), -1)
	})
	return onlyGET(mux)
}

// onlyGET answers 405, in JSON, to every method but GET and HEAD.
func onlyGET(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			writeError(w, http.StatusMethodNotAllowed, fmt.Sprintf("method %s is not allowed; use GET", r.Method), -1)
			return
		}
		h.ServeHTTP(w, r)
	})
}

type server struct {
	bank *questionbank.Bank
}

// questionsReply is the body of GET /questions.
type questionsReply struct {
	Version   string                  `json:"version"`
	Total     int                     `json:"total"`
	Questions []questionbank.Question `json:"questions"`
}

func (s *server) questions(w http.ResponseWriter, r *http.Request) {
	params := r.URL.Query()
	if !checkParams(w, params, "q", "n", "seed") {
		return
	}
	f, ok := s.parseQuery(w, params.Get("q"))
	if !ok {
		return
	}
	reply := questionsReply{Version: s.bank.Version(), Total: s.bank.Count(f)}
	if params.Has("n") {
		n, err := strconv.Atoi(params.Get("n"))
		if err != nil || n < 1 || n > maxN {
			writeError(w, http.StatusBadRequest, fmt.Sprintf("n must be a whole number from 1 to %d, not %q", maxN, params.Get("n")), -1)
			return
		}
		var seed uint64
		if params.Has("seed") {
			if seed, err = strconv.ParseUint(params.Get("seed"), 10, 64); err != nil {
				writeError(w, http.StatusBadRequest, fmt.Sprintf("seed must be a whole number from 0 to %d, not %q", uint64(1<<64-1), params.Get("seed")), -1)
				return
			}
		}
		reply.Questions = s.bank.Sample(cli.Rand(seed), n, f)
	} else {
		reply.Questions = s.bank.Filter(f)
	}
	if reply.Questions == nil {
		reply.Questions = []questionbank.Question{}
	}
	writeJSON(w, http.StatusOK, reply)
}

func (s *server) question(w http.ResponseWriter, r *http.Request) {
	if !checkParams(w, r.URL.Query()) {
		return
	}
	id := r.PathValue("id")
	q, ok := s.bank.Get(id)
	if !ok {
		writeError(w, http.StatusNotFound, fmt.Sprintf("no question has id %q", id), -1)
		return
	}
	writeJSON(w, http.StatusOK, q)
}

func (s *server) facets(w http.ResponseWriter, r *http.Request) {
	params := r.URL.Query()
	if !checkParams(w, params, "q") {
		return
	}
	f, ok := s.parseQuery(w, params.Get("q"))
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, s.bank.Facets(f))
}

// parseQuery parses q against the bank, answering 400 if it cannot.
func (s *server) parseQuery(w http.ResponseWriter, q string) (questionbank.Filter, bool) {
	f, err := s.bank.ParseQuery(q)
	if err != nil {
		var se *questionbank.SyntaxError
		if errors.As(err, &se) {
			writeError(w, http.StatusBadRequest, "bad query: "+se.Msg, se.Offset)
		} else {
			writeError(w, http.StatusBadRequest, err.Error(), -1)
		}
		return questionbank.Filter{}, false
	}
	return f, true
}

// checkParams answers 400 for a parameter not in known, or one given twice,
// so that a typo such as ?query= is not silently ignored.
func checkParams(w http.ResponseWriter, params map[string][]string, known ...string) bool {
	for name, vals := range params {
		found := false
		for _, k := range known {
			found = found || name == k
		}
		switch {
		case !found && len(known) == 0:
			writeError(w, http.StatusBadRequest, fmt.Sprintf("unknown parameter %q; this endpoint takes none", name), -1)
			return false
		case !found:
			writeError(w, http.StatusBadRequest, fmt.Sprintf("unknown parameter %q; the parameters are %v", name, known), -1)
			return false
		case len(vals) > 1:
			writeError(w, http.StatusBadRequest, fmt.Sprintf("parameter %q is given %d times", name, len(vals)), -1)
			return false
		}
	}
	return true
}

// errorReply is the body of every error. Offset, the byte offset in the
// query of what is wrong, is present only for query errors.
type errorReply struct {
	Error  string `json:"error"`
	Offset *int   `json:"offset,omitempty"`
}

// writeError writes an error reply; offset < 0 means none.
func writeError(w http.ResponseWriter, status int, msg string, offset int) {
	reply := errorReply{Error: msg}
	if offset >= 0 {
		reply.Offset = &offset
	}
	writeJSON(w, status, reply)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v) // a write error means the client has gone; nothing to do
}
