package render

import (
	"encoding/json"
	"io"

	"github.com/backendprep/questionbank"
)

// WriteJSON writes qs as an indented JSON array in the question schema
// (an empty array for none), which [questionbank.LoadJSON] reads back.
func WriteJSON(w io.Writer, qs []questionbank.Question) error {
	if qs == nil {
		qs = []questionbank.Question{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(qs)
}
