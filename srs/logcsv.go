package srs

import (
	"encoding/csv"
	"fmt"
	"hash/fnv"
	"io"
	"strconv"

	"github.com/backendprep/questionbank"
)

// WriteLogCSV writes log as CSV in the columns the FSRS optimizers read,
// under a header row:
//
//	card_id,review_time,review_rating,review_state,review_duration
//
// card_id is a whole number, the same for every review of one question
// (IDs compared as a bank compares them) and in every export: a hash of
// the ID below 2^53, so that it is exact in any reader. review_time is in
// Unix milliseconds, review_rating 1 to 4, review_state the card's state
// before the review (0 new, 1 learning, 2 review, 3 relearning), and
// review_duration in milliseconds, 0 as the log does not know it.
//
// An optimizer fits weights to these reviews; a [Scheduler] with those
// Weights then schedules for this learner.
func WriteLogCSV(w io.Writer, log []ReviewLog) error {
	out := csv.NewWriter(w)
	out.Write([]string{"card_id", "review_time", "review_rating", "review_state", "review_duration"})
	for i, l := range log {
		if l.Rating < Again || l.Rating > Easy || l.State < New || l.State > Relearning {
			return fmt.Errorf("srs: review %d of the log has rating %d and state %d", i, l.Rating, l.State)
		}
		out.Write([]string{
			strconv.FormatUint(cardNumber(l.ID), 10),
			strconv.FormatInt(l.Review.UnixMilli(), 10),
			strconv.Itoa(int(l.Rating)),
			strconv.Itoa(int(l.State)),
			"0",
		})
	}
	out.Flush()
	return out.Error()
}

// cardNumber is the card_id of a question ID: FNV-1a of its key, cut to
// 53 bits.
func cardNumber(id string) uint64 {
	h := fnv.New64a()
	io.WriteString(h, questionbank.IDKey(id))
	return h.Sum64() & (1<<53 - 1)
}
