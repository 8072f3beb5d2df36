package srs

import (
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/backendprep/questionbank"
)

// TestProgressStress runs every method of Progress against every other
// from many goroutines; under -race it finds a read outside the lock, and
// without it, a method that panics on another's change.
func TestProgressStress(t *testing.T) {
	bank := questionbank.Default()
	qs := bank.All()
	p := NewProgress(Scheduler{})
	saved, err := json.Marshal(p)
	require.NoError(t, err)
	rounds := 60
	if testing.Short() {
		rounds = 15
	}
	methods := []func(g, i int){
		func(g, i int) { p.Review(qs[(g+i)%len(qs)], Rating(1+i%4), t0.Add(time.Duration(i)*time.Hour)) },
		func(g, i int) { p.Undo(qs[(g*3+i)%len(qs)].ID) },
		func(g, i int) { p.Card(qs[i%len(qs)].ID) },
		func(g, i int) { bank.Count(p.Due(t0.Add(time.Duration(i) * time.Hour))) },
		func(g, i int) { bank.Count(p.Seen()) },
		func(g, i int) { p.Queue(bank, questionbank.Filter{}, t0.Add(time.Duration(i)*time.Hour), 5) },
		func(g, i int) { p.NextDue(bank, questionbank.Filter{}) },
		func(g, i int) { p.Changed(bank) },
		func(g, i int) { p.Missing(bank) },
		func(g, i int) { _ = p.Log() },
		func(g, i int) { p.Len() },
		func(g, i int) {
			data, err := json.Marshal(p)
			if assert.NoError(t, err) {
				var back Progress
				assert.NoError(t, json.Unmarshal(data, &back), "a snapshot is always whole")
			}
		},
		func(g, i int) {
			if i%10 == 0 {
				assert.NoError(t, json.Unmarshal(saved, p))
			}
		},
		func(g, i int) { p.SetExtra("answers", json.RawMessage(`{"lead-1": ["x"]}`)) },
		func(g, i int) { p.Extra("answers") },
		func(g, i int) { p.Scheduler() },
	}
	var wg sync.WaitGroup
	for g := range 2 * len(methods) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range rounds {
				methods[(g+i)%len(methods)](g, i)
			}
		}()
	}
	wg.Wait()

	// Whatever the mix did, the progress is consistent: every card has a
	// review in the log, and the cards are in key order.
	cards, log, _ := p.snapshot()
	reviewed := map[string]bool{}
	for _, l := range log {
		reviewed[questionbank.IDKey(l.ID)] = true
	}
	for i, c := range cards {
		assert.True(t, reviewed[questionbank.IDKey(c.ID)], "card %q has reviews", c.ID)
		if i > 0 {
			assert.Less(t, questionbank.IDKey(cards[i-1].ID), questionbank.IDKey(c.ID))
		}
	}
}

// A panic in a call that holds the lock (here, a nil bank) leaves the
// lock free: the next review does not block.
func TestProgressPanicLeavesTheLockFree(t *testing.T) {
	p := NewProgress(Scheduler{})
	_, err := p.Review(get(t, "lead-1"), Good, t0)
	require.NoError(t, err)
	for name, call := range map[string]func(){
		"Changed": func() { p.Changed(nil) },
		"Missing": func() { p.Missing(nil) },
		"Queue":   func() { p.Queue(nil, questionbank.Filter{}, t0, 1) },
		"NextDue": func() { p.NextDue(nil, questionbank.Filter{}) },
	} {
		assert.Panics(t, call, name)
		done := make(chan struct{})
		go func() {
			defer close(done)
			p.Review(get(t, "mid-1"), Good, t0)
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("after a panic in %s, Review blocks: the lock is held", name)
		}
	}
}
