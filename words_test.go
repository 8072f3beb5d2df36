package questionbank

import (
	"slices"
	"strings"
	"testing"

	"github.com/backendprep/questionbank/internal/textsearch"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestUnicodeWords(t *testing.T) {
	hindi := Question{ID: "h", Level: Senior, Type: Technical, Text: "हिन्दी में"}
	assert.True(t, MustParseFilter("हिन्दी").Match(hindi), "combining marks are part of a word")
	assert.False(t, MustParseFilter("न").Match(hindi), "a letter between marks is not a word of its own")
	assert.Equal(t, []string{"हिन्दी", "में"}, textsearch.Words(hindi.Text))

	decomposed := Question{ID: "c", Level: Senior, Type: Technical, Text: "Cafe\u0301 au lait", Skills: []string{"Re\u0301sume\u0301 writing"}}
	precomposed := Question{ID: "c2", Level: Senior, Type: Technical, Text: "Caf\u00e9 au lait", Skills: []string{"R\u00e9sum\u00e9 writing"}}
	for _, q := range []Question{decomposed, precomposed} {
		for _, query := range []string{"caf\u00e9", "cafe\u0301", `"caf\u00e9 au"`, "skill:r\u00e9sum\u00e9-writing", "skill:\"re\u0301sume\u0301 writing\""} {
			assert.True(t, MustParseFilter(query).Match(q), "%q matches %q", query, q.Text)
		}
	}
	bank, err := New([]Question{decomposed})
	require.NoError(t, err)
	assert.Equal(t, 1, bank.Count(MustParseFilter("caf\u00e9")), "the index is in NFC too")
	assert.Equal(t, 1, bank.Count(BySkill("r\u00e9sum\u00e9 writing")))

	_, err = New([]Question{precomposed, {ID: "Caf\u00e9", Level: Senior, Type: Technical, Text: "x"}, {ID: "cafe\u0301", Level: Senior, Type: Technical, Text: "y"}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "duplicate ID", "IDs equal in NFC are one ID")
}

// FuzzText checks that the allocation-free helpers agree with the simple
// ones: foldWords with splitting and folding, skillIs with normSkill, and
// phrase.in (one pass, by shift-and) with a search over the words' stems.
// Text reaches foldWords in NFC, as every caller gives it.
func FuzzText(f *testing.F) {
	f.Add("Node.js and Express", "node js")
	f.Add("Problem-solving", "problem solving")
	f.Add("CAFÉ über", "café")
	f.Add("\uF95E", "\uF95E") // a compatibility ideograph, which NFC changes
	f.Fuzz(func(t *testing.T, text, query string) {
		var ws []string
		for _, w := range strings.FieldsFunc(textsearch.NFC(text), func(r rune) bool { return !textsearch.IsWordRune(r) }) {
			ws = append(ws, textsearch.Fold(w))
		}
		var got []string
		textsearch.FoldWords(nil, textsearch.NFC(text), func(w []byte) bool { got = append(got, string(w)); return true })
		if !slices.Equal(got, ws) {
			t.Fatalf("textsearch.FoldWords(%q) = %q, split and folded = %q", text, got, ws)
		}
		if key := normSkill(query); skillIs(text, key) != (normSkill(text) == key) {
			t.Fatalf("skillIs(%q, %q) disagrees with normSkill", text, key)
		}
		qw := textsearch.Words(query)
		for _, prefix := range []bool{false, true} {
			want := false
			for i := 0; i+len(qw) <= len(ws) && len(qw) > 0 && !want; i++ {
				want = true
				for k, w := range qw {
					last := prefix && k == len(qw)-1
					if !last && textsearch.Stem(ws[i+k]) != textsearch.Stem(w) || last && !strings.HasPrefix(ws[i+k], w) {
						want = false
						break
					}
				}
			}
			ph := textsearch.Phrase{Words: qw, Stems: textsearch.Stems(qw), Prefix: prefix}
			if got := ph.In(text, nil); got != want {
				t.Fatalf("phrase %q (prefix %v) in %q = %v, want %v", qw, prefix, text, got, want)
			}
		}
	})
}
