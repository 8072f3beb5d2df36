// Package warmup builds a bank's indexes before a server takes its first
// request. The library builds each index on first use, so that a program
// that never searches never pays for it; a server pays once, at start-up,
// rather than on the request that happens to come first (the first phrase
// query on a bank of 20,000 questions costs a second of CPU to build the
// index of word pairs, later ones milliseconds).
package warmup

import (
	"strings"
	"unicode"

	"github.com/backendprep/questionbank"
)

// maxTries bounds the questions whose words Bank tries as a phrase.
const maxTries = 20

// Bank builds b's indexes through its public API: the index of fields
// and IDs (a facet count), the bank's version, the word index (a search)
// and the index of word pairs (a search for a phrase of two words that
// stand side by side in one of the bank's questions).
func Bank(b *questionbank.Bank) {
	b.Facets(questionbank.Filter{})
	b.Version()
	tries := 0
	for q := range b.Questions(questionbank.Filter{}) {
		if tries++; tries > maxTries {
			return
		}
		words := strings.FieldsFunc(q.Text, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
		})
		if len(words) < 2 {
			continue
		}
		if _, err := b.Search(`"`+words[0]+" "+words[1]+`"`, 1); err == nil {
			return
		}
	}
}
