// Package jsonapi is the plumbing of examples/server's JSON API, strict
// as one program's request to another should be: query strings and forms
// parsed strictly (a malformed pair, an unknown name or one given twice
// is an error), JSON replies with an entity tag that answers
// If-None-Match with 304, every error as JSON, and a guard against DNS
// rebinding for a server on loopback.
package jsonapi

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// LoopbackHosts answers 421 Misdirected Request to a request whose Host
// is not a loopback name or address. A server that listens on loopback
// serves this machine only; a page elsewhere that resolves its own name
// to 127.0.0.1 (DNS rebinding) would otherwise drive it, and read the
// learner's progress, through the browser.
func LoopbackHosts(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := r.Host
		if name, _, err := net.SplitHostPort(host); err == nil {
			host = name
		}
		host = strings.TrimSuffix(strings.ToLower(host), ".")
		ip := net.ParseIP(strings.Trim(host, "[]"))
		if host != "localhost" && !strings.HasSuffix(host, ".localhost") && (ip == nil || !ip.IsLoopback()) {
			WriteError(w, http.StatusMisdirectedRequest, fmt.Sprintf("this server listens on loopback and serves loopback names only, not host %q", r.Host), -1)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// Params parses the request's query string strictly, answering 400
// for a malformed pair (url.URL.Query would drop it silently), a parameter
// not in known, or one given twice, so that a typo such as ?query= is not
// silently ignored.
func Params(w http.ResponseWriter, r *http.Request, known ...string) (url.Values, bool) {
	params, err := ParseStrict(r.URL.RawQuery, "parameter", known...)
	if err != nil {
		WriteError(w, http.StatusBadRequest, err.Error(), -1)
		return nil, false
	}
	return params, true
}

// ParseStrict parses a query string or a URL-encoded form: an error for
// a malformed pair, a name not in known, or a name given twice. what
// names the names in messages: "parameter" or "field".
func ParseStrict(raw, what string, known ...string) (url.Values, error) {
	params, err := url.ParseQuery(raw)
	if err != nil {
		source := "query string"
		if what == "field" {
			source = "form"
		}
		return nil, fmt.Errorf("malformed %s: %v", source, err)
	}
	for name, vals := range params {
		switch {
		case !slices.Contains(known, name) && len(known) == 0:
			return params, fmt.Errorf("unknown %s %q; this endpoint takes none", what, name)
		case !slices.Contains(known, name):
			return params, fmt.Errorf("unknown %s %q; the %ss are %v", what, name, what, known)
		case len(vals) > 1:
			return params, fmt.Errorf("%s %q is given %d times", what, name, len(vals))
		}
	}
	return params, nil
}

// IntParam returns the whole number parameter name, from lo to hi,
// answering 400 if it is not one.
func IntParam(w http.ResponseWriter, params url.Values, name string, lo, hi int) (int, bool) {
	v, err := strconv.Atoi(params.Get(name))
	if err != nil || v < lo || v > hi {
		bound := fmt.Sprintf("from %d to %d", lo, hi)
		if hi == math.MaxInt {
			bound = fmt.Sprintf("of at least %d", lo)
		}
		WriteError(w, http.StatusBadRequest, fmt.Sprintf("%s must be a whole number %s, not %q", name, bound, params.Get(name)), -1)
		return 0, false
	}
	return v, true
}

// errorReply is the body of every error. Offset, the byte offset in the
// query of what is wrong, is present only for query errors.
type errorReply struct {
	Error  string `json:"error"`
	Offset *int   `json:"offset,omitempty"`
}

// WriteError writes an error reply, {"error": msg, "offset": offset};
// offset < 0 means none.
func WriteError(w http.ResponseWriter, status int, msg string, offset int) {
	reply := errorReply{Error: msg}
	if offset >= 0 {
		reply.Offset = &offset
	}
	WriteJSON(w, nil, status, reply, NoStore)
}

// A Cache says how a reply may be cached.
type Cache int

// The ways a reply may be cached.
const (
	ByContent Cache = iota // an ETag of the body; If-None-Match gets 304
	NoStore                // never cached: it depends on chance, or is an error
)

// WriteJSON writes v as the JSON reply to r (nil for an error reply,
// which is never cached).
func WriteJSON(w http.ResponseWriter, r *http.Request, status int, v any, cache Cache) {
	var body bytes.Buffer
	enc := json.NewEncoder(&body)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		status, body = http.StatusInternalServerError, bytes.Buffer{}
		fmt.Fprintf(&body, "{\"error\": %q}\n", "cannot encode the reply: "+err.Error())
		cache = NoStore
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	if cache == NoStore || r == nil {
		h.Set("Cache-Control", "no-store")
		w.WriteHeader(status)
		w.Write(body.Bytes()) // a write error means the client has gone; nothing to do
		return
	}
	WriteTagged(w, r, status, body.Bytes())
}

// WriteTagged writes body with an ETag of it, or 304 Not Modified to a
// request whose If-None-Match names that tag.
func WriteTagged(w http.ResponseWriter, r *http.Request, status int, body []byte) {
	tag := ETag(body)
	w.Header().Set("ETag", tag)
	if status == http.StatusOK && etagMatch(r.Header.Get("If-None-Match"), tag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.WriteHeader(status)
	w.Write(body) // a write error means the client has gone; nothing to do
}

// ETag returns the entity tag of a body: a prefix of its SHA-256.
func ETag(body []byte) string {
	sum := sha256.Sum256(body)
	return `"` + hex.EncodeToString(sum[:12]) + `"`
}

// etagMatch reports whether an If-None-Match header names etag, weakly
// compared as RFC 9110 asks for If-None-Match.
func etagMatch(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == etag || t == "*" {
			return true
		}
	}
	return false
}
