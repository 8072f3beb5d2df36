// Package srs schedules interview questions for practice with spaced
// repetition: FSRS-6, the Free Spaced Repetition Scheduler, with results
// equal to those of ts-fsrs 5.4.2, the reference implementation by the
// FSRS authors (fuzz off, short-term scheduling on).
//
// A [Scheduler] turns a [Card] and a [Rating] of how well the answer was
// recalled into the next Card: when it is due again, and the memory state
// (stability and difficulty) that decides it. The zero Scheduler has
// ts-fsrs's defaults: the 21 default weights, a desired retention of 0.9,
// learning steps of 1 and 10 minutes, a relearning step of 10 minutes and
// a maximum interval of 36,500 days.
//
//	var s srs.Scheduler
//	card, err := s.Review(srs.Card{}, srs.Good, time.Now())
//	// card.Due is 10 minutes from now: the second learning step
//
// A [Progress] is one learner's cards, keyed by question ID, with a log of
// every review. Its [Progress.Due] and [Progress.Seen] are
// questionbank.Filters, so they compose with queries:
//
//	due := questionbank.And(p.Due(time.Now()), questionbank.MustParseFilter("level>=senior"))
//
// and [Progress.Queue] gives the questions to practise now: the due ones,
// least retrievable first, then new ones up to a daily limit. A Progress
// compares question IDs as a bank does ([questionbank.IDKey]), and every
// method is safe to call with every other from any number of goroutines.
//
// # Saving progress
//
// A Progress is saved with json.Marshal and loaded with json.Unmarshal: a
// document with a format version, the cards, the review log, and any other
// top-level keys, which are kept ([Progress.Extra]). Every earlier version
// is read. A [File] is a progress on disk that several programs share: an
// update takes a lock, reads the file afresh, applies the change and writes
// it atomically. The practice programs in examples/ keep one such file, the
// learner's answers under "answers".
//
// [WriteLogCSV] writes the review log in the columns the FSRS optimizers
// read, to fit a [Scheduler]'s Weights to one learner's history.
//
// # Equality with ts-fsrs
//
// Elapsed days are the difference between UTC calendar dates, stability
// and difficulty are rounded to 8 decimals where ts-fsrs rounds them, and
// due times are whole days or minutes added to the review time. The tests
// replay 108 sequences (2,551 reviews, every setting, every rating, gaps
// from a minute to thirty years) generated with ts-fsrs by
// testdata/generate.mjs, and compare every field after every review.
//
// Where ts-fsrs would clip or migrate bad settings, this package returns
// an error: weights must be 21 finite numbers within FSRS-6's bounds. The
// bound of w17 and w18 that depends on the relearning steps is applied as
// ts-fsrs applies it. A review dated before the card's last review counts
// as no time elapsed, where ts-fsrs throws.
package srs
