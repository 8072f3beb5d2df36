package render

import (
	"encoding/csv"
	"io"
	"reflect"
	"strings"

	"github.com/backendprep/questionbank"
)

// csvHeader names the columns of WriteCSV: the keys of the question
// schema, the json tags of Question's fields.
func csvHeader() []string {
	t := reflect.TypeFor[questionbank.Question]()
	keys := make([]string, t.NumField())
	for i := range keys {
		keys[i], _, _ = strings.Cut(t.Field(i).Tag.Get("json"), ",")
	}
	return keys
}

// WriteCSV writes qs as CSV (RFC 4180, as encoding/csv writes it): a
// header row with the keys of the question schema, then one question a
// row, with levels and types by key. Each list (how to answer, what not to
// say, skills, follow-ups) is one cell, and the source is its title,
// address and licence, separated by " · ", in one cell with an item a line; a line break inside an
// item becomes a space, so that the lines split back into the items.
// Spreadsheet programs open it as it is.
//
// A cell that would start with =, +, -, @ or a tab, which a spreadsheet
// would run as a formula (CSV injection), starts with an apostrophe
// instead, as OWASP recommends: "=1+1" is written '=1+1, and shows so. A
// program that reads the CSV back drops an apostrophe before one of those
// characters.
func WriteCSV(w io.Writer, qs []questionbank.Question) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true // as RFC 4180 has it, and as spreadsheets expect
	if err := cw.Write(csvHeader()); err != nil {
		return err
	}
	for _, q := range cleanAll(qs) {
		row := []string{q.ID, q.Level.String(), q.Type.String(), q.Text, q.Introduction,
			csvList(q.HowToAnswer), csvList(q.WhatNotToSay), q.ExampleAnswer, csvList(q.Skills), csvList(q.FollowUps),
			sourceText(q.Source)}
		for i, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				row[i] = "'" + cell
			}
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvList is a list as one cell, an item a line: a line break inside an
// item becomes a space, and nothing else changes.
func csvList(items []string) string {
	lines := make([]string, len(items))
	for i, s := range items {
		lines[i] = strings.ReplaceAll(s, "\n", " ")
	}
	return strings.Join(lines, "\n")
}
