package questionbank

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFacets(t *testing.T) {
	b := sourcePage()
	fc := b.Facets(MustParseFilter("level>=lead"))
	assert.Equal(t, 6, fc.Total)
	assert.Equal(t, map[Level]int{Lead: 2, Principal: 2, Architect: 2}, fc.Levels)
	assert.Equal(t, map[Type]int{Technical: 3, Behavioral: 1, Situational: 2}, fc.Types)
	assert.Equal(t, 3, fc.Skills["Problem-solving"], "lead-1, principal-1, architect-1")
	assert.Equal(t, 2, fc.Skills["Strategic Thinking"])
	assert.Equal(t, 1, fc.Skills["Leadership"])
	_, has := fc.Skills["Debugging"]
	assert.False(t, has, "only skills with matches")

	empty := b.Facets(Or())
	assert.Equal(t, Facets{Levels: map[Level]int{}, Types: map[Type]int{}, Skills: map[string]int{}}, empty)

	// Facets agree with Count, facet by facet.
	for _, l := range Levels() {
		assert.Equal(t, b.Count(ByLevel(l)), b.Facets(Filter{}).Levels[l])
	}
	for _, s := range b.Skills() {
		assert.Equal(t, b.Count(BySkill(s)), b.Facets(Filter{}).Skills[s], s)
	}
}
