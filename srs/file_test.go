package srs

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFileUpdate(t *testing.T) {
	name := filepath.Join(t.TempDir(), "progress.json")
	f, p, err := OpenFile(name, Scheduler{})
	require.NoError(t, err)
	assert.Zero(t, p.Len())
	_, err = os.Stat(name)
	assert.ErrorIs(t, err, os.ErrNotExist, "opening writes nothing")

	p, err = f.Update(func(p *Progress) error {
		_, err := p.Review(get(t, "lead-1"), Good, t0)
		return err
	})
	require.NoError(t, err)
	assert.Equal(t, 1, p.Len())

	// The file is a progress document: json.Unmarshal reads it.
	data, err := os.ReadFile(name)
	require.NoError(t, err)
	var plain Progress
	require.NoError(t, json.Unmarshal(data, &plain))
	assert.Equal(t, 1, plain.Len())

	// A change that fails saves nothing.
	_, err = f.Update(func(p *Progress) error {
		p.Review(get(t, "mid-1"), Good, t0)
		_, err := p.Undo("nope")
		return err
	})
	assert.Error(t, err)
	back, err := f.Read()
	require.NoError(t, err)
	assert.Equal(t, 1, back.Len())
}

// A file that json.Marshal of a Progress wrote is read by OpenFile.
func TestFileReadsWhatJSONMarshalWrote(t *testing.T) {
	p := NewProgress(Scheduler{})
	_, err := p.Review(get(t, "junior-1"), Easy, t0)
	require.NoError(t, err)
	data, err := json.Marshal(p)
	require.NoError(t, err)
	name := filepath.Join(t.TempDir(), "p.json")
	require.NoError(t, os.WriteFile(name, data, 0o600))
	f, back, err := OpenFile(name, Scheduler{})
	require.NoError(t, err)
	assert.Equal(t, 1, back.Len())
	_, err = f.Update(func(p *Progress) error { return p.SetExtra("answers", json.RawMessage(`{}`)) })
	require.NoError(t, err)
	fi, err := os.Stat(name)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm(), "a save keeps the file's mode")
}

// Two programs updating one file lose nothing of each other's.
func TestFileConcurrentUpdates(t *testing.T) {
	name := filepath.Join(t.TempDir(), "progress.json")
	bank := []string{"junior-1", "junior-2", "developer-1", "developer-2", "mid-1", "mid-2", "senior-1", "senior-2"}
	var wg sync.WaitGroup
	for _, id := range bank {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f, _, err := OpenFile(name, Scheduler{}) // each as its own program would
			if !assert.NoError(t, err) {
				return
			}
			_, err = f.Update(func(p *Progress) error {
				_, err := p.Review(get(t, id), Good, t0)
				return err
			})
			assert.NoError(t, err)
		}()
	}
	wg.Wait()
	_, p, err := OpenFile(name, Scheduler{})
	require.NoError(t, err)
	assert.Equal(t, len(bank), p.Len(), "every update is kept")
}

func TestFileFollowsLinks(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.json")
	link := filepath.Join(dir, "link.json")
	require.NoError(t, os.Symlink("real.json", link))
	f, _, err := OpenFile(link, Scheduler{})
	require.NoError(t, err)
	assert.Equal(t, real, f.Name())
	_, err = f.Update(func(p *Progress) error { _, err := p.Review(get(t, "lead-1"), Good, t0); return err })
	require.NoError(t, err)
	fi, err := os.Lstat(link)
	require.NoError(t, err)
	assert.NotZero(t, fi.Mode()&os.ModeSymlink, "the link stays a link")
	stale, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
	assert.Empty(t, stale)
}
