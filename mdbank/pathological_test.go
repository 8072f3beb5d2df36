package mdbank

import (
	"fmt"
	"strings"
)

// The inputs that make Markdown parsers slow: those of issue 29 and cmark's
// pathological tests (cmark/test/pathological_tests.py), each grown to a
// size by repeating its pattern. They seed FuzzLoad and are timed by
// BenchmarkPathological.

// A pathological input: its name and the Markdown it makes of about size
// bytes.
type pathological struct {
	name string
	make func(size int) string
}

// repeat returns s repeated to about size bytes, between head and tail.
func repeat(head, s, tail string, size int) string {
	return head + strings.Repeat(s, max(1, (size-len(head)-len(tail))/len(s))) + tail
}

var pathologicalInputs = []pathological{
	// Issue 29.
	{"unclosed links [a](", func(n int) string { return repeat("", "[a](", "", n) }},
	{"list markers - ", func(n int) string { return repeat("", "- ", "", n) }},
	{"quote markers >", func(n int) string { return repeat("", ">", "", n) }},
	{"link reference definitions", func(n int) string {
		var b strings.Builder
		for i := 0; b.Len() < n; i++ {
			fmt.Fprintf(&b, "[%d]: u\n", i)
		}
		return b.String()
	}},
	{"nested lists", func(n int) string {
		var b strings.Builder
		for i := 0; b.Len()+2*i+4 < n; i++ {
			b.WriteString(strings.Repeat("  ", i) + "* a\n")
		}
		return b.String()
	}},
	{"headings ##", func(n int) string { return repeat("", "##\n", "", n) }},
	// cmark's pathological tests.
	{"nested strong emphasis", func(n int) string {
		k := max(1, n/14)
		return strings.Repeat("*a **a ", k) + "b" + strings.Repeat(" a** a*", k)
	}},
	{"emphasis closers without openers", func(n int) string { return repeat("", "a_ ", "", n) }},
	{"emphasis openers without closers", func(n int) string { return repeat("", "_a ", "", n) }},
	{"link closers without openers", func(n int) string { return repeat("", "a]", "", n) }},
	{"link openers without closers", func(n int) string { return repeat("", "[a", "", n) }},
	{"mismatched openers and closers", func(n int) string { return repeat("", "*a_ ", "", n) }},
	{"openers and closers multiple of 3", func(n int) string { return repeat("a**b", "c* ", "", n) }},
	{"link openers and emphasis closers", func(n int) string { return repeat("", "[ a_", "", n) }},
	{"pattern [ (](", func(n int) string { return repeat("", "[ (](", "", n) }},
	{"pattern ![[]()", func(n int) string { return repeat("", "![[]()", "", n) }},
	{"nested brackets", func(n int) string {
		k := max(1, n/2)
		return strings.Repeat("[", k) + "a" + strings.Repeat("]", k)
	}},
	{"nested block quotes", func(n int) string { return repeat("", "> ", "a\n", n) }},
	{"deeply nested lists", func(n int) string {
		var b strings.Builder
		for i := 0; b.Len()+2*i+4 < n; i++ {
			b.WriteString(strings.Repeat("  ", i) + "- a\n")
		}
		return b.String()
	}},
	{"NUL in input", func(n int) string { return repeat("", "abc\x00de\x00", "", n) }},
	{"backticks", func(n int) string {
		var b strings.Builder
		for i := 1; b.Len()+i+1 < n; i++ {
			b.WriteString("e" + strings.Repeat("`", i))
		}
		return b.String()
	}},
	{"unclosed links <", func(n int) string { return repeat("", "[a](<b", "", n) }},
	{"unclosed links b", func(n int) string { return repeat("", "[a](b", "", n) }},
	{"unclosed comments", func(n int) string { return repeat("</", "<!--", "", n) }},
	{"many references", func(n int) string {
		var b strings.Builder
		for i := 0; b.Len() < n/2; i++ {
			fmt.Fprintf(&b, "[%d]: u\n", i)
		}
		return b.String() + repeat("", "[0] ", "", n/2)
	}},
	{"emphasis in a deep quote", func(n int) string { return repeat("", "> ", "*a*\n", n) }},
	{"unclosed code spans", func(n int) string { return repeat("", "`a", "", n) }},
	{"many entities", func(n int) string { return repeat("", "&amp;", "", n) }},
	{"many hard breaks", func(n int) string { return repeat("", "a\\\n", "", n) }},
	{"unclosed autolinks", func(n int) string { return repeat("", "<a:", "", n) }},
	{"HTML tag openers", func(n int) string { return repeat("", "<a ", "", n) }},
	{"ordered list markers", func(n int) string { return repeat("", "1. ", "", n) }},
	{"setext underlines", func(n int) string { return repeat("", "a\n=\n", "", n) }},
	{"fenced code openers", func(n int) string { return repeat("", "```\n", "", n) }},
	{"long line of spaces", func(n int) string { return repeat("a", " ", "b", n) }},
	{"link titles unclosed", func(n int) string { return repeat("", `[a](b "`, "", n) }},
}

// pathologicalFrontMatter are front matters that make YAML parsers work
// hard, each within maxFrontMatter or just over it.
var pathologicalFrontMatter = []string{
	"skills: " + strings.Repeat("[", 4000),
	"skills:\n" + strings.Repeat("- ", 1900) + "a",
	"source: " + strings.Repeat("{a: ", 1000),
	"x: &a [" + strings.Repeat("b,", 900) + "b]\nskills: [" + strings.Repeat("*a,", 300) + "*a]",
	strings.Repeat("k: &a x\n", 500),
	"skills: [" + strings.Repeat("a,", 2100) + "a]",
}

// withFrontMatter returns a question file whose front matter ends with fm.
func withFrontMatter(fm string) []byte {
	return []byte("---\nid: p\nlevel: senior\ntype: technical\n" + fm + "\n---\n# Why?\n")
}

// questionWith returns a question file whose example answer, after the
// front matter and the question, is md.
func questionWith(md string) []byte {
	return []byte("---\nid: p\nlevel: senior\ntype: technical\nskills: [Caching]\n---\n\n# Why?\n\n## Example answer\n\n" + md + "\n")
}
