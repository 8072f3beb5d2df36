package srs_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
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

func ExampleWriteLogCSV() {
	bank := questionbank.Default()
	p := srs.NewProgress(srs.Scheduler{})
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	q, _ := bank.Get("lead-1")
	p.Review(q, srs.Good, now)
	p.Review(q, srs.Good, now.Add(10*time.Minute))
	// The columns an FSRS optimizer reads; card_id is one number a question.
	srs.WriteLogCSV(os.Stdout, p.Log())
	// Output:
	// card_id,review_time,review_rating,review_state,review_duration
	// 956002937619477,1795770000000,3,0,0
	// 956002937619477,1795770600000,3,1,0
}

func ExampleProgress_MarshalJSON() {
	bank := questionbank.Default()
	p := srs.NewProgress(srs.Scheduler{})
	q, _ := bank.Get("junior-1")
	p.Review(q, srs.Easy, time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC))

	// Save, then load into a Progress with the same scheduler.
	data, err := json.Marshal(p)
	if err != nil {
		fmt.Println(err)
		return
	}
	loaded := srs.NewProgress(srs.Scheduler{})
	if err := json.Unmarshal(data, loaded); err != nil {
		fmt.Println(err)
		return
	}
	card, _ := loaded.Card("junior-1")
	fmt.Println(loaded.Len(), "card:", card.State, "until", card.Due.Format("2006-01-02"))
	// Output: 1 card: review until 2026-12-05
}

func ExampleOpenFile() {
	dir, _ := os.MkdirTemp("", "progress")
	defer os.RemoveAll(dir)
	name := filepath.Join(dir, "progress.json")

	// Each program opens the file, and changes it through Update, which
	// reads it again under a lock: two programs on one file lose nothing.
	f, p, err := srs.OpenFile(name, srs.Scheduler{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.Len(), "cards at first")
	q, _ := questionbank.Default().Get("mid-1")
	p, err = f.Update(func(p *srs.Progress) error {
		_, err := p.Review(q, srs.Good, time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC))
		return err
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.Len(), "card saved")
	// Output:
	// 0 cards at first
	// 1 card saved
}
