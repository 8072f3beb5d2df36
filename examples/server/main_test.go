package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/backendprep/questionbank"
	"github.com/backendprep/questionbank/examples/internal/cli"
)

func get(t *testing.T, h http.Handler, method, target string) (int, http.Header, map[string]any) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, target, nil))
	assert.Equal(t, "application/json; charset=utf-8", rec.Header().Get("Content-Type"), "%s %s", method, target)
	var body map[string]any
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &body), "%s %s: %s", method, target, rec.Body)
	return rec.Code, rec.Header(), body
}

func idsOf(t *testing.T, body map[string]any) []string {
	t.Helper()
	var ids []string
	for _, q := range body["questions"].([]any) {
		ids = append(ids, q.(map[string]any)["id"].(string))
	}
	return ids
}

func TestQuestions(t *testing.T) {
	bank := sourcePage(t)
	h := newHandler(bank)
	code, _, body := get(t, h, "GET", "/questions?q="+url.QueryEscape("level>=senior type:technical"))
	require.Equal(t, 200, code)
	assert.Equal(t, bank.Version(), body["version"])
	assert.Equal(t, 4.0, body["total"])
	assert.Equal(t, []string{"senior-1", "lead-1", "principal-1", "architect-1"}, idsOf(t, body), "every match, in corpus order")

	code, _, body = get(t, h, "GET", "/questions?q="+url.QueryEscape("level>=senior type:technical")+"&n=2&seed=7")
	require.Equal(t, 200, code)
	assert.Equal(t, 4.0, body["total"], "total counts every match")
	sample := idsOf(t, body)
	assert.Len(t, sample, 2)
	_, _, again := get(t, h, "GET", "/questions?q="+url.QueryEscape("level>=senior type:technical")+"&n=2&seed=7")
	assert.Equal(t, sample, idsOf(t, again), "same seed, same sample")

	code, _, body = get(t, h, "GET", "/questions")
	require.Equal(t, 200, code)
	assert.Len(t, idsOf(t, body), 14)

	code, _, body = get(t, h, "GET", "/questions?q="+url.QueryEscape("level:junior type:situational"))
	require.Equal(t, 200, code)
	assert.Equal(t, []any{}, body["questions"], "no matches is an empty list, not null")

	q, _ := bank.Get("mid-2")
	code, _, body = get(t, h, "GET", "/questions?q=id:mid-2")
	require.Equal(t, 200, code)
	want, _ := json.Marshal(q)
	got, _ := json.Marshal(body["questions"].([]any)[0])
	assert.JSONEq(t, string(want), string(got), "questions in the contract's schema")
}

func TestQuestionByID(t *testing.T) {
	h := newHandler(questionbank.Default())
	code, _, body := get(t, h, "GET", "/questions/senior-2")
	require.Equal(t, 200, code)
	assert.Equal(t, "senior-2", body["id"])
	assert.Equal(t, "competency", body["type"])
	assert.Equal(t, "senior", body["level"])

	code, _, body = get(t, h, "GET", "/questions/nope-1")
	assert.Equal(t, 404, code)
	assert.Equal(t, `no question has id "nope-1"`, body["error"])
	_, hasOffset := body["offset"]
	assert.False(t, hasOffset)
}

func TestFacets(t *testing.T) {
	h := newHandler(sourcePage(t))
	code, _, body := get(t, h, "GET", "/facets?q="+url.QueryEscape("level>=lead"))
	require.Equal(t, 200, code)
	assert.Equal(t, 6.0, body["total"])
	assert.Equal(t, map[string]any{"lead": 2.0, "principal": 2.0, "architect": 2.0}, body["levels"])
	assert.Equal(t, map[string]any{"technical": 3.0, "behavioral": 1.0, "situational": 2.0}, body["types"])
	assert.Equal(t, 3.0, body["skills"].(map[string]any)["Problem-solving"])
}

func TestBadRequests(t *testing.T) {
	h := newHandler(questionbank.Default())
	tests := []struct {
		target string
		status int
		msg    string
		offset float64 // -1: none
	}{
		{"/questions?q=" + url.QueryEscape("level>=senior typ:technical"), 400, `bad query: unknown field "typ"; did you mean "type"? (fields are level, type, skill, id)`, 14},
		{"/questions?q=" + url.QueryEscape("skill:leadershp"), 400, `bad query: no question in the bank tests skill "leadershp"; did you mean "leadership"?`, 6},
		{"/facets?q=" + url.QueryEscape("(level:lead"), 400, `bad query: "(" is never closed`, 0},
		{"/questions?q=" + strings.Repeat("a+", 3000), 400, "bad query: query is longer than 4096 bytes", 4096},
		{"/questions?n=0", 400, `n must be a whole number from 1 to 100, not "0"`, -1},
		{"/questions?n=101", 400, `n must be a whole number from 1 to 100, not "101"`, -1},
		{"/questions?n=two", 400, `n must be a whole number from 1 to 100, not "two"`, -1},
		{"/questions?n=2&seed=-1", 400, `seed must be a whole number from 0 to 18446744073709551615, not "-1"`, -1},
		{"/questions?query=level:lead", 400, `unknown parameter "query"; the parameters are [q n seed offset limit]`, -1},
		{"/questions?q=a&q=b", 400, `parameter "q" is given 2 times`, -1},
		{"/questions/lead-1?x=1", 400, `unknown parameter "x"; this endpoint takes none`, -1},
		{"/nothing", 404, `no such endpoint "/nothing"; the endpoints are /questions, /questions/{id}, /facets, /search and /daily`, -1},
	}
	for _, tc := range tests {
		code, _, body := get(t, h, "GET", tc.target)
		assert.Equal(t, tc.status, code, tc.target)
		assert.Equal(t, tc.msg, body["error"], tc.target)
		offset, has := body["offset"]
		if tc.offset < 0 {
			assert.False(t, has, "%s: no offset", tc.target)
		} else {
			assert.Equal(t, tc.offset, offset, tc.target)
		}
	}
}

func TestMethods(t *testing.T) {
	h := newHandler(questionbank.Default())
	for _, m := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS"} {
		for _, target := range []string{"/questions", "/questions/lead-1", "/facets", "/elsewhere"} {
			code, header, body := get(t, h, m, target)
			assert.Equal(t, 405, code, "%s %s", m, target)
			assert.Equal(t, "GET, HEAD", header.Get("Allow"))
			assert.Equal(t, fmt.Sprintf("method %s is not allowed; use GET", m), body["error"])
		}
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("HEAD", "/questions/lead-1", nil))
	assert.Equal(t, 200, rec.Code)
}

// TestServeAndShutdown runs the whole program on a loopback port, queries
// it, and stops it as a signal would.
func TestServeAndShutdown(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	var stdout, stderr bytes.Buffer
	done := make(chan int, 1)
	go func() { done <- run(ctx, []string{"-addr", "127.0.0.1:0"}, &stdout, &stderr, ready) }()
	var addr string
	select {
	case addr = <-ready:
	case code := <-done:
		t.Fatalf("server exited %d: %s", code, stderr.String())
	case <-time.After(10 * time.Second):
		t.Fatal("server did not start")
	}
	resp, err := http.Get("http://" + addr + "/questions/junior-1")
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Equal(t, 200, resp.StatusCode)
	assert.Contains(t, string(body), `"id":"junior-1"`)

	// Listening on loopback, it serves loopback names only: a page that
	// rebinds its own name to 127.0.0.1 gets nothing.
	for host, want := range map[string]int{"evil.example": 421, "evil.example:80": 421, "10.0.0.1": 421,
		"localhost": 200, "LOCALHOST.": 200, "app.localhost": 200, "127.0.0.2": 200, "[::1]:8080": 200, addr: 200} {
		req, err := http.NewRequest("GET", "http://"+addr+"/questions/junior-1", nil)
		require.NoError(t, err)
		req.Host = host
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, want, resp.StatusCode, "Host %s", host)
	}

	cancel()
	select {
	case code := <-done:
		assert.Equal(t, 0, code, stderr.String())
	case <-time.After(10 * time.Second):
		t.Fatal("server did not shut down")
	}
	assert.Contains(t, stdout.String(), fmt.Sprintf("serving %d questions", questionbank.Default().Len()), "the built-in bank")
	assert.Contains(t, stdout.String(), "server: stopped")
}

func TestServerUsage(t *testing.T) {
	var stdout, stderr bytes.Buffer
	assert.Equal(t, 0, run(context.Background(), []string{"-h"}, &stdout, &stderr, nil))
	assert.Contains(t, stderr.String(), "Examples:")
	assert.Contains(t, stderr.String(), "-addr")
	stderr.Reset()
	assert.Equal(t, 2, run(context.Background(), []string{"-port", "1"}, &stdout, &stderr, nil))
	stderr.Reset()
	assert.Equal(t, 1, run(context.Background(), []string{"-bank", "/nonexistent.json"}, &stdout, &stderr, nil))
	assert.Contains(t, stderr.String(), "server: bank file: open /nonexistent.json")
	stderr.Reset()
	assert.Equal(t, 1, run(context.Background(), []string{"-addr", "256.0.0.1:99999"}, &stdout, &stderr, nil))
	assert.Contains(t, stderr.String(), "server: listen tcp")
	stderr.Reset()
	assert.Equal(t, 2, run(context.Background(), []string{"-weights", "1,2"}, &stdout, &stderr, nil))
	assert.Equal(t, "server: -weights: 2 weights; FSRS-6 takes 21\n", stderr.String())
	stderr.Reset()
	assert.Equal(t, 2, run(context.Background(), []string{"-retention", "-1"}, &stdout, &stderr, nil))
	assert.Equal(t, "server: -retention -1: give a probability above 0 and at most 1, such as 0.9\n", stderr.String())
}

// TestConcurrentClients is a bounded load test on loopback: 8 clients
// send 50 requests each to a real listener; every one must succeed.
func TestConcurrentClients(t *testing.T) {
	srv := httptest.NewServer(newHandler(questionbank.Default()))
	defer srv.Close()
	targets := []string{
		"/questions?q=" + url.QueryEscape("level>=senior type:technical") + "&n=2",
		"/questions?q=micro*",
		"/questions/lead-2",
		"/facets?q=" + url.QueryEscape("-type:technical"),
	}
	const clients, requests = 8, 50
	var wg sync.WaitGroup
	errs := make(chan error, clients*requests)
	start := time.Now()
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			client := &http.Client{Timeout: 10 * time.Second}
			for i := range requests {
				resp, err := client.Get(srv.URL + targets[(c+i)%len(targets)])
				if err != nil {
					errs <- err
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 {
					errs <- fmt.Errorf("%s: status %d", targets[(c+i)%len(targets)], resp.StatusCode)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	t.Logf("%d requests from %d clients in %v", clients*requests, clients, time.Since(start))
}

// sourcePageFile is a fixed bank of the source page's 14 questions.
const sourcePageFile = "../../data/sourcepage.json"

// sourcePage returns the bank of sourcePageFile, for tests that name or
// count the questions they expect: the built-in bank grows.
func sourcePage(t *testing.T) *questionbank.Bank {
	t.Helper()
	bank, err := cli.LoadBank(sourcePageFile)
	require.NoError(t, err)
	return bank
}

// newHandler returns the API and the practice page over bank, with its
// progress in memory.
func newHandler(bank *questionbank.Bank) http.Handler {
	return newServer(bank, newPractice(memory(bank), time.Now))
}
