package mdbank

import (
	"fmt"
	"testing"
	"testing/fstest"
)

// BenchmarkPathological loads one question file holding each pathological
// input at 16 KiB, 64 KiB, 256 KiB and 1 MiB: each is refused or loaded.
func BenchmarkPathological(b *testing.B) {
	for _, p := range pathologicalInputs {
		for _, size := range []int{16 << 10, 64 << 10, 256 << 10, 1 << 20} {
			data := questionWith(p.make(size))
			if len(data) > size {
				data = data[:size]
			}
			fsys := fstest.MapFS{"p.md": {Data: data}}
			b.Run(fmt.Sprintf("%s/%dKiB", p.name, size>>10), func(b *testing.B) {
				for range b.N {
					Load(fsys)
				}
			})
		}
	}
}
