// Package bench compares questionbank with a hand-written loop, naive
// closures and general expression engines (expr and cel-go) on one
// predicate over the same questions. It is a module of its own so that
// importers of questionbank never download the engines.
//
//	cd bench && go test -bench . -benchmem -count 10 | tee new.txt
//	go run golang.org/x/perf/cmd/benchstat@latest new.txt
package bench

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/vm"
	"github.com/google/cel-go/cel"
	"github.com/google/cel-go/interpreter"

	qb "github.com/backendprep/questionbank"
)

// The predicate every implementation evaluates.
const (
	query   = "level>=senior type:technical (skill:problem-solving OR skill:scalability)"
	exprSrc = `Level >= 4 && Type == "technical" && (any(Skills, # == "problem-solving") || any(Skills, # == "scalability"))`
	celSrc  = `level >= 4 && qtype == "technical" && (skills.exists(s, s == "problem-solving") || skills.exists(s, s == "scalability"))`
)

// sizes are the banks compared: 0 for the built-in bank, and 100,000
// questions; benchmarks are named by the bank's size.
var sizes = []int{0, 100_000}

// questions returns n questions: the corpus itself for 0, otherwise
// copies of corpus questions, each with its own ID and a random level,
// type and skills.
func questions(n int) []qb.Question {
	corpus := qb.Default().All()
	if n == 0 {
		return corpus
	}
	r := rand.New(rand.NewPCG(uint64(n), 1))
	skills := qb.Default().Skills()
	qs := make([]qb.Question, n)
	for i := range qs {
		q := corpus[i%len(corpus)]
		q.ID = fmt.Sprintf("q-%d", i)
		q.Level = qb.Level(1 + r.IntN(7))
		q.Type = qb.Type(1 + r.IntN(4))
		q.Skills = make([]string, 1+r.IntN(4))
		for j := range q.Skills {
			q.Skills[j] = skills[r.IntN(len(skills))]
		}
		qs[i] = q
	}
	return qs
}

// normSkill is the hand-written loop's skill normalisation, done once.
func normSkill(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r == ' ' || r == '-' || r == '_'
	}), "-")
}

// handQ is a question as a hand-written loop would keep it: skills
// normalised in advance.
type handQ struct {
	level  qb.Level
	typ    qb.Type
	skills []string
}

func handQuestions(qs []qb.Question) []handQ {
	out := make([]handQ, len(qs))
	for i, q := range qs {
		out[i] = handQ{level: q.Level, typ: q.Type}
		for _, s := range q.Skills {
			out[i].skills = append(out[i].skills, normSkill(s))
		}
	}
	return out
}

func handCount(qs []handQ) int {
	n := 0
	for i := range qs {
		q := &qs[i]
		if q.level < qb.Senior || q.typ != qb.Technical {
			continue
		}
		for _, s := range q.skills {
			if s == "problem-solving" || s == "scalability" {
				n++
				break
			}
		}
	}
	return n
}

// pred is the naive library: predicates composed from closures.
type pred func(*handQ) bool

func and(ps ...pred) pred {
	return func(q *handQ) bool {
		for _, p := range ps {
			if !p(q) {
				return false
			}
		}
		return true
	}
}

func or(ps ...pred) pred {
	return func(q *handQ) bool {
		for _, p := range ps {
			if p(q) {
				return true
			}
		}
		return false
	}
}

func levelAtLeast(l qb.Level) pred { return func(q *handQ) bool { return q.level >= l } }
func typeIs(t qb.Type) pred        { return func(q *handQ) bool { return q.typ == t } }
func skill(s string) pred {
	return func(q *handQ) bool {
		for _, x := range q.skills {
			if x == s {
				return true
			}
		}
		return false
	}
}

var closurePred = and(levelAtLeast(qb.Senior), typeIs(qb.Technical), or(skill("problem-solving"), skill("scalability")))

// exprEnv is a question as expr sees it.
type exprEnv struct {
	Level  int
	Type   string
	Skills []string
}

func exprEnvs(qs []handQ) []exprEnv {
	out := make([]exprEnv, len(qs))
	for i, q := range qs {
		out[i] = exprEnv{Level: int(q.level), Type: q.typ.String(), Skills: q.skills}
	}
	return out
}

func celEnv() (*cel.Env, error) {
	return cel.NewEnv(
		cel.Variable("level", cel.IntType),
		cel.Variable("qtype", cel.StringType),
		cel.Variable("skills", cel.ListType(cel.StringType)),
	)
}

func celProgram(tb testing.TB) cel.Program {
	env, err := celEnv()
	if err != nil {
		tb.Fatal(err)
	}
	ast, iss := env.Compile(celSrc)
	if iss.Err() != nil {
		tb.Fatal(iss.Err())
	}
	prg, err := env.Program(ast)
	if err != nil {
		tb.Fatal(err)
	}
	return prg
}

func celActivations(tb testing.TB, qs []handQ) []interpreter.Activation {
	out := make([]interpreter.Activation, len(qs))
	for i, q := range qs {
		a, err := interpreter.NewActivation(map[string]any{"level": int64(q.level), "qtype": q.typ.String(), "skills": q.skills})
		if err != nil {
			tb.Fatal(err)
		}
		out[i] = a
	}
	return out
}

// fixture holds one size's questions in every implementation's form.
type fixture struct {
	bank   *qb.Bank
	filter qb.Filter
	hand   []handQ
	expr   []exprEnv
	cel    []interpreter.Activation
	want   int
}

func newFixture(tb testing.TB, n int) *fixture {
	qs := questions(n)
	bank := qb.Default()
	if n != 0 {
		var err error
		if bank, err = qb.New(qs); err != nil {
			tb.Fatal(err)
		}
	}
	fx := &fixture{bank: bank, filter: qb.MustParseFilter(query), hand: handQuestions(qs)}
	fx.expr = exprEnvs(fx.hand)
	fx.cel = celActivations(tb, fx.hand)
	fx.want = handCount(fx.hand)
	if got := bank.Count(fx.filter); got != fx.want {
		tb.Fatalf("questionbank counts %d, the hand loop %d", got, fx.want)
	}
	return fx
}

func BenchmarkPredicate(b *testing.B) {
	for _, n := range sizes {
		fx := newFixture(b, n)
		check := func(b *testing.B, got int) {
			if got != fx.want {
				b.Fatalf("counted %d, want %d", got, fx.want)
			}
		}
		b.Run(fmt.Sprintf("hand/%d", fx.bank.Len()), func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				check(b, handCount(fx.hand))
			}
		})
		b.Run(fmt.Sprintf("closures/%d", fx.bank.Len()), func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				c := 0
				for i := range fx.hand {
					if closurePred(&fx.hand[i]) {
						c++
					}
				}
				check(b, c)
			}
		})
		b.Run(fmt.Sprintf("questionbank/%d", fx.bank.Len()), func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				check(b, fx.bank.Count(fx.filter))
			}
		})
		b.Run(fmt.Sprintf("expr/%d", fx.bank.Len()), func(b *testing.B) {
			program, err := expr.Compile(exprSrc, expr.Env(exprEnv{}), expr.AsBool())
			if err != nil {
				b.Fatal(err)
			}
			var machine vm.VM
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				c := 0
				for i := range fx.expr {
					out, err := machine.Run(program, &fx.expr[i])
					if err != nil {
						b.Fatal(err)
					}
					if out.(bool) {
						c++
					}
				}
				check(b, c)
			}
		})
		b.Run(fmt.Sprintf("cel/%d", fx.bank.Len()), func(b *testing.B) {
			prg := celProgram(b)
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				c := 0
				for _, a := range fx.cel {
					out, _, err := prg.Eval(a)
					if err != nil {
						b.Fatal(err)
					}
					if out.Value().(bool) {
						c++
					}
				}
				check(b, c)
			}
		})
	}
}

// BenchmarkCompile compares preparing the predicate: questionbank parses
// the query and counts the corpus with it (compiling it against the index
// on the way); the engines only compile.
func BenchmarkCompile(b *testing.B) {
	bank := qb.Default()
	bank.Count(qb.Filter{}) // the index, built once per bank
	b.Run("questionbank-parse+count", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			f, err := qb.ParseFilter(query)
			if err != nil {
				b.Fatal(err)
			}
			bank.Count(f)
		}
	})
	b.Run("expr-compile", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			if _, err := expr.Compile(exprSrc, expr.Env(exprEnv{}), expr.AsBool()); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("cel-compile", func(b *testing.B) {
		env, err := celEnv()
		if err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		b.ResetTimer()
		for range b.N {
			ast, iss := env.Compile(celSrc)
			if iss.Err() != nil {
				b.Fatal(iss.Err())
			}
			if _, err := env.Program(ast); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkSample100k compares Sample(r, 3, f) with one Count over the
// same bank: Sample evaluates the filter once and copies three questions.
func BenchmarkSample100k(b *testing.B) {
	fx := newFixture(b, 100_000)
	r := rand.New(rand.NewPCG(1, 2))
	b.Run("count", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			fx.bank.Count(fx.filter)
		}
	})
	b.Run("sample3", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			if len(fx.bank.Sample(r, 3, fx.filter)) != 3 {
				b.Fatal("short sample")
			}
		}
	})
}

// BenchmarkBuild100k measures building a bank of 100,000 questions with
// New and its index (by the first Count); bytes/op over 100,000 is the
// memory a question costs.
func BenchmarkBuild100k(b *testing.B) {
	qs := questions(100_000)
	f := qb.ByLevel(qb.Senior)
	b.ReportAllocs()
	for range b.N {
		bank, err := qb.New(qs)
		if err != nil {
			b.Fatal(err)
		}
		bank.Count(f)
	}
}

// BenchmarkStartup compares what a program pays for the corpus: parsing
// embedded JSON at start-up, as a go:embed design would, against
// questionbank's generated Go values, which cost nothing at start-up; the
// index of the embedded bank is built on first use, measured here as
// New over the corpus plus a Count.
func BenchmarkStartup(b *testing.B) {
	data, err := os.ReadFile("../data/sourcepage.json")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("json.Unmarshal", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			var doc struct {
				Source    qb.Source     `json:"source"`
				Questions []qb.Question `json:"questions"`
			}
			if err := json.Unmarshal(data, &doc); err != nil {
				b.Fatal(err)
			}
		}
	})
	all := qb.Default().All()
	b.Run("questionbank-first-use", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			bank, err := qb.New(all)
			if err != nil {
				b.Fatal(err)
			}
			bank.Count(qb.ByLevel(qb.Senior))
		}
	})
}

// BenchmarkMemory100k reports the heap a bank of 100,000 questions keeps,
// per question: its copies of the questions (whose strings it shares with
// the caller), its index, and the word index of free text.
func BenchmarkMemory100k(b *testing.B) {
	qs := questions(100_000)
	heap := func() float64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return float64(m.HeapAlloc)
	}
	for range b.N {
		base := heap()
		bank, err := qb.New(qs)
		if err != nil {
			b.Fatal(err)
		}
		afterNew := heap()
		bank.Count(qb.ByLevel(qb.Senior))
		afterIndex := heap()
		bank.Count(qb.ByText("api"))
		afterText := heap()
		n := float64(len(qs))
		b.ReportMetric((afterNew-base)/n, "bank-B/question")
		b.ReportMetric((afterIndex-afterNew)/n, "index-B/question")
		b.ReportMetric((afterText-afterIndex)/n, "words-B/question")
		runtime.KeepAlive(bank)
	}
}

// BenchmarkWordIndex100k measures building the word index, which the
// first free-text query of a bank builds, stemming included, against
// json.Unmarshal of the same bank's JSON into a plain struct slice (goal:
// no slower); and the index of phrases, which the first phrase builds.
func BenchmarkWordIndex100k(b *testing.B) {
	qs := questions(100_000)
	data, err := json.Marshal(qs)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("json.Unmarshal", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			var plain []struct {
				ID            string   `json:"id"`
				Level         string   `json:"level"`
				Type          string   `json:"type"`
				Text          string   `json:"text"`
				Introduction  string   `json:"introduction"`
				HowToAnswer   []string `json:"how_to_answer"`
				WhatNotToSay  []string `json:"what_not_to_say"`
				ExampleAnswer string   `json:"example_answer"`
				Skills        []string `json:"skills"`
			}
			if err := json.Unmarshal(data, &plain); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, what := range []struct {
		name     string
		after, f qb.Filter
	}{
		{"words", qb.ByLevel(qb.Senior), qb.ByText("api")},
		{"phrases", qb.ByText("api"), qb.ByText("api gateway")},
	} {
		b.Run(what.name, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				b.StopTimer()
				bank, err := qb.New(qs)
				if err != nil {
					b.Fatal(err)
				}
				bank.Count(what.after)
				b.StartTimer()
				bank.Count(what.f)
			}
		})
	}
}
