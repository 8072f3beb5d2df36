package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/modelcontextprotocol/go-sdk/jsonrpc"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/backendprep/questionbank/srs"
)

// TestMain runs the program itself, as a subprocess of a test, when
// QBMCP_MAIN is set: TestEndOfInputAnswersEverything drives it through
// its real standard input and output.
func TestMain(m *testing.M) {
	if os.Getenv("QBMCP_MAIN") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

const (
	initialize  = `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"test","version":"0"}}}`
	initialized = `{"jsonrpc":"2.0","method":"notifications/initialized"}`
)

// A stdioSession is the server run in-process on a lineTransport over
// pipes, spoken to a line at a time.
type stdioSession struct {
	t       *testing.T
	in      *io.PipeWriter
	replies chan map[string]any
	done    chan int
}

func startStdio(t *testing.T, args ...string) *stdioSession {
	t.Helper()
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	s := &stdioSession{t: t, in: inW, replies: make(chan map[string]any, 100), done: make(chan int, 1)}
	go func() {
		code := run(context.Background(), args, &lineTransport{in: inR, out: outW}, io.Discard)
		outW.Close()
		s.done <- code
	}()
	go func() {
		defer close(s.replies)
		sc := bufio.NewScanner(outR)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var m map[string]any
			if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
				m = map[string]any{"unreadable": sc.Text()}
			}
			s.replies <- m
		}
	}()
	t.Cleanup(func() { inW.Close(); outR.Close() })
	return s
}

func (s *stdioSession) send(line string) {
	s.t.Helper()
	_, err := io.WriteString(s.in, line+"\n")
	require.NoError(s.t, err)
}

// reply returns the next line the server writes.
func (s *stdioSession) reply() map[string]any {
	s.t.Helper()
	select {
	case m, ok := <-s.replies:
		require.True(s.t, ok, "the server ended its output")
		return m
	case <-time.After(10 * time.Second):
		s.t.Fatal("no reply in 10 s: the session is wedged")
		return nil
	}
}

// ping sends a ping with id and checks its reply.
func (s *stdioSession) ping(id int) {
	s.t.Helper()
	s.send(fmt.Sprintf(`{"jsonrpc":"2.0","id":%d,"method":"ping"}`, id))
	m := s.reply()
	assert.Equal(s.t, float64(id), m["id"], "%v", m)
	assert.NotContains(s.t, m, "error")
}

// A line that is not a JSON-RPC message gets an error reply, id null, and
// the session goes on: the SDK's transport ended it (go-sdk issue #1209).
func TestMalformedLinesGetAnErrorAndTheSessionGoesOn(t *testing.T) {
	s := startStdio(t)
	s.send(initialize)
	require.Equal(t, 1.0, s.reply()["id"])
	s.send(initialized)

	long := `{"jsonrpc":"2.0","id":99,"method":"ping","params":{"x":"` + strings.Repeat("a", 2*maxLine) + `"}}`
	for i, tc := range []struct {
		name, line string
		code       float64
	}{
		{"not JSON", "this is not json", jsonrpc.CodeParseError},
		{"a number", "42", jsonrpc.CodeInvalidRequest},
		{"a string", `"ping"`, jsonrpc.CodeInvalidRequest},
		{"null", "null", jsonrpc.CodeInvalidRequest},
		{"a batch", `[{"jsonrpc":"2.0","id":5,"method":"ping"}]`, jsonrpc.CodeInvalidRequest},
		{"an empty batch", `[]`, jsonrpc.CodeInvalidRequest},
		{"no jsonrpc", `{"id":5,"method":"ping"}`, jsonrpc.CodeInvalidRequest},
		{"jsonrpc 1.0", `{"jsonrpc":"1.0","id":5,"method":"ping"}`, jsonrpc.CodeInvalidRequest},
		{"neither method nor id", `{"jsonrpc":"2.0"}`, jsonrpc.CodeInvalidRequest},
		{"an object as id", `{"jsonrpc":"2.0","id":{},"method":"ping"}`, jsonrpc.CodeInvalidRequest},
		{"truncated", `{"jsonrpc":"2.0","id":5,"method":"pi`, jsonrpc.CodeParseError},
		{"two messages on a line", `{"jsonrpc":"2.0","id":5,"method":"ping"}{"jsonrpc":"2.0","id":6,"method":"ping"}`, jsonrpc.CodeParseError},
		{"too deep", strings.Repeat("[", 20000) + strings.Repeat("]", 20000), jsonrpc.CodeParseError},
		{"invalid UTF-8 outside strings", "\xff", jsonrpc.CodeParseError},
		{"longer than maxLine", long, jsonrpc.CodeInvalidRequest},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s.t = t
			s.send(tc.line)
			m := s.reply()
			assert.Equal(t, "2.0", m["jsonrpc"], "%v", m)
			assert.Contains(t, m, "id")
			assert.Nil(t, m["id"], "id null")
			e, ok := m["error"].(map[string]any)
			require.True(t, ok, "%v", m)
			assert.Equal(t, tc.code, e["code"], "%v", e)
			assert.NotEmpty(t, e["message"])
			s.ping(100 + i)
		})
	}
	s.t = t
	s.send("")
	s.send("   \r")
	s.ping(200) // blank lines are skipped, unanswered
	s.in.Close()
	select {
	case code := <-s.done:
		assert.Equal(t, 0, code)
	case <-time.After(10 * time.Second):
		t.Fatal("the server does not end with its input")
	}
}

// rateThenClose sends a rating and closes the input at once.
func rateThenClose(w io.Writer) {
	io.WriteString(w, initialize+"\n"+initialized+"\n"+
		`{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"rate_answer","arguments":{"id":"lead-1","rating":"good"}}}`+"\n")
}

// checkRated checks that the replies hold the rating's, and the file the
// rating.
func checkRated(t *testing.T, out []byte, state string) {
	t.Helper()
	var rated bool
	for line := range bytes.Lines(out) {
		var m struct {
			ID     any `json:"id"`
			Result struct {
				IsError bool           `json:"isError"`
				Out     map[string]any `json:"structuredContent"`
			} `json:"result"`
		}
		require.NoError(t, json.Unmarshal(line, &m), "%s", line)
		if m.ID == 2.0 {
			rated = true
			assert.False(t, m.Result.IsError, "%s", line)
			assert.Equal(t, "learning", m.Result.Out["state"], "%s", line)
		}
	}
	assert.True(t, rated, "the rating is answered; the output was:\n%s", out)
	data, err := os.ReadFile(state)
	require.NoError(t, err, "the rating is saved")
	var p srs.Progress
	require.NoError(t, json.Unmarshal(data, &p))
	c, ok := p.Card("lead-1")
	assert.True(t, ok && c.Reps == 1, "the rating is saved")
}

// At the end of its input the server answers what it has read and saves
// before it exits: a rating sent just before the client closes is saved
// and acknowledged. Run as a program on its real standard input, 20
// times, 3 with -short (the SDK's transport answered 0 of 20 and saved 4).
func TestEndOfInputAnswersEverything(t *testing.T) {
	runs := 20
	if testing.Short() {
		runs = 3
	}
	for i := range runs {
		state := filepath.Join(t.TempDir(), "progress.json")
		cmd := exec.Command(os.Args[0], "-state", state)
		cmd.Env = append(os.Environ(), "QBMCP_MAIN=1")
		in, err := cmd.StdinPipe()
		require.NoError(t, err)
		var out, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &stderr
		require.NoError(t, cmd.Start())
		rateThenClose(in)
		in.Close()
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			require.NoError(t, err, "run %d: %s", i, stderr.String())
		case <-time.After(30 * time.Second):
			cmd.Process.Kill()
			t.Fatalf("run %d: the server does not exit at the end of its input", i)
		}
		checkRated(t, out.Bytes(), state)
	}
}

// The same in-process, where the race detector sees both sides.
func TestEndOfInputAnswersEverythingInProcess(t *testing.T) {
	state := filepath.Join(t.TempDir(), "progress.json")
	inR, inW := io.Pipe()
	var out bytes.Buffer
	done := make(chan int, 1)
	go func() {
		done <- run(context.Background(), []string{"-state", state}, &lineTransport{in: inR, out: &out}, io.Discard)
	}()
	rateThenClose(inW)
	inW.Close()
	select {
	case code := <-done:
		assert.Equal(t, 0, code)
	case <-time.After(30 * time.Second):
		t.Fatal("the server does not exit at the end of its input")
	}
	checkRated(t, out.Bytes(), state)
}

// FuzzParseLine checks how a line is read against encoding/json: a line
// that is not JSON is a parse error (-32700); one that is JSON is a
// message only if it is an object whose "jsonrpc" is "2.0", and an
// invalid request (-32600) otherwise.
func FuzzParseLine(f *testing.F) {
	for _, seed := range []string{initialize, initialized, "this is not json", "42", `[{"jsonrpc":"2.0","id":1,"method":"ping"}]`,
		`{"id":1,"method":"ping"}`, `{"jsonrpc":"2.0","id":1,"method":"pi`, `{"jsonrpc":"2.0","id":1,"result":{}}`, ` {"jsonrpc":"2.0","id":"a","method":"x"} `} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, line string) {
		line = strings.TrimSpace(line)
		if line == "" {
			return // readLines skips blank lines
		}
		msg, reply := parseLine([]byte(line))
		if (msg == nil) == (reply == nil) {
			t.Fatalf("parseLine(%q) = %v, %v: want a message or a reply", line, msg, reply)
		}
		if !json.Valid([]byte(line)) {
			if reply == nil || reply.Code != jsonrpc.CodeParseError {
				t.Fatalf("parseLine(%q) = %v, %v: want a parse error", line, msg, reply)
			}
			return
		}
		if reply != nil {
			if reply.Code != jsonrpc.CodeInvalidRequest {
				t.Fatalf("parseLine(%q): code %d, want %d", line, reply.Code, jsonrpc.CodeInvalidRequest)
			}
			return
		}
		var obj map[string]json.RawMessage
		var version string
		if err := json.Unmarshal([]byte(line), &obj); err != nil || json.Unmarshal(obj["jsonrpc"], &version) != nil || version != "2.0" {
			t.Fatalf("parseLine(%q) is a message, but the line is not an object with jsonrpc 2.0", line)
		}
	})
}
