package questionbank

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The queries in the documentation and the README parse, select what
// they say, and seed FuzzParseFilter.

// docExamples returns the example queries of doc.go's "Examples over the
// embedded corpus" block, each with the IDs the documentation says it
// selects.
func docExamples(t testing.TB) map[string][]string {
	src, err := os.ReadFile("doc.go")
	require.NoError(t, err)
	_, block, ok := strings.Cut(string(src), "// Examples over the embedded corpus:\n//\n")
	require.True(t, ok, "doc.go has no examples block")
	block, _, _ = strings.Cut(block, "\n//\n")
	line := regexp.MustCompile(`^//\t(\S.*?)\s{2,}(\S.*)$`)
	out := map[string][]string{}
	for _, l := range strings.Split(block, "\n") {
		m := line.FindStringSubmatch(l)
		require.NotNil(t, m, "doc.go example line %q: want a query, two spaces or more, the IDs", l)
		out[m[1]] = strings.Split(m[2], ", ")
	}
	return out
}

// TestDocExamples checks that each example in the package documentation
// selects what the documentation says.
func TestDocExamples(t *testing.T) {
	examples := docExamples(t)
	require.GreaterOrEqual(t, len(examples), 5)
	for q, want := range examples {
		got, err := Default().Query(q)
		require.NoError(t, err, "Query(%q)", q)
		assert.Equal(t, want, ids(got), "Query(%q), as doc.go shows it", q)
	}
}

// docTermQueries returns the term examples of doc.go's term table, such as
// "level>=senior" and `"api gateway"`.
func docTermQueries(t testing.TB) []string {
	src, err := os.ReadFile("doc.go")
	require.NoError(t, err)
	_, block, _ := strings.Cut(string(src), "// The terms:\n//\n")
	block, _, _ = strings.Cut(block, "\n//\n")
	var qs []string
	for _, l := range strings.Split(block, "\n") {
		l = strings.TrimPrefix(l, "//\t")
		if q, _, ok := strings.Cut(l, "  "); ok && q != "" {
			qs = append(qs, q)
		}
	}
	return qs
}

// readmeQueries returns the queries of the README's cheat sheet: the
// backquoted queries in the first cell of each row of its table, and those
// in the second cell's parentheses.
func readmeQueries(t testing.TB) []string {
	src, err := os.ReadFile("README.md")
	require.NoError(t, err)
	_, table, ok := strings.Cut(string(src), "## Query language\n")
	require.True(t, ok, "README.md has no query language section")
	table, _, _ = strings.Cut(table, "\n\n")
	code := regexp.MustCompile("`([^`]+)`")
	var qs []string
	for _, row := range strings.Split(table, "\n")[2:] {
		for _, m := range code.FindAllStringSubmatch(row, -1) {
			if q := m[1]; !strings.Contains(q, "...") && q != "-" {
				qs = append(qs, q)
			}
		}
	}
	return qs
}

func TestReadmeQueriesParse(t *testing.T) {
	qs := readmeQueries(t)
	require.GreaterOrEqual(t, len(qs), 15)
	for _, q := range qs {
		_, err := ParseFilter(q)
		assert.NoError(t, err, "README query %q", q)
	}
}

func TestDocTermsParse(t *testing.T) {
	qs := docTermQueries(t)
	require.GreaterOrEqual(t, len(qs), 10)
	for _, q := range qs {
		f, err := Default().ParseQuery(q)
		require.NoError(t, err, "ParseQuery(%q)", q)
		assert.NotZero(t, Default().Count(f), "%q selects nothing from the corpus", q)
	}
}
