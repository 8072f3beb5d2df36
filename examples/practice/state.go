package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

// state is what -state keeps between runs.
type state struct {
	// Dealt lists the questions practised or skipped, in order.
	Dealt []string `json:"dealt"`
	// Skipped lists the questions of Dealt that were skipped.
	Skipped []string `json:"skipped,omitempty"`
	// Answers holds every answer typed, by question ID, oldest first.
	Answers map[string]answers `json:"answers,omitempty"`
}

// answers is the list of answers to one question. The first state format
// kept one answer, as a string; it reads as a list of one.
type answers []string

func (a *answers) UnmarshalJSON(data []byte) error {
	var one string
	if err := json.Unmarshal(data, &one); err == nil {
		*a = answers{one}
		return nil
	}
	return json.Unmarshal(data, (*[]string)(a))
}

// An event is one thing that happened in a session, to be added to the
// state file: a question practised (with the answer typed, if any) or
// skipped.
type event struct {
	id      string
	skipped bool
	answer  string // "" for none
}

// apply adds e to st. Applying an event twice adds it once, so a save
// that failed can be tried again.
func (st *state) apply(e event) {
	if !slices.Contains(st.Dealt, e.id) {
		st.Dealt = append(st.Dealt, e.id)
		if e.skipped {
			st.Skipped = append(st.Skipped, e.id)
		}
	}
	if e.answer != "" && !slices.Contains(st.Answers[e.id], e.answer) {
		if st.Answers == nil {
			st.Answers = map[string]answers{}
		}
		st.Answers[e.id] = append(st.Answers[e.id], e.answer)
	}
}

// A stateFile is the -state file: read once at the start, and saved after
// each question by reading it again and adding what happened since, under
// a lock, so that two sessions on one file lose nothing of each other's.
type stateFile struct {
	name string // the path given, or for a symbolic link, the file it names
}

// openState checks that name can hold the state, before any question is
// asked, and returns it with what it holds. A missing file is a fresh
// start; one that cannot be read or parsed is an error, never silently
// reset. An empty name keeps no state.
func openState(name string) (*stateFile, *state, error) {
	if name == "" {
		return nil, &state{}, nil
	}
	target, err := followLinks(name)
	if err != nil {
		return nil, nil, fmt.Errorf("state file %s: %w", name, err)
	}
	f := &stateFile{name: target}
	var st *state
	err = f.locked(func() error {
		var err error
		if st, err = f.read(); err != nil {
			return err
		}
		// A file can be saved only if the directory takes a new one.
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
	return f, st, nil
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
		if fi.Mode()&fs.ModeSymlink == 0 {
			return name, nil
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

// read returns what the file holds.
func (f *stateFile) read() (*state, error) {
	st := &state{}
	data, err := os.ReadFile(f.name)
	if errors.Is(err, fs.ErrNotExist) {
		return st, nil
	}
	if err != nil {
		return nil, fmt.Errorf("state file: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(st); err != nil {
		return nil, fmt.Errorf("state file %s is not a practice state (%v); move it away to start again", f.name, err)
	}
	return st, nil
}

// save adds events to the file as it is now, and returns what it then
// holds.
func (f *stateFile) save(events []event) (*state, error) {
	if f == nil {
		return &state{}, nil
	}
	var st *state
	err := f.locked(func() error {
		var err error
		if st, err = f.read(); err != nil {
			return err
		}
		for _, e := range events {
			st.apply(e)
		}
		return f.write(st)
	})
	return st, err
}

// tempPattern names the temporary files a save writes before it renames
// one over the state file.
func (f *stateFile) tempPattern() string { return "." + filepath.Base(f.name) + ".*.tmp" }

func (f *stateFile) createTemp() (*os.File, error) {
	tmp, err := os.CreateTemp(filepath.Dir(f.name), f.tempPattern())
	if err != nil {
		return nil, fmt.Errorf("state file %s cannot be saved: %w", f.name, err)
	}
	return tmp, nil
}

// locked runs do holding the lock on the state file's directory. It
// first removes what a session that crashed mid-save left behind: with
// the lock held, no other session is writing a temporary file.
func (f *stateFile) locked(do func() error) error {
	unlock, err := lockDir(filepath.Dir(f.name))
	if err != nil {
		return fmt.Errorf("state file %s: %w", f.name, err)
	}
	defer unlock()
	if stale, err := filepath.Glob(filepath.Join(filepath.Dir(f.name), f.tempPattern())); err == nil {
		for _, name := range stale {
			os.Remove(name)
		}
	}
	return do()
}

// write writes st atomically: to a temporary file in the same directory,
// synced, then renamed over the old one, so that a crash leaves the old
// state or the new, never half of one.
func (f *stateFile) write(st *state) error {
	data, err := json.MarshalIndent(st, "", "  ")
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
		return fmt.Errorf("saving state: %w", err)
	}
	return nil
}
