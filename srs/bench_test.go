package srs

import (
	"encoding/json"
	"testing"
	"time"
)

// BenchmarkReview replays the golden sequences: the time of one review,
// to compare with ts-fsrs's next() on the same reviews (testdata/bench.mjs).
func BenchmarkReview(b *testing.B) {
	g := readGolden(b)
	type seq struct {
		s       Scheduler
		ratings []Rating
		times   []time.Time
	}
	var seqs []seq
	n := 0
	for _, gs := range g.Sequences {
		s := seq{s: Scheduler{Weights: gs.WeightsGiven, DesiredRetention: gs.RequestRetention, MaximumInterval: gs.MaximumInterval,
			LearningSteps: steps(b, gs.LearningSteps), RelearningSteps: steps(b, gs.RelearningSteps)}}
		for _, r := range gs.Reviews {
			s.ratings = append(s.ratings, r.Rating)
			s.times = append(s.times, ms(r.Time))
		}
		n += len(s.ratings)
		seqs = append(seqs, s)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for i := range seqs {
			s := &seqs[i]
			var c Card
			for k, r := range s.ratings {
				var err error
				if c, err = s.s.Review(c, r, s.times[k]); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/review")
}

// BenchmarkDue100k counts the due questions of a Progress of 100,000 cards
// against a bank of 100,000 questions (goal: at most 5 ms).
func BenchmarkDue100k(b *testing.B) {
	bank, p := largeProgress(b, 100_000)
	now := t0
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		bank.Count(p.Due(now))
	}
}

// BenchmarkProgressJSON10k saves and loads a Progress of 10,000 cards (and
// its log of 10,000 reviews), against json.Marshal and json.Unmarshal of a
// plain struct of slices holding the same cards and log: a learner has
// hundreds to a few thousand cards.
func BenchmarkProgressJSON10k(b *testing.B) {
	_, p := largeProgress(b, 10_000)
	type plainProgress struct {
		Format int         `json:"format"`
		Cards  []cardJSON  `json:"cards"`
		Log    []ReviewLog `json:"log"`
	}
	cards, log, _ := p.snapshot()
	plain := plainProgress{Format: ProgressFormat, Cards: cards, Log: log}
	data, err := json.Marshal(p)
	if err != nil {
		b.Fatal(err)
	}
	plainData, _ := json.Marshal(plain)
	b.Run("Marshal/plain", func(b *testing.B) {
		for range b.N {
			json.Marshal(plain)
		}
	})
	b.Run("Marshal/Progress", func(b *testing.B) {
		for range b.N {
			json.Marshal(p)
		}
	})
	b.Run("Unmarshal/plain", func(b *testing.B) {
		for range b.N {
			var out plainProgress
			json.Unmarshal(plainData, &out)
		}
	})
	b.Run("Unmarshal/Progress", func(b *testing.B) {
		for range b.N {
			if err := json.Unmarshal(data, NewProgress(Scheduler{})); err != nil {
				b.Fatal(err)
			}
		}
	})
}
