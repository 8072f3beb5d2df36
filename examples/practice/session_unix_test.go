//go:build unix

package main

import (
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A named pipe as -state would block a read for ever: it is refused
// before the first question.
func TestStateMustBeARegularFile(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "fifo")
	require.NoError(t, syscall.Mkfifo(fifo, 0o600))
	done := make(chan struct{})
	go func() {
		defer close(done)
		code, out, errOut := practice(t, "an answer\n", "-state", fifo)
		assert.Equal(t, 1, code)
		assert.NotContains(t, out, "Question")
		assert.Equal(t, "practice: progress file "+fifo+": a named pipe, not a regular file\n", errOut)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("practice blocks on a named pipe")
	}
}
