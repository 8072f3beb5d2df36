package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/backendprep/questionbank"
	"github.com/backendprep/questionbank/examples/internal/practicestate"
	"github.com/backendprep/questionbank/srs"
)

var t0 = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

// testNow is the time the program reads in a test; at sets it.
var testNow = time.Now()

// at sets the clock the program reads, for the rest of the test.
func at(t *testing.T, when time.Time) {
	t.Helper()
	old := testNow
	testNow = when
	t.Cleanup(func() { testNow = old })
}

// A fakeClock starts at testNow, and a Sleep moves it on at once.
type fakeClock struct{ now time.Time }

func (c *fakeClock) Now() time.Time        { return c.now }
func (c *fakeClock) Sleep(d time.Duration) { c.now = c.now.Add(d) }

// sourcePage is a fixed bank of the source page's 14 questions, for tests
// that name or count the questions they expect: the built-in bank grows.
const sourcePage = "../../data/sourcepage.json"

// practice runs a session with the given input lines.
func practice(t *testing.T, input string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(input), &out, &errb, &fakeClock{testNow})
	return code, out.String(), errb.String()
}

// state is what a progress file holds, as the programs read it.
type state struct {
	Progress *srs.Progress
	Answers  map[string]practicestate.Answers
}

func readState(t *testing.T, name string) state {
	t.Helper()
	_, p, err := practicestate.Open(name, srs.Scheduler{})
	require.NoError(t, err)
	answers, err := practicestate.AnswersOf(p)
	require.NoError(t, err)
	return state{p, answers}
}

// TestSpacedRepetition drives four runs over the two junior questions of
// the source page: a question rated Good comes back after its 10-minute
// learning step, and not before; one rated Easy not before its due day.
func TestSpacedRepetition(t *testing.T) {
	stateFile := filepath.Join(t.TempDir(), "state.json")
	args := []string{"-bank", sourcePage, "-q", "level:junior", "-seed", "3", "-state", stateFile}

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
	assert.Equal(t, "practice: progress file "+stateFile+": line 1, column 22: unexpected end of JSON input\n", errOut)
	data, _ := os.ReadFile(stateFile)
	assert.Equal(t, `{"dealt": ["junior-1"`, string(data), "a corrupt state is left as it was")

	for doc, want := range map[string]string{
		`{"dealt": [], "score": 3}`:                `no "format" version, and a key "score"; this is not a progress file`,
		`{"format": 4, "cards": []}`:               "format 4 is newer than this program reads (3); update the program",
		`{"format": 2}`:                            `a format 2 state file holds its progress under "progress", and this one has none`,
		`{"format": 2, "progress": {"format": 9}}`: `"progress" of a format 2 state file must be of format 1, not 9`,
		`{"format": 2, "progress": {"format": 1, "cards": [{"id": "x", "state": "review"}]}}`: `card "x": a review card needs a difficulty of at least 1`,
		`{"questions": [{"id": "a"}]}`: `this is a question bank (it has "questions"), not a progress file`,
	} {
		require.NoError(t, os.WriteFile(stateFile, []byte(doc), 0o644))
		code, _, errOut = practice(t, "\n", "-state", stateFile)
		assert.Equal(t, 1, code, doc)
		assert.Contains(t, errOut, "practice: progress file "+stateFile+": "+want, doc)
	}
}

func TestStateIsWrittenAtomically(t *testing.T) {
	dir := t.TempDir()
	stateFile := filepath.Join(dir, "state.json")
	_, _, errOut := practice(t, "\n3\n\n3\n", "-bank", sourcePage, "-q", "level:junior", "-state", stateFile)
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

	code, out, _ := practice(t, "", "-bank", sourcePage, "-q", "level:junior type:situational")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "No question matches the query.")
}

func TestUndoTakesBackTheLastRating(t *testing.T) {
	stateFile := filepath.Join(t.TempDir(), "state.json")
	at(t, t0)
	args := []string{"-bank", sourcePage, "-q", "level:junior", "-seed", "3", "-state", stateFile}
	// Rate the first Good, take it back at the second's answer, rate it
	// Easy, then the second Hard.
	code, out, errOut := practice(t, "first\n3\nu\n\n4\n\n2\n", args...)
	require.Equal(t, 0, code, errOut)
	assert.Regexp(t, `Good for “.+” taken back; it is asked again now.\n\nQuestion 1 of 2 `, out)
	assert.Contains(t, out, "Easy: back in 8 days")
	assert.Contains(t, out, "Rated 2, skipped 0; 0 left for now.")
	st := readState(t, stateFile)
	require.Len(t, st.Progress.Log(), 2, "the rating taken back is gone from the log")
	assert.Equal(t, srs.Easy, st.Progress.Log()[0].Rating)
	assert.Equal(t, srs.Hard, st.Progress.Log()[1].Rating)

	// u at the rating prompt keeps the answer just typed.
	stateFile = filepath.Join(t.TempDir(), "state.json")
	args[len(args)-1] = stateFile
	code, out, errOut = practice(t, "first\n3\nsecond\nu\n\n1\n\n3\n", args...)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "taken back")
	st = readState(t, stateFile)
	require.Len(t, st.Progress.Log(), 2)
	assert.Len(t, st.Answers, 2, "both answers are kept")

	_, out, _ = practice(t, "u\n\n3\n", "-q", "id:junior-1")
	assert.Contains(t, out, "Nothing to take back: no question has been rated in this session.")
	assert.Contains(t, out, "Good: back in 10 minutes")
}

func TestAgainComesBackInTheSession(t *testing.T) {
	at(t, t0)
	code, out, errOut := practice(t, "no idea\n1\n\n\n3\n", "-q", "id:junior-1")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "Again: back in 1 minute")
	assert.Contains(t, out, "“Can you explain a technical project you've worked on and...” comes back in 1 minute")
	assert.Contains(t, out, "Question 2 of 2")
	assert.Contains(t, out, "Good: back in 10 minutes")
	assert.Contains(t, out, "Rated 2, skipped 0; 0 left for now. The next question is due in 10 minutes")

	// Not waiting leaves it for later.
	code, out, _ = practice(t, "no idea\n1\nq\n", "-q", "id:junior-1")
	require.Equal(t, 0, code)
	assert.Contains(t, out, "Rated 1, skipped 0; 1 left for now. The next question is due in 1 minute")
}

func TestSchedulerFlags(t *testing.T) {
	at(t, t0)
	weights := strings.Trim(strings.Repeat("0.5,", 21), ",")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-weights", "1,2,3"}, "practice: -weights: 3 weights; FSRS-6 takes 21\n"},
		{[]string{"-weights", "1,x"}, `practice: -weights: weight 1, "x", is not a number` + "\n"},
		{[]string{"-weights", weights}, "practice: -weights: weight 4 is 0.5, outside FSRS-6's bounds [1, 10]\n"},
		{[]string{"-retention", "0"}, "practice: -retention 0: give a probability above 0 and at most 1, such as 0.9\n"},
		{[]string{"-retention", "1.5"}, "practice: -retention 1.5: give a probability above 0 and at most 1, such as 0.9\n"},
	} {
		code, _, errOut := practice(t, "", tc.args...)
		assert.Equal(t, 2, code, "%v", tc.args)
		assert.Equal(t, tc.want, errOut, "%v", tc.args)
	}
	// Weights fitted to a log, and a higher retention: shorter intervals.
	w := srs.DefaultWeights()
	w[3] = 4 // initial stability of Easy, in days
	var list []string
	for _, x := range w {
		list = append(list, strconv.FormatFloat(x, 'g', -1, 64))
	}
	code, out, errOut := practice(t, "\n4\n", "-q", "id:junior-1", "-weights", strings.Join(list, ","), "-retention", "0.95")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "Easy: back in 2 days")
}
