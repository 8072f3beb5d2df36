package srs_test

import (
	"fmt"
	"time"

	"github.com/backendprep/questionbank"
	"github.com/backendprep/questionbank/srs"
)

func ExampleScheduler_Review() {
	var s srs.Scheduler // FSRS-6 with ts-fsrs's defaults
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	card, _ := s.Review(srs.Card{}, srs.Good, now)
	fmt.Println(card.State, "until", card.Due.Format("15:04"))
	card, _ = s.Review(card, srs.Good, card.Due)
	fmt.Println(card.State, "until", card.Due.Format("2006-01-02"))
	// Output:
	// learning until 09:10
	// review until 2026-11-29
}

func ExampleScheduler_Retrievability() {
	var s srs.Scheduler
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	card, _ := s.Review(srs.Card{}, srs.Easy, now)
	fmt.Printf("%.2f %.2f\n", s.Retrievability(card, now.AddDate(0, 0, 7)), s.Retrievability(card, now.AddDate(0, 3, 0)))
	// Output: 0.91 0.68
}

func ExampleProgress_Queue() {
	bank := questionbank.Default()
	p := srs.NewProgress(srs.Scheduler{})
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	q, _ := bank.Get("senior-1")
	p.Review(q, srs.Again, now) // forgotten: back in a minute

	queue := p.Queue(bank, questionbank.MustParseFilter("level>=senior"), now.Add(time.Minute), 2)
	fmt.Println(len(queue.Due), "due,", len(queue.New), "new")
	for _, q := range queue.All() {
		fmt.Println(q.ID)
	}
	// Output:
	// 1 due, 1 new
	// senior-1
	// senior-2
}

func ExampleProgress_Due() {
	bank := questionbank.Default()
	p := srs.NewProgress(srs.Scheduler{})
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	for _, id := range []string{"junior-1", "lead-1"} {
		q, _ := bank.Get(id)
		p.Review(q, srs.Easy, now)
	}
	later := now.AddDate(0, 1, 0)
	f := questionbank.And(p.Due(later), questionbank.MustParseFilter("level>=senior"))
	for _, q := range bank.Filter(f) {
		fmt.Println(q.ID, "is due")
	}
	// Output: lead-1 is due
}

func ExampleProgress_Changed() {
	bank := questionbank.Default()
	p := srs.NewProgress(srs.Scheduler{})
	q, _ := bank.Get("mid-2")
	p.Review(q, srs.Good, time.Now())

	qs := bank.All()
	qs[5].ExampleAnswer += " (revised)"
	revised, _ := questionbank.New(qs)
	fmt.Println(p.Changed(revised))
	// Output: [mid-2]
}
