package questionbank

// Facets counts the questions a filter matches, by level, type and skill:
// what a search page shows beside its results. The maps hold only counts
// above zero.
type Facets struct {
	Total  int            `json:"total"`  // questions matched
	Levels map[Level]int  `json:"levels"` // by level; in JSON, by key ("senior")
	Types  map[Type]int   `json:"types"`  // by type; in JSON, by key ("technical")
	Skills map[string]int `json:"skills"` // by skill, under its first spelling in the bank
}

// Facets counts the questions f matches by level, type and skill, without
// copying or drawing any. Counts by skill use the bank's spelling of each
// skill, as [Bank.Skills] lists them.
func (b *Bank) Facets(f Filter) Facets {
	ix := b.index()
	var levels [maxLevel + 1]int
	var types [maxType + 1]int
	skills := make([]int, len(ix.skillNames))
	total := 0
	b.matches(f, func(i int) bool {
		total++
		levels[b.qs[i].Level]++
		types[b.qs[i].Type]++
		for _, s := range ix.qskills[ix.qskillAt[i]:ix.qskillAt[i+1]] {
			skills[s]++
		}
		return true
	})
	fc := Facets{Total: total, Levels: map[Level]int{}, Types: map[Type]int{}, Skills: map[string]int{}}
	for l, c := range levels {
		if c > 0 {
			fc.Levels[Level(l)] = c
		}
	}
	for t, c := range types {
		if c > 0 {
			fc.Types[Type(t)] = c
		}
	}
	for s, c := range skills {
		if c > 0 {
			fc.Skills[ix.skillNames[s]] = c
		}
	}
	return fc
}
