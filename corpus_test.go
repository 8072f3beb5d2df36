package questionbank

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	pageCopy   = "testdata/sourcepage.txt"
	sharedPage = "../shared/seeds/000_5f45a5320871ada1.txt"
)

// TestSourcePageCopy checks that testdata/sourcepage.txt is byte for byte
// the copy of the source page the project was given, where that copy is
// present (it is in CI).
func TestSourcePageCopy(t *testing.T) {
	shared, err := os.ReadFile(sharedPage)
	if os.IsNotExist(err) {
		t.Skipf("%s is not present; comparing with the copy only", sharedPage)
	}
	require.NoError(t, err)
	copied, err := os.ReadFile(pageCopy)
	require.NoError(t, err)
	if !bytes.Equal(shared, copied) {
		t.Errorf("%s differs from %s; copy it again", pageCopy, sharedPage)
	}
}

// parseSourcePage reads the questions out of the source page: level headings
// ("4. Senior Backend Developer Interview Questions and Answers"),
// questions ("4.2. How do you ..."), and under each the sections
// Introduction, How to answer, What not to say, Example answer, Skills
// tested and Question type. It stops at the page's closing marketing.
// pageURL is the source page's address, which its text does not hold.
const pageURL = "https://himalayas.app/interview-questions/backend-developer"

// pageSource is the Source of the source page: its title, as its first
// line gives it before " | Himalayas", and its address.
func pageSource(text string) Source {
	title, _, _ := strings.Cut(text, "\n")
	title, _, _ = strings.Cut(title, " | ")
	return Source{Title: title, URL: pageURL}
}

func parseSourcePage(t *testing.T, text string) []Question {
	t.Helper()
	levelRE := regexp.MustCompile(`^([1-7])\. (.+) Interview Questions and Answers$`)
	questionRE := regexp.MustCompile(`^([1-7])\.([0-9]+)\. (.+)$`)
	var (
		qs      []Question
		titles  = map[int]string{}
		section string
	)
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, "Similar Interview Questions") {
			break // the rest of the page is marketing
		}
		if m := levelRE.FindStringSubmatch(line); m != nil {
			titles[int(m[1][0]-'0')] = m[2]
			continue
		}
		if m := questionRE.FindStringSubmatch(line); m != nil {
			lv := Level(m[1][0] - '0')
			require.Equal(t, titles[int(lv)], lv.Title(), "heading of level %d", lv)
			qs = append(qs, Question{ID: lv.String() + "-" + m[2], Level: lv, Text: m[3], Source: pageSource(text)})
			section = ""
			continue
		}
		switch line {
		case "Introduction", "How to answer", "What not to say", "Example answer", "Skills tested", "Question type":
			section = line
			continue
		case "":
			continue
		}
		if len(qs) == 0 {
			continue // the page's introduction
		}
		q := &qs[len(qs)-1]
		bullet, isBullet := strings.CutPrefix(line, "  • ")
		switch section {
		case "Introduction":
			require.Empty(t, q.Introduction, "%s: second introduction paragraph", q.ID)
			q.Introduction = line
		case "How to answer":
			require.True(t, isBullet, "%s: not a bullet: %q", q.ID, line)
			q.HowToAnswer = append(q.HowToAnswer, bullet)
		case "What not to say":
			require.True(t, isBullet, "%s: not a bullet: %q", q.ID, line)
			q.WhatNotToSay = append(q.WhatNotToSay, bullet)
		case "Example answer":
			require.Empty(t, q.ExampleAnswer, "%s: second example paragraph", q.ID)
			q.ExampleAnswer = line
		case "Skills tested":
			q.Skills = append(q.Skills, line)
		case "Question type":
			ty, err := ParseType(line)
			require.NoError(t, err, "%s", q.ID)
			require.Equal(t, line, ty.Title())
			q.Type = ty
		default:
			t.Fatalf("%s: line outside any section: %q", q.ID, line)
		}
	}
	return qs
}

// TestCorpusMatchesSourcePage parses the source page itself and compares every
// field of every question with the embedded bank, so that no
// transcription slip can pass.
func TestCorpusMatchesSourcePage(t *testing.T) {
	text, err := os.ReadFile(pageCopy)
	require.NoError(t, err)
	want := parseSourcePage(t, string(text))
	require.Len(t, want, 14, "questions on the source page")
	got := Default().All()
	require.Greater(t, len(got), len(want))
	for i := range want {
		assert.Equal(t, want[i], got[i], "question %d (%s)", i, want[i].ID)
	}
}

func TestCorpusShape(t *testing.T) {
	var ids []string
	for i, q := range Default().All()[:sourcePageLen] {
		wantLevel := Level(i/2 + 1)
		assert.Equal(t, wantLevel, q.Level, "question %d", i)
		assert.Equal(t, fmt.Sprintf("%s-%d", wantLevel, i%2+1), q.ID)
		assert.Len(t, q.HowToAnswer, 5, q.ID)
		assert.Len(t, q.WhatNotToSay, 4, q.ID)
		assert.NotEmpty(t, q.Introduction, q.ID)
		assert.NotEmpty(t, q.ExampleAnswer, q.ID)
		assert.NotEmpty(t, q.Skills, q.ID)
		ids = append(ids, q.ID)
	}
	assert.Equal(t, []string{
		"junior-1", "junior-2", "developer-1", "developer-2", "mid-1", "mid-2", "senior-1",
		"senior-2", "lead-1", "lead-2", "principal-1", "principal-2", "architect-1", "architect-2",
	}, ids)
}

// TestCorpusHasNoMarketing checks that none of the page's pricing or
// sign-up text reached the corpus.
func TestCorpusHasNoMarketing(t *testing.T) {
	for _, q := range Default().All()[:sourcePageLen] {
		text := strings.Join(fieldTexts(&q), "\n")
		for _, bad := range []string{"Himalayas", "$9", "Sign up", "pricing", "credit card", "AI interview practice"} {
			assert.NotContains(t, text, bad, q.ID)
		}
	}
}
