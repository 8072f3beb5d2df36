package srs

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWriteLogCSV(t *testing.T) {
	p := NewProgress(Scheduler{})
	lead := get(t, "lead-1")
	_, err := p.Review(lead, Good, t0)
	require.NoError(t, err)
	_, err = p.Review(get(t, "mid-1"), Again, t0.Add(time.Minute))
	require.NoError(t, err)
	lead.ID = "LEAD-1" // the same question
	_, err = p.Review(lead, Easy, t0.Add(48*time.Hour))
	require.NoError(t, err)

	var b bytes.Buffer
	require.NoError(t, WriteLogCSV(&b, p.Log()))
	rows, err := csv.NewReader(&b).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 4)
	assert.Equal(t, []string{"card_id", "review_time", "review_rating", "review_state", "review_duration"}, rows[0])
	assert.Equal(t, rows[1][0], rows[3][0], "one card_id a question, in any case")
	assert.NotEqual(t, rows[1][0], rows[2][0])
	for _, row := range rows[1:] {
		id, err := strconv.ParseUint(row[0], 10, 64)
		require.NoError(t, err)
		assert.Less(t, id, uint64(1)<<53)
	}
	assert.Equal(t, []string{strconv.FormatInt(t0.UnixMilli(), 10), "3", "0", "0"}, rows[1][1:])
	assert.Equal(t, []string{strconv.FormatInt(t0.Add(48*time.Hour).UnixMilli(), 10), "4", "1", "0"}, rows[3][1:], "state before the review: learning")
	assert.Equal(t, "1", rows[2][2])

	err = WriteLogCSV(&b, []ReviewLog{{ID: "x", Rating: 9}})
	assert.EqualError(t, err, "srs: review 0 of the log has rating 9 and state 0")
}
