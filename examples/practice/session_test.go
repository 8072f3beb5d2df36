package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/backendprep/questionbank"
	"github.com/backendprep/questionbank/examples/internal/practicestate"
	"github.com/backendprep/questionbank/srs"
)

// syncBuffer is a bytes.Buffer safe to write from one goroutine and read
// from another.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestTwoSessionsLoseNothing runs session A up to its first prompt, then
// a whole session B on the same state file, then lets A answer: A's save
// must keep what B saved after A read the file.
func TestTwoSessionsLoseNothing(t *testing.T) {
	stateFile := filepath.Join(t.TempDir(), "state.json")
	in, feed := io.Pipe()
	var out syncBuffer
	done := make(chan int)
	go func() {
		done <- run([]string{"-q", "id:junior-1", "-state", stateFile}, in, &out, io.Discard, &fakeClock{testNow})
	}()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(out.String(), "Your answer") {
		require.True(t, time.Now().Before(deadline), "session A never asked")
		time.Sleep(5 * time.Millisecond)
	}

	code, _, errOut := practice(t, "B's answer\n3\n", "-q", "id:senior-1", "-state", stateFile)
	require.Equal(t, 0, code, errOut)

	io.WriteString(feed, "A's answer\n4\n")
	feed.Close()
	require.Equal(t, 0, <-done)

	st := readState(t, stateFile)
	assert.Equal(t, 2, st.Progress.Len(), "both reviews are kept")
	for _, id := range []string{"junior-1", "senior-1"} {
		_, ok := st.Progress.Card(id)
		assert.True(t, ok, id)
	}
	assert.Equal(t, practicestate.Answers{"A's answer"}, st.Answers["junior-1"])
	assert.Equal(t, practicestate.Answers{"B's answer"}, st.Answers["senior-1"])
}

func TestStaleTempFilesAreRemoved(t *testing.T) {
	dir := t.TempDir()
	stateFile := filepath.Join(dir, "state.json")
	for _, name := range []string{".state.json.123.tmp", ".state.json.456.tmp"} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte("{"), 0o644))
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, "other.tmp"), nil, 0o644))
	code, _, errOut := practice(t, "q\n", "-state", stateFile)
	require.Equal(t, 0, code, errOut)
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	assert.Equal(t, []string{"other.tmp"}, names, "what a crashed save left is gone; nothing else is touched")
}

func TestUnusableStatePathIsReportedFirst(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "plain")
	require.NoError(t, os.WriteFile(file, nil, 0o644))
	for _, stateFile := range []string{
		filepath.Join(dir, "missing", "state.json"),
		filepath.Join(file, "state.json"), // a file where a directory should be
	} {
		code, out, errOut := practice(t, "an answer\n", "-state", stateFile)
		assert.Equal(t, 1, code, stateFile)
		assert.NotContains(t, out, "Question", "reported before the first question")
		assert.Contains(t, errOut, "practice: progress file "+stateFile)
	}
}

func TestCommands(t *testing.T) {
	for _, skip := range []string{"s", "S", "skip", "SKIP", " Skip "} {
		code, out, _ := practice(t, skip+"\n", "-q", "id:junior-1")
		assert.Contains(t, out, "Rated 0, skipped 1; 0 left for now.", "%q skips", skip)
		assert.Equal(t, 0, code)
		assert.Contains(t, out, "Skipped.", "%q skips", skip)
	}
	for _, quit := range []string{"q", "Q", "quit", "QUIT"} {
		code, out, _ := practice(t, quit+"\n", "-bank", sourcePage, "-q", "level:junior", "-seed", "1")
		assert.Equal(t, 0, code)
		assert.Contains(t, out, "Rated 0, skipped 0; 2 left for now.", "%q quits", quit)
		assert.NotContains(t, out, "How to answer")
	}
}

func TestLongAnswersAreKept(t *testing.T) {
	stateFile := filepath.Join(t.TempDir(), "state.json")
	long := strings.Repeat("word ", 300_000) + "end" // 1.5 MB on one line
	code, out, errOut := practice(t, long+"\n3\n", "-q", "id:junior-1", "-state", stateFile)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "How to answer")
	assert.Equal(t, practicestate.Answers{long}, readState(t, stateFile).Answers["junior-1"])

	// The last line of the input, without a newline, is an answer too.
	code, _, _ = practice(t, "no newline", "-q", "id:junior-2", "-state", stateFile)
	require.Equal(t, 0, code)
	assert.Equal(t, practicestate.Answers{"no newline"}, readState(t, stateFile).Answers["junior-2"])
}

func TestSymlinkedStateIsKept(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.json")
	link := filepath.Join(dir, "link.json")
	require.NoError(t, os.Symlink(real, link))
	code, _, errOut := practice(t, "an answer\n3\n", "-q", "id:junior-1", "-state", link)
	require.Equal(t, 0, code, errOut)
	fi, err := os.Lstat(link)
	require.NoError(t, err)
	assert.NotZero(t, fi.Mode()&os.ModeSymlink, "the link is still a link")
	_, ok := readState(t, real).Progress.Card("junior-1")
	assert.True(t, ok, "the state is in the file it names")
}

func TestOldStateFormatsAreRead(t *testing.T) {
	for name, old := range map[string]string{
		"the first version": `{"dealt": ["junior-1", "lead-2"], "skipped": ["lead-2"], "answers": {"junior-1": "first"}}`,
		"the second":        `{"format": 2, "progress": {"format": 1, "cards": [], "log": []}, "dealt": ["junior-1", "lead-2"], "skipped": ["lead-2"], "answers": {"junior-1": ["first"]}}`,
	} {
		stateFile := filepath.Join(t.TempDir(), "state.json")
		require.NoError(t, os.WriteFile(stateFile, []byte(old), 0o644))
		code, _, errOut := practice(t, "second\n3\n", "-q", "id:junior-1", "-state", stateFile)
		require.Equal(t, 0, code, errOut)
		st := readState(t, stateFile)
		assert.JSONEq(t, `["junior-1", "lead-2"]`, string(st.Progress.Extra("dealt")), "%s: kept whole", name)
		assert.JSONEq(t, `["lead-2"]`, string(st.Progress.Extra("skipped")), name)
		assert.Equal(t, practicestate.Answers{"first", "second"}, st.Answers["junior-1"], name)
		_, ok := st.Progress.Card("junior-1")
		assert.True(t, ok, name)
		data, _ := os.ReadFile(stateFile)
		assert.Contains(t, string(data), `"format": 3`, name)
	}
}

// A file that json.Marshal of a Progress wrote is read, and the file the
// program writes is read by json.Unmarshal into a Progress.
func TestStateFileIsAProgress(t *testing.T) {
	stateFile := filepath.Join(t.TempDir(), "state.json")
	p := srs.NewProgress(srs.Scheduler{})
	q, _ := questionbank.Default().Get("junior-1")
	_, err := p.Review(q, srs.Easy, testNow.Add(-10*24*time.Hour))
	require.NoError(t, err)
	data, err := json.Marshal(p)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(stateFile, data, 0o644))

	code, out, errOut := practice(t, "an answer\n3\n", "-q", "level:junior", "-new", "0", "-state", stateFile)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "1 question due, 0 questions new.")

	data, err = os.ReadFile(stateFile)
	require.NoError(t, err)
	var back srs.Progress
	require.NoError(t, json.Unmarshal(data, &back))
	c, _ := back.Card("junior-1")
	assert.Equal(t, 2, c.Reps)
	answers, err := practicestate.AnswersOf(&back)
	require.NoError(t, err)
	assert.Equal(t, practicestate.Answers{"an answer"}, answers["junior-1"])
}
