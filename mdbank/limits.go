package mdbank

// The limits on what a question file may hold, which bound the work of
// reading any file: Markdown parsers spend more than linear time on some
// inputs (goldmark on many unclosed links, emphasis delimiters or
// containers opened on one line: the patterns of cmark's pathological
// tests), and YAML makes a node of every item of a list. A question needs
// little of either, so a file beyond these limits is refused before it is
// parsed. BENCHMARKS.md has the cost of the worst files within them.
const (
	// maxMarkup is how many of the characters of Markdown's inline markup
	// and quotes, [ ] * _ ` < >, a file's Markdown may hold; a question
	// of a few kilobytes uses a few dozen.
	maxMarkup = 4096
	// maxNesting is how many quotes and list items may open on one line
	// (> > - a is three).
	maxNesting = 16
	// maxFrontMatter is the most bytes the front matter may hold: id,
	// level, type, skills and source take a few hundred.
	maxFrontMatter = 4096
	// maxSkills is the most skills a question may have.
	maxSkills = 20
)

// isMarkup reports whether c is one of the characters maxMarkup counts.
func isMarkup(c byte) bool {
	switch c {
	case '[', ']', '*', '_', '`', '<', '>':
		return true
	}
	return false
}

// markupBounded reports whether body, the Markdown of a file, is within
// maxMarkup and maxNesting, reporting where it is not.
func (f *file) markupBounded(body []byte) bool {
	markup := 0
	for start := 0; start < len(body); {
		end := start
		for end < len(body) && body[end] != '\n' {
			if isMarkup(body[end]) {
				markup++
			}
			end++
		}
		if n := nesting(body[start:end]); n > maxNesting {
			f.bad(f.lineAt(start), "%d quotes and list items opened on one line, more than a question needs (%d)", n, maxNesting)
			return false
		}
		if markup > maxMarkup {
			f.bad(f.lineAt(start), "more than %d characters of Markdown markup ([ ] * _ ` < >) by this line, more than a question needs", maxMarkup)
			return false
		}
		start = end + 1
	}
	return true
}

// nesting returns how many quote markers (>) and list markers (-, *, +,
// or a number and . or ) followed by a space) open line. A horizontal
// rule (- - - or * * *, however long) opens none.
func nesting(line []byte) int {
	if isRule(line) {
		return 0
	}
	n, i := 0, 0
	for {
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		if i == len(line) {
			return n
		}
		switch c := line[i]; {
		case c == '>':
			i++
		case c == '-' || c == '*' || c == '+':
			if i+1 < len(line) && line[i+1] != ' ' && line[i+1] != '\t' {
				return n
			}
			i++
		case '0' <= c && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && '0' <= line[j] && line[j] <= '9' {
				j++
			}
			if j == len(line) || (line[j] != '.' && line[j] != ')') || (j+1 < len(line) && line[j+1] != ' ' && line[j+1] != '\t') {
				return n
			}
			i = j + 1
		default:
			return n
		}
		n++
	}
}

// isRule reports whether line is a horizontal rule: three or more of one
// of -, * and _, with spaces or tabs between them.
func isRule(line []byte) bool {
	var mark byte
	count := 0
	for _, c := range line {
		switch {
		case c == ' ' || c == '\t':
		case mark == 0 && (c == '-' || c == '*' || c == '_'):
			mark, count = c, 1
		case c == mark:
			count++
		default:
			return false
		}
	}
	return count >= 3
}
