package bench

import (
	"bytes"
	"testing"

	goccy "github.com/goccy/go-yaml"
	gomarkdown "github.com/gomarkdown/markdown/parser"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/text"
	yamlv3 "go.yaml.in/yaml/v3"

	qb "github.com/backendprep/questionbank"
	"github.com/backendprep/questionbank/mdbank"
)

// BenchmarkMarkdownParsers times the parsers mdbank could use on the
// built-in questions as mdbank writes them: two YAML parsers on the front
// matter, two Markdown parsers on the body. (goldmark is also the one of
// the two that follows CommonMark; gomarkdown does not claim to.)
func BenchmarkMarkdownParsers(b *testing.B) {
	var fronts, bodies [][]byte
	for _, q := range qb.Default().All() {
		data, err := mdbank.Marshal(q)
		if err != nil {
			b.Fatal(err)
		}
		parts := bytes.SplitN(data, []byte("---\n"), 3)
		fronts, bodies = append(fronts, parts[1]), append(bodies, parts[2])
	}
	b.Run("yaml/go.yaml.in-v3", func(b *testing.B) {
		for range b.N {
			for _, f := range fronts {
				var n yamlv3.Node
				if err := yamlv3.Unmarshal(f, &n); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("yaml/goccy", func(b *testing.B) {
		for range b.N {
			for _, f := range fronts {
				var m map[string]any
				if err := goccy.Unmarshal(f, &m); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("markdown/goldmark", func(b *testing.B) {
		md := goldmark.New()
		for range b.N {
			for _, body := range bodies {
				md.Parser().Parse(text.NewReader(body))
			}
		}
	})
	b.Run("markdown/gomarkdown", func(b *testing.B) {
		for range b.N {
			for _, body := range bodies {
				gomarkdown.New().Parse(body)
			}
		}
	})
}
