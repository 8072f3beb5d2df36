// Package cli holds what the example programs share: loading a bank
// from the -bank flag and making a *rand.Rand from the -seed flag.
package cli

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"

	"github.com/backendprep/questionbank"
)

// LoadBank returns the embedded bank for an empty name, and otherwise the
// JSON bank in the named file. Every line of an error names the file, so
// that each problem of an invalid bank says where it is:
//
//	bank file my.json: line 4: question 2 (id "x"): empty question text
func LoadBank(name string) (*questionbank.Bank, error) {
	if name == "" {
		return questionbank.Default(), nil
	}
	file, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("bank file: %w", err)
	}
	defer file.Close()
	bank, err := questionbank.LoadJSON(file)
	if err != nil {
		lines := strings.Split(err.Error(), "\n")
		for i, l := range lines {
			lines[i] = "bank file " + name + ": " + strings.TrimPrefix(l, "questionbank: ")
		}
		return nil, errors.New(strings.Join(lines, "\n"))
	}
	return bank, nil
}

// Rand returns a *rand.Rand seeded with seed, or nil, the package's own
// source, for seed 0. The programs agree on it, so that one seed gives one
// draw in each.
func Rand(seed uint64) *rand.Rand {
	if seed == 0 {
		return nil
	}
	return rand.New(rand.NewPCG(seed, 0))
}

// Prefix puts prefix before each line of msg, for messages to stderr.
func Prefix(prefix, msg string) string {
	return prefix + strings.ReplaceAll(msg, "\n", "\n"+prefix)
}
