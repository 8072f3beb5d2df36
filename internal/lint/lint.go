// Package lint finds what a bank of questions may hold but most likely
// should not: two questions that ask nearly the same, and a skill spelt in
// a way that looks like a slip for another. It sees questions as plain
// text and lists of skills, never as the root package's types; package
// questionbank's Bank.Lint turns what it finds into warnings.
package lint

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/backendprep/questionbank/internal/textsearch"
)

const (
	// Threshold is how alike two questions must be to be near-duplicates:
	// the share of the shorter one's stems that the other has too, each
	// stem weighed by how rare it is in the bank.
	Threshold = 0.55

	// commonStem is how many questions a stem may be in and still count
	// towards likeness. A stem in more is too common to tell questions
	// apart, and leaving it out keeps the work linear in the bank's size.
	commonStem = 64

	// minTypo is the fewest letters a skill needs before a one-letter
	// difference from another reads as a slip rather than another word.
	minTypo = 5
)

// A Doc is what likeness compares of a question: its text and its key
// points.
type Doc struct {
	Text   string
	Points []string
}

// A Pair is two questions at least Threshold alike: J, the later, is
// like I.
type Pair struct {
	I, J   int
	Alike  float64  // from 0 to 1; 1 for the same stems
	Shared []string // the words they share, rarest first, at most eight
}

// isStopWord reports whether w is too common in questions to say what one
// is about, whatever the bank. (A switch, not a map, so that importing the
// package does no work.)
func isStopWord(w string) bool {
	switch w {
	case "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "could", "do", "does", "for",
		"from", "has", "have", "how", "i", "if", "in", "into", "is", "it", "its", "me", "my", "not", "of",
		"on", "or", "our", "should", "so", "than", "that", "the", "their", "them", "then", "there",
		"these", "they", "this", "to", "us", "was", "we", "were", "what", "when", "where", "which",
		"while", "who", "why", "will", "with", "would", "you", "your":
		return true
	}
	return false
}

// terms returns the distinct stems of d, stop words left out, each with
// the first word that gave it. stemOf remembers the stems of words seen.
func terms(d Doc, stemOf map[string]string) map[string]string {
	out := map[string]string{}
	add := func(s string) {
		for _, w := range textsearch.Words(s) {
			if isStopWord(w) || len(w) < 2 {
				continue
			}
			st, ok := stemOf[w]
			if !ok {
				st = textsearch.Stem(w)
				stemOf[w] = st
			}
			if out[st] == "" {
				out[st] = w
			}
		}
	}
	add(d.Text)
	for _, s := range d.Points {
		add(s)
	}
	return out
}

// NearDuplicates returns each pair of docs at least Threshold alike, in
// the order of the later of the two, then of the earlier. A doc with
// exactly the stems of an earlier one is paired with the first such doc
// alone, however common its words.
func NearDuplicates(docs []Doc) []Pair {
	n := len(docs)
	ts := make([]map[string]string, n)
	df, stemOf := map[string]int{}, map[string]string{}
	for i, d := range docs {
		ts[i] = terms(d, stemOf)
		for st := range ts[i] {
			df[st]++
		}
	}
	weight := func(st string) float64 { return math.Log(1 + float64(n)/float64(df[st])) }
	norm := make([]float64, n)
	holders := map[string][]int{} // a rare enough stem's docs, in order
	for i, t := range ts {
		for st := range t {
			w := weight(st)
			norm[i] += w * w
			if df[st] > 1 && df[st] <= commonStem {
				holders[st] = append(holders[st], i)
			}
		}
	}
	var out []Pair
	dot := make(map[int]float64)
	first := map[string]int{} // a set of stems: the first doc with exactly that set
	for j := range n {
		key := setKey(ts[j])
		if i, ok := first[key]; ok && len(ts[j]) > 0 {
			out = append(out, Pair{I: i, J: j, Alike: 1, Shared: shared(ts[i], ts[j], weight)})
			continue
		}
		first[key] = j
		clear(dot)
		for st := range ts[j] {
			w := weight(st)
			for _, i := range holders[st] {
				if i >= j {
					break
				}
				dot[i] += w * w
			}
		}
		var like []int
		for i, d := range dot {
			if d/min(norm[i], norm[j]) >= Threshold {
				like = append(like, i)
			}
		}
		slices.Sort(like)
		for _, i := range like {
			out = append(out, Pair{I: i, J: j, Alike: dot[i] / min(norm[i], norm[j]), Shared: shared(ts[i], ts[j], weight)})
		}
	}
	return out
}

// setKey returns a key for a set of stems, the same for equal sets.
func setKey(t map[string]string) string {
	keys := make([]string, 0, len(t))
	for st := range t {
		keys = append(keys, st)
	}
	slices.Sort(keys)
	return strings.Join(keys, " ")
}

// shared names the stems a and b share, rarest first, at most eight, by
// the words that gave them in a.
func shared(a, b map[string]string, weight func(string) float64) []string {
	var both []string
	for st := range a {
		if _, ok := b[st]; ok {
			both = append(both, st)
		}
	}
	slices.SortFunc(both, func(x, y string) int {
		return cmp.Or(cmp.Compare(weight(y), weight(x)), cmp.Compare(x, y))
	})
	words := make([]string, 0, 8)
	for _, st := range both[:min(len(both), 8)] {
		words = append(words, a[st])
	}
	return words
}

// A Slip is a skill, as one question writes it, that looks like a slip
// for a commoner spelling.
type Slip struct {
	Question int    // the question that writes it
	Skill    string // as that question writes it
	For      string // the spelling it is a slip for
	Uses     int    // how many questions write For
}

// SkillSlips returns the slips among the questions' skills, in question
// order: a skill written two ways that key names as one ("Problem
// Solving" and "Problem-solving"), the rarer way being the slip, or one
// edit from another skill of at least five letters ("Kubernets" and
// "Kubernetes"), the one fewer questions use being the slip. Of two
// spellings used alike, the one first used later is the slip.
func SkillSlips(skills [][]string, key func(string) string) []Slip {
	uses := map[string]int{}       // a skill as written: how many questions use it
	byKey := map[string][]string{} // a key: its spellings, in order of first use
	first := map[string]int{}      // a key: the order of its first use
	for _, ss := range skills {
		for _, s := range ss {
			if uses[s]++; uses[s] == 1 {
				k := key(s)
				if byKey[k] == nil {
					first[k] = len(first)
				}
				byKey[k] = append(byKey[k], s)
			}
		}
	}
	slip := map[string]string{} // a rarer spelling: the spelling it is a slip for
	for _, spellings := range byKey {
		slices.SortStableFunc(spellings, func(x, y string) int { return cmp.Compare(uses[y], uses[x]) })
		for _, s := range spellings[1:] {
			slip[s] = spellings[0]
		}
	}
	keyUses := func(k string) int { return uses[byKey[k][0]] }
	for k1, k2 := range oneEditPairs(byKey) {
		// The slip is the spelling fewer questions use; between two used
		// alike, the later, as a bank's first questions set its words.
		rare, common := k1, k2
		if u1, u2 := keyUses(k1), keyUses(k2); u2 < u1 || u2 == u1 && first[k2] > first[k1] {
			rare, common = k2, k1
		}
		for _, s := range byKey[rare] {
			if _, ok := slip[s]; !ok {
				slip[s] = byKey[common][0]
			}
		}
	}
	var out []Slip
	for q, ss := range skills {
		for _, s := range ss {
			if to, ok := slip[s]; ok {
				out = append(out, Slip{Question: q, Skill: s, For: to, Uses: uses[to]})
			}
		}
	}
	return out
}

// oneEditPairs yields each pair of keys of at least minTypo letters that
// are one edit apart, found through the keys' one-letter deletions, so
// that the work is linear in the keys' length rather than quadratic in
// their number.
func oneEditPairs(byKey map[string][]string) func(yield func(string, string) bool) {
	return func(yield func(string, string) bool) {
		keys := make([]string, 0, len(byKey))
		for k := range byKey {
			if utf8.RuneCountInString(k) >= minTypo && len(k) <= 64 {
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		byDeletion := map[string][]string{}
		for _, k := range keys {
			byDeletion[k] = append(byDeletion[k], k)
			for i, r := range k {
				d := k[:i] + k[i+utf8.RuneLen(r):]
				byDeletion[d] = append(byDeletion[d], k)
			}
		}
		seen := map[[2]string]bool{}
		for _, k := range keys {
			near := slices.Clone(byDeletion[k])
			for i, r := range k {
				near = append(near, byDeletion[k[:i]+k[i+utf8.RuneLen(r):]]...)
			}
			for _, other := range near {
				pair := [2]string{min(k, other), max(k, other)}
				if other == k || seen[pair] || !oneEdit(k, other) {
					continue
				}
				seen[pair] = true
				if !yield(pair[0], pair[1]) {
					return
				}
			}
		}
	}
}

// oneEdit reports whether a and b are one edit apart: a letter added,
// dropped or changed, or two neighbouring letters swapped.
func oneEdit(a, b string) bool {
	x, y := []rune(a), []rune(b)
	if len(x) > len(y) {
		x, y = y, x
	}
	i := 0
	for i < len(x) && x[i] == y[i] {
		i++
	}
	switch len(y) - len(x) {
	case 0:
		if i == len(x) {
			return false
		}
		if slices.Equal(x[i+1:], y[i+1:]) {
			return true // changed
		}
		return i+1 < len(x) && x[i] == y[i+1] && x[i+1] == y[i] && slices.Equal(x[i+2:], y[i+2:]) // swapped
	case 1:
		return slices.Equal(x[i:], y[i+1:]) // added
	}
	return false
}
