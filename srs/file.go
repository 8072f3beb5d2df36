package srs

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// A File is a progress kept on disk, which several programs may share:
// the practice programs in examples/ read and write one file, so a review
// made in one shows in the others. Each [File.Update] takes an exclusive
// lock, reads the file as it is now, applies the change and writes the
// result atomically, so two programs on one file lose nothing of each
// other's, and a crash leaves the old file or the new, never half of one.
//
// The file is a progress document ([Progress.MarshalJSON]), indented: a
// program that does not use File reads it with json.Unmarshal into a
// Progress. On Unix the lock is flock(2) on the file's directory (the file
// itself is replaced at each save); elsewhere there is no lock, and two
// programs saving at the same moment may lose one save.
type File struct {
	name  string // the path given, or for a symbolic link, the file it names
	sched Scheduler
}

// OpenFile returns the progress file name, which schedules with s, and
// the progress it holds. A missing file holds an empty progress, and is
// made by the first update. Before a learner does any work, OpenFile
// checks that the file can be saved: its directory exists and takes a new
// file, and name is a regular file or a symbolic link to one (followed,
// even to a file not made yet). A file that cannot be read or is not a
// progress is an error that says what it is, never silently reset.
func OpenFile(name string, s Scheduler) (*File, *Progress, error) {
	target, err := followLinks(name)
	if err != nil {
		return nil, nil, fmt.Errorf("srs: progress file %s: %w", name, err)
	}
	f := &File{name: target, sched: s}
	var p *Progress
	err = f.locked(func() error {
		var err error
		if p, err = f.Read(); err != nil {
			return err
		}
		tmp, err := f.createTemp()
		if err != nil {
			return err
		}
		tmp.Close()
		return os.Remove(tmp.Name())
	})
	if err != nil {
		return nil, nil, err
	}
	return f, p, nil
}

// Name returns the path of the file the progress is in: for a symbolic
// link given to OpenFile, the file it names.
func (f *File) Name() string { return f.name }

// Read returns the progress the file holds now, or an empty one if there
// is no file yet.
func (f *File) Read() (*Progress, error) {
	p := NewProgress(f.sched)
	if fi, err := os.Stat(f.name); errors.Is(err, fs.ErrNotExist) {
		return p, nil
	} else if err != nil {
		return nil, fmt.Errorf("srs: %w", err)
	} else if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("srs: progress file %s: %s, not a regular file", f.name, fileKind(fi.Mode()))
	}
	data, err := os.ReadFile(f.name)
	if err != nil {
		return nil, fmt.Errorf("srs: %w", err)
	}
	if err := json.Unmarshal(data, p); err != nil {
		var syntax *json.SyntaxError
		if errors.As(err, &syntax) {
			line, col := position(data, syntax.Offset)
			return nil, fmt.Errorf("srs: progress file %s: line %d, column %d: %v", f.name, line, col, err)
		}
		return nil, fmt.Errorf("srs: progress file %s: %s", f.name, strings.TrimPrefix(err.Error(), "srs: progress: "))
	}
	return p, nil
}

// position returns the line and column, from 1, of a byte offset.
func position(data []byte, offset int64) (line, col int) {
	before := data[:min(int(offset), len(data))]
	line = 1 + bytes.Count(before, []byte{'\n'})
	return line, 1 + len(before) - (bytes.LastIndexByte(before, '\n') + 1)
}

// Update applies change to the progress the file holds now, under the
// lock, and saves the result; it returns the progress as saved. If change
// returns an error, nothing is saved and Update returns that error.
func (f *File) Update(change func(*Progress) error) (*Progress, error) {
	var p *Progress
	err := f.locked(func() error {
		var err error
		if p, err = f.Read(); err != nil {
			return err
		}
		if err := change(p); err != nil {
			return err
		}
		return f.write(p)
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// followLinks returns the file that name names, following symbolic links
// even to a file not made yet, so that a save writes there and keeps the
// link.
func followLinks(name string) (string, error) {
	for range 40 {
		fi, err := os.Lstat(name)
		if errors.Is(err, fs.ErrNotExist) {
			// The directory must exist; the file need not.
			if _, err := os.Stat(filepath.Dir(name)); err != nil {
				return "", err
			}
			return name, nil
		}
		if err != nil {
			return "", err
		}
		switch {
		case fi.Mode().IsRegular():
			return name, nil
		case fi.Mode()&fs.ModeSymlink == 0:
			return "", fmt.Errorf("%s, not a regular file", fileKind(fi.Mode()))
		}
		target, err := os.Readlink(name)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(name), target)
		}
		name = target
	}
	return "", errors.New("too many levels of symbolic links")
}

// fileKind names the kind of file that is not a regular one.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

// tempPattern names the temporary files a save writes before it renames
// one over the progress file: os.CreateTemp puts its random digits for
// the last "*", so a "*" in the file's name stays as it is.
func (f *File) tempPattern() string { return "." + filepath.Base(f.name) + ".*.tmp" }

// isLeftover reports whether name is that of a temporary file a save of
// the progress file base made: "." + base + "." + os.CreateTemp's random
// digits + ".tmp", base matched as written, never as a pattern.
func isLeftover(base, name string) bool {
	digits, ok := strings.CutPrefix(name, "."+base+".")
	if !ok {
		return false
	}
	if digits, ok = strings.CutSuffix(digits, ".tmp"); !ok || digits == "" {
		return false
	}
	for _, c := range []byte(digits) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// removeLeftovers removes the regular files in the progress file's
// directory that a save made and did not rename: what a program that
// crashed mid-save left behind.
func (f *File) removeLeftovers() {
	dir, base := filepath.Split(f.name)
	entries, err := os.ReadDir(filepath.Clean(dir))
	if err != nil {
		return // the save that follows says what is wrong
	}
	for _, e := range entries {
		if e.Type().IsRegular() && isLeftover(base, e.Name()) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

func (f *File) createTemp() (*os.File, error) {
	tmp, err := os.CreateTemp(filepath.Dir(f.name), f.tempPattern())
	if err != nil {
		return nil, fmt.Errorf("srs: progress file %s cannot be saved: %w", f.name, err)
	}
	return tmp, nil
}

// locked runs do holding the lock on the file's directory. It first
// removes what a program that crashed mid-save left behind: with the lock
// held, no other program is writing a temporary file.
func (f *File) locked(do func() error) error {
	unlock, err := lockDir(filepath.Dir(f.name))
	if err != nil {
		return fmt.Errorf("srs: progress file %s: %w", f.name, err)
	}
	defer unlock()
	f.removeLeftovers()
	return do()
}

// write writes p atomically: to a temporary file in the same directory,
// synced, then renamed over the old one.
func (f *File) write(p *Progress) error {
	data, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := f.createTemp()
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename, there is nothing to remove
	mode := os.FileMode(0o644)
	if fi, err := os.Stat(f.name); err == nil {
		mode = fi.Mode().Perm()
	}
	_, err = tmp.Write(append(data, '\n'))
	if err == nil {
		err = tmp.Chmod(mode)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), f.name)
	}
	if err != nil {
		return fmt.Errorf("srs: saving progress file %s: %w", f.name, err)
	}
	return nil
}
