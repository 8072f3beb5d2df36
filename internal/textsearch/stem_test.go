package textsearch

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestStem(t *testing.T) {
	tests := map[string]string{
		"caching": "cach", "cached": "cach", "caches": "cach", "cache": "cach",
		"designing": "design", "systems": "system", "scalable": "scalabl",
		"kubernetes": "kubernet", "api": "api", "go": "go",
		// Matched as written: what a stemmer for English cannot handle.
		"日本語": "日本語", "http2": "http2", "café": "café", "über": "über",
		strings.Repeat("a", MaxStemLen+1): strings.Repeat("a", MaxStemLen+1),
	}
	for w, want := range tests {
		assert.Equal(t, want, Stem(w), "Stem(%q)", w)
	}
	long := strings.Repeat("ab", 2000) // the longest a query can hold, and more
	assert.Equal(t, long, Stem(long))
	for _, w := range []string{"", "a", "ab", "yyyyyy", "sses", "ied", "eeeeed", "ly", "ingly"} {
		_ = Stem(w) // no panic on odd English
	}
}
