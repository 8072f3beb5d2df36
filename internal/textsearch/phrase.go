package textsearch

// A Phrase is free text to match: folded words in sequence, compared by
// stem, the last of them, with Prefix set, as written and as a prefix.
type Phrase struct {
	Words  []string // folded, as typed
	Stems  []string // stems of Words
	Prefix bool
}

// In reports whether s holds the phrase, whatever stands between its
// words (spaces, punctuation), as in Lucene and bleve: "api gateway" is
// in "API, gateway". ix gives the stems of s's words (nil: the stemmer).
// One pass, by shift-and: after each word, bit k of state says the words
// up to it match the phrase's first k+1 words.
func (ph *Phrase) In(s string, ix *Index) bool {
	n := len(ph.Words)
	if n == 0 || n > 64 {
		return n > 64 && ph.inLong(s, ix)
	}
	s = NFC(s)
	// nextWord and AppendFold rather than FoldWords: its callback would
	// make the buffer escape, and counting must not allocate.
	var buf [64]byte
	var state uint64
	for i := 0; ; {
		start, end := nextWord(s, i)
		if start == end {
			return false
		}
		i = end
		state = (state<<1 | 1) & ph.matches(AppendFold(buf[:0], s[start:end]), ix)
		if state&(1<<(n-1)) != 0 {
			return true
		}
	}
}

// matches returns the bits of the phrase's words that w matches.
func (ph *Phrase) matches(w []byte, ix *Index) uint64 {
	var mask uint64
	last := len(ph.Words) - 1
	wstem := ""
	for k, q := range ph.Words {
		if ph.Prefix && k == last {
			if len(w) >= len(q) && string(w[:len(q)]) == q {
				mask |= 1 << k
			}
			continue
		}
		st := ph.Stems[k]
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

// Word returns the phrase's word k as a phrase of its own, a prefix if
// it is the phrase's last word and that is a prefix.
func (ph *Phrase) Word(k int) Phrase {
	return Phrase{Words: ph.Words[k : k+1], Stems: ph.Stems[k : k+1], Prefix: ph.Prefix && k == len(ph.Words)-1}
}

// inLong is In for a phrase of more than 64 words: rare enough to be
// done simply, a window of the field's words at a time.
func (ph *Phrase) inLong(s string, ix *Index) bool {
	var fieldWords [][]byte
	FoldWords(nil, NFC(s), func(w []byte) bool {
		fieldWords = append(fieldWords, append([]byte(nil), w...))
		return true
	})
	n := len(ph.Words)
	for i := 0; i+n <= len(fieldWords); i++ {
		k := 0
		for ; k < n; k++ {
			short := ph.Word(k)
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
