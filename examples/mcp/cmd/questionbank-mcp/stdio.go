package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/modelcontextprotocol/go-sdk/jsonrpc"
	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// The SDK's stdio transport (go-sdk v1.8.0, the latest release) ends the
// session at the first line that is not a JSON-RPC message, cannot find
// the next message after a truncated one, and ends it at a line over 16
// MiB (go-sdk issue #1209, and PR #1210 for it, both open); at the end of
// its input the session stops before it answers what it has read.
// lineTransport is the MCP stdio transport without those faults: one
// message a line, a line that is not one answered with a JSON-RPC error,
// and the end of the input reported only once every request read has its
// reply. When a release of the SDK fixes them, main can go back to
// mcp.StdioTransport; the tests here say whether it may.

// maxLine is the longest line read, in bytes. The largest request this
// server takes, a tool call with a query of at most 4 KiB, is far
// shorter; a longer line is refused and skipped.
const maxLine = 1 << 20

// drainTimeout bounds the wait, at the end of the input, for the replies
// to the requests read: a handler that never returns cannot keep the
// server from exiting.
const drainTimeout = 30 * time.Second

// A lineTransport carries JSON-RPC messages, one a line, over in and out:
// standard input and output for a stdio server.
type lineTransport struct {
	in  io.Reader
	out io.Writer
}

// Connect starts reading in and returns the connection.
func (t *lineTransport) Connect(context.Context) (mcp.Connection, error) {
	c := &lineConn{
		in:       t.in,
		out:      t.out,
		lines:    make(chan inLine),
		closed:   make(chan struct{}),
		answered: make(chan struct{}, 1),
		pending:  map[jsonrpc.ID]bool{},
	}
	go c.readLines()
	return c, nil
}

// An inLine is what one line of input holds: a message, or the error
// reply it gets, or the end of the input (err).
type inLine struct {
	msg   jsonrpc.Message
	reply *errorReply
	err   error
}

// A lineConn is a connection of a lineTransport.
type lineConn struct {
	in  io.Reader
	out io.Writer

	writeMu sync.Mutex // one message a write

	lines     chan inLine // from readLines
	closed    chan struct{}
	closeOnce sync.Once

	mu       sync.Mutex // guards pending
	pending  map[jsonrpc.ID]bool
	answered chan struct{} // a reply was written: pending may be empty
}

// readLines reads the input a line at a time, for Read. It runs until
// the input ends or the connection is closed; a read of standard input
// cannot be interrupted, so it may outlive the connection, blocked.
func (c *lineConn) readLines() {
	r := bufio.NewReaderSize(c.in, 64<<10)
	for {
		line, tooLong, err := readLine(r, maxLine)
		var in inLine
		switch {
		case tooLong:
			in.reply = &errorReply{Code: jsonrpc.CodeInvalidRequest, Message: fmt.Sprintf("invalid request: a line of more than %d bytes", maxLine)}
		case len(bytes.TrimSpace(line)) > 0:
			in.msg, in.reply = parseLine(line)
		}
		if in.msg != nil || in.reply != nil {
			select {
			case c.lines <- in:
			case <-c.closed:
				return
			}
		}
		if err != nil {
			select {
			case c.lines <- inLine{err: err}:
			case <-c.closed:
			}
			return
		}
	}
}

// readLine returns the next line of r without its end, at most max bytes
// of it: a longer line is read to its end and dropped, and tooLong is
// set. err is the reader's error (io.EOF at the end), after the last line.
func readLine(r *bufio.Reader, max int) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := r.ReadSlice('\n')
		if !tooLong {
			if len(line)+len(chunk) > max+2 { // room for "\r\n"
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if !errors.Is(err, bufio.ErrBufferFull) {
			return line, tooLong, err
		}
	}
}

// parseLine reads one line as a JSON-RPC message, or returns the error
// reply it gets: -32700 for a line that is not JSON, -32600 for JSON that
// is not one JSON-RPC 2.0 message (a batch is refused: MCP has had none
// since its version of 2025-06-18).
func parseLine(line []byte) (jsonrpc.Message, *errorReply) {
	line = bytes.TrimSpace(line)
	if !json.Valid(line) {
		var v any
		err := json.Unmarshal(line, &v) // for its message
		return nil, &errorReply{Code: jsonrpc.CodeParseError, Message: "parse error: " + err.Error()}
	}
	switch line[0] {
	case '{':
	case '[':
		return nil, &errorReply{Code: jsonrpc.CodeInvalidRequest, Message: "invalid request: batches are not supported; send one message a line"}
	default:
		return nil, &errorReply{Code: jsonrpc.CodeInvalidRequest, Message: "invalid request: a message is a JSON object"}
	}
	msg, err := jsonrpc.DecodeMessage(line)
	if err != nil {
		return nil, &errorReply{Code: jsonrpc.CodeInvalidRequest, Message: "invalid request: " + err.Error()}
	}
	return msg, nil
}

// An errorReply is the error response to a line that is not a message,
// whose id is null, as JSON-RPC 2.0 asks when the request's cannot be read.
type errorReply struct {
	Code    int64  `json:"code"`
	Message string `json:"message"`
}

// Read returns the next message, writing the error reply of each line
// that is not one. At the end of the input it waits for the replies to
// every request read (at most drainTimeout) before it returns io.EOF.
func (c *lineConn) Read(ctx context.Context) (jsonrpc.Message, error) {
	for {
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-c.closed:
			return nil, io.EOF
		case in := <-c.lines:
			switch {
			case in.err != nil:
				return nil, c.drain(ctx, in.err)
			case in.reply != nil:
				if err := c.writeError(in.reply); err != nil {
					return nil, err
				}
			default:
				if req, ok := in.msg.(*jsonrpc.Request); ok && req.IsCall() {
					c.mu.Lock()
					c.pending[req.ID] = true
					c.mu.Unlock()
				}
				return in.msg, nil
			}
		}
	}
}

// drain waits until every request read has its reply, then returns err.
func (c *lineConn) drain(ctx context.Context, err error) error {
	timeout := time.NewTimer(drainTimeout)
	defer timeout.Stop()
	for {
		c.mu.Lock()
		n := len(c.pending)
		c.mu.Unlock()
		if n == 0 {
			return err
		}
		select {
		case <-c.answered:
		case <-c.closed:
			return err
		case <-ctx.Done():
			return ctx.Err()
		case <-timeout.C:
			return err
		}
	}
}

// Write writes msg as one line.
func (c *lineConn) Write(ctx context.Context, msg jsonrpc.Message) error {
	data, err := jsonrpc.EncodeMessage(msg)
	if err != nil {
		return err
	}
	if err := c.writeLine(data); err != nil {
		return err
	}
	if resp, ok := msg.(*jsonrpc.Response); ok {
		c.mu.Lock()
		delete(c.pending, resp.ID)
		c.mu.Unlock()
		select {
		case c.answered <- struct{}{}:
		default: // one signal is enough: drain counts again
		}
	}
	return nil
}

// writeError writes the error reply to a line that is not a message.
func (c *lineConn) writeError(e *errorReply) error {
	data, err := json.Marshal(struct {
		JSONRPC string      `json:"jsonrpc"`
		ID      any         `json:"id"`
		Error   *errorReply `json:"error"`
	}{"2.0", nil, e})
	if err != nil {
		return err
	}
	return c.writeLine(data)
}

func (c *lineConn) writeLine(data []byte) error {
	c.writeMu.Lock()
	defer c.writeMu.Unlock()
	_, err := c.out.Write(append(data, '\n'))
	return err
}

// Close ends the connection, and closes the input if it can be closed.
func (c *lineConn) Close() error {
	var err error
	c.closeOnce.Do(func() {
		close(c.closed)
		if closer, ok := c.in.(io.Closer); ok {
			err = closer.Close()
		}
	})
	return err
}

// SessionID returns "": a stdio connection has no session ID.
func (c *lineConn) SessionID() string { return "" }
