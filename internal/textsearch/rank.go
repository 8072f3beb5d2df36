package textsearch

import (
	"math"
	"slices"

	"github.com/backendprep/questionbank/internal/bitset"
)

// Ranking: BM25F over a query's terms, the n best found with block-max
// pruning (Ding and Suel, "Faster top-k document retrieval using
// block-max indexes", SIGIR 2011): each list keeps the largest frequency
// of each block of documents, so a block's score has an upper bound;
// blocks are fixed ranges of documents shared by all lists and are
// scored from the best bound down, which stops at the first bound that
// cannot beat the n-th best, as in the interval methods of Dimopoulos,
// Nepomnyachiy and Suel, "Optimizing top-k document retrieval
// strategies for block-max indexes", WSDM 2013.

// The ranking's parameters: BM25's k1 and b, as Lucene and bleve use
// them.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// A Term is a word or a prefix of a query as ranking scores it: the
// postings it stands for (a word's, its stem's; a prefix's, those of each
// word it starts) and its inverse document frequency. A term of many
// lists has its lists' blocks by block number, so that scoring a block
// reads the lists with postings there and no others: those of block no
// are blocks[starts[no]:starts[no+1]], in the order of the lists
// (BENCHMARKS.md has what looking each list's block up would cost). A
// Term is immutable, to be shared by concurrent searches.
type Term struct {
	lists  []*Postings
	one    [1]*Postings // lists, for a word's term
	idf    float64
	blocks []blockAt
	starts []int32
}

// A blockAt is block b of list l of a term.
type blockAt struct{ l, b int32 }

// NewTerm returns the term of one word of a query, or, with prefix set,
// of the words it starts; nil if no document holds it.
func (t *Index) NewTerm(ph Phrase) *Term {
	if len(ph.Words) != 1 {
		return nil
	}
	tm := &Term{}
	if !ph.Prefix {
		no, ok := t.stemNo[ph.Stems[0]]
		if !ok {
			return nil
		}
		tm.one[0] = t.stems[no].postings
		tm.lists = tm.one[:]
	} else {
		lo, hi := t.prefixed(ph.Words[0])
		for _, w := range t.vocab[lo:hi] {
			tm.lists = append(tm.lists, &t.words[w].Postings)
		}
	}
	switch len(tm.lists) {
	case 0:
		return nil
	case 1:
		tm.idf = t.idf(len(tm.lists[0].docs))
	default:
		sets := make([]*bitset.Set, len(tm.lists))
		for i, l := range tm.lists {
			sets[i] = l.set
		}
		tm.idf = t.idf(bitset.Union(sets, t.n).Count())
		tm.byBlock(t.blocks())
	}
	return tm
}

// Postings returns the number of postings of the term: what ranking it
// reads at most.
func (tm *Term) Postings() int {
	c := 0
	for _, l := range tm.lists {
		c += len(l.docs)
	}
	return c
}

// byBlock sets tm's blocks by block number, for n blocks.
func (tm *Term) byBlock(n int) {
	tm.starts = make([]int32, n+1)
	for _, l := range tm.lists {
		for _, b := range l.blocks {
			tm.starts[b.no+1]++
		}
	}
	for no := range n {
		tm.starts[no+1] += tm.starts[no]
	}
	tm.blocks = make([]blockAt, tm.starts[n])
	next := slices.Clone(tm.starts[:n])
	for li, l := range tm.lists {
		for bi, b := range l.blocks {
			tm.blocks[next[b.no]] = blockAt{int32(li), int32(bi)}
			next[b.no]++
		}
	}
}

// blocks returns the number of blocks of the index's documents.
func (t *Index) blocks() int { return t.n>>blockShift + 1 }

// idf is BM25's inverse document frequency of a term that df of the
// documents hold.
func (t *Index) idf(df int) float64 {
	return math.Log(1 + (float64(t.n)-float64(df)+0.5)/(float64(df)+0.5))
}

// saturate is BM25's score of a term of frequency x, idf × x(k1 + 1) /
// (k1 + x), computed as idf(k1 + 1) × (1 − k1 / (k1 + x)) so that it
// never falls as x rises, rounding included: each step is an addition,
// a multiplication by a positive constant or a division of one, and
// rounding keeps their order. Best relies on it. (The conversion keeps
// the product from being fused with an addition that follows, which
// would round differently in the bound and in the score.)
func saturate(idf, x float64) float64 {
	return float64(idf * (bm25K1 + 1) * (1 - bm25K1/(bm25K1+x)))
}

// A Hit is a document and its score.
type Hit struct {
	Doc   int32
	Score float64
}

// A bound is a block of documents and the most any of them can score.
type bound struct {
	block int32
	max   float64
}

// better reports whether a ranks before b: a higher score, or an equal
// one earlier in the documents.
func better(a, b Hit) bool { return a.Score > b.Score || a.Score == b.Score && a.Doc < b.Doc }

// worse reports whether a ranks after b.
func worse(a, b Hit) bool { return better(b, a) }

// first reports whether block a is scored before block b: a higher
// bound, or an equal one earlier.
func first(a, b bound) bool { return a.max > b.max || a.max == b.max && a.block < b.block }

// blockWords returns the words [lo, hi) of a set of nWords words that
// hold block no.
func blockWords(no int32, nWords int) (lo, hi int) {
	const perBlock = 1 << blockShift / 64
	return int(no) * perBlock, min(int(no+1)*perBlock, nWords)
}
