package questionbank

import "sync"

// sourcePage returns a bank of the source page's 14 questions alone, in
// their order. Tests that name the questions they expect are written
// against it, so that the project's own questions can grow without
// rewriting them; tests of the built-in bank as a whole use Default.
var sourcePage = sync.OnceValue(func() *Bank {
	b, err := New(Default().All()[:sourcePageLen])
	if err != nil {
		panic(err)
	}
	return b
})
