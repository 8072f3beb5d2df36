package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/backendprep/questionbank"
	"github.com/backendprep/questionbank/examples/internal/cli"
	"github.com/backendprep/questionbank/examples/internal/practicestate"
	"github.com/backendprep/questionbank/srs"
)

var t0 = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

// sourcePageLen is how many questions the source page has: the first of
// the built-in bank, in their order.
const sourcePageLen = 14

// sourcePage returns a bank of the source page's questions alone. Tests
// that name or count the questions they expect run on it, so that the
// built-in bank can grow without rewriting them.
func sourcePage(t testing.TB) *questionbank.Bank {
	t.Helper()
	b, err := questionbank.New(questionbank.Default().All()[:sourcePageLen])
	require.NoError(t, err)
	return b
}

// connect starts the server on bank and the progress file name ("" for
// memory) at the clock's time, and returns a client session to it.
func connect(t testing.TB, bank *questionbank.Bank, name string, clock *time.Time) *mcp.ClientSession {
	t.Helper()
	file, progress, err := practicestate.Open(name, srs.Scheduler{})
	require.NoError(t, err)
	s := newServer(&cli.Practice{Bank: bank, File: file, Progress: progress, NewPerDay: 10}, func() time.Time { return *clock })
	st, ct := mcp.NewInMemoryTransports()
	ctx := context.Background()
	_, err = s.Connect(ctx, st, nil)
	require.NoError(t, err)
	cs, err := mcp.NewClient(&mcp.Implementation{Name: "test", Version: "v0"}, nil).Connect(ctx, ct, nil)
	require.NoError(t, err)
	t.Cleanup(func() { cs.Close() })
	return cs
}

// call calls a tool and returns its result and structured content.
func call(t *testing.T, cs *mcp.ClientSession, tool string, args map[string]any) (*mcp.CallToolResult, map[string]any) {
	t.Helper()
	res, err := cs.CallTool(context.Background(), &mcp.CallToolParams{Name: tool, Arguments: args})
	require.NoError(t, err, "a tool's errors are results, not protocol errors")
	var out map[string]any
	if res.StructuredContent != nil {
		data, err := json.Marshal(res.StructuredContent)
		require.NoError(t, err)
		require.NoError(t, json.Unmarshal(data, &out))
	}
	return res, out
}

// text is a result's text content.
func text(res *mcp.CallToolResult) string {
	var b strings.Builder
	for _, c := range res.Content {
		if tc, ok := c.(*mcp.TextContent); ok {
			b.WriteString(tc.Text)
		}
	}
	return b.String()
}

func TestListsEverything(t *testing.T) {
	clock := t0
	cs := connect(t, questionbank.Default(), "", &clock)
	ctx := context.Background()
	var tools []string
	for tool, err := range cs.Tools(ctx, nil) {
		require.NoError(t, err)
		tools = append(tools, tool.Name)
		assert.NotEmpty(t, tool.Description, tool.Name)
		assert.NotNil(t, tool.InputSchema, tool.Name)
		assert.NotNil(t, tool.OutputSchema, tool.Name)
	}
	assert.ElementsMatch(t, []string{"search_questions", "draw_questions", "get_question", "next_question", "rate_answer", "undo_rating"}, tools)
	assert.Contains(t, cs.InitializeResult().Instructions, "Never show a question's guidance")

	for p, err := range cs.Prompts(ctx, nil) {
		require.NoError(t, err)
		assert.Equal(t, "mock_interview", p.Name)
	}
	var uris []string
	for r, err := range cs.Resources(ctx, nil) {
		require.NoError(t, err)
		uris = append(uris, r.URI)
	}
	assert.Equal(t, []string{"questionbank://daily"}, uris)
	for rt, err := range cs.ResourceTemplates(ctx, nil) {
		require.NoError(t, err)
		assert.Equal(t, "questionbank://questions/{id}", rt.URITemplate)
	}
}

func TestSearchAndDraw(t *testing.T) {
	clock := t0
	cs := connect(t, sourcePage(t), "", &clock)
	res, out := call(t, cs, "search_questions", map[string]any{"query": "caching", "n": 2})
	require.False(t, res.IsError, text(res))
	hits := out["hits"].([]any)
	require.Len(t, hits, 2)
	first := hits[0].(map[string]any)
	assert.NotEmpty(t, first["id"])
	assert.Greater(t, first["score"].(float64), 0.0)
	assert.NotContains(t, first, "how_to_answer", "no guidance in a search")

	res, out = call(t, cs, "draw_questions", map[string]any{"query": "level>=lead", "n": 3, "seed": 7})
	require.False(t, res.IsError, text(res))
	assert.Equal(t, 6.0, out["total"])
	assert.Len(t, out["questions"], 3)
	_, again := call(t, cs, "draw_questions", map[string]any{"query": "level>=lead", "n": 3, "seed": 7})
	assert.Equal(t, out, again, "the same seed, the same draw")

	// Bad input: results with isError and the library's message.
	res, _ = call(t, cs, "search_questions", map[string]any{"query": "typ:technical"})
	assert.True(t, res.IsError)
	assert.Equal(t, "bad query: unknown field \"typ\"; did you mean \"type\"? (fields are level, type, skill, id)\ntyp:technical\n^", text(res))
	res, _ = call(t, cs, "draw_questions", map[string]any{"n": 500})
	assert.True(t, res.IsError)
	assert.Equal(t, "n must be from 1 to 100, not 500", text(res))
	res, _ = call(t, cs, "draw_questions", map[string]any{"n": "three"})
	assert.True(t, res.IsError, "a wrong type")
	assert.Contains(t, text(res), "n")
}

func TestGetQuestion(t *testing.T) {
	clock := t0
	cs := connect(t, sourcePage(t), "", &clock)
	res, out := call(t, cs, "get_question", map[string]any{"id": "LEAD-2"})
	require.False(t, res.IsError, text(res))
	assert.Equal(t, "lead-2", out["id"])
	assert.NotContains(t, out, "how_to_answer", "the guidance only on request")
	_, out = call(t, cs, "get_question", map[string]any{"id": "lead-2", "guidance": true})
	assert.NotEmpty(t, out["how_to_answer"])
	assert.NotEmpty(t, out["example_answer"])
	assert.Equal(t, "https://himalayas.app/interview-questions/backend-developer", out["source"].(map[string]any)["url"])

	res, _ = call(t, cs, "get_question", map[string]any{"id": "nope"})
	assert.True(t, res.IsError)
	assert.Equal(t, `no question has id "nope"`, text(res))
	res, _ = call(t, cs, "get_question", map[string]any{})
	assert.True(t, res.IsError, "id is required")
}

// A study session through the tools, on a progress file another program
// reads: practice and the page see the rating, and the other way round.
func TestPracticeOnTheSharedFile(t *testing.T) {
	name := filepath.Join(t.TempDir(), "progress.json")
	clock := t0
	bank := sourcePage(t)
	cs := connect(t, bank, name, &clock)
	res, out := call(t, cs, "next_question", map[string]any{"query": "level:junior"})
	require.False(t, res.IsError, text(res))
	assert.Equal(t, 2.0, out["new"])
	q := out["question"].(map[string]any)
	id := q["id"].(string)

	res, out = call(t, cs, "rate_answer", map[string]any{"id": id, "rating": "good"})
	require.False(t, res.IsError, text(res))
	assert.Equal(t, "learning", out["state"])
	assert.Equal(t, "in 10 minutes (09:10)", out["back_in"])

	// The file is what practice and the page read.
	data, err := os.ReadFile(name)
	require.NoError(t, err)
	var p srs.Progress
	require.NoError(t, json.Unmarshal(data, &p))
	c, ok := p.Card(id)
	require.True(t, ok)
	assert.Equal(t, 1, c.Reps)

	// Another program rates the other junior question in the same file.
	f, _, err := practicestate.Open(name, srs.Scheduler{})
	require.NoError(t, err)
	other, _ := bank.Get("junior-2")
	if id == "junior-2" {
		other, _ = bank.Get("junior-1")
	}
	_, err = practicestate.Save(f, nil, practicestate.Event{Question: other, Rating: srs.Easy, At: t0})
	require.NoError(t, err)
	_, out = call(t, cs, "next_question", map[string]any{"query": "level:junior"})
	assert.Nil(t, out["question"], "the other program's rating is seen")
	assert.Equal(t, "Nothing is due. The next question is due in 10 minutes (09:10).", out["message"])

	clock = t0.Add(11 * time.Minute)
	_, out = call(t, cs, "next_question", map[string]any{"query": "level:junior"})
	assert.Equal(t, 1.0, out["due"])

	res, out = call(t, cs, "undo_rating", map[string]any{"id": id})
	require.False(t, res.IsError, text(res))
	assert.Equal(t, "new", out["state"])
	res, _ = call(t, cs, "undo_rating", map[string]any{"id": id})
	assert.True(t, res.IsError)
	assert.Equal(t, `question "`+id+`" has no review to undo`, text(res))

	res, _ = call(t, cs, "rate_answer", map[string]any{"id": id, "rating": "brilliant"})
	assert.True(t, res.IsError)
	assert.Equal(t, `rating must be again, hard, good or easy (or 1 to 4), not "brilliant"`, text(res))
	res, _ = call(t, cs, "rate_answer", map[string]any{"id": "nope", "rating": "good"})
	assert.True(t, res.IsError)
	res, _ = call(t, cs, "next_question", map[string]any{"query": "level:"})
	assert.True(t, res.IsError)
	assert.Contains(t, text(res), "bad query:")
}

func TestResourcesAndPrompt(t *testing.T) {
	clock := t0
	bank := sourcePage(t)
	cs := connect(t, bank, "", &clock)
	ctx := context.Background()
	r, err := cs.ReadResource(ctx, &mcp.ReadResourceParams{URI: "questionbank://daily"})
	require.NoError(t, err)
	require.Len(t, r.Contents, 1)
	want, _ := bank.Daily(t0, "mcp", questionbank.Filter{})
	assert.Contains(t, r.Contents[0].Text, want.Text)
	for _, guidance := range append(append([]string{want.Introduction, want.ExampleAnswer, "How to answer"}, want.HowToAnswer...), want.WhatNotToSay...) {
		assert.NotContains(t, r.Contents[0].Text, guidance, "the daily question without its guidance")
	}
	assert.Contains(t, r.Contents[0].Text, `get_question with id "`+want.ID+`" and guidance: true`)

	r, err = cs.ReadResource(ctx, &mcp.ReadResourceParams{URI: "questionbank://questions/senior-2"})
	require.NoError(t, err)
	assert.Contains(t, r.Contents[0].Text, "How do you ensure the security")
	_, err = cs.ReadResource(ctx, &mcp.ReadResourceParams{URI: "questionbank://questions/nope"})
	assert.Error(t, err, "an unknown question is not found")

	p, err := cs.GetPrompt(ctx, &mcp.GetPromptParams{Name: "mock_interview", Arguments: map[string]string{"level": "senior", "minutes": "20"}})
	require.NoError(t, err)
	msg := p.Messages[0].Content.(*mcp.TextContent).Text
	assert.Contains(t, msg, "20-minute mock interview for Senior Backend Developer")
	assert.Contains(t, msg, `query "level:senior"`)
	assert.Contains(t, msg, "rate_answer")
	_, err = cs.GetPrompt(ctx, &mcp.GetPromptParams{Name: "mock_interview", Arguments: map[string]string{"level": "senor"}})
	assert.ErrorContains(t, err, `unknown level "senor"; did you mean "senior"?`)
	_, err = cs.GetPrompt(ctx, &mcp.GetPromptParams{Name: "mock_interview", Arguments: map[string]string{"minutes": "9000"}})
	assert.ErrorContains(t, err, "minutes must be a whole number from 5 to 240")
}

func TestUsage(t *testing.T) {
	var stderr strings.Builder
	assert.Equal(t, 2, run(context.Background(), []string{"-weights", "1"}, nil, &stderr))
	assert.Equal(t, "questionbank-mcp: -weights: 1 weights; FSRS-6 takes 21\n", stderr.String())
	stderr.Reset()
	assert.Equal(t, 0, run(context.Background(), []string{"-h"}, nil, &stderr))
	assert.Contains(t, stderr.String(), "Model Context Protocol")
}

// undo_rating without an id takes back the last rating this server
// recorded, as the terminal's u does; one that another program has rated
// since is left alone.
func TestUndoTheLastRating(t *testing.T) {
	name := filepath.Join(t.TempDir(), "progress.json")
	clock := t0
	bank := sourcePage(t)
	cs := connect(t, bank, name, &clock)
	res, _ := call(t, cs, "undo_rating", map[string]any{})
	assert.True(t, res.IsError)
	assert.Equal(t, "no rating has been recorded here to take back; give a question's id to take back its last rating", text(res))

	for _, id := range []string{"junior-1", "junior-2", "lead-1"} {
		res, _ = call(t, cs, "rate_answer", map[string]any{"id": id, "rating": "good"})
		require.False(t, res.IsError, text(res))
	}
	res, out := call(t, cs, "undo_rating", map[string]any{"id": "junior-2"})
	require.False(t, res.IsError, text(res))
	assert.Equal(t, "new", out["state"])
	res, out = call(t, cs, "undo_rating", nil)
	require.False(t, res.IsError, text(res))
	assert.Equal(t, "lead-1", out["id"], "the last rating recorded here")
	assert.Equal(t, "new", out["state"])

	// Another program rates junior-1 again: its last rating is not this
	// server's, and is left alone.
	f, _, err := practicestate.Open(name, srs.Scheduler{})
	require.NoError(t, err)
	q, _ := bank.Get("junior-1")
	_, err = practicestate.Save(f, nil, practicestate.Event{Question: q, Rating: srs.Easy, At: t0.Add(time.Hour)})
	require.NoError(t, err)
	res, _ = call(t, cs, "undo_rating", nil)
	assert.True(t, res.IsError)
	assert.Equal(t, `question "junior-1" has been rated again since, by another program: nothing is taken back`, text(res))
	p, err := f.Read()
	require.NoError(t, err)
	c, _ := p.Card("junior-1")
	assert.Equal(t, 2, c.Reps)
}

// next_question reads the progress file again only when it has changed:
// garbage of the same size and time, written in place, is not read; once
// its time changes, it is.
func TestNextQuestionRereadsOnlyAChangedFile(t *testing.T) {
	name := filepath.Join(t.TempDir(), "progress.json")
	clock := t0
	cs := connect(t, sourcePage(t), name, &clock)
	res, _ := call(t, cs, "rate_answer", map[string]any{"id": "junior-1", "rating": "good"})
	require.False(t, res.IsError, text(res))

	fi, err := os.Stat(name)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(name, bytes.Repeat([]byte("x"), int(fi.Size())), 0o644))
	require.NoError(t, os.Chtimes(name, fi.ModTime(), fi.ModTime()))
	res, out := call(t, cs, "next_question", map[string]any{"query": "level:junior"})
	require.False(t, res.IsError, text(res))
	assert.Equal(t, "junior-2", out["question"].(map[string]any)["id"], "the progress as saved")

	later := fi.ModTime().Add(time.Second)
	require.NoError(t, os.Chtimes(name, later, later))
	res, _ = call(t, cs, "next_question", map[string]any{"query": "level:junior"})
	assert.True(t, res.IsError, "the changed file is read")
	assert.Contains(t, text(res), "invalid character 'x'")
}

// BenchmarkNextQuestionLargeFile calls next_question on a progress file
// of 200,000 reviews (about 30 MB) that nothing else changes: the
// server need not read it again.
func BenchmarkNextQuestionLargeFile(b *testing.B) {
	name := filepath.Join(b.TempDir(), "progress.json")
	f, _, err := practicestate.Open(name, srs.Scheduler{})
	require.NoError(b, err)
	bank := questionbank.Default()
	_, err = f.Update(func(p *srs.Progress) error {
		at := t0
		for i := range 200000 {
			q := bank.All()[i%bank.Len()]
			if _, err := p.Review(q, srs.Good, at); err != nil {
				return err
			}
			at = at.Add(time.Minute)
		}
		return nil
	})
	require.NoError(b, err)
	fi, err := os.Stat(name)
	require.NoError(b, err)
	clock := t0
	cs := connect(b, bank, name, &clock)
	for b.Loop() {
		res, err := cs.CallTool(context.Background(), &mcp.CallToolParams{Name: "next_question", Arguments: map[string]any{}})
		if err != nil || res.IsError {
			b.Fatal(err, res)
		}
	}
	b.ReportMetric(float64(fi.Size())/1e6, "file-MB")
}
