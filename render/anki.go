package render

import (
	"bufio"
	"crypto/sha256"
	"encoding/base32"
	"errors"
	"fmt"
	"html"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/backendprep/questionbank"
)

// DefaultDeck is the Anki deck [WriteAnki] puts notes in.
const DefaultDeck = "Backend interview questions"

// MaxDeckLen is the longest deck name, in bytes, that [AnkiDeck] accepts.
const MaxDeckLen = 200

// An AnkiDeck writes questions as a file for Anki's text import (File >
// Import, Anki 2.1.54 or later), with the header lines that tell Anki how
// to read it, so it imports with no settings to choose:
//
//	#separator:tab
//	#html:true
//	#guid column:1
//	#notetype:Basic
//	#deck:Backend interview questions
//	#tags column:4
//
// Each note is a line of four tab-separated fields: a GUID, the front (the
// question), the back (level, type, skills and the guidance, as HTML, its
// paragraphs and line breaks kept, and at its foot where the question
// comes from) and the tags. The GUID depends only on the question's ID, so it is the same
// in every run, for every seed and after any edit of the question's text:
// importing a newer export updates the notes in place and keeps their
// review history. The tags are level::KEY, type::KEY and skill::KEY (the
// skill in lower case, with a hyphen for each run of characters a tag
// cannot hold), so a deck can be browsed as tag:level::senior.
type AnkiDeck struct {
	// Name is the deck the notes go to; "" is DefaultDeck. "::" makes a
	// subdeck, as in Anki: "Interviews::Backend".
	Name string
	// NoteType is the note type; "" is Anki's "Basic". It must be the name
	// of a note type in the user's collection, with a front and a back
	// field: Anki names its stock types in the user's language ("Einfach"
	// in German), and when the name matches none it uses the last note
	// type used, which may put the guidance on the front.
	NoteType string
}

// WriteAnki writes qs as Anki notes to the deck [DefaultDeck]; see
// [AnkiDeck] for the format.
func WriteAnki(w io.Writer, qs []questionbank.Question) error {
	return AnkiDeck{}.Write(w, qs)
}

// Check reports whether d's names can be written: not too long, without
// control characters, which would break the header line, and a deck name
// that is not all digits, which Anki would read as a deck ID.
func (d AnkiDeck) Check() error {
	for _, f := range []struct{ what, s string }{{"deck name", d.Name}, {"note type", d.NoteType}} {
		switch {
		case len(f.s) > MaxDeckLen:
			return fmt.Errorf("render: the %s is %d bytes long; at most %d", f.what, len(f.s), MaxDeckLen)
		case !utf8.ValidString(f.s):
			return fmt.Errorf("render: the %s is not valid UTF-8", f.what)
		case strings.IndexFunc(f.s, unicode.IsControl) >= 0:
			return fmt.Errorf("render: the %s %q holds a control character", f.what, f.s)
		}
	}
	if d.Name != "" && strings.TrimSpace(d.Name) == "" {
		return errors.New("render: the deck name is only spaces")
	}
	if name := strings.TrimSpace(d.Name); name != "" && strings.Trim(name, "0123456789") == "" {
		return fmt.Errorf("render: the deck name %q is all digits, which Anki reads as a deck ID (the notes would go to Default); add a word, such as \"Interviews %s\"", d.Name, name)
	}
	if d.NoteType != "" && strings.TrimSpace(d.NoteType) == "" {
		return errors.New("render: the note type is only spaces")
	}
	return nil
}

// Write writes the header lines and one note a line for qs.
func (d AnkiDeck) Write(w io.Writer, qs []questionbank.Question) error {
	if err := d.Check(); err != nil {
		return err
	}
	deck, noteType := d.Name, d.NoteType
	if strings.TrimSpace(deck) == "" {
		deck = DefaultDeck
	}
	if noteType == "" {
		noteType = "Basic"
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "#separator:tab\n#html:true\n#guid column:1\n#notetype:%s\n#deck:%s\n#tags column:4\n", noteType, deck)
	for _, q := range cleanAll(qs) {
		var back []string
		back = append(back, "<i>"+ankiText(meta(q))+"</i>")
		if len(q.Skills) > 0 {
			back = append(back, "<b>Skills tested:</b> "+ankiText(skillList(q.Skills)))
		}
		if q.Introduction != "" {
			back = append(back, "<b>Introduction</b><br>"+ankiText(q.Introduction))
		}
		back = append(back, ankiList("How to answer", q.HowToAnswer)...)
		back = append(back, ankiList("What not to say", q.WhatNotToSay)...)
		if q.ExampleAnswer != "" {
			back = append(back, "<b>Example answer</b><br>"+ankiText(q.ExampleAnswer))
		}
		back = append(back, ankiList("Follow-up questions", q.FollowUps)...)
		if !q.Source.IsZero() {
			back = append(back, "<small>Source: "+ankiText(sourceText(q.Source))+"</small>")
		}
		fmt.Fprintf(bw, "%s\t%s\t%s\t%s\n", AnkiGUID(q.ID), ankiText(q.Text), strings.Join(back, "<br><br>"), strings.Join(ankiTags(q), " "))
	}
	return bw.Flush()
}

// AnkiGUID returns the GUID of the Anki note for the question with the
// given ID: "qb" and 16 letters and digits, from a hash of the ID in
// lower case (IDs are compared without regard to case). It depends on
// nothing else, so every export of a question updates the same note.
func AnkiGUID(id string) string {
	sum := sha256.Sum256([]byte("questionbank\x00" + strings.ToLower(id)))
	return "qb" + strings.ToLower(base32.StdEncoding.EncodeToString(sum[:10]))
}

// ankiTags returns q's tags.
func ankiTags(q questionbank.Question) []string {
	tags := []string{"level::" + q.Level.String(), "type::" + q.Type.String()}
	for _, s := range q.Skills {
		if t := tagWord(s); t != "" {
			tags = append(tags, "skill::"+t)
		}
	}
	return tags
}

// tagWord makes s fit in an Anki tag: lower case, letters, digits and
// "+#." kept, and each run of anything else (spaces, which separate tags,
// quotes, colons, which would nest them) as one hyphen.
func tagWord(s string) string {
	var b strings.Builder
	sep := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("+#.", r) {
			if sep && b.Len() > 0 {
				b.WriteByte('-')
			}
			sep = false
			b.WriteRune(r)
			continue
		}
		sep = true
	}
	return b.String()
}

func ankiList(title string, items []string) []string {
	if len(items) == 0 {
		return nil
	}
	lines := make([]string, len(items))
	for i, s := range items {
		lines[i] = "• " + ankiText(s)
	}
	return []string{"<b>" + title + "</b><br>" + strings.Join(lines, "<br>")}
}

// ankiText escapes s as HTML, with its line breaks as <br> and a blank
// line between paragraphs, and its tabs, which would split a note, as
// spaces.
func ankiText(s string) string {
	var paras []string
	for _, p := range paragraphs(s) {
		lines := make([]string, len(p))
		for i, l := range p {
			lines[i] = html.EscapeString(strings.Join(strings.Fields(l), " "))
		}
		paras = append(paras, strings.Join(lines, "<br>"))
	}
	return strings.Join(paras, "<br><br>")
}
