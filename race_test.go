//go:build race

package questionbank

// raceEnabled reports whether the race detector is on: it makes sync.Pool
// drop what is put in it at random, so allocation counts mean nothing.
const raceEnabled = true
