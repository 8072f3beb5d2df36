package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/backendprep/questionbank"
	"github.com/backendprep/questionbank/examples/internal/practicestate"
)

var t0 = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

// at sets the clock the program reads, for the rest of the test.
func at(t *testing.T, when time.Time) {
	t.Helper()
	old := now
	now = func() time.Time { return when }
	t.Cleanup(func() { now = old })
}

// practice runs a session with the given input lines.
func practice(t *testing.T, input string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(input), &out, &errb)
	return code, out.String(), errb.String()
}

func readState(t *testing.T, name string) *practicestate.State {
	t.Helper()
	_, st, err := practicestate.Open(name)
	require.NoError(t, err)
	return st
}

// TestSpacedRepetition drives four runs over the two junior questions: a
// question rated Good comes back after its 10-minute learning step, and
// not before; one rated Easy not before its due day.
func TestSpacedRepetition(t *testing.T) {
	stateFile := filepath.Join(t.TempDir(), "state.json")
	args := []string{"-q", "level:junior", "-seed", "3", "-state", stateFile}

	at(t, t0)
	code, out, errOut := practice(t, "Microservices, mostly.\n3\n\n4\n", args...)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "0 questions due, 2 questions new.")
	assert.Contains(t, out, "How to answer")
	assert.Contains(t, out, "Good: back in 10 minutes")
	assert.Contains(t, out, "Easy: back in 8 days")
	assert.Contains(t, out, "Rated 2, skipped 0; 0 left for now.")
	st := readState(t, stateFile)
	assert.Equal(t, 2, st.Progress.Len())
	assert.Len(t, st.Progress.Log(), 2)
	require.Len(t, st.Answers, 1)

	at(t, t0.Add(5*time.Minute))
	_, out, _ = practice(t, "", args...)
	assert.Contains(t, out, "Nothing is due. The next question is due in 5 minutes")

	at(t, t0.Add(11*time.Minute))
	code, out, errOut = practice(t, "\n3\n", args...)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "1 question due, 0 questions new.")
	assert.Contains(t, out, "Good: back in 2 days")

	at(t, t0.Add(time.Hour))
	_, out, _ = practice(t, "", args...)
	assert.Contains(t, out, "Nothing is due.")
	assert.Len(t, readState(t, stateFile).Progress.Log(), 3)
}

func TestNewPerDay(t *testing.T) {
	stateFile := filepath.Join(t.TempDir(), "state.json")
	at(t, t0)
	_, out, _ := practice(t, "\n4\n", "-new", "1", "-state", stateFile)
	assert.Contains(t, out, "0 questions due, 1 question new.")
	_, out, _ = practice(t, "", "-new", "1", "-state", stateFile)
	assert.Contains(t, out, "Nothing is due, and today's new questions are done (-new sets how many a day). The next question is due in 8 days")
	at(t, t0.Add(24*time.Hour))
	_, out, _ = practice(t, "q\n", "-new", "1", "-state", stateFile)
	assert.Contains(t, out, "0 questions due, 1 question new.", "a new day")

	code, _, errOut := practice(t, "", "-new", "-1")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "-new -1")
}

func TestRatingIsAskedUntilGiven(t *testing.T) {
	at(t, t0)
	code, out, _ := practice(t, "answer\n5\nmaybe\ngood\n", "-q", "id:junior-1")
	require.Equal(t, 0, code)
	assert.Contains(t, out, `"5" is not a rating`)
	assert.Contains(t, out, `"maybe" is not a rating`)
	assert.Contains(t, out, "Good: back in 10 minutes")
}

func TestStopBeforeRatingKeepsTheAnswer(t *testing.T) {
	stateFile := filepath.Join(t.TempDir(), "state.json")
	at(t, t0)
	code, out, _ := practice(t, "my answer\nq\n", "-q", "id:junior-1", "-state", stateFile)
	require.Equal(t, 0, code)
	assert.Contains(t, out, "Rated 0, skipped 0; 1 left for now.")
	st := readState(t, stateFile)
	assert.Equal(t, practicestate.Answers{"my answer"}, st.Answers["junior-1"])
	assert.Zero(t, st.Progress.Len(), "nothing rated, nothing scheduled")
}

func TestSessionEndsAtEOF(t *testing.T) {
	code, out, _ := practice(t, "", "-q", "id:junior-1")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "Can you explain a technical project")
	assert.Contains(t, out, "Rated 0, skipped 0; 1 left for now.")
	assert.NotContains(t, out, "How to answer")
}

func TestGuidanceIsShown(t *testing.T) {
	q, _ := questionbank.Default().Get("senior-2")
	code, out, _ := practice(t, "input validation\n3\n", "-q", "id:senior-2")
	require.Equal(t, 0, code)
	for _, s := range append(q.HowToAnswer, q.WhatNotToSay...) {
		assert.Contains(t, strings.Join(strings.Fields(out), " "), s)
	}
	assert.Contains(t, out, "Example answer")
}

func TestCorruptState(t *testing.T) {
	stateFile := filepath.Join(t.TempDir(), "state.json")
	require.NoError(t, os.WriteFile(stateFile, []byte(`{"dealt": ["junior-1"`), 0o644))
	code, out, errOut := practice(t, "\n", "-state", stateFile)
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Contains(t, errOut, "practice: state file "+stateFile+" is not a practice state")
	data, _ := os.ReadFile(stateFile)
	assert.Equal(t, `{"dealt": ["junior-1"`, string(data), "a corrupt state is left as it was")

	for doc, want := range map[string]string{
		`{"dealt": [], "score": 3}`:                `unknown field "score"`,
		`{"format": 3, "progress": {"format": 1}}`: "format 3, newer than this program reads (2)",
		`{"format": 2}`:                            "has no progress",
		`{"format": 2, "progress": {"format": 9}}`: "format 9 is newer",
		`{"format": 2, "progress": {"format": 1, "cards": [{"id": "x", "state": "review"}]}}`: "stability",
	} {
		require.NoError(t, os.WriteFile(stateFile, []byte(doc), 0o644))
		code, _, errOut = practice(t, "\n", "-state", stateFile)
		assert.Equal(t, 1, code, doc)
		assert.Contains(t, errOut, want, doc)
	}
}

func TestStateIsWrittenAtomically(t *testing.T) {
	dir := t.TempDir()
	stateFile := filepath.Join(dir, "state.json")
	_, _, errOut := practice(t, "\n3\n\n3\n", "-q", "level:junior", "-state", stateFile)
	require.Empty(t, errOut)
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	require.Len(t, entries, 1, "no temporary files are left behind")
	assert.Equal(t, "state.json", entries[0].Name())
}

func TestPracticeUsage(t *testing.T) {
	code, _, errOut := practice(t, "", "-q", "levl:senior")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, `did you mean "level"?`)
	assert.Contains(t, errOut, "    levl:senior\n    ^")

	code, _, _ = practice(t, "", "-x")
	assert.Equal(t, 2, code)
	code, _, errOut = practice(t, "", "-h")
	assert.Equal(t, 0, code)
	assert.Contains(t, errOut, "-state")

	code, out, _ := practice(t, "", "-q", "level:junior type:situational")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "No questions match")
}
