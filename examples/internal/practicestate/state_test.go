package practicestate

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/backendprep/questionbank"
	"github.com/backendprep/questionbank/srs"
)

func TestApply(t *testing.T) {
	name := filepath.Join(t.TempDir(), "state.json")
	f, st, err := Open(name)
	require.NoError(t, err)
	assert.Zero(t, st.Progress.Len())
	q, _ := questionbank.Default().Get("lead-1")
	at := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

	st, err = f.Save(Event{Question: q, Answer: "microservices", Rating: srs.Good, At: at, Reps: 1})
	require.NoError(t, err)
	assert.Equal(t, 1, st.Progress.Len())
	assert.Equal(t, Answers{"microservices"}, st.Answers["lead-1"])

	st, err = f.Save(Event{Question: q, Rating: srs.Good, At: at, Reps: 1})
	require.NoError(t, err)
	assert.Len(t, st.Progress.Log(), 1, "a second submission of one rating changes nothing")
	st, err = f.Save(Event{Question: q, Answer: "microservices", At: at})
	require.NoError(t, err)
	assert.Equal(t, Answers{"microservices"}, st.Answers["lead-1"], "an answer saved twice is kept once")

	st, err = f.Save(Event{Question: q, Undo: true})
	require.NoError(t, err)
	assert.Zero(t, st.Progress.Len())
	_, err = f.Save(Event{Question: q, Undo: true})
	assert.Error(t, err, "nothing to undo")

	_, back, err := Open(name)
	require.NoError(t, err)
	assert.Equal(t, Answers{"microservices"}, back.Answers["lead-1"], "the file holds what was saved")
	assert.Equal(t, name, f.Name())
}
