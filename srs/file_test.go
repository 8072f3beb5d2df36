package srs

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
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

// The clean-up of temporary files a crashed save left removes only files
// of the form a save makes, whatever the progress file's name: a name
// with glob metacharacters is matched as written (a state file named *
// once removed every .*.tmp file beside it).
func TestFileRemovesOnlyItsOwnTemporaryFiles(t *testing.T) {
	for _, base := range []string{"*", "progress.json", "[", "a?b", `back\slash`, "x*", ".hidden", "[ab]"} {
		t.Run(base, func(t *testing.T) {
			dir := t.TempDir()
			others := []string{".notes.txt.tmp", ".x-backup.2024.tmp", "." + base + ".tmp", "." + base + ".12a.tmp",
				"." + base + "..tmp", "." + base + ".12.tmp.bak", "x." + base + ".12.tmp", ".other.123.tmp", "4123.tmp"}
			for _, name := range others {
				require.NoError(t, os.WriteFile(filepath.Join(dir, name), nil, 0o600))
			}
			stale := filepath.Join(dir, "."+base+".4123456789.tmp")
			require.NoError(t, os.WriteFile(stale, nil, 0o600))

			f, _, err := OpenFile(filepath.Join(dir, base), Scheduler{})
			require.NoError(t, err)
			_, err = f.Update(func(p *Progress) error { _, err := p.Review(get(t, "lead-1"), Good, t0); return err })
			require.NoError(t, err)

			assert.NoFileExists(t, stale, "a save's leftover is removed")
			for _, name := range others {
				assert.FileExists(t, filepath.Join(dir, name), "not made by a save")
			}
		})
	}
}

// FuzzOwnTemporaryFile checks the test of a leftover's name against a
// regular expression of the names a save makes: "." + the file's name +
// "." + os.CreateTemp's random digits + ".tmp", the name matched as written.
func FuzzOwnTemporaryFile(f *testing.F) {
	for _, seed := range [][2]string{{"*", ".notes.txt.tmp"}, {"*", ".*.123.tmp"}, {"[", ".[.1.tmp"}, {"a", ".a.1.tmp"}, {"a", ".a..tmp"}, {"a.json", ".a.json.99.tmp.tmp"}, {"\xa4", ".\xa4.1.tmp"}, {"a", "1.tmp"}} {
		f.Add(seed[0], seed[1])
	}
	// Each byte as a rune of its own: regexp takes UTF-8 only, and a
	// file name need not be.
	runes := func(s string) string {
		r := make([]rune, len(s))
		for i := range len(s) {
			r[i] = rune(s[i])
		}
		return string(r)
	}
	f.Fuzz(func(t *testing.T, base, name string) {
		want := regexp.MustCompile(`^` + regexp.QuoteMeta(runes("."+base+".")) + `[0-9]+\.tmp$`).MatchString(runes(name))
		if got := isLeftover(base, name); got != want {
			t.Errorf("isLeftover(%q, %q) = %v, want %v", base, name, got, want)
		}
	})
}

// A save's temporary file is one that the clean-up recognises: if
// os.CreateTemp changes how it names files, this fails.
func TestTemporaryFileIsRecognised(t *testing.T) {
	f := &File{name: filepath.Join(t.TempDir(), "progress.json")}
	tmp, err := f.createTemp()
	require.NoError(t, err)
	tmp.Close()
	assert.True(t, isLeftover("progress.json", filepath.Base(tmp.Name())), tmp.Name())
}
