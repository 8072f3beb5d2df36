package practicestate

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/backendprep/questionbank"
	"github.com/backendprep/questionbank/srs"
)

func TestSave(t *testing.T) {
	name := filepath.Join(t.TempDir(), "state.json")
	f, p, err := Open(name, srs.Scheduler{})
	require.NoError(t, err)
	assert.Zero(t, p.Len())
	q, _ := questionbank.Default().Get("lead-1")
	at := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	answers := func(p *srs.Progress) map[string]Answers {
		a, err := AnswersOf(p)
		require.NoError(t, err)
		return a
	}

	p, err = Save(f, p, Event{Question: q, Answer: "microservices", Rating: srs.Good, At: at, Reps: 1})
	require.NoError(t, err)
	assert.Equal(t, 1, p.Len())
	assert.Equal(t, Answers{"microservices"}, answers(p)["lead-1"])

	p, err = Save(f, p, Event{Question: q, Rating: srs.Good, At: at, Reps: 1})
	require.NoError(t, err)
	assert.Len(t, p.Log(), 1, "a second submission of one rating changes nothing")
	p, err = Save(f, p, Event{Question: q, Answer: "microservices", At: at})
	require.NoError(t, err)
	assert.Equal(t, Answers{"microservices"}, answers(p)["lead-1"], "an answer saved twice is kept once")

	p, err = Save(f, p, Event{Question: q, Undo: true})
	require.NoError(t, err)
	assert.Zero(t, p.Len())
	_, err = Save(f, p, Event{Question: q, Undo: true})
	assert.EqualError(t, err, `question "lead-1" has no review to undo`)

	// The file is a progress document, the answers in a key of their own.
	data, err := os.ReadFile(name)
	require.NoError(t, err)
	var plain srs.Progress
	require.NoError(t, json.Unmarshal(data, &plain))
	assert.Equal(t, Answers{"microservices"}, answers(&plain)["lead-1"], "the file holds what was saved")
}

func TestOpenSaysWhatAFileIs(t *testing.T) {
	name := filepath.Join(t.TempDir(), "state.json")
	require.NoError(t, os.WriteFile(name, []byte(`{"format": 3, "answers": 5}`), 0o600))
	_, _, err := Open(name, srs.Scheduler{})
	assert.EqualError(t, err, "progress file "+name+`: "answers" is not a list of answers by question ID (json: cannot unmarshal number into Go value of type map[string]practicestate.Answers)`)
	require.NoError(t, os.WriteFile(name, []byte(`[]`), 0o600))
	_, _, err = Open(name, srs.Scheduler{})
	assert.EqualError(t, err, "progress file "+name+": a progress is a JSON object, not an array")
}
