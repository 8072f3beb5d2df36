package render

import (
	"bufio"
	"fmt"
	"io"

	"github.com/backendprep/questionbank"
)

// WriteKit writes an interviewer's kit in Markdown, to print or paste into
// a document: a header with blanks for the candidate, the interviewer and
// the date, then for each question its text, level, type and skills;
// "Listen for" (how a good answer goes); "Red flags" (what a candidate
// should not say); a score from 1 to 5, with what 1, 3 and 5 mean; room
// for notes; and last, the example answer, marked as for the interviewer
// only. Draw the questions with a seed, or with [questionbank.Bank.Plan],
// to give every candidate of a round the same kit.
func WriteKit(w io.Writer, qs []questionbank.Question) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("# Interview kit\n\n")
	bw.WriteString("| | |\n|---|---|\n| Candidate | |\n| Interviewer | |\n| Date | |\n| Role and level | |\n")
	for i, q := range cleanAll(qs) {
		fmt.Fprintf(bw, "\n---\n\n## Question %d\n\n**%s**\n\n", i+1, mdEscape(q.Text))
		bw.WriteString(mdMeta(q))
		if len(q.Skills) > 0 {
			bw.WriteString(" · Skills: " + mdSkills(q))
		}
		bw.WriteString("\n")
		mdList(bw, "Listen for", q.HowToAnswer)
		mdList(bw, "Red flags", q.WhatNotToSay)
		mdList(bw, "Follow-up questions", q.FollowUps)
		bw.WriteString("\n### Score\n\n")
		bw.WriteString("☐ 1 &nbsp; ☐ 2 &nbsp; ☐ 3 &nbsp; ☐ 4 &nbsp; ☐ 5\n\n")
		bw.WriteString("- **1**: misses the point, or says what is under red flags\n")
		bw.WriteString("- **3**: a sound answer that covers some of what to listen for\n")
		bw.WriteString("- **5**: covers what to listen for, with specific examples of their own\n")
		bw.WriteString("\n### Notes\n\n&nbsp;\n\n&nbsp;\n\n&nbsp;\n")
		if q.ExampleAnswer != "" {
			fmt.Fprintf(bw, "\n<details><summary>Example answer (for the interviewer only)</summary>\n\n%s\n\n</details>\n", mdEscape(q.ExampleAnswer))
		}
	}
	return bw.Flush()
}
