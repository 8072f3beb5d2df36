//go:build !race

package questionbank

const raceEnabled = false
