//go:build unix

package srs

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFileRefusesWhatCannotHoldAProgress(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	require.NoError(t, syscall.Mkfifo(fifo, 0o600))
	bankFile := filepath.Join(dir, "bank.json")
	require.NoError(t, os.WriteFile(bankFile, []byte(`{"questions": []}`), 0o600))
	link := filepath.Join(dir, "link.json")
	require.NoError(t, os.Symlink("fifo", link))
	for _, tc := range []struct{ name, want string }{
		{fifo, "srs: progress file " + fifo + ": a named pipe, not a regular file"},
		{link, "srs: progress file " + link + ": a named pipe, not a regular file"},
		{dir, "srs: progress file " + dir + ": a directory, not a regular file"},
		{filepath.Join(dir, "no", "such.json"), "srs: progress file " + filepath.Join(dir, "no", "such.json") + ": stat " + filepath.Join(dir, "no") + ": no such file or directory"},
		{bankFile, "srs: progress file " + bankFile + `: this is a question bank (it has "questions"), not a progress file`},
	} {
		_, _, err := OpenFile(tc.name, Scheduler{})
		assert.EqualError(t, err, tc.want)
	}
}
