// Command startup measures what a program pays, in a fresh process, for
// the embedded bank: Default() and its first Search, which builds the word
// index. It prints the time in microseconds. Run it many times and take
// the median (BENCHMARKS.md gives the loop), since one process start is
// noisy.
package main

import (
	"fmt"
	"os"
	"time"

	qb "github.com/backendprep/questionbank"
)

func main() {
	start := time.Now()
	bank := qb.Default()
	hits, err := bank.Search("kubernetes docker", 10)
	elapsed := time.Since(start)
	if err != nil || bank.Len() == 0 {
		fmt.Fprintln(os.Stderr, "startup: empty bank or failed search:", err)
		os.Exit(1)
	}
	fmt.Printf("%d\t%d questions\t%d hits\n", elapsed.Microseconds(), bank.Len(), len(hits))
}
