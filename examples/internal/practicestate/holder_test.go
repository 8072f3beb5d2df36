package practicestate

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/backendprep/questionbank"
	"github.com/backendprep/questionbank/srs"
)

// A Holder reads the file again when, and only when, its stat changes.
func TestHolderRereadsOnlyAChangedFile(t *testing.T) {
	name := filepath.Join(t.TempDir(), "state.json")
	f, p, err := Open(name, srs.Scheduler{})
	require.NoError(t, err)
	h := NewHolder(f, p)
	q, _ := questionbank.Default().Get("lead-1")
	at := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

	saved, err := h.Save(Event{Question: q, Rating: srs.Good, At: at})
	require.NoError(t, err)
	got, err := h.Progress()
	require.NoError(t, err)
	assert.Same(t, saved, got, "its own save is not read back")

	// Garbage of the same size and time in place: the stat is unchanged,
	// so the holder does not read it.
	fi, err := os.Stat(name)
	require.NoError(t, err)
	garbage := make([]byte, fi.Size())
	for i := range garbage {
		garbage[i] = 'x'
	}
	w, err := os.OpenFile(name, os.O_WRONLY, 0)
	require.NoError(t, err)
	_, err = w.Write(garbage)
	require.NoError(t, err)
	require.NoError(t, w.Close())
	require.NoError(t, os.Chtimes(name, fi.ModTime(), fi.ModTime()))
	got, err = h.Progress()
	require.NoError(t, err, "an unchanged stat: not read")
	assert.Same(t, saved, got)

	// A later modification time: read, and the garbage reported.
	require.NoError(t, os.Chtimes(name, fi.ModTime().Add(time.Second), fi.ModTime().Add(time.Second)))
	_, err = h.Progress()
	assert.ErrorContains(t, err, "invalid character 'x'")

	// Another program's save is read.
	other, _, err := srs.OpenFile(name+".other", srs.Scheduler{})
	require.NoError(t, err)
	_, err = other.Update(func(p *srs.Progress) error { _, err := p.Review(q, srs.Easy, at); return err })
	require.NoError(t, err)
	require.NoError(t, os.Rename(name+".other", name))
	got, err = h.Progress()
	require.NoError(t, err)
	c, ok := got.Card("lead-1")
	require.True(t, ok)
	assert.Equal(t, srs.Review, c.State, "the other program's rating, Easy")
}

func TestHolderInMemory(t *testing.T) {
	h := NewHolder(nil, srs.NewProgress(srs.Scheduler{}))
	q, _ := questionbank.Default().Get("lead-1")
	_, err := h.Save(Event{Question: q, Rating: srs.Good, At: time.Now()})
	require.NoError(t, err)
	p, err := h.Progress()
	require.NoError(t, err)
	assert.Equal(t, 1, p.Len())
}

// An undo with Reps takes back only the rating it was given for.
func TestUndoWithReps(t *testing.T) {
	p := srs.NewProgress(srs.Scheduler{})
	q, _ := questionbank.Default().Get("lead-1")
	at := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	require.NoError(t, Apply(p, Event{Question: q, Rating: srs.Good, At: at}))
	require.NoError(t, Apply(p, Event{Question: q, Rating: srs.Good, At: at.Add(time.Hour)}))
	assert.EqualError(t, Apply(p, Event{Question: q, Undo: true, Reps: 1}), `question "lead-1" has been rated again since, by another program: nothing is taken back`)
	require.NoError(t, Apply(p, Event{Question: q, Undo: true, Reps: 2}))
	c, _ := p.Card("lead-1")
	assert.Equal(t, 1, c.Reps)
}

func TestParseRating(t *testing.T) {
	for in, want := range map[string]srs.Rating{"again": srs.Again, "1": srs.Again, " Hard ": srs.Hard, "2": srs.Hard, "GOOD": srs.Good, "3": srs.Good, "easy": srs.Easy, "4\n": srs.Easy} {
		got, err := ParseRating(in)
		if assert.NoError(t, err, in) {
			assert.Equal(t, want, got, "ParseRating(%q)", in)
		}
	}
	for _, in := range []string{"", "0", "5", "brilliant", "goodish", "3.0", "１"} {
		_, err := ParseRating(in)
		assert.EqualError(t, err, `rating must be again, hard, good or easy (or 1 to 4), not "`+in+`"`, in)
	}
}

func TestNothingDue(t *testing.T) {
	b := questionbank.Default()
	at := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	when := func(t time.Time) string { return "at " + t.Format("15:04") }
	p := srs.NewProgress(srs.Scheduler{})
	junior := questionbank.ByLevel(questionbank.Junior)
	assert.Equal(t, "No question matches the query.", NothingDue(b, p, questionbank.ByID(), when))
	q, _ := b.Get("junior-1")
	require.NoError(t, Apply(p, Event{Question: q, Rating: srs.Good, At: at}))
	assert.Equal(t, "Nothing is due, and today's new questions are done (-new sets how many a day). The next question is due at 09:10.",
		NothingDue(b, p, junior, when))
	assert.Equal(t, "Nothing is due. The next question is due at 09:10.", NothingDue(b, p, questionbank.ByID("junior-1"), when))
}
