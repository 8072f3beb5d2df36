package questionbank

import "github.com/backendprep/questionbank/internal/textsearch"

// fields yields q's text fields, one bullet or skill at a time, each with
// the group that ranking weighs it in: the fields free text searches, in
// the order a question shows them. It is the one list of them, read by
// the word index, phrases, ranking and the reference test; range over it
// as an iter.Seq2: for g, s := range q.fields. (A method, not a function
// returning a closure, so that ranging over it does not allocate.)
func (q *Question) fields(yield func(textsearch.Group, string) bool) {
	if !yield(textsearch.Text, q.Text) || !yield(textsearch.Intro, q.Introduction) {
		return
	}
	for _, s := range q.HowToAnswer {
		if !yield(textsearch.Body, s) {
			return
		}
	}
	for _, s := range q.WhatNotToSay {
		if !yield(textsearch.Body, s) {
			return
		}
	}
	if !yield(textsearch.Body, q.ExampleAnswer) {
		return
	}
	for _, s := range q.Skills {
		if !yield(textsearch.Skills, s) {
			return
		}
	}
}
