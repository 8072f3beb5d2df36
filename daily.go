package questionbank

import (
	"crypto/sha256"
	"encoding/binary"
	"math/rand/v2"
	"time"

	"github.com/backendprep/questionbank/internal/textsearch"
)

// Daily returns the question of the day for key among the questions f
// matches, and false if none does.
//
// The question depends only on the bank's [Bank.Version], key, f's
// canonical text and the calendar date of day in day's own location (so a
// team in Tokyo and one in Lima each get theirs at their midnight): every
// call with equal ones, in any process, returns the same question. Over
// any k consecutive days, where k is the number of matches, the k
// questions are all different: every match comes once before any comes
// again. Different keys (a channel, a team, a user) get different orders;
// keys are compared in Unicode normal form C, so "café" typed with a
// precomposed é or with a combining accent is one key.
//
//	q, ok := bank.Daily(time.Now(), "#backend-team", questionbank.ByLevelRange(questionbank.Senior, questionbank.Architect))
func (b *Bank) Daily(day time.Time, key string, f Filter) (Question, bool) {
	var idx []int32
	b.matches(f, func(i int) bool {
		idx = append(idx, int32(i))
		return true
	})
	k := len(idx)
	if k == 0 {
		return Question{}, false
	}
	// A permutation of the matches fixed by (version, key, filter), read
	// at the day's place in it: k consecutive days are k places.
	h := sha256.New()
	for _, s := range []string{"questionbank daily", b.Version(), textsearch.NFC(key), f.String()} {
		h.Write(binary.AppendUvarint(nil, uint64(len(s))))
		h.Write([]byte(s))
	}
	sum := h.Sum(nil)
	r := rand.New(rand.NewPCG(binary.LittleEndian.Uint64(sum[:8]), binary.LittleEndian.Uint64(sum[8:16])))
	shuffle(r, idx)
	return b.qs[idx[mod(dayNumber(day), k)]].clone(), true
}

// dayNumber returns the number of days from 1970-01-01 to day's date in
// its own location.
func dayNumber(day time.Time) int64 {
	y, m, d := day.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

// mod returns n modulo k, from 0 to k-1, for negative n too.
func mod(n int64, k int) int {
	return int((n%int64(k) + int64(k)) % int64(k))
}
