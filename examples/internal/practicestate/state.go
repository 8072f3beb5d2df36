// Package practicestate is the state file the practice programs share
// (examples/practice in a terminal, examples/server's practice page): a
// learner's spaced-repetition progress and the answers they typed, saved
// under a lock by reading the file again and replaying what happened, so
// that two programs on one file lose nothing of each other's.
package practicestate

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/backendprep/questionbank"
	"github.com/backendprep/questionbank/srs"
)

// Format is the version of the state file this program writes. The
// first version, without a "format" key, held only dealt, skipped and
// answers; it is read, and kept whole, with an empty progress.
const Format = 2

// state is what -state keeps between runs.
type State struct {
	Progress *srs.Progress
	Answers  map[string]Answers
	// Dealt and Skipped are the first version's record of the questions
	// practised or skipped before spaced repetition; kept, not used.
	Dealt, Skipped []string
}

// fileJSON is the state file's form.
type fileJSON struct {
	Format   int                `json:"format"`
	Progress *srs.Progress      `json:"progress"`
	Answers  map[string]Answers `json:"answers,omitempty"`
	Dealt    []string           `json:"dealt,omitempty"`
	Skipped  []string           `json:"skipped,omitempty"`
}

// answers is the list of answers to one question, oldest first. The first
// state format kept one answer, as a string; it reads as a list of one.
type Answers []string

func (a *Answers) UnmarshalJSON(data []byte) error {
	var one string
	if err := json.Unmarshal(data, &one); err == nil {
		*a = Answers{one}
		return nil
	}
	return json.Unmarshal(data, (*[]string)(a))
}

// An event is one thing that happened in a session, to be added to the
// state file: an answer typed, a rating given, or both.
type Event struct {
	Question questionbank.Question
	Answer   string     // "" for none
	Rating   srs.Rating // 0 for none
	At       time.Time
	// Reps, if not 0, is the number of reviews the question's card must
	// have for the rating to count: a second submission of one rating (a
	// double click, a reloaded form) then changes nothing.
	Reps int
	// Undo, if set, takes back the question's last rating instead.
	Undo bool
}

// apply adds e to st.
func (st *State) Apply(e Event) error {
	id := e.Question.ID
	if e.Undo {
		_, err := st.Progress.Undo(id)
		return err
	}
	if e.Answer != "" && !slices.Contains(st.Answers[id], e.Answer) {
		if st.Answers == nil {
			st.Answers = map[string]Answers{}
		}
		st.Answers[id] = append(st.Answers[id], e.Answer)
	}
	if e.Rating != 0 {
		if c, _ := st.Progress.Card(id); e.Reps != 0 && c.Reps != e.Reps-1 {
			return nil // rated already
		}
		if _, err := st.Progress.Review(e.Question, e.Rating, e.At); err != nil {
			return err
		}
	}
	return nil
}

// decode reads a state file of either version.
func decode(name string, data []byte) (*State, error) {
	var head struct {
		Format *int `json:"format"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, fmt.Errorf("state file %s is not a practice state (%v); move it away to start again", name, err)
	}
	st := &State{Progress: srs.NewProgress(srs.Scheduler{})}
	var in fileJSON
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	switch {
	case head.Format == nil: // the first version
		var v1 struct {
			Dealt   []string           `json:"dealt"`
			Skipped []string           `json:"skipped"`
			Answers map[string]Answers `json:"answers"`
		}
		if err := dec.Decode(&v1); err != nil {
			return nil, fmt.Errorf("state file %s is not a practice state (%v); move it away to start again", name, err)
		}
		in.Dealt, in.Skipped, in.Answers, in.Progress = v1.Dealt, v1.Skipped, v1.Answers, st.Progress
	case *head.Format > Format:
		return nil, fmt.Errorf("state file %s has format %d, newer than this program reads (%d); update it", name, *head.Format, Format)
	default:
		if err := dec.Decode(&in); err != nil {
			return nil, fmt.Errorf("state file %s is not a practice state (%v); move it away to start again", name, err)
		}
		if in.Progress == nil {
			return nil, fmt.Errorf("state file %s has no progress; move it away to start again", name)
		}
	}
	st.Progress, st.Answers, st.Dealt, st.Skipped = in.Progress, in.Answers, in.Dealt, in.Skipped
	return st, nil
}

func (st *State) MarshalJSON() ([]byte, error) {
	return json.MarshalIndent(fileJSON{Format: Format, Progress: st.Progress, Answers: st.Answers, Dealt: st.Dealt, Skipped: st.Skipped}, "", "  ")
}

// A File is the -state file: read once at the start, and saved after
// each question by reading it again and adding what happened since, under
// a lock, so that two sessions on one file lose nothing of each other's.
type File struct {
	name string // the path given, or for a symbolic link, the file it names
}

// Open checks that name can hold the state, before any question is
// asked, and returns it with what it holds. A missing file is a fresh
// start; one that cannot be read or parsed is an error, never silently
// reset. An empty name keeps no state.
func Open(name string) (*File, *State, error) {
	if name == "" {
		return nil, &State{Progress: srs.NewProgress(srs.Scheduler{})}, nil
	}
	target, err := followLinks(name)
	if err != nil {
		return nil, nil, fmt.Errorf("state file %s: %w", name, err)
	}
	f := &File{name: target}
	var st *State
	err = f.locked(func() error {
		var err error
		if st, err = f.Read(); err != nil {
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
func (f *File) Read() (*State, error) {
	data, err := os.ReadFile(f.name)
	if errors.Is(err, fs.ErrNotExist) {
		return &State{Progress: srs.NewProgress(srs.Scheduler{})}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("state file: %w", err)
	}
	return decode(f.name, data)
}

// save adds e to the file as it is now, and returns what it then holds:
// a review is replayed on the progress another session may have saved
// since this one read it.
func (f *File) Save(e Event) (*State, error) {
	var st *State
	err := f.locked(func() error {
		var err error
		if st, err = f.Read(); err != nil {
			return err
		}
		if err := st.Apply(e); err != nil {
			return err
		}
		return f.write(st)
	})
	return st, err
}

// Name returns the path of the file the state is in: the file a symbolic
// link given to Open names.
func (f *File) Name() string { return f.name }

// tempPattern names the temporary files a save writes before it renames
// one over the state file.
func (f *File) tempPattern() string { return "." + filepath.Base(f.name) + ".*.tmp" }

func (f *File) createTemp() (*os.File, error) {
	tmp, err := os.CreateTemp(filepath.Dir(f.name), f.tempPattern())
	if err != nil {
		return nil, fmt.Errorf("state file %s cannot be saved: %w", f.name, err)
	}
	return tmp, nil
}

// locked runs do holding the lock on the state file's directory. It
// first removes what a session that crashed mid-save left behind: with
// the lock held, no other session is writing a temporary file.
func (f *File) locked(do func() error) error {
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
func (f *File) write(st *State) error {
	data, err := st.MarshalJSON()
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
