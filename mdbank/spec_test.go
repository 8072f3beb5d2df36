package mdbank

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/backendprep/questionbank"
)

// A specExample is one example of the CommonMark spec (testdata/README.md).
type specExample struct {
	Markdown string `json:"markdown"`
	Example  int    `json:"example"`
	Section  string `json:"section"`
}

// TestCommonMarkSpec puts each of the CommonMark spec's 652 examples into
// an otherwise valid question as its example answer, and each that is
// one paragraph as a how-to-answer item too. Load refuses it, naming the
// block in words, or keeps it: then the text means what it meant (goldmark
// renders the section as Write writes it as it rendered the section read),
// Write writes it, and the written file reads back the same.
func TestCommonMarkSpec(t *testing.T) {
	data, err := os.ReadFile("testdata/spec.json")
	require.NoError(t, err)
	var examples []specExample
	require.NoError(t, json.Unmarshal(data, &examples))
	require.Len(t, examples, 652)
	counts := map[string]int{}
	for _, ex := range examples {
		md := strings.TrimRight(ex.Markdown, "\n")
		t.Run(fmt.Sprintf("%d", ex.Example), func(t *testing.T) {
			counts["example answer "+specCase(t, md, "## Example answer\n\n"+md+"\n", func(q questionbank.Question) string {
				var b bytes.Buffer
				b.WriteString("## Example answer\n")
				paragraphs(&b, q.ExampleAnswer)
				return b.String()
			})]++
			if !isOneParagraph(md) {
				return
			}
			item := "- " + strings.ReplaceAll(md, "\n", "\n  ")
			counts["how to answer "+specCase(t, md, "## How to answer\n\n"+item+"\n", func(q questionbank.Question) string {
				var b bytes.Buffer
				list(&b, sectionNames[sectionHow], q.HowToAnswer)
				return b.String()
			})]++
		})
	}
	t.Logf("CommonMark spec: %v", counts)
}

// specCase loads a question whose section is section and checks it as
// TestCommonMarkSpec says; it returns "kept" or "refused".
func specCase(t *testing.T, md, section string, written func(questionbank.Question) string) string {
	t.Helper()
	file := header + "# Why?\n\n" + section
	bank, err := Load(fstest.MapFS{"q.md": {Data: []byte(file)}})
	if err != nil {
		var e *Error
		require.ErrorAs(t, err, &e)
		for _, p := range e.Problems {
			assert.Greater(t, p.Line, 0, "%s", p)
			assert.NotRegexp(t, regexp.MustCompile(`\b[a-z]+(definition|block|break|list)\b`), p.Msg, "a block named in words")
		}
		return "refused"
	}
	q := bank.All()[0]
	assert.Equal(t, toHTML(t, section), toHTML(t, written(q)), "meaning changed: %q kept as %+q", md, q)
	data, err := Marshal(q)
	if !assert.NoError(t, err, "Write refuses what Load accepted: %q", md) {
		return "kept"
	}
	back, err := Load(fstest.MapFS{"q.md": {Data: data}})
	if assert.NoError(t, err, "the written file:\n%s", data) {
		assert.Equal(t, q, back.All()[0], "read back otherwise:\n%s", data)
	}
	return "kept"
}

// toHTML returns goldmark's HTML of md, a line break and the spaces
// around it as one space: a soft line break and the space Load joins
// lines with mean the same.
func toHTML(t *testing.T, md string) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, goldmark.Convert([]byte(md), &b))
	return strings.Join(strings.Fields(b.String()), " ")
}

// isOneParagraph reports whether md is one paragraph of Markdown.
func isOneParagraph(md string) bool {
	doc := goldmark.New().Parser().Parse(text.NewReader([]byte(md)))
	c := doc.FirstChild()
	return c != nil && c.NextSibling() == nil && c.Kind() == ast.KindParagraph
}
