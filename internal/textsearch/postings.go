package textsearch

import (
	"cmp"
	"slices"

	"github.com/backendprep/questionbank/internal/bitset"
)

// Postings are the documents holding a word, or a word of a stem, in
// order, with its BM25F frequency in each: its counts in each group of
// fields, weighed by the group's weight and length. A stem's frequency
// is the sum of its words'. The list is cut into blocks of documents,
// each with its largest frequency, for ranking's bounds.
type Postings struct {
	set    *bitset.Set
	docs   []int32
	tf     []float64
	blocks []block
}

// blockShift sets the size of a block of documents, 1<<blockShift (four
// words of a set): the unit in which Best scores documents, bounds what
// they can score, and passes over those that cannot make the n best.
const blockShift = 8

// A block is the postings of a list in one block of documents.
type block struct {
	no    int32   // the block: documents no<<blockShift up to the next block's
	first int32   // the index in the list of the first
	maxTF float64 // their largest frequency (tf)
}

// blocksOf returns the blocks of p's postings.
func blocksOf(p *Postings) []block {
	var blocks []block
	for k, d := range p.docs {
		if no := d >> blockShift; len(blocks) == 0 || blocks[len(blocks)-1].no != no {
			blocks = append(blocks, block{no: no, first: int32(k)})
		}
		b := &blocks[len(blocks)-1]
		b.maxTF = max(b.maxTF, p.tf[k])
	}
	return slices.Clip(blocks)
}

// in returns the postings of p in block no, as indexes [lo, hi).
func (p *Postings) in(no int32) (lo, hi int32) {
	c, ok := slices.BinarySearchFunc(p.blocks, no, func(b block, no int32) int { return cmp.Compare(b.no, no) })
	if !ok {
		return 0, 0
	}
	return p.blocks[c].first, p.blockEnd(c)
}

// blockEnd returns where block c of p ends: where the next begins.
func (p *Postings) blockEnd(c int) int32 {
	if c+1 < len(p.blocks) {
		return p.blocks[c+1].first
	}
	return int32(len(p.docs))
}

// mergePostings returns the postings of two lists in one, the
// frequencies of a document in both summed, a's first.
func mergePostings(aq []int32, at []float64, bq []int32, bt []float64) ([]int32, []float64) {
	docs, tf := make([]int32, 0, len(aq)+len(bq)), make([]float64, 0, len(aq)+len(bq))
	i, j := 0, 0
	for i < len(aq) || j < len(bq) {
		switch {
		case j == len(bq) || i < len(aq) && aq[i] < bq[j]:
			docs, tf = append(docs, aq[i]), append(tf, at[i])
			i++
		case i == len(aq) || bq[j] < aq[i]:
			docs, tf = append(docs, bq[j]), append(tf, bt[j])
			j++
		default:
			docs, tf = append(docs, aq[i]), append(tf, at[i]+bt[j])
			i++
			j++
		}
	}
	return slices.Clip(docs), slices.Clip(tf)
}
