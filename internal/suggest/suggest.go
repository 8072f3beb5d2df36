// Package suggest finds the name a user most likely meant when they
// misspelt one: the "did you mean" of the library's errors and of the
// example programs' flags. Its work is bounded: a candidate whose length
// rules it out is skipped, and a distance stops as soon as it exceeds the
// bound.
package suggest

import "unicode/utf8"

// MaxEdits is how many edits apart a suggestion may be from what was typed.
const MaxEdits = 2

// Closest returns the candidate nearest to s, if it is at most [MaxEdits]
// edits away, or s is at least three characters and starts it; otherwise
// "". norm, if not nil, is applied to s and to each candidate before they
// are compared; the candidate is returned as given. Among equally near
// candidates the first wins.
//
//	Closest("skils", []string{"id", "skills"}, nil) -> "skills"
func Closest(s string, candidates []string, norm func(string) string) string {
	if norm != nil {
		s = norm(s)
	}
	if s == "" {
		return ""
	}
	n := utf8.RuneCountInString(s)
	best, bestDist := "", MaxEdits+1
	for _, c := range candidates {
		key := c
		if norm != nil {
			key = norm(c)
		}
		d := bestDist
		if n >= 3 && len(key) > len(s) && key[:len(s)] == s {
			d = 1
		}
		if d > 1 {
			d = min(d, Distance(s, key, bestDist-1))
		}
		if d < bestDist && d < utf8.RuneCountInString(key) {
			best, bestDist = c, d
		}
	}
	return best
}

// Distance returns the number of edits that turn a into b, counting the
// insertion, deletion or change of a character, or the swap of two
// neighbouring ones ("fromat" is one edit from "format"), as one edit. It
// stops once the distance is sure to exceed limit and then returns
// limit+1. Its work is bounded before it starts: strings whose lengths
// differ by more than limit (told from their bytes when it can, then from
// their characters) are not compared at all, and the comparison fills
// only the band of 2*limit+1 cells about the diagonal, so it takes at most
// about len(a)*(2*limit+1) steps.
func Distance(a, b string, limit int) int {
	// A character is 1 to 4 bytes, so lengths in bytes can prove the
	// lengths in characters too far apart without decoding either.
	if (len(a)+utf8.UTFMax-1)/utf8.UTFMax > len(b)+limit || (len(b)+utf8.UTFMax-1)/utf8.UTFMax > len(a)+limit {
		return limit + 1
	}
	if diff := utf8.RuneCountInString(a) - utf8.RuneCountInString(b); diff > limit || -diff > limit {
		return limit + 1
	}
	var abuf, bbuf [64]rune
	ra, rb := appendRunes(abuf[:0], a), appendRunes(bbuf[:0], b)
	// Three rows of the dynamic program: two back, one back, this one.
	// Cells outside the band hold limit+1, "too far".
	var buf [3 * 65]int
	width := len(rb) + 1
	var rows []int
	if 3*width <= len(buf) {
		rows = buf[:3*width]
	} else {
		rows = make([]int, 3*width)
	}
	far := limit + 1
	prev2, prev, cur := rows[:width], rows[width:2*width], rows[2*width:]
	for j := range prev {
		prev[j] = min(j, far)
		prev2[j], cur[j] = far, far
	}
	for i := 1; i <= len(ra); i++ {
		lo, hi := max(1, i-limit), min(len(rb), i+limit)
		cur[0] = min(i, far)
		if lo > 1 {
			cur[lo-1] = far
		}
		rowMin := cur[0]
		for j := lo; j <= hi; j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d = min(d, prev2[j-2]+1)
			}
			cur[j] = min(d, far)
			rowMin = min(rowMin, cur[j])
		}
		if hi < len(rb) {
			cur[hi+1] = far
		}
		if rowMin > limit {
			return far
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(rb)], far)
}

func appendRunes(dst []rune, s string) []rune {
	for _, r := range s {
		dst = append(dst, r)
	}
	return dst
}
