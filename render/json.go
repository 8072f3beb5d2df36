package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"unicode"
	"unicode/utf8"

	"github.com/backendprep/questionbank"
)

// WriteJSON writes qs as an indented JSON array in the question schema
// (an empty array for none), which [questionbank.LoadJSON] reads back.
// Controls are escaped: encoding/json escapes C0 controls, and DEL, C1
// controls and bidirectional controls are written as \u escapes too, so
// that the file shows in a terminal as it is stored, and reads back the
// same.
func WriteJSON(w io.Writer, qs []questionbank.Question) error {
	if qs == nil {
		qs = []questionbank.Question{}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(qs); err != nil {
		return err
	}
	_, err := w.Write(escapeControls(buf.Bytes()))
	return err
}

// escapeControls returns JSON with each C1 or bidirectional control, which
// can stand only in a string, as a \u escape.
func escapeControls(data []byte) []byte {
	var out []byte
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r >= 0x7f && (unicode.IsControl(r) || isBidiControl(r)) { // DEL, C1, bidi
			if out == nil {
				out = append(make([]byte, 0, len(data)+16), data[:i]...)
			}
			out = fmt.Appendf(out, `\u%04x`, r)
		} else if out != nil {
			out = append(out, data[i:i+size]...)
		}
		i += size
	}
	if out == nil {
		return data
	}
	return out
}
