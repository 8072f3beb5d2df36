package mdbank

import (
	"fmt"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"
)

// BenchmarkPathological loads one question file holding each pathological
// input at 16 KiB, 64 KiB, 256 KiB and 1 MiB, each refused or loaded, and
// at the limits: the largest file of the input that passes them, which
// goldmark parses. cpu-ms/op is the process's CPU time, which other work
// on a shared machine does not inflate as it does ns/op.
func BenchmarkPathological(b *testing.B) {
	for _, p := range pathologicalInputs {
		for _, size := range []int{16 << 10, 64 << 10, 256 << 10, 1 << 20} {
			data := questionWith(p.make(size))
			if len(data) > size {
				data = data[:size]
			}
			b.Run(fmt.Sprintf("%s/%dKiB", p.name, size>>10), func(b *testing.B) {
				benchLoad(b, fstest.MapFS{"p.md": {Data: data}})
			})
		}
		data := largestWithinLimits(p)
		b.Run(p.name+"/at-the-limits", func(b *testing.B) {
			b.ReportMetric(float64(len(data)), "bytes")
			benchLoad(b, fstest.MapFS{"p.md": {Data: data}})
		})
	}
}

// BenchmarkYAMLAmplification loads 20 files of skills: [a,a,...], of
// 1 MiB (refused by their size) and of the most skills the front matter
// may hold (refused by their count, once YAML has read them).
func BenchmarkYAMLAmplification(b *testing.B) {
	for _, size := range []int{1 << 20, maxFrontMatter} {
		fsys := fstest.MapFS{}
		for i := range 20 {
			head := fmt.Sprintf("---\nid: p%d\nlevel: senior\ntype: technical\n", i)
			skills := "skills: [" + strings.Repeat("a,", (size-len(head)-12)/2) + "a]\n"
			fsys[fmt.Sprintf("q%d.md", i)] = &fstest.MapFile{Data: []byte(head + skills + "---\n# Why?\n")}
		}
		b.Run(fmt.Sprintf("20x%dKiB", size>>10), func(b *testing.B) {
			b.ReportAllocs()
			benchLoad(b, fsys)
		})
	}
}

func benchLoad(b *testing.B, fsys fstest.MapFS) {
	start := cpuTime()
	for range b.N {
		Load(fsys)
	}
	b.ReportMetric(float64((cpuTime()-start).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

// cpuTime returns the CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// largestWithinLimits returns the largest question file of input p that
// passes the limits on size and markup (found by bisection), so that
// goldmark parses it.
func largestWithinLimits(p pathological) []byte {
	within := func(n int) []byte {
		data := questionWith(p.make(n))
		if len(data) > MaxFileSize {
			return nil
		}
		f := &file{path: "p.md", errs: &Error{}}
		_, body, ok := f.split(data)
		if !ok {
			return nil
		}
		f.newlines = newlines(body)
		if !f.markupBounded(body) {
			return nil
		}
		return data
	}
	lo, hi := 1, MaxFileSize
	best := within(lo)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if data := within(mid); data != nil {
			lo, best = mid, data
		} else {
			hi = mid - 1
		}
	}
	return best
}
