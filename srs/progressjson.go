package srs

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"
)

// A progress file is read by a decoder of its own, in one pass, rather
// than by encoding/json's reflection: json.Unmarshal has already scanned
// the data twice before it calls UnmarshalJSON, and a reflective decode on
// top made loading 100,000 cards 1.65 times json.Unmarshal of a plain
// struct of the same data (BenchmarkProgressJSON100k); this is under it.

// decodeProgress reads the JSON of a progress, which is known to be
// valid JSON. Keys it does not know are skipped.
func decodeProgress(data []byte) (progressJSON, error) {
	d := &jdecoder{data: data}
	var in progressJSON
	format := -1
	err := d.object(func(key string) error {
		switch key {
		case "format":
			n, err := d.int()
			format = n
			return err
		case "cards":
			return d.array(func() error {
				var c cardJSON
				err := d.object(func(key string) error { return d.cardField(&c, key) })
				in.Cards = append(in.Cards, c)
				return err
			})
		case "log":
			return d.array(func() error {
				var l ReviewLog
				err := d.object(func(key string) error { return d.logField(&l, key) })
				in.Log = append(in.Log, l)
				return err
			})
		}
		d.skip()
		return nil
	})
	in.Format = format
	return in, err
}

func (d *jdecoder) cardField(c *cardJSON, key string) error {
	var err error
	switch key {
	case "id":
		c.ID, err = d.str()
	case "hash":
		c.Hash, err = d.str()
	case "due":
		c.Due, err = d.time()
	case "last_review":
		c.LastReview, err = d.time()
	case "stability":
		c.Stability, err = d.float()
	case "difficulty":
		c.Difficulty, err = d.float()
	case "state":
		err = d.text(&c.State)
	case "step":
		c.Step, err = d.int()
	case "reps":
		c.Reps, err = d.int()
	case "lapses":
		c.Lapses, err = d.int()
	default:
		d.skip()
	}
	if err != nil {
		return fmt.Errorf("card %q: %s: %w", c.ID, key, err)
	}
	return nil
}

func (d *jdecoder) logField(l *ReviewLog, key string) error {
	var err error
	switch key {
	case "id":
		l.ID, err = d.str()
	case "rating":
		var n int
		n, err = d.int()
		l.Rating = Rating(n)
	case "review":
		l.Review, err = d.time()
	case "state":
		err = d.text(&l.State)
	case "elapsed_days":
		l.ElapsedDays, err = d.int()
	default:
		d.skip()
	}
	if err != nil {
		return fmt.Errorf("log: %s: %w", key, err)
	}
	return nil
}

// A jdecoder walks JSON already known to be valid.
type jdecoder struct {
	data []byte
	pos  int
}

func (d *jdecoder) space() {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

func (d *jdecoder) peek() byte {
	d.space()
	if d.pos == len(d.data) {
		return 0
	}
	return d.data[d.pos]
}

var errKind = errors.New("a value of the wrong kind")

// object calls field with each key of the object at d.pos, which reads
// the value.
func (d *jdecoder) object(field func(key string) error) error {
	if d.peek() != '{' {
		d.skip()
		return errKind
	}
	d.pos++
	for d.peek() != '}' {
		if d.data[d.pos] == ',' {
			d.pos++
		}
		key, err := d.str()
		if err != nil {
			return err
		}
		d.peek()
		d.pos++ // :
		d.peek()
		if err := field(key); err != nil {
			return err
		}
	}
	d.pos++
	return nil
}

// array calls elem with each element of the array at d.pos.
func (d *jdecoder) array(elem func() error) error {
	if d.peek() != '[' {
		d.skip()
		return errKind
	}
	d.pos++
	for d.peek() != ']' {
		if d.data[d.pos] == ',' {
			d.pos++
			d.peek()
		}
		if err := elem(); err != nil {
			return err
		}
	}
	d.pos++
	return nil
}

// raw returns the scalar value at d.pos, as written.
func (d *jdecoder) raw() []byte {
	start := d.pos
	if d.peek() == '"' {
		for d.pos++; d.data[d.pos] != '"'; d.pos++ {
			if d.data[d.pos] == '\\' {
				d.pos++
			}
		}
		d.pos++
		return d.data[start:d.pos]
	}
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			return d.data[start:d.pos]
		}
		d.pos++
	}
	return d.data[start:]
}

func (d *jdecoder) skip() {
	switch d.peek() {
	case '{', '[':
		depth := 0
		for {
			switch d.data[d.pos] {
			case '"':
				d.raw()
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
			}
			d.pos++
			if depth == 0 {
				return
			}
		}
	}
	d.raw()
}

func (d *jdecoder) str() (string, error) {
	if d.peek() != '"' {
		d.skip()
		return "", errKind
	}
	r := d.raw()
	for _, c := range r[1 : len(r)-1] {
		if c == '\\' { // the rare string with escapes
			var s string
			err := json.Unmarshal(r, &s)
			return s, err
		}
	}
	return string(r[1 : len(r)-1]), nil
}

func (d *jdecoder) int() (int, error) {
	r := d.raw()
	n, neg := 0, len(r) > 0 && r[0] == '-'
	digits := r
	if neg {
		digits = r[1:]
	}
	if len(digits) == 0 || len(digits) > 18 {
		return strconv.Atoi(string(r)) // an error, or a number too long to add up here
	}
	for _, c := range digits {
		if c < '0' || c > '9' {
			return strconv.Atoi(string(r))
		}
		n = n*10 + int(c-'0')
	}
	if neg {
		n = -n
	}
	return n, nil
}

func (d *jdecoder) float() (float64, error) {
	return strconv.ParseFloat(string(d.raw()), 64)
}

func (d *jdecoder) time() (time.Time, error) {
	var t time.Time
	r := d.raw()
	if len(r) < 2 || r[0] != '"' {
		return t, errKind
	}
	return time.Parse(time.RFC3339Nano, string(r[1:len(r)-1]))
}

func (d *jdecoder) text(s *State) error {
	v, err := d.str()
	if err != nil {
		return err
	}
	return s.UnmarshalText([]byte(v))
}
