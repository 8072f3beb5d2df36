package srs

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/backendprep/questionbank"
)

func TestProgressJSONErrorsSayWhat(t *testing.T) {
	for _, tc := range []struct {
		name, doc, want string
	}{
		{"a key in another case", `{"Format": 1, "cards": [], "log": []}`,
			`srs: progress: no "format" version, and a key "Format"; this is not a progress file`},
		{"cards twice", `{"format": 3, "cards": [], "cards": [], "log": []}`,
			`srs: progress: key "cards" is given twice`},
		{"log twice", `{"format": 3, "log": [], "cards": [], "log": []}`,
			`srs: progress: key "log" is given twice`},
		{"a rating that does not fit", `{"format": 1, "log": [{"id": "a", "rating": 257, "review": "2026-01-01T00:00:00Z", "state": "new"}]}`,
			`srs: progress: "log": json: cannot unmarshal number 257 into Go struct field ReviewLog.rating of type srs.Rating`},
		{"a rating out of range", `{"format": 1, "log": [{"id": "a", "rating": 0, "review": "2026-01-01T00:00:00Z", "state": "new"}]}`,
			`srs: progress: review 0 of the log has rating 0, not 1 (again) to 4 (easy)`},
		{"a log entry without an id", `{"format": 3, "log": [{"rating": 3, "review": "2026-01-01T00:00:00Z", "state": "new"}]}`,
			`srs: progress: review 0 of the log has no id`},
		{"a question bank", `{"questions": []}`,
			`srs: progress: this is a question bank (it has "questions"), not a progress file`},
		{"an array", `[1, 2]`, `srs: progress: a progress is a JSON object, not an array`},
		{"a string", `"progress"`, `srs: progress: a progress is a JSON object, not a string`},
		{"an empty object", `{}`, `srs: progress: an empty object, without a "format" version; this is not a progress file`},
		{"a format that is no number", `{"format": "3"}`, `srs: progress: "format" is "3", not a version number`},
		{"a state file without its progress", `{"format": 2, "answers": {}}`,
			`srs: progress: a format 2 state file holds its progress under "progress", and this one has none`},
		{"a state file holding a state file", `{"format": 2, "progress": {"format": 2, "progress": {}}}`,
			`srs: progress: "progress" of a format 2 state file must be of format 1, not 2`},
		{"one question twice, in two cases", `{"format": 3, "cards": [{"id": "lead-1", "state": "new"}, {"id": "LEAD-1", "state": "new"}]}`,
			`srs: progress: cards "lead-1" and "LEAD-1" are one question's: a bank compares IDs without regard to case`},
		{"text after the object", `{"format": 3} {}`, `srs: progress: text after the JSON object`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := NewProgress(Scheduler{})
			_, err := p.Review(get(t, "lead-1"), Good, t0)
			require.NoError(t, err)
			before, _ := json.Marshal(p)
			err = p.UnmarshalJSON([]byte(tc.doc)) // as json.Unmarshal would, with text after it too
			assert.EqualError(t, err, tc.want)
			after, _ := json.Marshal(p)
			assert.Equal(t, string(before), string(after), "the progress is left as it was")
		})
	}
}

// The files the programs and this package wrote before version 3 are read.
func TestProgressReadsEveryEarlierFormat(t *testing.T) {
	card := `{"id": "lead-1", "hash": "h", "due": "2026-11-27T09:10:00Z", "stability": 2.3065, "difficulty": 2.11810397, "state": "learning", "step": 1, "reps": 1, "lapses": 0, "last_review": "2026-11-27T09:00:00Z"}`
	log := `{"id": "lead-1", "rating": 3, "review": "2026-11-27T09:00:00Z", "state": "new", "elapsed_days": 0}`
	for _, tc := range []struct {
		name, doc string
		cards     int
		extra     map[string]string
	}{
		{"version 1, the library's", `{"format": 1, "cards": [` + card + `], "log": [` + log + `]}`, 1, nil},
		{"version 2, the programs' state file", `{"format": 2, "progress": {"format": 1, "cards": [` + card + `], "log": [` + log + `]},
			"answers": {"lead-1": ["microservices"]}, "dealt": ["junior-1"]}`, 1,
			map[string]string{"answers": `{"lead-1":["microservices"]}`, "dealt": `["junior-1"]`}},
		{"the first practice program's state file", `{"dealt": ["junior-1"], "skipped": [], "answers": {"lead-1": "microservices"}}`, 0,
			map[string]string{"answers": `{"lead-1":"microservices"}`, "dealt": `["junior-1"]`, "skipped": `[]`}},
		{"version 3, with a key of a program's own", `{"format": 3, "cards": [` + card + `], "log": [` + log + `], "notes": {"lead-1": "ask about queues"}}`, 1,
			map[string]string{"notes": `{"lead-1":"ask about queues"}`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var p Progress
			require.NoError(t, json.Unmarshal([]byte(tc.doc), &p))
			assert.Equal(t, tc.cards, p.Len())
			if tc.cards > 0 {
				c, ok := p.Card("LEAD-1")
				require.True(t, ok)
				assert.Equal(t, Learning, c.State)
				assert.Len(t, p.Log(), 1)
			}
			for k, v := range tc.extra {
				assert.JSONEq(t, v, string(p.Extra(k)), k)
			}
			// Written as version 3, with the keys kept, and read back the same.
			data, err := json.Marshal(&p)
			require.NoError(t, err)
			var top map[string]json.RawMessage
			require.NoError(t, json.Unmarshal(data, &top))
			assert.Equal(t, "3", string(top["format"]))
			assert.NotContains(t, top, "progress")
			for k, v := range tc.extra {
				assert.JSONEq(t, v, string(top[k]), k)
			}
			var back Progress
			require.NoError(t, json.Unmarshal(data, &back))
			again, _ := json.Marshal(&back)
			assert.JSONEq(t, string(data), string(again))
		})
	}
}

func TestProgressExtra(t *testing.T) {
	p := NewProgress(Scheduler{})
	assert.Nil(t, p.Extra("answers"))
	require.NoError(t, p.SetExtra("answers", json.RawMessage(`{"lead-1": ["a"]}`)))
	assert.Equal(t, `{"lead-1":["a"]}`, string(p.Extra("answers")))
	got := p.Extra("answers")
	got[0] = 'X'
	assert.Equal(t, `{"lead-1":["a"]}`, string(p.Extra("answers")), "Extra returns a copy")
	for _, key := range []string{"format", "cards", "log"} {
		assert.Error(t, p.SetExtra(key, json.RawMessage(`1`)), key)
	}
	assert.EqualError(t, p.SetExtra("x", json.RawMessage(`{`)), `srs: the value for "x" is not valid JSON`)
	data, err := json.Marshal(p)
	require.NoError(t, err)
	assert.Equal(t, `{"format":3,"cards":[],"log":[],"answers":{"lead-1":["a"]}}`, string(data))
	require.NoError(t, p.SetExtra("answers", nil))
	assert.Nil(t, p.Extra("answers"))
}

// A review whose due date no JSON time can hold is refused, so that a
// progress can always be saved and read again.
func TestReviewKeepsDatesAProgressCanHold(t *testing.T) {
	p := NewProgress(Scheduler{})
	last := time.Date(9999, 12, 31, 9, 0, 0, 0, time.UTC)
	_, err := p.Review(get(t, "lead-1"), Easy, last)
	assert.ErrorContains(t, err, "outside the years 0 to 9999 a progress can hold")
	assert.Zero(t, p.Len(), "nothing recorded")
	_, err = p.Review(get(t, "lead-1"), Again, last) // back in a minute: still 9999
	require.NoError(t, err)
	data, err := json.Marshal(p)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, NewProgress(Scheduler{})))
}

func TestProgressComparesIDsAsTheBankDoes(t *testing.T) {
	bank := questionbank.Default()
	p := NewProgress(Scheduler{})
	q := get(t, "lead-1")
	shouting := q
	shouting.ID = "LEAD-1"
	_, err := p.Review(shouting, Again, t0) // due in a minute
	require.NoError(t, err)

	c, ok := p.Card("lead-1")
	require.True(t, ok, "Card")
	assert.Equal(t, Learning, c.State)
	assert.Equal(t, []string{"lead-1"}, ids(bank.Filter(p.Seen())), "Seen")
	assert.Equal(t, []string{"lead-1"}, ids(bank.Filter(p.Due(t0.Add(time.Minute)))), "Due")
	next, ok := p.NextDue(bank, questionbank.Filter{})
	require.True(t, ok)
	assert.Equal(t, t0.Add(time.Minute), next, "NextDue")
	queue := p.Queue(bank, questionbank.ByID("lead-1"), t0.Add(time.Minute), -1)
	assert.Equal(t, []string{"lead-1"}, ids(queue.Due), "Queue: due, not new")
	assert.Empty(t, queue.New)
	assert.Empty(t, p.Changed(bank), "Changed: the same content")
	assert.Empty(t, p.Missing(bank), "Missing")

	_, err = p.Review(q, Good, t0.Add(time.Minute)) // the bank's copy
	require.NoError(t, err)
	assert.Equal(t, 1, p.Len(), "one card, not two")
	c, _ = p.Card("Lead-1")
	assert.Equal(t, 2, c.Reps)
	_, err = p.Undo("LEAD-1")
	require.NoError(t, err)
	c, _ = p.Card("lead-1")
	assert.Equal(t, 1, c.Reps, "Undo by any case")
}
