package practicestate

import (
	"errors"
	"os"
	"sync"

	"github.com/backendprep/questionbank/srs"
)

// A Holder holds a learner's progress for a program that answers many
// requests on one progress file (the practice page, the MCP server),
// which another program may change at any time. It reads the file again
// only when the file has changed, as os.Stat tells: another file (a save
// renames a new one over it), another modification time or size. Reading
// a large file costs seconds; a stat, microseconds.
type Holder struct {
	file *srs.File // nil: in memory

	mu       sync.Mutex // guards progress and stamp
	progress *srs.Progress
	stamp    os.FileInfo // of the file when progress was read; nil: read it
}

// NewHolder returns the holder of p, the progress file f holds now (nil:
// p is kept in memory).
func NewHolder(f *srs.File, p *srs.Progress) *Holder {
	h := &Holder{file: f, progress: p}
	if f != nil {
		h.stamp, _ = os.Stat(f.Name())
	}
	return h
}

// Progress returns the progress as the file now holds it, read again only
// if the file has changed since it was last read or saved.
func (h *Holder) Progress() (*srs.Progress, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.file == nil {
		return h.progress, nil
	}
	fi, err := os.Stat(h.file.Name())
	if err == nil && sameStamp(fi, h.stamp) {
		return h.progress, nil
	}
	p, err := h.file.Read()
	if err != nil {
		return nil, errors.New(Message(err))
	}
	h.progress, h.stamp = p, fi // the stat before the read: a change in between is read next time
	return p, nil
}

// sameStamp reports whether a and b stat one version of one file.
func sameStamp(a, b os.FileInfo) bool {
	return a != nil && b != nil && os.SameFile(a, b) && a.ModTime().Equal(b.ModTime()) && a.Size() == b.Size()
}

// Save applies e to the progress as the file holds it now, under its
// lock, and returns the progress as saved.
func (h *Holder) Save(e Event) (*srs.Progress, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	p, err := Save(h.file, h.progress, e)
	if err != nil {
		return nil, err
	}
	h.progress = p
	if h.file != nil {
		h.stamp, _ = os.Stat(h.file.Name())
	}
	return p, nil
}
