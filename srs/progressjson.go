package srs

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/backendprep/questionbank"
)

// ProgressFormat is the version of the JSON that [Progress.MarshalJSON]
// writes. [Progress.UnmarshalJSON] reads it and every earlier version, and
// refuses a later one:
//
//   - 1: the cards and the review log;
//   - 2: the state file of the practice programs, which held a version 1
//     progress under "progress", with the learner's answers beside it;
//   - 3: one document for both: the cards, the log, and whatever else a
//     program keeps in keys of its own (see [Progress.Extra]).
const ProgressFormat = 3

// cardJSON is a card in a progress document.
type cardJSON struct {
	ID   string `json:"id"`
	Hash string `json:"hash"`
	Card
}

// The keys of a progress document that a Progress reads itself.
var ownKeys = []string{"format", "cards", "log"}

// MarshalJSON implements [json.Marshaler]: the format version, the cards
// sorted by ID as a bank compares IDs, the review log, then the other keys
// (see [Progress.Extra]) in sorted order.
func (p *Progress) MarshalJSON() ([]byte, error) {
	cards, log, extra := p.snapshot()
	var b bytes.Buffer
	fmt.Fprintf(&b, `{"format":%d`, ProgressFormat)
	for _, kv := range []struct {
		key string
		val any
	}{{"cards", cards}, {"log", log}} {
		data, err := json.Marshal(kv.val)
		if err != nil {
			return nil, fmt.Errorf("srs: progress: %s: %w", kv.key, err)
		}
		fmt.Fprintf(&b, `,%q:%s`, kv.key, data)
	}
	for _, k := range slices.Sorted(maps.Keys(extra)) {
		key, _ := json.Marshal(k)
		fmt.Fprintf(&b, `,%s:%s`, key, extra[k])
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// snapshot returns copies of what MarshalJSON writes, read under one lock.
// The extra values are shared: they are never changed in place.
func (p *Progress) snapshot() ([]cardJSON, []ReviewLog, map[string]json.RawMessage) {
	p.mu.RLock()
	defer p.mu.RUnlock()
	cards := make([]cardJSON, len(p.order))
	for i, e := range p.order {
		cards[i] = cardJSON{ID: e.id, Hash: e.hash, Card: e.card}
	}
	log := slices.Clone(p.log)
	if log == nil {
		log = []ReviewLog{}
	}
	return cards, log, maps.Clone(p.extra)
}

// UnmarshalJSON implements [json.Unmarshaler]. It replaces p's cards, log
// and other keys, and keeps its scheduler. It reads every version of
// [ProgressFormat], and the state file of the first practice program,
// which had answers but no version, as an empty progress with its keys
// kept.
//
// A later format, a file that is something else (a question bank, a JSON
// array), a card no review could give, one question's card given twice or
// a key given twice is an error that names it, and leaves p as it was:
// progress is never silently reset. Keys it does not know are kept, and
// written back by [Progress.MarshalJSON].
func (p *Progress) UnmarshalJSON(data []byte) error {
	d, err := decodeProgress(data)
	if err != nil {
		return fmt.Errorf("srs: progress: %w", err)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.cards, p.order, p.log, p.extra = d.cards, d.order, d.log, d.extra
	return nil
}

// decoded is a progress document, read and checked.
type decoded struct {
	cards map[string]*entry
	order []*entry
	log   []ReviewLog
	extra map[string]json.RawMessage
}

// decodeProgress reads a progress document of any version.
func decodeProgress(data []byte) (*decoded, error) {
	top, err := topLevel(data)
	if err != nil {
		return nil, err
	}
	rawFormat, ok := top["format"]
	if !ok {
		return firstStateFile(top)
	}
	var format int
	if err := json.Unmarshal(rawFormat, &format); err != nil {
		return nil, fmt.Errorf(`"format" is %s, not a version number`, rawFormat)
	}
	switch {
	case format > ProgressFormat:
		return nil, fmt.Errorf("format %d is newer than this program reads (%d); update the program", format, ProgressFormat)
	case format < 1:
		return nil, fmt.Errorf("format %d is not a version", format)
	case format == 2:
		// The practice programs' state file: a version 1 progress under
		// "progress", the answers and the rest beside it.
		inner, ok := top["progress"]
		if !ok {
			return nil, errors.New(`a format 2 state file holds its progress under "progress", and this one has none`)
		}
		delete(top, "progress")
		innerTop, err := topLevel(inner)
		if err != nil {
			return nil, fmt.Errorf(`"progress": %w`, err)
		}
		if string(innerTop["format"]) != "1" {
			return nil, fmt.Errorf(`"progress" of a format 2 state file must be of format 1, not %s`, cmp.Or(string(innerTop["format"]), "none"))
		}
		maps.Copy(innerTop, top) // the state file's own keys over the progress's unknown ones
		top = innerTop
	}
	return decodeCards(top)
}

// firstStateFile reads a document without a version: the first practice
// program's state file (dealt, skipped and answers, no progress) reads as
// an empty progress that keeps them; anything else is named, if it can be.
func firstStateFile(top map[string]json.RawMessage) (*decoded, error) {
	if _, ok := top["questions"]; ok {
		return nil, errors.New(`this is a question bank (it has "questions"), not a progress file`)
	}
	for _, k := range slices.Sorted(maps.Keys(top)) {
		if k != "dealt" && k != "skipped" && k != "answers" {
			return nil, fmt.Errorf(`no "format" version, and a key %q; this is not a progress file`, k)
		}
	}
	if len(top) == 0 {
		return nil, errors.New(`an empty object, without a "format" version; this is not a progress file`)
	}
	return &decoded{extra: top}, nil
}

// decodeCards reads the cards and log of a version 1 or 3 document, and
// keeps its other keys.
func decodeCards(top map[string]json.RawMessage) (*decoded, error) {
	var cards []cardJSON
	if raw, ok := top["cards"]; ok {
		if err := json.Unmarshal(raw, &cards); err != nil {
			return nil, fmt.Errorf(`"cards": %w`, err)
		}
	}
	d := &decoded{cards: make(map[string]*entry, len(cards)), order: make([]*entry, len(cards))}
	if raw, ok := top["log"]; ok {
		if err := json.Unmarshal(raw, &d.log); err != nil {
			return nil, fmt.Errorf(`"log": %w`, err)
		}
	}
	for i, c := range cards {
		key := questionbank.IDKey(c.ID)
		if c.ID == "" {
			return nil, fmt.Errorf("card %d has no id", i)
		}
		if e := d.cards[key]; e != nil {
			if e.id == c.ID {
				return nil, fmt.Errorf("card %q is given twice", c.ID)
			}
			return nil, fmt.Errorf("cards %q and %q are one question's: a bank compares IDs without regard to case", e.id, c.ID)
		}
		if err := checkCard(c.Card); err != nil {
			return nil, fmt.Errorf("card %q: %s", c.ID, strings.TrimPrefix(err.Error(), "srs: "))
		}
		e := &entry{key: key, id: c.ID, card: c.Card, hash: c.Hash}
		d.cards[key], d.order[i] = e, e
	}
	slices.SortFunc(d.order, func(a, b *entry) int { return cmp.Compare(a.key, b.key) })
	for i, l := range d.log {
		switch {
		case l.ID == "":
			return nil, fmt.Errorf("review %d of the log has no id", i)
		case l.Rating < Again || l.Rating > Easy:
			return nil, fmt.Errorf("review %d of the log has rating %d, not 1 (again) to 4 (easy)", i, l.Rating)
		case l.State < New || l.State > Relearning:
			return nil, fmt.Errorf("review %d of the log has state %d", i, l.State)
		}
	}
	for _, k := range ownKeys {
		delete(top, k)
	}
	if len(top) > 0 {
		d.extra = top
	}
	return d, nil
}

// topLevel returns the keys of a JSON object and their values as written.
// A key given twice is an error: one of the two would be lost.
func topLevel(data []byte) (map[string]json.RawMessage, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	if tok != json.Delim('{') {
		return nil, fmt.Errorf("a progress is a JSON object, not %s", jsonKind(tok))
	}
	top := map[string]json.RawMessage{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		key := tok.(string) // a key, as the object is well formed so far
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, err
		}
		if _, dup := top[key]; dup {
			return nil, fmt.Errorf("key %q is given twice", key)
		}
		top[key] = raw
	}
	if _, err := dec.Token(); err != nil { // the closing brace
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("text after the JSON object")
	}
	return top, nil
}

// jsonKind names the JSON value a token starts.
func jsonKind(tok json.Token) string {
	switch tok.(type) {
	case json.Delim:
		return "an array"
	case string:
		return "a string"
	case float64:
		return "a number"
	case bool:
		return "true or false"
	}
	return "null"
}

// Extra returns the JSON value of a top-level key of p's document that
// Progress does not use itself, as read by [Progress.UnmarshalJSON] or set
// by [Progress.SetExtra], or nil. The practice programs keep the answers a
// learner typed under "answers".
func (p *Progress) Extra(key string) json.RawMessage {
	p.mu.RLock()
	defer p.mu.RUnlock()
	return slices.Clone(p.extra[key])
}

// SetExtra sets a top-level key of p's document to a JSON value, which
// [Progress.MarshalJSON] writes and [Progress.UnmarshalJSON] keeps: a
// program keeps its own data beside the cards so. A nil value removes the
// key. The keys "format", "cards" and "log" are p's own, and a value that
// is not valid JSON is an error.
func (p *Progress) SetExtra(key string, value json.RawMessage) error {
	if slices.Contains(ownKeys, key) {
		return fmt.Errorf("srs: %q is a key of the progress itself", key)
	}
	if value != nil && !json.Valid(value) {
		return fmt.Errorf("srs: the value for %q is not valid JSON", key)
	}
	var compact bytes.Buffer
	if value != nil {
		json.Compact(&compact, value) // valid, so it cannot fail
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if value == nil {
		delete(p.extra, key)
		return nil
	}
	if p.extra == nil {
		p.extra = map[string]json.RawMessage{}
	}
	p.extra[key] = compact.Bytes()
	return nil
}
