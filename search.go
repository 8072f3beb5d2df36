package questionbank

import (
	"github.com/backendprep/questionbank/internal/bitset"
	"github.com/backendprep/questionbank/internal/textsearch"
)

// A Hit is one result of [Bank.Search]: a question and its relevance.
type Hit struct {
	Question Question `json:"question"`
	Score    float64  `json:"score"` // higher is more relevant; 0 for a query with no free text
}

// Search returns the questions [Bank.Query] returns for q, most relevant
// first, at most n of them (n <= 0: all), with their scores. An error is
// Query's.
//
// Relevance is BM25F over the query's free-text words (each word and
// prefix that is not negated; a phrase counts as its words, as bleve
// scores it): a word scores
//
//	idf × tf × (k1 + 1) / (k1 + tf)
//	idf = ln(1 + (N − df + 0.5) / (df + 0.5))
//	tf  = Σ over groups of weight × count / (1 − b + b × length / mean length)
//
// with k1 = 1.2 and b = 0.75, where N is the number of questions in the
// bank, df the number that hold the word, and count and length are the
// word's occurrences in a group of the question's fields and the group's
// length in words. The groups weigh 4 for the question text, 3 for the
// skills, 2 for the introduction and 1 for the bullets and the example
// answer. A word counts every word of its stem; a prefix every word it
// starts. A question's score is the sum of its words'. Equal scores keep
// corpus order, and a query without free text returns its matches in
// corpus order with score 0.
func (b *Bank) Search(q string, n int) ([]Hit, error) {
	f, err := b.ParseQuery(q)
	if err != nil {
		return nil, err
	}
	pl := b.plan(f)
	bp, total := b.evalAll(pl.p)
	defer bitset.Put(bp)
	if total == 0 {
		return nil, nil
	}
	if n <= 0 || n > total {
		n = total
	}
	matches := *bp
	var top []textsearch.Hit
	if terms := pl.rankTerms(b); len(terms.terms) > 0 {
		top = b.textIndex().Best(terms.terms, matches, total, n)
	}
	hits := make([]Hit, 0, n)
	for _, s := range top {
		hits = append(hits, Hit{Question: b.qs[s.Doc].clone(), Score: s.Score})
	}
	if len(hits) < n {
		// Fewer than n scored: Best scored every match, and kept them
		// all. The others follow, in corpus order.
		kept := make(map[int32]bool, len(top))
		for _, s := range top {
			kept[s.Doc] = true
		}
		for i := range bitset.Ones(matches) {
			if len(hits) == n {
				break
			}
			if !kept[int32(i)] {
				hits = append(hits, Hit{Question: b.qs[i].clone()})
			}
		}
	}
	return hits, nil
}

// collectTerms appends the free-text words of n that are not negated,
// each once, as one-word phrases.
func collectTerms(n *node, terms *[]textsearch.Phrase) {
	if n == nil {
		return
	}
	switch n.kind {
	case kindAnd, kindOr:
		for _, k := range n.kids {
			collectTerms(k, terms)
		}
	case kindText:
	words:
		for k := range n.text.Words {
			w := n.text.Word(k)
			for _, t := range *terms {
				if t.Prefix == w.Prefix && t.Words[0] == w.Words[0] {
					continue words
				}
			}
			*terms = append(*terms, w)
		}
	}
}

// textIndex returns the bank's word index, built for the first
// free-text query.
func (b *Bank) textIndex() *textsearch.Index {
	b.textOnce.Do(func() {
		b.text = textsearch.Build(len(b.qs), b.fieldsOf, textsearch.Parts(len(b.qs)))
	})
	return b.text
}

// fieldsOf yields the fields of question i, as the word index reads them.
func (b *Bank) fieldsOf(i int, yield func(textsearch.Group, string) bool) {
	b.qs[i].fields(yield)
}
