package practicestate

import (
	"fmt"
	"strings"
	"time"

	"github.com/backendprep/questionbank"
	"github.com/backendprep/questionbank/srs"
)

// NothingDue says, for a person, why the study queue of f's matches is
// empty now: no question matches, or none is due (and today's new
// questions are done), and when the next one is due, as when puts a time:
//
//	Nothing is due, and today's new questions are done (-new sets how many a day). The next question is due in 8 days (Mon 7 Dec 2026).
func NothingDue(b *questionbank.Bank, p *srs.Progress, f questionbank.Filter, when func(time.Time) string) string {
	if b.Count(f) == 0 {
		return "No question matches the query."
	}
	msg := "Nothing is due"
	if b.Count(questionbank.And(f, questionbank.Not(p.Seen()))) > 0 {
		msg += ", and today's new questions are done (-new sets how many a day)"
	}
	if next, ok := p.NextDue(b, f); ok {
		msg += ". The next question is due " + when(next)
	}
	return msg + "."
}

// ParseRating reads a rating as a learner or an assistant gives it: again,
// hard, good or easy, or 1 to 4, in any case, around spaces ignored.
func ParseRating(s string) (srs.Rating, error) {
	t := strings.TrimSpace(s)
	for r := srs.Again; r <= srs.Easy; r++ {
		if strings.EqualFold(t, r.String()) || t == fmt.Sprint(int(r)) {
			return r, nil
		}
	}
	return 0, fmt.Errorf("rating must be again, hard, good or easy (or 1 to 4), not %q", s)
}
