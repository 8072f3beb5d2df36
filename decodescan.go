package questionbank

import (
	"fmt"
	"unicode/utf16"
	"unicode/utf8"
)

// The decoder's scanner: white space, keys, strings with their escapes,
// and values skipped whole, over JSON that json.Valid has accepted.

// space skips white space.
func (d *decoder) space() {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

// key reads an object's key and the colon after it.
func (d *decoder) key() string {
	k := d.str()
	d.space()
	d.pos++ // :
	d.space()
	return k
}

// skip skips the value at d.pos.
func (d *decoder) skip() {
	switch d.data[d.pos] {
	case '"':
		d.pos = d.skipString()
		return
	case '{', '[':
		depth := 0
		for {
			switch d.data[d.pos] {
			case '"':
				d.pos = d.skipString()
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
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			return
		}
		d.pos++
	}
}

// skipString returns the offset just past the string at d.pos.
func (d *decoder) skipString() int {
	i := d.pos + 1
	for {
		switch d.data[i] {
		case '"':
			return i + 1
		case '\\':
			i++
		}
		i++
	}
}

// str reads the string at d.pos.
func (d *decoder) str() string {
	start := d.pos + 1
	i := start
	for d.data[i] != '"' && d.data[i] != '\\' {
		i++
	}
	if d.data[i] == '"' { // the usual case: no escapes
		d.pos = i + 1
		return string(d.data[start:i])
	}
	b := append([]byte(nil), d.data[start:i]...)
	for {
		c := d.data[i]
		switch {
		case c == '"':
			d.pos = i + 1
			return string(b)
		case c != '\\':
			b = append(b, c)
			i++
			continue
		}
		i++ // the backslash
		switch e := d.data[i]; e {
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			r := hex4(d.data[i+1 : i+5])
			at := i - 1
			i += 4
			if utf16.IsSurrogate(r) {
				r2 := rune(-1)
				if i+6 < len(d.data) && d.data[i+1] == '\\' && d.data[i+2] == 'u' {
					r2 = hex4(d.data[i+3 : i+7])
				}
				if r = utf16.DecodeRune(r, r2); r == utf8.RuneError {
					if d.fatal == nil {
						d.fatal = fmt.Errorf("questionbank: JSON bank: %s: %s is half of a UTF-16 surrogate pair", lineCol(d.data, at), d.data[at:at+6])
					}
					d.pos = i + 1
					return ""
				}
				i += 6
			}
			b = utf8.AppendRune(b, r)
		default: // " \ /
			b = append(b, e)
		}
		i++
	}
}

// hex4 decodes four hexadecimal digits, which json.Valid has checked.
func hex4(h []byte) rune {
	var r rune
	for _, c := range h {
		switch {
		case c <= '9':
			c -= '0'
		case c >= 'a':
			c -= 'a' - 10
		default:
			c -= 'A' - 10
		}
		r = r<<4 | rune(c)
	}
	return r
}
