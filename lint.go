package questionbank

import (
	"fmt"
	"strings"

	"github.com/backendprep/questionbank/internal/lint"
)

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
//	"quorum-claims: near-duplicate of quorum-overlap-guarantees: they share sloppy, quorums, ... (0.64 alike)"
//	"rate-limits: skill \"Kubernets\" looks like a slip for \"Kubernetes\" (12 questions)"
func (w Warning) String() string {
	if w.Other != "" {
		return w.ID + ": near-duplicate of " + w.Other + ": " + w.Msg
	}
	return w.ID + ": " + w.Msg
}

// NearDuplicate is how alike two questions' texts and key points must be
// for [Bank.Lint] to call them near-duplicates: the share of the shorter
// one's stems that the other has too, each stem weighed by how rare it is
// in the bank, from 0 (nothing shared) to 1 (all of it, as when one
// question is the other cut short). It lies between the most alike
// distinct questions of the built-in bank and one of them asked again in
// other words.
const NearDuplicate = lint.Threshold

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
// example story without asking the same. A stem in more than 64
// questions does not count towards likeness (copies are caught all the
// same), so that Lint's work is linear in the size of the bank's text.
// The built-in bank has no warnings.
func (b *Bank) Lint() []Warning {
	docs := make([]lint.Doc, len(b.qs))
	skills := make([][]string, len(b.qs))
	for i := range b.qs {
		docs[i] = lint.Doc{Text: b.qs[i].Text, Points: b.qs[i].HowToAnswer}
		skills[i] = b.qs[i].Skills
	}
	var out []Warning
	for _, p := range lint.NearDuplicates(docs) {
		out = append(out, Warning{
			ID:    b.qs[p.J].ID,
			Other: b.qs[p.I].ID,
			Msg:   fmt.Sprintf("they share %s (%.2f alike)", strings.Join(p.Shared, ", "), p.Alike),
		})
	}
	for _, s := range lint.SkillSlips(skills, normSkill) {
		out = append(out, Warning{
			ID:  b.qs[s.Question].ID,
			Msg: fmt.Sprintf("skill %q looks like a slip for %q (%s)", s.Skill, s.For, plural(s.Uses, "question")),
		})
	}
	return out
}

// plural returns n and the noun, in the plural unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
