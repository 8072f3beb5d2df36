//go:build unix

package srs

import (
	"fmt"
	"os"
	"syscall"
)

// lockDir takes an exclusive lock on the directory dir, waiting for it,
// and returns the function that gives it back. The lock is on the
// directory, not the progress file, because a save replaces the file.
func lockDir(dir string) (unlock func(), err error) {
	d, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	for {
		err = syscall.Flock(int(d.Fd()), syscall.LOCK_EX)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		d.Close()
		return nil, fmt.Errorf("locking %s: %w", dir, err)
	}
	return func() {
		syscall.Flock(int(d.Fd()), syscall.LOCK_UN)
		d.Close()
	}, nil
}
