// Command questionbank-mcp serves a question bank to AI assistants over
// the Model Context Protocol, on standard input and output, so that a
// learner can practise, or sit a mock interview, with Claude Desktop, VS
// Code or any MCP client, on the same progress as examples/practice and
// the practice page of examples/server.
//
//	cd examples/mcp && go install ./cmd/questionbank-mcp
//	questionbank-mcp -state ~/.interview.json
//
// Tools: search_questions, draw_questions, get_question (the guidance only
// on request), next_question (the study queue: due, then new),
// rate_answer (the only way progress is recorded) and undo_rating (without
// an id, the last rating given here). Resources: questionbank://daily, the
// question of the day without its guidance, and
// questionbank://questions/{id}. Prompt: mock_interview, with a level and
// a length in minutes. A bad query or an unknown ID is a tool result with
// isError set and the library's message (a query's with its caret).
//
// A line that is not a JSON-RPC message gets a JSON-RPC error, and the
// session goes on; at the end of its input the server answers every
// request it has read before it exits. It builds the bank's indexes
// before it serves, so that no request pays for them.
//
// Flags:
//
//	-state FILE    the progress file, shared with examples/practice and the
//	               page of examples/server; none: in memory
//	-bank PATH     a bank of your own: a JSON file or a directory of
//	               Markdown files
//	-new N         new questions a day (default 10)
//	-weights W,... FSRS-6's 21 weights, fitted to your review log
//	-retention R   the probability of recall to schedule for (default 0.9)
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/backendprep/questionbank/examples/internal/cli"
	"github.com/backendprep/questionbank/examples/internal/warmup"
)

const usage = `usage: questionbank-mcp [-state FILE] [-bank PATH] [-new N] [-weights W0,...,W20] [-retention R]

Serve interview questions and spaced-repetition practice to an AI
assistant over the Model Context Protocol, on standard input and output.
Configure it as a stdio server in Claude Desktop or VS Code; see the
README.

Flags:
`

// prog is the program's name, as installed.
const prog = "questionbank-mcp"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], &lineTransport{in: os.Stdin, out: os.Stdout}, os.Stderr))
}

// run serves on transport until the client goes or ctx is done.
func run(ctx context.Context, args []string, transport mcp.Transport, stderr io.Writer) int {
	flags := flag.NewFlagSet(prog, flag.ContinueOnError)
	flags.SetOutput(stderr)
	practiceFlags := cli.DefinePracticeFlags(flags)
	if status, ok := cli.Parse(flags, usage, args, nil); !ok {
		return status
	}
	pr, status, ok := practiceFlags.Open(stderr, prog)
	if !ok {
		return status
	}
	warmup.Bank(pr.Bank) // no request pays for an index
	s := newServer(pr, time.Now)
	if err := s.Run(ctx, transport); err != nil && ctx.Err() == nil {
		fmt.Fprintf(stderr, "%s: %v\n", prog, err)
		return 1
	}
	return 0
}
