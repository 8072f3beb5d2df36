package questionbank

// A phrase is free text to match: folded words in sequence, compared by
// stem, the last of them, with prefix set, as written and as a prefix.
type phrase struct {
	words  []string // folded, as typed
	stems  []string // stems of words
	prefix bool
}

// in reports whether s holds the phrase, whatever stands between its
// words (spaces, punctuation), as in Lucene and bleve: "api gateway" is in
// "API, gateway". ix gives the stems of s's words (nil: the stemmer). One pass, by
// shift-and: after each word, bit k of state says the words up to it
// match the phrase's first k+1 words.
func (ph *phrase) in(s string, ix *textIndex) bool {
	n := len(ph.words)
	if n == 0 || n > 64 {
		return n > 64 && ph.inLong(s, ix)
	}
	s = nfc(s)
	// nextWord and foldInto rather than foldWords: its callback would make
	// the buffer escape, and Count must not allocate.
	var buf [64]byte
	var state uint64
	for i := 0; ; {
		start, end := nextWord(s, i)
		if start == end {
			return false
		}
		i = end
		state = (state<<1 | 1) & ph.matches(foldInto(buf[:0], s[start:end]), ix)
		if state&(1<<(n-1)) != 0 {
			return true
		}
	}
}

// matches returns the bits of the phrase's words that w matches.
func (ph *phrase) matches(w []byte, ix *textIndex) uint64 {
	var mask uint64
	last := len(ph.words) - 1
	wstem := ""
	for k, q := range ph.words {
		if ph.prefix && k == last {
			if len(w) >= len(q) && string(w[:len(q)]) == q {
				mask |= 1 << k
			}
			continue
		}
		st := ph.stems[k]
		if len(w) == 0 || len(st) == 0 || w[0] != st[0] { // a stem keeps its word's first letter
			continue
		}
		if wstem == "" {
			wstem = ix.stemWord(w)
		}
		if wstem == st {
			mask |= 1 << k
		}
	}
	return mask
}

// inLong is in for a phrase of more than 64 words: rare enough to be
// done simply, a window of the field's words at a time.
func (ph *phrase) inLong(s string, ix *textIndex) bool {
	var fieldWords [][]byte
	foldWords(nil, nfc(s), func(w []byte) bool {
		fieldWords = append(fieldWords, append([]byte(nil), w...))
		return true
	})
	n := len(ph.words)
	for i := 0; i+n <= len(fieldWords); i++ {
		k := 0
		for ; k < n; k++ {
			short := phrase{words: ph.words[k : k+1], stems: ph.stems[k : k+1], prefix: ph.prefix && k == n-1}
			if short.matches(fieldWords[i+k], ix) == 0 {
				break
			}
		}
		if k == n {
			return true
		}
	}
	return false
}
