package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/backendprep/questionbank"
)

// practice runs a session with the given input lines.
func practice(t *testing.T, input string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(input), &out, &errb)
	return code, out.String(), errb.String()
}

func readState(t *testing.T, name string) state {
	t.Helper()
	data, err := os.ReadFile(name)
	require.NoError(t, err)
	var st state
	require.NoError(t, json.Unmarshal(data, &st))
	return st
}

// TestSessionResumesWithoutRepeats drives three runs over the two
// situational questions and the four lead and principal ones: answer,
// skip and quit, then go on, until every question was dealt once.
func TestSessionResumesWithoutRepeats(t *testing.T) {
	stateFile := filepath.Join(t.TempDir(), "state.json")
	args := []string{"-q", "level:lead,principal", "-seed", "5", "-state", stateFile}

	// Run 1: answer one, read its guidance, skip the next, stop at the third.
	code, out, errOut := practice(t, "Microservices, mostly.\n\ns\nq\n", args...)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "4 of 4 questions to go.")
	assert.Contains(t, out, "Question 1 of 4")
	assert.Contains(t, out, "How to answer")
	assert.Contains(t, out, "Skipped.")
	assert.Contains(t, out, "Question 3 of 4")
	assert.Contains(t, out, "Practised 1, skipped 1; 2 left.", "the question stopped at is left too")
	st := readState(t, stateFile)
	require.Len(t, st.Dealt, 2)
	assert.Equal(t, st.Dealt[1:], st.Skipped)
	assert.Equal(t, map[string]answers{st.Dealt[0]: {"Microservices, mostly."}}, st.Answers)

	// Run 2: the question we stopped at was not practised, so two are left.
	code, out, errOut = practice(t, "\n\n\n", args...)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "2 of 4 questions to go.")
	assert.Contains(t, out, "Practised 2, skipped 0; 0 left.")
	st2 := readState(t, stateFile)
	require.Len(t, st2.Dealt, 4)
	assert.Equal(t, st.Dealt, st2.Dealt[:2], "earlier progress is kept")
	assert.ElementsMatch(t, []string{"lead-1", "lead-2", "principal-1", "principal-2"}, st2.Dealt, "each question dealt once")
	assert.Equal(t, st.Answers, st2.Answers)

	// Run 3: nothing left.
	code, out, _ = practice(t, "", args...)
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "You have been through all 4 questions that match \"level:lead,principal\": practised 3, skipped 1.")
}

func TestSessionEndsAtEOF(t *testing.T) {
	code, out, _ := practice(t, "", "-q", "id:junior-1")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "Can you explain a technical project")
	assert.Contains(t, out, "Practised 0, skipped 0; 1 left.")
	assert.NotContains(t, out, "How to answer")
}

func TestGuidanceIsShown(t *testing.T) {
	q, _ := questionbank.Default().Get("senior-2")
	code, out, _ := practice(t, "input validation\n", "-q", "id:senior-2")
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

	require.NoError(t, os.WriteFile(stateFile, []byte(`{"dealt": [], "score": 3}`), 0o644))
	code, _, errOut = practice(t, "\n", "-state", stateFile)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, `unknown field "score"`)
}

func TestStateIsWrittenAtomically(t *testing.T) {
	dir := t.TempDir()
	stateFile := filepath.Join(dir, "state.json")
	_, _, errOut := practice(t, "\n\n\n", "-q", "level:junior", "-state", stateFile)
	require.Empty(t, errOut)
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	require.Len(t, entries, 1, "no temporary files are left behind")
	assert.Equal(t, "state.json", entries[0].Name())

	require.NoError(t, os.Chmod(dir, 0o500))
	defer os.Chmod(dir, 0o700)
	if os.Geteuid() == 0 {
		t.Skip("root can write to a read-only directory")
	}
	code, _, errOut := practice(t, "\n", "-q", "level:senior", "-state", stateFile)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "saving state")
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
