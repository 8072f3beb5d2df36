package render

import (
	"bufio"
	"fmt"
	"io"

	"github.com/backendprep/questionbank"
)

// WriteKit writes an interviewer's kit in Markdown, to print or paste into
// a document: blanks for the candidate, the interviewer, the date and the
// role, then for each question its text, level, type and skills; "What a
// strong answer covers" (how to answer it); "Red flags" (what a candidate
// should not say); the follow-up questions, when the bank has them; a
// score from 1 to 5, with what 1, 3 and 5 mean; room for notes; and the
// example answer, printed, marked as the interviewer's and not to be read
// out. A footer says where the questions come from. Draw the questions
// with a seed, or with [questionbank.Bank.Plan], to give every candidate
// of a round the same kit.
func WriteKit(w io.Writer, qs []questionbank.Question) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("# Interview kit\n\n")
	bw.WriteString("**Candidate:** ______________________________\\\n")
	bw.WriteString("**Interviewer:** ____________________________\\\n")
	bw.WriteString("**Date:** ___________________________________\\\n")
	bw.WriteString("**Role and level:** _________________________\n")
	qs = cleanAll(qs)
	for i, q := range qs {
		fmt.Fprintf(bw, "\n---\n\n## Question %d\n\n**%s**\n\n", i+1, mdEscape(q.Text))
		bw.WriteString(mdMeta(q))
		if len(q.Skills) > 0 {
			bw.WriteString(" · Skills: " + mdSkills(q))
		}
		bw.WriteString("\n")
		mdList(bw, "What a strong answer covers", q.HowToAnswer)
		mdList(bw, "Red flags", q.WhatNotToSay)
		mdList(bw, "Follow-up questions", q.FollowUps)
		bw.WriteString("\n### Score\n\n")
		bw.WriteString("☐ 1 &nbsp; ☐ 2 &nbsp; ☐ 3 &nbsp; ☐ 4 &nbsp; ☐ 5\n\n")
		bw.WriteString("- **1**: misses the point, or says what is under red flags\n")
		bw.WriteString("- **3**: a sound answer that covers some of what a strong answer covers\n")
		bw.WriteString("- **5**: covers what a strong answer covers, with specific examples of their own\n")
		bw.WriteString("\n### Notes\n\n&nbsp;\n\n&nbsp;\n\n&nbsp;\n")
		if q.ExampleAnswer != "" {
			fmt.Fprintf(bw, "\n### Example answer (for the interviewer: do not read it out)\n\n%s\n", mdText(q.ExampleAnswer, ""))
		}
	}
	mdSources(bw, qs)
	return bw.Flush()
}
