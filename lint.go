package questionbank

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// Linting a bank: what it may hold but most likely should not.

// A Warning is something a bank may hold but most likely should not: a
// question that asks nearly the same as another, or a skill spelt in a
// way that looks like a slip for another.
type Warning struct {
	// ID is the question the warning is about.
	ID string
	// Other, when set, is the question that ID nearly duplicates; the
	// warning is then a near-duplicate, and Msg says what they share.
	Other string
	// Msg says what is wrong, in one line.
	Msg string
}

// String returns the warning in one line:
//
//	"cache-stampede: near-duplicate of hot-key-expiry: they share stampede, expiry, lock (0.81 alike)"
//	"rate-limits: skill \"Kubernets\" looks like a slip for \"Kubernetes\" (12 questions)"
func (w Warning) String() string {
	if w.Other != "" {
		return w.ID + ": near-duplicate of " + w.Other + ": " + w.Msg
	}
	return w.ID + ": " + w.Msg
}

const (
	// NearDuplicate is how alike two questions' texts and key points must
	// be for [Bank.Lint] to call them near-duplicates: the share of the
	// shorter one's stems that the other has too, each stem weighed by how
	// rare it is in the bank, from 0 (nothing shared) to 1 (all of it, as
	// when one question is the other cut short). It is set between the
	// most alike distinct questions of the built-in bank and a question of
	// it asked again in other words (BENCHMARKS.md, "Linting").
	NearDuplicate = 0.55

	// lintCommonStem is how many questions a stem may be in and still
	// count towards likeness. A stem in more is too common to tell
	// questions apart, and leaving it out keeps Lint's work linear in the
	// bank's size.
	lintCommonStem = 64

	// lintMinTypo is the fewest letters a skill needs before a one-letter
	// difference from another reads as a slip rather than another word.
	lintMinTypo = 5
)

// Lint returns the bank's warnings, near-duplicates first, each group in
// corpus order:
//
//   - Two questions that ask nearly the same: their question texts and
//     how-to-answer points share enough English stems, weighed by rarity,
//     to be at least [NearDuplicate] alike, so that one question asked in
//     other words is caught, not only the same phrasing. Each pair is
//     reported once, on the later question.
//   - A skill written two ways that name one skill ("Problem Solving"
//     and "Problem-solving"), or one edit away from another skill of at
//     least five letters ("Kubernets" and "Kubernetes"): reported on each
//     question that uses the rarer spelling.
//
// A question's other fields are not compared: two questions may share an
// example story without asking the same. Lint's work is linear in the
// size of the bank's text. The built-in bank has no warnings.
func (b *Bank) Lint() []Warning {
	return append(b.nearDuplicates(), b.skillSlips()...)
}

// lintStopWords are the words too common in questions to say what one
// is about, whatever the bank.
var lintStopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an and are as at be but by can could do does for from has have how
		i if in into is it its me my not of on or our should so than that the their them then there
		these they this to us was we were what when where which while who why will with would you your`) {
		m[w] = true
	}
	return m
}()

// lintTerms returns the distinct stems of q's text and how-to-answer
// points, stop words left out, each with the first word that gave it.
// stemOf remembers the stems of words already seen.
func lintTerms(q *Question, stemOf map[string]string) map[string]string {
	terms := map[string]string{}
	add := func(s string) {
		for _, w := range words(s) {
			if lintStopWords[w] || len(w) < 2 {
				continue
			}
			st, ok := stemOf[w]
			if !ok {
				st = stem(w)
				stemOf[w] = st
			}
			if terms[st] == "" {
				terms[st] = w
			}
		}
	}
	add(q.Text)
	for _, s := range q.HowToAnswer {
		add(s)
	}
	return terms
}

// nearDuplicates returns a warning for each pair of questions at least
// NearDuplicate alike.
func (b *Bank) nearDuplicates() []Warning {
	n := len(b.qs)
	terms := make([]map[string]string, n)
	df, stemOf := map[string]int{}, map[string]string{}
	for i := range b.qs {
		terms[i] = lintTerms(&b.qs[i], stemOf)
		for st := range terms[i] {
			df[st]++
		}
	}
	weight := func(st string) float64 { return math.Log(1 + float64(n)/float64(df[st])) }
	norm := make([]float64, n)
	holders := map[string][]int{} // a rare enough stem's questions, in order
	for i, ts := range terms {
		for st := range ts {
			w := weight(st)
			norm[i] += w * w
			if df[st] > 1 && df[st] <= lintCommonStem {
				holders[st] = append(holders[st], i)
			}
		}
	}
	var out []Warning
	dot := make(map[int]float64)
	first := map[string]int{} // a set of stems: the first question with exactly that set
	for j := range n {        // j, the later question of each pair
		if i, ok := first[termsKey(terms[j])]; ok && len(terms[j]) > 0 {
			// The same stems, however common: the work of a common stem is
			// passed over below, so a copy is caught here.
			out = append(out, Warning{ID: b.qs[j].ID, Other: b.qs[i].ID, Msg: "they share every word (1.00 alike)"})
			continue
		}
		first[termsKey(terms[j])] = j
		clear(dot)
		for st := range terms[j] {
			w := weight(st)
			for _, i := range holders[st] {
				if i >= j {
					break
				}
				dot[i] += w * w
			}
		}
		var like []int
		alike := func(i int) float64 { return dot[i] / min(norm[i], norm[j]) }
		for i := range dot {
			if alike(i) >= NearDuplicate {
				like = append(like, i)
			}
		}
		slices.Sort(like)
		for _, i := range like {
			out = append(out, Warning{
				ID:    b.qs[j].ID,
				Other: b.qs[i].ID,
				Msg:   fmt.Sprintf("they share %s (%.2f alike)", sharedWords(terms[i], terms[j], weight), alike(i)),
			})
		}
	}
	return out
}

// termsKey returns a key for a set of stems, the same for equal sets.
func termsKey(terms map[string]string) string {
	keys := make([]string, 0, len(terms))
	for st := range terms {
		keys = append(keys, st)
	}
	slices.Sort(keys)
	return strings.Join(keys, " ")
}

// sharedWords names the stems two questions share, rarest first, at most
// eight, by the words that gave them in the first.
func sharedWords(a, b map[string]string, weight func(string) float64) string {
	var shared []string
	for st := range a {
		if _, ok := b[st]; ok {
			shared = append(shared, st)
		}
	}
	slices.SortFunc(shared, func(x, y string) int {
		return cmp.Or(cmp.Compare(weight(y), weight(x)), cmp.Compare(x, y))
	})
	words := make([]string, 0, 8)
	for _, st := range shared[:min(len(shared), 8)] {
		words = append(words, a[st])
	}
	return strings.Join(words, ", ")
}

// skillSlips returns a warning for each question that spells a skill in a
// way that looks like a slip for a commoner spelling.
func (b *Bank) skillSlips() []Warning {
	uses := map[string]int{}       // a skill as written: how many questions use it
	byKey := map[string][]string{} // normSkill key: its spellings, in order of first use
	for i := range b.qs {
		for _, s := range b.qs[i].Skills {
			if uses[s]++; uses[s] == 1 {
				k := normSkill(s)
				byKey[k] = append(byKey[k], s)
			}
		}
	}
	// A spelling is a slip for the commonest other spelling of its key, or
	// for a key one edit away: the one of the two used by fewer questions.
	slip := map[string]string{} // a rarer spelling: the spelling it is a slip for
	keyUses := func(k string) int { return uses[byKey[k][0]] }
	for _, spellings := range byKey {
		slices.SortStableFunc(spellings, func(x, y string) int { return cmp.Compare(uses[y], uses[x]) })
		for _, s := range spellings[1:] {
			slip[s] = spellings[0]
		}
	}
	for k1, k2 := range oneEditPairs(byKey) {
		rare, common := k1, k2
		if keyUses(k2) < keyUses(k1) {
			rare, common = k2, k1
		}
		for _, s := range byKey[rare] {
			if _, ok := slip[s]; !ok {
				slip[s] = byKey[common][0]
			}
		}
	}
	var out []Warning
	for i := range b.qs {
		for _, s := range b.qs[i].Skills {
			if to, ok := slip[s]; ok {
				out = append(out, Warning{
					ID:  b.qs[i].ID,
					Msg: fmt.Sprintf("skill %q looks like a slip for %q (%s)", s, to, plural(uses[to], "question")),
				})
			}
		}
	}
	return out
}

// oneEditPairs yields each pair of keys of at least lintMinTypo letters
// that are one edit apart (a letter added, dropped, changed, or two
// neighbours swapped), found through the keys' one-letter deletions, so
// that the work is linear in the keys' length rather than quadratic in
// their number.
func oneEditPairs(byKey map[string][]string) func(yield func(string, string) bool) {
	return func(yield func(string, string) bool) {
		keys := make([]string, 0, len(byKey))
		for k := range byKey {
			if utf8.RuneCountInString(k) >= lintMinTypo && len(k) <= 64 {
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
			for _, other := range candidates(k, byDeletion) {
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

// candidates returns the keys that share k or one of its one-letter
// deletions.
func candidates(k string, byDeletion map[string][]string) []string {
	out := slices.Clone(byDeletion[k])
	for i, r := range k {
		out = append(out, byDeletion[k[:i]+k[i+utf8.RuneLen(r):]]...)
	}
	return out
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

// plural returns n and the noun, in the plural unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
