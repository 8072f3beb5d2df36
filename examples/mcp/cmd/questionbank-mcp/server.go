package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/backendprep/questionbank"
	"github.com/backendprep/questionbank/examples/internal/cli"
	"github.com/backendprep/questionbank/examples/internal/practicestate"
	"github.com/backendprep/questionbank/render"
	"github.com/backendprep/questionbank/srs"
)

// instructions tell the assistant how to use the server.
const instructions = `This server holds a bank of interview questions, each with guidance (how to answer, what not to say, an example answer), and the learner's spaced-repetition progress.

Rules:
- Ask only questions from this server, word for word; never invent a question or its guidance.
- Never show a question's guidance (get_question with guidance: true, or the questionbank://questions/{id} resource) before the learner has answered it.
- Record progress only with rate_answer, after the learner has answered and you have discussed the answer; rate it honestly (again, hard, good, easy), or let the learner choose. undo_rating takes a rating back.
- To practise, call next_question: it gives the due questions first, then new ones.`

// A server is the bank and the learner's progress the tools use.
type server struct {
	bank      *questionbank.Bank
	state     *practicestate.Holder
	newPerDay int
	now       func() time.Time

	mu    sync.Mutex // guards rated
	rated []rated    // the ratings this server recorded, oldest first: what undo_rating takes back
}

// A rated is a rating this server recorded: its question, and the
// reviews the question's card had after it.
type rated struct {
	id   string
	reps int
}

// newServer returns the MCP server of a practice.
func newServer(pr *cli.Practice, now func() time.Time) *mcp.Server {
	s := &server{bank: pr.Bank, state: practicestate.NewHolder(pr.File, pr.Progress), newPerDay: pr.NewPerDay, now: now}
	m := mcp.NewServer(&mcp.Implementation{Name: "questionbank", Title: "Interview questions", Version: "v3"},
		&mcp.ServerOptions{Instructions: instructions})
	mcp.AddTool(m, &mcp.Tool{Name: "search_questions", Description: "Search the interview questions, most relevant first. The query uses the bank's query language: words, \"phrases\", prefix*, and fields such as level>=senior, type:technical, skill:caching. Returns the questions without guidance."}, s.search)
	mcp.AddTool(m, &mcp.Tool{Name: "draw_questions", Description: "Draw questions at random from those a query matches, without guidance: for a mock interview. The same seed gives the same draw."}, s.draw)
	mcp.AddTool(m, &mcp.Tool{Name: "get_question", Description: "Get one question by its id. Set guidance to true only after the learner has answered it: it adds how to answer, what not to say, the example answer and the follow-up questions."}, s.get)
	mcp.AddTool(m, &mcp.Tool{Name: "next_question", Description: "The next question to practise from the learner's study queue (due questions first, then new ones), without guidance, and how many are due and new. When none is left for now, says when the next is due."}, s.next)
	mcp.AddTool(m, &mcp.Tool{Name: "rate_answer", Description: "Record how well the learner answered a question: again (did not know it), hard, good or easy (or 1 to 4). This is the only way progress is recorded; it schedules the question's next review."}, s.rate)
	mcp.AddTool(m, &mcp.Tool{Name: "undo_rating", Description: "Take back a rating, as if it had not been given: without an id, the last rating recorded here; with one, that question's last rating."}, s.undo)
	m.AddResource(&mcp.Resource{URI: "questionbank://daily", Name: "daily", Title: "Question of the day", MIMEType: "text/markdown",
		Description: "Today's question (UTC), the same for everyone, without its guidance: get_question with guidance: true gives that, once the learner has answered."}, s.daily)
	m.AddResourceTemplate(&mcp.ResourceTemplate{URITemplate: "questionbank://questions/{id}", Name: "question", Title: "A question, with its guidance", MIMEType: "text/markdown",
		Description: "One question with its guidance, as Markdown. Read it only after the learner has answered."}, s.question)
	m.AddPrompt(&mcp.Prompt{Name: "mock_interview", Title: "Mock interview", Description: "Run a mock interview: one question at a time, guidance only after each answer, then a rating.",
		Arguments: []*mcp.PromptArgument{
			{Name: "level", Description: "the level to interview for, such as senior or lead (default: any)"},
			{Name: "minutes", Description: "how long the interview lasts, in minutes (default 30)"},
		}}, s.mockInterview)
	return m
}

// A questionOut is a question without its guidance.
type questionOut struct {
	ID     string   `json:"id"`
	Level  string   `json:"level" jsonschema:"the seniority asked at, such as senior"`
	Type   string   `json:"type" jsonschema:"technical, behavioral, situational or competency"`
	Text   string   `json:"text" jsonschema:"the question, word for word"`
	Skills []string `json:"skills" jsonschema:"the skills it tests"`
}

func outOf(q questionbank.Question) questionOut {
	q = render.Clean(q)
	skills := q.Skills
	if skills == nil {
		skills = []string{}
	}
	return questionOut{ID: q.ID, Level: q.Level.String(), Type: q.Type.String(), Text: q.Text, Skills: skills}
}

// parse parses a query against the bank, with the caret text for a bad
// one: the assistant shows it, or corrects the query.
func (s *server) parse(query string) (questionbank.Filter, error) {
	f, err := s.bank.ParseQuery(query)
	var se *questionbank.SyntaxError
	if errors.As(err, &se) {
		return f, fmt.Errorf("bad query: %s\n%s", se.Msg, se.Caret())
	}
	return f, err
}

type searchIn struct {
	Query string `json:"query" jsonschema:"the query, such as caching level>=senior"`
	N     int    `json:"n,omitempty" jsonschema:"how many hits at most, 1 to 100; default 10"`
}

type searchOut struct {
	Total int   `json:"total" jsonschema:"how many questions the query matches"`
	Hits  []hit `json:"hits"`
}

type hit struct {
	questionOut
	Score float64 `json:"score" jsonschema:"relevance: higher is more relevant"`
}

func (s *server) search(_ context.Context, _ *mcp.CallToolRequest, in searchIn) (*mcp.CallToolResult, searchOut, error) {
	n, err := count(in.N, 10)
	if err != nil {
		return nil, searchOut{}, err
	}
	f, err := s.parse(in.Query)
	if err != nil {
		return nil, searchOut{}, err
	}
	hits, err := s.bank.Search(in.Query, n)
	if err != nil {
		return nil, searchOut{}, err
	}
	out := searchOut{Total: s.bank.Count(f), Hits: []hit{}}
	for _, h := range hits {
		out.Hits = append(out.Hits, hit{outOf(h.Question), h.Score})
	}
	return nil, out, nil
}

// count checks a count the assistant gave: 0 is the default.
func count(n, def int) (int, error) {
	switch {
	case n == 0:
		return def, nil
	case n < 1 || n > 100:
		return 0, fmt.Errorf("n must be from 1 to 100, not %d", n)
	}
	return n, nil
}

type drawIn struct {
	Query string `json:"query,omitempty" jsonschema:"the query the questions must match; empty: all"`
	N     int    `json:"n,omitempty" jsonschema:"how many to draw, 1 to 100; default 1"`
	Seed  uint64 `json:"seed,omitempty" jsonschema:"a seed for a reproducible draw; 0 or none: random"`
}

type drawOut struct {
	Total     int           `json:"total" jsonschema:"how many questions the query matches"`
	Questions []questionOut `json:"questions"`
}

func (s *server) draw(_ context.Context, _ *mcp.CallToolRequest, in drawIn) (*mcp.CallToolResult, drawOut, error) {
	n, err := count(in.N, 1)
	if err != nil {
		return nil, drawOut{}, err
	}
	f, err := s.parse(in.Query)
	if err != nil {
		return nil, drawOut{}, err
	}
	out := drawOut{Total: s.bank.Count(f), Questions: []questionOut{}}
	for _, q := range s.bank.Sample(cli.Rand(in.Seed), n, f) {
		out.Questions = append(out.Questions, outOf(q))
	}
	return nil, out, nil
}

type getIn struct {
	ID       string `json:"id" jsonschema:"the question's id"`
	Guidance bool   `json:"guidance,omitempty" jsonschema:"true to include the guidance: only once the learner has answered"`
}

type getOut struct {
	questionOut
	Introduction  string               `json:"introduction,omitempty"`
	HowToAnswer   []string             `json:"how_to_answer,omitempty"`
	WhatNotToSay  []string             `json:"what_not_to_say,omitempty"`
	ExampleAnswer string               `json:"example_answer,omitempty"`
	FollowUps     []string             `json:"follow_ups,omitempty"`
	Source        *questionbank.Source `json:"source,omitempty" jsonschema:"where the question comes from"`
}

// lookup returns the question with the given ID, or an error that says
// there is none.
func (s *server) lookup(id string) (questionbank.Question, error) {
	q, ok := s.bank.Get(id)
	if !ok {
		return q, fmt.Errorf("no question has id %q", id)
	}
	return q, nil
}

func (s *server) get(_ context.Context, _ *mcp.CallToolRequest, in getIn) (*mcp.CallToolResult, getOut, error) {
	q, err := s.lookup(in.ID)
	if err != nil {
		return nil, getOut{}, err
	}
	out := getOut{questionOut: outOf(q)}
	if in.Guidance {
		c := render.Clean(q)
		out.Introduction, out.HowToAnswer, out.WhatNotToSay = c.Introduction, c.HowToAnswer, c.WhatNotToSay
		out.ExampleAnswer, out.FollowUps = c.ExampleAnswer, c.FollowUps
		if !c.Source.IsZero() {
			out.Source = &c.Source
		}
	}
	return nil, out, nil
}

type nextIn struct {
	Query string `json:"query,omitempty" jsonschema:"narrows the queue to the questions it matches, such as level>=senior"`
}

type nextOut struct {
	Due      int          `json:"due" jsonschema:"questions due now"`
	New      int          `json:"new" jsonschema:"new questions left for today"`
	Question *questionOut `json:"question,omitempty" jsonschema:"the question to ask now; none when nothing is left for now"`
	IsNew    bool         `json:"is_new,omitempty" jsonschema:"the question has never been practised"`
	Message  string       `json:"message" jsonschema:"what to tell the learner"`
}

func (s *server) next(_ context.Context, _ *mcp.CallToolRequest, in nextIn) (*mcp.CallToolResult, nextOut, error) {
	f, err := s.parse(in.Query)
	if err != nil {
		return nil, nextOut{}, err
	}
	p, err := s.state.Progress()
	if err != nil {
		return nil, nextOut{}, err
	}
	now := s.now()
	queue := p.Queue(s.bank, f, now, s.newPerDay)
	out := nextOut{Due: len(queue.Due), New: len(queue.New)}
	if all := queue.All(); len(all) > 0 {
		q := outOf(all[0])
		out.Question, out.IsNew = &q, len(queue.Due) == 0
		out.Message = fmt.Sprintf("%s due, %s new. Ask this question; show its guidance only after the learner answers.",
			cli.Count(out.Due, "question"), cli.Count(out.New, "question"))
	} else {
		out.Message = practicestate.NothingDue(s.bank, p, f, func(t time.Time) string { return cli.When(t, now) })
	}
	return nil, out, nil
}

type rateIn struct {
	ID     string `json:"id" jsonschema:"the question's id"`
	Rating string `json:"rating" jsonschema:"again, hard, good or easy (or 1 to 4)"`
}

type cardOut struct {
	ID     string `json:"id"`
	State  string `json:"state" jsonschema:"new, learning, review or relearning"`
	Due    string `json:"due,omitempty" jsonschema:"when it is next due, RFC 3339"`
	BackIn string `json:"back_in,omitempty" jsonschema:"when it comes back, for a person: in 10 minutes (09:20)"`
	Reps   int    `json:"reps" jsonschema:"how many reviews it has had"`
}

func (s *server) rate(_ context.Context, _ *mcp.CallToolRequest, in rateIn) (*mcp.CallToolResult, cardOut, error) {
	q, err := s.lookup(in.ID)
	if err != nil {
		return nil, cardOut{}, err
	}
	r, err := practicestate.ParseRating(in.Rating)
	if err != nil {
		return nil, cardOut{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	out, reps, err := s.save(q, practicestate.Event{Question: q, Rating: r, At: s.now()})
	if err == nil {
		s.rated = append(s.rated, rated{q.ID, reps})
	}
	return nil, out, err
}

type undoIn struct {
	ID string `json:"id,omitempty" jsonschema:"the question whose last rating to take back; none: the last rating recorded here"`
}

func (s *server) undo(_ context.Context, _ *mcp.CallToolRequest, in undoIn) (*mcp.CallToolResult, cardOut, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := practicestate.Event{Undo: true}
	last := len(s.rated) - 1
	if in.ID == "" {
		if last < 0 {
			return nil, cardOut{}, errors.New("no rating has been recorded here to take back; give a question's id to take back its last rating")
		}
		e.Reps = s.rated[last].reps // unless another program has rated it since
		in.ID = s.rated[last].id
	}
	q, err := s.lookup(in.ID)
	if err != nil {
		return nil, cardOut{}, err
	}
	e.Question = q
	out, _, err := s.save(q, e)
	if err != nil {
		return nil, cardOut{}, err
	}
	for i := last; i >= 0; i-- {
		if questionbank.IDKey(s.rated[i].id) == questionbank.IDKey(q.ID) {
			s.rated = slices.Delete(s.rated, i, i+1)
			break
		}
	}
	return nil, out, nil
}

// save records e, in the file under its lock or in memory, and returns
// the question's card after it and its number of reviews.
func (s *server) save(q questionbank.Question, e practicestate.Event) (cardOut, int, error) {
	p, err := s.state.Save(e)
	if err != nil {
		return cardOut{}, 0, errors.New(practicestate.Message(err))
	}
	out := cardOut{ID: q.ID, State: srs.New.String()}
	if c, ok := p.Card(q.ID); ok {
		now := s.now()
		out.State, out.Due, out.BackIn, out.Reps = c.State.String(), c.Due.Format(time.RFC3339), cli.When(c.Due, now), c.Reps
	}
	return out, out.Reps, nil
}

// markdown returns a question with its guidance, as Markdown.
func markdown(q questionbank.Question) string {
	var b bytes.Buffer
	render.WriteMarkdown(&b, []questionbank.Question{q}) // writes to memory
	return b.String()
}

// daily gives the question of the day without its guidance, as the
// instructions ask: the learner answers first.
func (s *server) daily(_ context.Context, req *mcp.ReadResourceRequest) (*mcp.ReadResourceResult, error) {
	q, ok := s.bank.Daily(s.now().UTC(), "mcp", questionbank.Filter{})
	if !ok {
		return nil, mcp.ResourceNotFoundError(req.Params.URI)
	}
	bare := questionbank.Question{ID: q.ID, Level: q.Level, Type: q.Type, Text: q.Text, Skills: q.Skills, Source: q.Source}
	text := markdown(bare) + fmt.Sprintf("\nIts guidance: get_question with id %q and guidance: true, once the learner has answered.\n", q.ID)
	return &mcp.ReadResourceResult{Contents: []*mcp.ResourceContents{{URI: req.Params.URI, MIMEType: "text/markdown", Text: text}}}, nil
}

func (s *server) question(_ context.Context, req *mcp.ReadResourceRequest) (*mcp.ReadResourceResult, error) {
	id, ok := strings.CutPrefix(req.Params.URI, "questionbank://questions/")
	q, found := s.bank.Get(id)
	if !ok || !found {
		return nil, mcp.ResourceNotFoundError(req.Params.URI)
	}
	return &mcp.ReadResourceResult{Contents: []*mcp.ResourceContents{{URI: req.Params.URI, MIMEType: "text/markdown", Text: markdown(q)}}}, nil
}

func (s *server) mockInterview(_ context.Context, req *mcp.GetPromptRequest) (*mcp.GetPromptResult, error) {
	level, minutes := req.Params.Arguments["level"], req.Params.Arguments["minutes"]
	query := ""
	if level != "" {
		l, err := questionbank.ParseLevel(level)
		if err != nil {
			return nil, errors.New(strings.TrimPrefix(err.Error(), "questionbank: "))
		}
		query = "level:" + l.String()
		level = l.Title()
	} else {
		level = "any level"
	}
	if minutes == "" {
		minutes = "30"
	}
	var m int
	if _, err := fmt.Sscan(minutes, &m); err != nil || m < 5 || m > 240 {
		return nil, fmt.Errorf("minutes must be a whole number from 5 to 240, not %q", minutes)
	}
	questions := max(1, m/10)
	text := fmt.Sprintf(`Run a %d-minute mock interview for %s with me, using the questionbank tools.

1. Draw %s with draw_questions (query %q), and ask them one at a time, word for word, as an interviewer would. Do not show any guidance yet.
2. Wait for my answer to each question. Do not answer it for me.
3. After I answer, get the guidance with get_question (guidance: true), and discuss my answer against it: what was strong, what was missing, which red flags I hit. Ask one of its follow-up questions if it has any.
4. Then agree a rating with me (again, hard, good or easy) and record it with rate_answer. Record nothing any other way.
5. At the end, sum up what went well and what to practise, and call next_question to say what is due next.`,
		m, level, cli.Count(questions, "question"), query)
	return &mcp.GetPromptResult{
		Description: fmt.Sprintf("A %d-minute mock interview, %s", m, level),
		Messages:    []*mcp.PromptMessage{{Role: "user", Content: &mcp.TextContent{Text: text}}},
	}, nil
}
