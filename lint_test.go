package questionbank

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLintBuiltIn checks that the built-in bank has no warnings, as
// draw -check -strict promises.
func TestLintBuiltIn(t *testing.T) {
	for _, w := range Default().Lint() {
		t.Errorf("Default().Lint(): %s", w)
	}
}

// TestLintNearDuplicate checks that a question asked again in other
// words is caught against the whole built-in bank, and that questions on
// one topic but asking different things are not.
func TestLintNearDuplicate(t *testing.T) {
	reworded := Question{
		ID: "quorum-claims", Level: Senior, Type: Technical,
		Text: "In a leaderless Dynamo-like database with N=3, W=2 and R=2, engineers claim that because R + W > N a read always returns the newest write. Two customers change one shopping cart at the same time while a replica is down. When is the claim true and when is it false?",
		HowToAnswer: []string{
			"Overlap: any read quorum intersects the quorum of the last completed write, so the read sees it.",
			"Concurrent writes are not ordered by quorums: last-write-wins loses one update; version vectors keep siblings.",
			"Sloppy quorums and hinted handoff break the overlap during the outage.",
			"A write that failed its quorum may still be on one replica, and read repair can spread it.",
		},
	}
	bank, err := Default().Merge(mustNew(t, reworded))
	require.NoError(t, err)
	var got []Warning
	for _, w := range bank.Lint() {
		if w.ID == reworded.ID {
			got = append(got, w)
		}
	}
	require.Len(t, got, 1, "warnings on a reworded copy of quorum-overlap-guarantees")
	assert.Equal(t, "quorum-overlap-guarantees", got[0].Other)
	assert.Contains(t, got[0].String(), "quorum-claims: near-duplicate of quorum-overlap-guarantees: they share ")

	// Same topic, different question: not a duplicate.
	other := reworded
	other.ID = "quorum-sizing"
	other.Text = "A metrics store ingests 200,000 points a second with N=3. How would you choose R and W for it, and what does each choice cost in latency during a node outage?"
	other.HowToAnswer = []string{
		"Write-heavy: W=1 for latency, accepting that a failed node loses its last unreplicated points.",
		"Reads of dashboards tolerate staleness: R=1.",
		"Estimate the p99 cost of waiting for the slowest of two replicas.",
		"Say what hinted handoff costs when a node is out for an hour at 200,000 points a second.",
	}
	bank, err = Default().Merge(mustNew(t, other))
	require.NoError(t, err)
	for _, w := range bank.Lint() {
		assert.NotEqual(t, other.ID, w.ID, "%s", w)
	}
}

// TestLintCopies checks that copies are caught however many there are,
// and that linting many of them stays bounded.
func TestLintCopies(t *testing.T) {
	q := Default().All()[20]
	qs := make([]Question, 2000)
	for i := range qs {
		qs[i] = q
		qs[i].ID = fmt.Sprintf("%s-%d", q.ID, i)
	}
	bank := mustNew(t, qs...)
	start := time.Now()
	ws := bank.Lint()
	t.Logf("Lint of %d copies: %v", len(qs), time.Since(start)) // a figure to look at, not a limit
	require.Len(t, ws, len(qs)-1)
	for _, w := range ws {
		assert.Equal(t, qs[0].ID, w.Other)
		assert.Contains(t, w.Msg, "(1.00 alike)")
	}
}

// TestLintSkillSlips checks the skills spelt two ways or one edit apart.
func TestLintSkillSlips(t *testing.T) {
	mk := func(id string, skills ...string) Question {
		return Question{ID: id, Level: Mid, Type: Technical, Text: "Question " + id + " about " + strings.Join(skills, " and ") + "?", Skills: skills}
	}
	bank := mustNew(t,
		mk("a", "Kubernetes", "Caching"), mk("b", "Kubernetes"), mk("c", "Kubernets"),
		mk("d", "Problem-solving"), mk("e", "Problem-solving"), mk("f", "problem solving"),
		mk("g", "API"), mk("h", "APIs"), // too short to call a slip
		mk("i", "Testing"), mk("j", "Nesting"), mk("k", "Testing"), // one edit, but two words in use twice: the rarer flagged
	)
	var got []string
	for _, w := range bank.Lint() {
		if w.Other == "" { // the texts are alike on purpose; only skills count here
			got = append(got, w.String())
		}
	}
	assert.Equal(t, []string{
		`c: skill "Kubernets" looks like a slip for "Kubernetes" (2 questions)`,
		`f: skill "problem solving" looks like a slip for "Problem-solving" (2 questions)`,
		`j: skill "Nesting" looks like a slip for "Testing" (2 questions)`,
	}, got)
}

func mustNew(t *testing.T, qs ...Question) *Bank {
	t.Helper()
	b, err := New(qs)
	require.NoError(t, err)
	return b
}

// BenchmarkLint lints the built-in bank, as draw -check -strict does.
func BenchmarkLint(b *testing.B) {
	bank := Default()
	b.ReportAllocs()
	for range b.N {
		bank.Lint()
	}
}
