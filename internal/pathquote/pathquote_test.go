package pathquote

import "testing"

func TestQuote(t *testing.T) {
	for name, want := range map[string]string{
		"team/rate-limiter.md": "team/rate-limiter.md",
		"a b/ü.md":             "a b/ü.md",
		"esc\x1b[31mred.md":    `"esc\x1b[31mred.md"`,
		"cr\r.md":              `"cr\r.md"`,
		"del\x7f.md":           `"del\x7f.md"`,
		"csi\u009b31m.md":      `"csi\u009b31m.md"`,
		"rlo\u202egnp.md":      `"rlo\u202egnp.md"`,
		"nl\ndraw: bank x":     `"nl\ndraw: bank x"`,
		"nbsp\u00a0.md":        `"nbsp\u00a0.md"`,
		"bad\xff.md":           `"bad\xff.md"`,
		`"quoted".md`:          `"\"quoted\".md"`,
		"":                     `""`,
	} {
		if got := Quote(name); got != want {
			t.Errorf("Quote(%q) = %s, want %s", name, got, want)
		}
	}
}
