package questionbank

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCountDoesNotAllocate(t *testing.T) {
	b := Default()
	f := MustParseFilter(`level>=senior type:technical (skill:problem-solving OR skill:scalability) -"api gate*" micro*`)
	b.Count(f)        // compile once
	if !raceEnabled { // the race detector makes sync.Pool drop what it holds
		assert.Zero(t, testing.AllocsPerRun(100, func() { b.Count(f) }))
	}
}

// TestCountDoesNotAllocateInLargeBanks checks the chunked evaluation, in a
// bank of many chunks, with sparse sets, a phrase and a deep filter whose
// scratch space does not fit on the stack.
func TestCountDoesNotAllocateInLargeBanks(t *testing.T) {
	b := randomBank(t, seeded(77), 3000)
	deep := "level:lead"
	for i := range 12 {
		if i%2 == 0 {
			deep = "type:technical (" + deep + " OR skill:go)"
		} else {
			deep = "-skill:sql (" + deep + " OR rare3)"
		}
	}
	require.Greater(t, b.compile(MustParseFilter(deep)).depth, maxStackDepth, "the deep filter's scratch is pooled")
	for _, q := range []string{benchQuery, `"api gateway" OR rare7 -id:q-12,q-15`, "micro* level>=mid", deep} {
		f := MustParseFilter(q)
		b.Count(f)
		if !raceEnabled { // the race detector makes sync.Pool drop what it holds
			assert.Zero(t, testing.AllocsPerRun(50, func() { b.Count(f) }), "Count(%q)", q)
		}
	}
}
