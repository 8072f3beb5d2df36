package questionbank

import (
	"fmt"
	"iter"
	"math/bits"
	"math/rand/v2"
	"slices"

	"github.com/backendprep/questionbank/internal/bitset"
)

// intN returns a uniform random int in [0, n) from r, or from the package's
// source, which is safe for concurrent use, when r is nil.
func intN(r *rand.Rand, n int) int {
	if r == nil {
		return rand.IntN(n)
	}
	return r.IntN(n)
}

// shuffle puts s in a uniformly random order.
func shuffle[T any](r *rand.Rand, s []T) {
	for i := len(s) - 1; i > 0; i-- {
		j := intN(r, i+1)
		s[i], s[j] = s[j], s[i]
	}
}

// floydMax is the largest sample Sample draws without listing the
// matches: by rejection when matches are dense, by rank (Floyd's
// algorithm) otherwise.
const floydMax = 64

// rejectDensity is the sparsest share of matches (one in rejectDensity)
// at which Sample draws by rejection: it then expects at most
// rejectDensity draws of a question number per question sampled.
const rejectDensity = 64

// Sample returns min(n, matches) distinct questions that f matches, chosen
// at random: every subset of that size is equally likely, and the
// questions come in random order. n <= 0, or no match, returns nil.
//
// Randomness comes from r; the same seeded r gives the same questions from
// banks of the same [Bank.Version]. A nil r uses the package's own source,
// which is safe for concurrent use; a non-nil r is not, so give each
// goroutine its own.
//
// Sample evaluates f once and copies only the questions it returns.
func (b *Bank) Sample(r *rand.Rand, n int, f Filter) []Question {
	if n <= 0 {
		return nil
	}
	bp, m := b.evalAll(b.compile(f))
	defer bitset.Put(bp)
	set := *bp
	k := min(n, m)
	if k == 0 {
		return nil
	}
	if k <= floydMax && 2*k <= m && m*rejectDensity >= len(b.qs) {
		// Dense matches: draw question numbers until k distinct matches
		// come up. Each is uniform over the matches not yet drawn, so the
		// sample, in the order drawn, is uniform too.
		var buf [floydMax]int
		picked := buf[:0]
		for len(picked) < k {
			i := intN(r, len(b.qs))
			if set[i>>6]&(1<<(i&63)) != 0 && !slices.Contains(picked, i) {
				picked = append(picked, i)
			}
		}
		return b.copies(picked)
	}
	if k <= floydMax && 2*k <= m {
		// Floyd's algorithm picks k distinct ranks among the m matches,
		// uniformly, without listing the matches.
		var buf [floydMax]int
		ranks := buf[:0]
		for j := m - k; j < m; j++ {
			t := intN(r, j+1)
			i, taken := slices.BinarySearch(ranks, t)
			if taken {
				t, i = j, len(ranks) // j is above every rank so far
			}
			ranks = slices.Insert(ranks, i, t)
		}
		picked := selectRanks(set, ranks, buf[:k])
		shuffle(r, picked)
		return b.copies(picked)
	}
	// A large sample: list the matches and shuffle the first k into place.
	all := make([]int, 0, m)
	all = slices.AppendSeq(all, bitset.Ones(set))
	for i := range k {
		j := i + intN(r, m-i)
		all[i], all[j] = all[j], all[i]
	}
	return b.copies(all[:k])
}

// selectRanks returns, in dst, the question numbers of the set's members
// of the given sorted ranks (rank 0 is the first member). dst may be ranks
// itself.
func selectRanks(set []uint64, ranks, dst []int) []int {
	k, seen := 0, 0
	for wi, w := range set {
		c := bits.OnesCount64(w)
		for k < len(ranks) && ranks[k] < seen+c {
			// The (ranks[k]-seen)th set bit of w.
			x := w
			for range ranks[k] - seen {
				x &= x - 1
			}
			dst[k] = wi*64 + bits.TrailingZeros64(x)
			k++
		}
		if k == len(ranks) {
			break
		}
		seen += c
	}
	return dst[:k]
}

// A Deck deals the questions a filter matches, each once, in random order:
// a practice session without repeats.
//
// To resume a saved session, deal from a new Deck whose filter leaves out
// what was dealt: bank.Deck(r, And(f, Not(ByID(dealt...)))).
//
// A Deck is not safe for concurrent use.
type Deck struct {
	bank  *Bank
	r     *rand.Rand
	order []int32 // the matches; order[:next] have been dealt, in order
	next  int
}

// Deck returns a Deck of the questions f matches, shuffled with r as it
// deals (nil r: the package's source). The same seeded r deals the same
// order from banks of the same [Bank.Version].
func (b *Bank) Deck(r *rand.Rand, f Filter) *Deck {
	d := &Deck{bank: b, r: r}
	b.matches(f, func(i int) bool {
		d.order = append(d.order, int32(i))
		return true
	})
	return d
}

// Next deals a copy of the next question. It returns false once every
// match has been dealt.
func (d *Deck) Next() (Question, bool) {
	if d.next == len(d.order) {
		return Question{}, false
	}
	j := d.next + intN(d.r, len(d.order)-d.next)
	d.order[d.next], d.order[j] = d.order[j], d.order[d.next]
	q := d.bank.qs[d.order[d.next]].clone()
	d.next++
	return q, true
}

// All returns an iterator that deals the questions left, as Next does,
// until every match has been dealt or the loop stops:
//
//	for q := range deck.All() {
//		fmt.Println(q.Text)
//	}
func (d *Deck) All() iter.Seq[Question] {
	return func(yield func(Question) bool) {
		for q, ok := d.Next(); ok; q, ok = d.Next() {
			if !yield(q) {
				return
			}
		}
	}
}

// Remaining returns how many questions are left to deal.
func (d *Deck) Remaining() int { return len(d.order) - d.next }

// Dealt returns the IDs of the questions dealt so far, in the order dealt.
func (d *Deck) Dealt() []string {
	ids := make([]string, d.next)
	for i, qi := range d.order[:d.next] {
		ids[i] = d.bank.qs[qi].ID
	}
	return ids
}

// A Quota asks [Bank.Plan] for N distinct questions matching Filter.
// N <= 0 asks for nothing.
type Quota struct {
	Filter Filter
	N      int
}

// A ShortfallError reports a plan that cannot be drawn: quota number
// Quota, which wants Want questions, can have at most Got of them once the
// quotas before it are filled.
type ShortfallError struct {
	Quota int // the index of the first quota that cannot be filled
	Want  int // its N
	Got   int // how many questions it could have
}

func (e *ShortfallError) Error() string {
	return fmt.Sprintf("questionbank: cannot fill quota %d: it wants %d questions, and at most %d are left for it once the quotas before it are filled",
		e.Quota, e.Want, e.Got)
}

// Plan draws an interview: quota i gets quotas[i].N distinct questions
// matching quotas[i].Filter, and no question is used twice. The result
// holds quota 0's questions first, then quota 1's, and so on, each quota's
// in random order.
//
// Quotas may overlap ("2 technical" and "1 about security"): Plan finds an
// assignment whenever one exists, by bipartite matching, not a greedy
// pass. Among the assignments the choice is random, from r (nil: the
// package's source), and reproducible for a seeded r. When no assignment
// exists, Plan returns a [*ShortfallError] for the first quota that cannot
// be filled alongside those before it, and no questions.
func (b *Bank) Plan(r *rand.Rand, quotas ...Quota) ([]Question, error) {
	pl := planner{bank: b, r: r, owner: map[int32]int{}}
	for k, q := range quotas {
		pl.quotas = append(pl.quotas, planQuota{})
		if q.N <= 0 {
			continue
		}
		pq := &pl.quotas[k]
		bp, m := b.evalAll(b.compile(q.Filter))
		pq.match = append([]uint64(nil), (*bp)...)
		pq.cand = make([]int32, 0, m)
		for i := range bitset.Ones(pq.match) {
			pq.cand = append(pq.cand, int32(i))
		}
		bitset.Put(bp)
		for got := range q.N {
			if !pl.augment(k) {
				return nil, &ShortfallError{Quota: k, Want: q.N, Got: got}
			}
		}
	}
	var idx []int
	for _, pq := range pl.quotas {
		shuffle(r, pq.owned)
		for _, qi := range pq.owned {
			idx = append(idx, int(qi))
		}
	}
	return b.copies(idx), nil
}

// A planner assigns questions to quotas by augmenting paths: a quota that
// needs a question takes a free one it matches, or takes one from another
// quota that can replace it, and so on along a path found breadth first.
// A question, once assigned, stays assigned, though it may change quota.
type planner struct {
	bank   *Bank
	r      *rand.Rand
	quotas []planQuota
	owner  map[int32]int // question number -> the quota it is assigned to
}

type planQuota struct {
	match []uint64 // the questions the quota's filter matches
	cand  []int32  // the same, listed; cand[:tried] were offered, in random order
	tried int
	owned []int32 // the questions assigned to the quota
}

// free returns a random unassigned question quota k matches, and takes it
// from k's candidates.
func (pl *planner) free(k int) (int32, bool) {
	pq := &pl.quotas[k]
	for pq.tried < len(pq.cand) {
		j := pq.tried + intN(pl.r, len(pq.cand)-pq.tried)
		pq.cand[pq.tried], pq.cand[j] = pq.cand[j], pq.cand[pq.tried]
		c := pq.cand[pq.tried]
		pq.tried++
		if _, taken := pl.owner[c]; !taken {
			return c, true
		}
	}
	return 0, false
}

// augment gives quota k one more question, moving others between quotas
// as needed, and reports whether it could.
func (pl *planner) augment(k int) bool {
	type step struct {
		from int   // the quota that reached this one
		q    int32 // the question it takes from this one
	}
	prev := make([]step, len(pl.quotas))
	seen := make([]bool, len(pl.quotas))
	seen[k] = true
	queue := []int{k}
	for len(queue) > 0 {
		a := queue[0]
		queue = queue[1:]
		if c, ok := pl.free(a); ok {
			pl.assign(c, a)
			// Walk back: each quota on the path takes its question from the
			// next one, which has just been given a replacement.
			for a != k {
				s := prev[a]
				pl.assign(s.q, s.from)
				a = s.from
			}
			return true
		}
		for b, pq := range pl.quotas {
			if seen[b] || b == a {
				continue
			}
			for _, c := range pq.owned {
				if pl.quotas[a].match[c>>6]&(1<<(c&63)) != 0 {
					seen[b] = true
					prev[b] = step{from: a, q: c}
					queue = append(queue, b)
					break
				}
			}
		}
	}
	return false
}

// assign gives question c to quota k, taking it from its owner, if any.
func (pl *planner) assign(c int32, k int) {
	if old, ok := pl.owner[c]; ok {
		owned := pl.quotas[old].owned
		for i, x := range owned {
			if x == c {
				owned[i] = owned[len(owned)-1]
				pl.quotas[old].owned = owned[:len(owned)-1]
				break
			}
		}
	}
	pl.owner[c] = k
	pl.quotas[k].owned = append(pl.quotas[k].owned, c)
}
