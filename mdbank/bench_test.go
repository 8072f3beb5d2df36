package mdbank

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/backendprep/questionbank"
	"github.com/backendprep/questionbank/render"
)

// BenchmarkLoad1000 loads a bank of 1,000 questions from its Markdown
// files, against questionbank.LoadJSON of the same bank from one JSON
// file: both read from disk, as a program does.
func BenchmarkLoad1000(b *testing.B) {
	corpus := questionbank.Default().All()
	qs := make([]questionbank.Question, 1000)
	for i := range qs {
		qs[i] = corpus[i%len(corpus)]
		qs[i].ID = fmt.Sprintf("q-%04d", i)
	}
	dir := b.TempDir()
	md := filepath.Join(dir, "md")
	if err := Write(md, qs); err != nil {
		b.Fatal(err)
	}
	var js bytes.Buffer
	if err := render.WriteJSON(&js, qs); err != nil {
		b.Fatal(err)
	}
	jsonFile := filepath.Join(dir, "bank.json")
	if err := os.WriteFile(jsonFile, js.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	b.Run("Markdown", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			if _, err := Load(os.DirFS(md)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("JSON", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			f, err := os.Open(jsonFile)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := questionbank.LoadJSON(f); err != nil {
				b.Fatal(err)
			}
			f.Close()
		}
	})
}
