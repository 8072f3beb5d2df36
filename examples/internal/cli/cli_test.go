package cli

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/backendprep/questionbank"
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
}

func TestRand(t *testing.T) {
	assert.Nil(t, Rand(0), "seed 0 is the package's source")
	assert.Equal(t, Rand(7).Uint64(), Rand(7).Uint64())
	assert.Equal(t, "p: a\np: b", Prefix("p: ", "a\nb"))
}
