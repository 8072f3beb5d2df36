package questionbank

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The project's own questions: the rules data/README.md gives their
// authors, checked on every one of them.

// sourcePageLen is how many of the corpus's questions come from the
// source page; the project's own follow them.
const sourcePageLen = 14

// ownSource is the source every one of the project's own questions names.
var ownSource = Source{
	Title:   "questionbank",
	URL:     "https://github.com/backendprep/questionbank",
	Licence: "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)",
}

// originals returns the project's own questions, in corpus order.
func originals() []Question { return Default().All()[sourcePageLen:] }

// skillVocabulary reads data/skills.md: its "- name: meaning" lines, in
// order.
func skillVocabulary(t testing.TB) (names []string, meaning map[string]string) {
	t.Helper()
	f, err := os.Open("data/skills.md")
	require.NoError(t, err)
	defer f.Close()
	meaning = map[string]string{}
	line := regexp.MustCompile(`^- ([A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)*): (\S.*)$`)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if !strings.HasPrefix(sc.Text(), "- ") {
			continue
		}
		m := line.FindStringSubmatch(sc.Text())
		require.NotNil(t, m, "data/skills.md: %q is not \"- name: meaning\"", sc.Text())
		require.NotContains(t, meaning, m[1], "data/skills.md: %s is listed twice", m[1])
		names = append(names, m[1])
		meaning[m[1]] = m[2]
	}
	require.NoError(t, sc.Err())
	return names, meaning
}

var (
	slugRE       = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)
	sentenceEnd  = regexp.MustCompile(`[.!?](?:\s|$)`)
	markupRE     = regexp.MustCompile("`|\\*\\*|\\]\\(|(?:^|\\s)[*_]\\S|^#|^[-+] ")
	employerRE   = regexp.MustCompile(`\b(?:Stripe|Netflix|Uber|Shopify|Airbnb|Spotify|Twitter|LinkedIn|PayPal|Facebook|Lyft|Dropbox|Himalayas)\b|\b(?:at|for|joined) (?:Google|Amazon|Microsoft|Apple|Meta)\b`)
	levelPrefix  = regexp.MustCompile(`^(?:junior|developer|mid|senior|lead|principal|architect)-`)
	wordsLimitOf = map[Type]int{Technical: 60, Behavioral: 60, Competency: 60, Situational: 75}
)

// TestOriginalsFields checks every field of every original question
// against the rules of data/README.md.
func TestOriginalsFields(t *testing.T) {
	_, vocab := skillVocabulary(t)
	own := originals()
	require.NotEmpty(t, own)
	count := func(s string) int { return len(strings.Fields(s)) }
	for _, q := range own {
		t.Run(q.ID, func(t *testing.T) {
			assert.Regexp(t, slugRE, q.ID, "the ID is lower-case words joined by hyphens")
			assert.LessOrEqual(t, len(q.ID), 64, "ID length")
			assert.NotRegexp(t, levelPrefix, q.ID, "the ID must not encode the level")
			assert.Equal(t, ownSource, q.Source, "source")
			assert.LessOrEqual(t, count(q.Text), wordsLimitOf[q.Type], "words in the question (%s)", q.Type)
			sentences := len(sentenceEnd.FindAllString(q.Introduction, -1))
			assert.True(t, sentences >= 1 && sentences <= 2, "introduction has %d sentences, want 1-2", sentences)
			assert.True(t, len(q.HowToAnswer) >= 4 && len(q.HowToAnswer) <= 6, "%d points to how to answer, want 4-6", len(q.HowToAnswer))
			assert.True(t, len(q.WhatNotToSay) >= 2 && len(q.WhatNotToSay) <= 5, "%d red flags, want 2-5", len(q.WhatNotToSay))
			assert.True(t, len(q.FollowUps) >= 2 && len(q.FollowUps) <= 4, "%d follow-ups, want 2-4", len(q.FollowUps))
			n := count(q.ExampleAnswer)
			assert.True(t, n >= 120 && n <= 300, "example answer is %d words, want 120-300", n)
			assert.True(t, len(q.Skills) >= 1 && len(q.Skills) <= 4, "%d skills, want 1-4", len(q.Skills))
			for _, s := range q.Skills {
				assert.Contains(t, vocab, s, "skill %q is not in data/skills.md", s)
			}
			texts := append([]string{q.Text, q.Introduction, q.ExampleAnswer}, q.HowToAnswer...)
			texts = append(append(texts, q.WhatNotToSay...), q.FollowUps...)
			for _, s := range texts {
				assert.NotRegexp(t, markupRE, s, "the text is plain, with no Markdown markup")
				assert.NotRegexp(t, employerRE, s, "no real employer is named")
			}
		})
	}
}

// TestOriginalsCoverage checks that every level has enough questions of
// every type, as data/README.md promises.
func TestOriginalsCoverage(t *testing.T) {
	n := map[Level]map[Type]int{}
	for _, q := range originals() {
		if n[q.Level] == nil {
			n[q.Level] = map[Type]int{}
		}
		n[q.Level][q.Type]++
	}
	for _, l := range Levels() {
		c := n[l]
		all := c[Technical] + c[Behavioral] + c[Situational] + c[Competency]
		assert.GreaterOrEqual(t, all, 34, "%s: questions", l)
		assert.GreaterOrEqual(t, c[Technical], 18, "%s: technical questions", l)
		assert.GreaterOrEqual(t, all-c[Technical], 8, "%s: questions that are not technical", l)
		assert.GreaterOrEqual(t, c[Behavioral], 4, "%s: behavioral questions", l)
		assert.GreaterOrEqual(t, c[Situational], 2, "%s: situational questions", l)
	}
}

// TestOriginalsSkills checks the vocabulary: 25-45 skills, each used by
// at least 6 questions over at least 3 levels.
func TestOriginalsSkills(t *testing.T) {
	names, meaning := skillVocabulary(t)
	assert.True(t, len(names) >= 25 && len(names) <= 45, "data/skills.md lists %d skills, want 25-45", len(names))
	uses, levels := map[string]int{}, map[string]map[Level]bool{}
	for _, q := range originals() {
		for _, s := range q.Skills {
			uses[s]++
			if levels[s] == nil {
				levels[s] = map[Level]bool{}
			}
			levels[s][q.Level] = true
		}
	}
	for _, s := range names {
		assert.NotEmpty(t, meaning[s], s)
		assert.GreaterOrEqual(t, uses[s], 6, "skill %s: questions using it", s)
		assert.GreaterOrEqual(t, len(levels[s]), 3, "skill %s: levels using it", s)
	}
}

// TestOriginalsOpenings checks that no three-word opening is used by more
// than a fifth of the original questions of one type, so that no stock
// opener ("Can you describe ...") takes over.
func TestOriginalsOpenings(t *testing.T) {
	byType := map[Type]map[string][]string{}
	total := map[Type]int{}
	for _, q := range originals() {
		w := strings.FieldsFunc(strings.ToLower(q.Text), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '-'
		})
		opening := strings.Join(w[:min(3, len(w))], " ")
		if byType[q.Type] == nil {
			byType[q.Type] = map[string][]string{}
		}
		byType[q.Type][opening] = append(byType[q.Type][opening], q.ID)
		total[q.Type]++
	}
	for ty, openings := range byType {
		for opening, ids := range openings {
			assert.LessOrEqual(t, len(ids)*5, total[ty], "%q opens %d of %d %s questions: %s",
				opening, len(ids), total[ty], ty, strings.Join(ids, ", "))
		}
	}
}

// TestSourcePageFirst checks that the source page's questions come first,
// with their IDs, and that none of the project's own reuses the ID scheme.
func TestSourcePageFirst(t *testing.T) {
	all := Default().All()
	require.Greater(t, len(all), sourcePageLen)
	for i, q := range all[:sourcePageLen] {
		assert.Equal(t, fmt.Sprintf("%s-%d", Level(i/2+1), i%2+1), q.ID)
		assert.NotEqual(t, ownSource, q.Source, q.ID)
	}
}
