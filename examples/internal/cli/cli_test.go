package cli

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/backendprep/questionbank"
	"github.com/backendprep/questionbank/mdbank"
)

func TestClosestFlag(t *testing.T) {
	fs := flag.NewFlagSet("prog", flag.ContinueOnError)
	fs.String("format", "", "")
	fs.String("seed", "", "")
	fs.String("bank", "", "")
	for name, want := range map[string]string{"fromat": "format", "sed": "seed", "bnak": "bank", "formats": "format", "xyz": ""} {
		assert.Equal(t, want, closestFlag(fs, name), "closestFlag(%q)", name)
	}
}

func TestParse(t *testing.T) {
	newFlags := func() (*flag.FlagSet, *bytes.Buffer) {
		var out bytes.Buffer
		fs := flag.NewFlagSet("prog", flag.ContinueOnError)
		fs.SetOutput(&out)
		fs.String("format", "", "")
		fs.Uint64("seed", 0, "")
		return fs, &out
	}
	fs, out := newFlags()
	status, ok := Parse(fs, "usage\n", []string{"-format", "json"}, nil)
	assert.True(t, ok)
	assert.Zero(t, status)
	assert.Empty(t, out.String())

	fs, out = newFlags()
	status, ok = Parse(fs, "usage\n", []string{"-h"}, nil)
	assert.False(t, ok)
	assert.Zero(t, status)
	assert.True(t, strings.HasPrefix(out.String(), "usage\n"))

	fs, out = newFlags()
	status, ok = Parse(fs, "usage\n", []string{"-formt", "json"}, nil)
	assert.False(t, ok)
	assert.Equal(t, 2, status)
	assert.Contains(t, out.String(), "prog: unknown flag -formt; did you mean -format?")

	fs, out = newFlags()
	_, ok = Parse(fs, "usage\n", []string{"-zzzzz"}, nil)
	assert.False(t, ok)
	assert.NotContains(t, out.String(), "did you mean")

	fs, out = newFlags()
	status, ok = Parse(fs, "usage\n", []string{"a", "b"}, func(rest []string) string { return "got " + strings.Join(rest, "+") })
	assert.False(t, ok)
	assert.Equal(t, 2, status)
	assert.Equal(t, "prog: unexpected argument \"a\"; got a+b\n", out.String())
}

func TestLoadBank(t *testing.T) {
	b, err := LoadBank("")
	require.NoError(t, err)
	assert.Same(t, questionbank.Default(), b)

	name := filepath.Join(t.TempDir(), "bank.json")
	require.NoError(t, os.WriteFile(name, []byte(`[{"id": "a", "level": "x", "type": "technical", "text": ""}]`), 0o644))
	_, err = LoadBank(name)
	require.Error(t, err)
	for _, line := range strings.Split(err.Error(), "\n") {
		assert.True(t, strings.HasPrefix(line, "bank file "+name+": line 1: question 0"), line)
	}
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.md"), []byte("---\nid: a\nlevel: x\ntype: technical\n---\n# Why?\n"), 0o644))
	_, err = LoadBank(dir)
	assert.EqualError(t, err, filepath.Join(dir, "a.md")+`:3: unknown level "x" (levels are junior, developer, mid, senior, lead, principal, architect)`)
	var problems *mdbank.Error
	assert.ErrorAs(t, err, &problems)
	_, err = LoadBank(filepath.Join(dir, "a.md"))
	assert.EqualError(t, err, filepath.Join(dir, "a.md")+`:3: unknown level "x" (levels are junior, developer, mid, senior, lead, principal, architect)`)

	_, err = LoadBank(filepath.Join(dir, "no\x1bsuch.json"))
	assert.EqualError(t, err, `bank file: open "`+dir+`/no\x1bsuch.json": no such file or directory`)
}

func TestRand(t *testing.T) {
	assert.Nil(t, Rand(0), "seed 0 is the package's source")
	assert.Equal(t, Rand(7).Uint64(), Rand(7).Uint64())
	assert.Equal(t, "p: a\np: b", Prefix("p: ", "a\nb"))
}

func TestWhen(t *testing.T) {
	t0 := time.Date(2026, 11, 27, 9, 0, 0, 0, time.Local)
	for d, want := range map[time.Duration]string{
		10 * time.Minute:    "in 10 minutes (09:10)",
		time.Minute:         "in 1 minute (09:01)",
		3 * time.Hour:       "in 3 hours (12:00)",
		24 * time.Hour:      "in 1 day (Sat 28 Nov 2026)",
		40 * 24 * time.Hour: "in 40 days (Wed 6 Jan 2027)",
		-time.Hour:          "now",
	} {
		assert.Equal(t, want, When(t0.Add(d), t0), "When(+%v)", d)
	}
	assert.Equal(t, "1 question", Count(1, "question"))
	assert.Equal(t, "0 questions", Count(0, "question"))
	assert.Equal(t, "Good", Title("good"))
	assert.Equal(t, "", Title(""))
}
