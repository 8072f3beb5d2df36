package questionbank_test

import (
	"errors"
	"fmt"
	"log"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/backendprep/questionbank"
)

func ExampleDefault() {
	bank := questionbank.Default()
	fmt.Println(bank.Len(), "questions")
	for _, q := range bank.All()[:3] {
		fmt.Printf("%-11s %-9s %s\n", q.ID, q.Type, q.Text)
	}
	// Output:
	// 266 questions
	// junior-1    behavioral Can you explain a technical project you've worked on and your specific contributions to it?
	// junior-2    technical How do you approach debugging a piece of code that isn't functioning as expected?
	// developer-1 technical Can you explain a complex backend system you've designed and the reasoning behind your design choices?
}

func ExampleBank_Get() {
	q, ok := questionbank.Default().Get("senior-2")
	if !ok {
		return
	}
	fmt.Println(q.Text)
	fmt.Println(q.Level.Title(), "/", q.Type)
	fmt.Println(strings.Join(q.Skills, ", "))
	fmt.Println("-", q.HowToAnswer[0])
	// Output:
	// How do you ensure the security of the backend services you develop?
	// Senior Backend Developer / competency
	// Security Awareness, Technical Knowledge, Proactive Mindset
	// - Discuss specific security practices you implement in your development process
}

func ExampleBank_Filter() {
	bank := questionbank.Default()
	f := questionbank.And(
		questionbank.ByLevel(questionbank.Lead, questionbank.Principal, questionbank.Architect),
		questionbank.ByType(questionbank.Technical),
		questionbank.BySkill("idempotency", "consensus"),
		questionbank.Not(questionbank.BySkill("architecture")),
	)
	for _, q := range bank.Filter(f) {
		fmt.Println(q.ID, q.Skills)
	}
	fmt.Println(f)
	// Output:
	// payment-flow-idempotency-review [Idempotency API Design Messaging]
	// org-idempotency-standard-money-apis [Idempotency API Design Technical Strategy]
	// coordination-service-or-database-lock [Consensus Technical Strategy Concurrency]
	// level>=lead type:technical skill:consensus,idempotency -skill:architecture
}

func ExampleBank_Count() {
	bank := questionbank.Default()
	f := questionbank.BySkill("problem solving") // any case; spaces, hyphens and underscores alike
	fmt.Println(bank.Count(f), "of", bank.Len(), "questions test problem-solving")
	// Output:
	// 8 of 266 questions test problem-solving
}

func ExampleBank_Sample() {
	bank := questionbank.Default()
	r := rand.New(rand.NewPCG(7, 0)) // a fixed seed: the same draw every run
	for _, q := range bank.Sample(r, 2, questionbank.ByLevel(questionbank.Junior, questionbank.Developer)) {
		fmt.Println(q.ID, q.Text)
	}
	// Output:
	// estimate-contact-csv-import Estimate, right now, adding CSV import of up to 10,000 customer contacts to an existing web app. Duplicates must be merged with existing contacts, and nobody has said what happens to invalid rows. Talk me through how you break it down, which unknowns you flag, and the range you would give.
	// vague-feature-date-today A product manager messages you at 3 pm: sales has promised a customer "approval workflows" for purchase orders, and she needs a delivery date by end of day. Nobody has decided how many approval steps there are, who approves, or what happens on rejection. What do you reply, and what do you do before she needs an answer?
}

func ExampleParseFilter() {
	f, err := questionbank.ParseFilter(`level>=senior type:technical (skill:"Problem solving" OR micro*)`)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(f) // the canonical form
	for _, q := range questionbank.Default().Filter(f) {
		fmt.Println(q.ID)
	}
	// Output:
	// level>=senior type:technical (skill:problem-solving OR micro*)
	// senior-1
	// lead-1
	// principal-1
	// architect-1
	// retry-storm-after-dependency-blip
	// monolith-decomposition-roadmap
}

func ExampleSyntaxError() {
	_, err := questionbank.ParseFilter("level>=senior typ:technical")
	var se *questionbank.SyntaxError
	if errors.As(err, &se) {
		fmt.Println(se.Msg)
		fmt.Println(se.Caret())
	}
	// Output:
	// unknown field "typ"; did you mean "type"? (fields are level, type, skill, id)
	// level>=senior typ:technical
	//               ^
}

func ExampleBank_Query() {
	bank := questionbank.Default()
	qs, err := bank.Query(`"fencing token*" OR etcd`)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, q := range qs {
		fmt.Println(q.ID)
	}

	// Unlike ParseFilter, Query knows which skills the bank has.
	_, err = bank.Query("skill:scalabilty")
	fmt.Println(err)
	// Output:
	// async-failover-lost-writes
	// etcd-cluster-size-quorum-loss
	// lease-lock-fencing-tokens
	// ordered-unique-ids-clock-skew
	// coordination-service-or-database-lock
	// consensus-placement-multi-region
	// questionbank: bad query at offset 6: no question in the bank tests skill "scalabilty"; did you mean "scalability"?
}

func ExampleBank_Deck() {
	bank := questionbank.Default()
	f := questionbank.And(questionbank.ByLevel(questionbank.Architect), questionbank.ByType(questionbank.Situational))
	deck := bank.Deck(rand.New(rand.NewPCG(1, 0)), f)
	for range 2 {
		q, _ := deck.Next()
		fmt.Println("asked", q.ID)
	}
	fmt.Println(deck.Remaining(), "left")

	// Later: resume the session without repeats.
	dealt := deck.Dealt()
	rest := bank.Deck(rand.New(rand.NewPCG(2, 0)), questionbank.And(f, questionbank.Not(questionbank.ByID(dealt...))))
	for q, ok := rest.Next(); ok; q, ok = rest.Next() {
		fmt.Println("asked", q.ID)
	}
	// Output:
	// asked board-wants-four-nines
	// asked critical-vendor-discontinued
	// 3 left
	// asked incompatible-target-architectures
	// asked acquired-company-second-stack
	// asked architect-2
}

func ExampleBank_Plan() {
	bank := questionbank.Default()
	qs, err := bank.Plan(rand.New(rand.NewPCG(3, 0)),
		questionbank.Quota{Filter: questionbank.MustParseFilter("type:technical level>=senior"), N: 2},
		questionbank.Quota{Filter: questionbank.MustParseFilter("type:behavioral"), N: 1},
		questionbank.Quota{Filter: questionbank.MustParseFilter("security OR skill:scalability"), N: 1},
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, q := range qs {
		fmt.Println(q.ID, q.Type)
	}

	_, err = bank.Plan(nil, questionbank.Quota{Filter: questionbank.MustParseFilter("type:competency level:junior skill:debugging"), N: 2})
	var short *questionbank.ShortfallError
	if errors.As(err, &short) {
		fmt.Printf("quota %d: wanted %d, can have %d\n", short.Quota, short.Want, short.Got)
	}
	// Output:
	// sync-async-boundaries-checkout technical
	// file-upload-threat-model technical
	// disagreeing-with-teammate-approach behavioral
	// org-incident-severity-command-standard technical
	// quota 0: wanted 2, can have 1
}

func ExampleBank_Facets() {
	fc := questionbank.Default().Facets(questionbank.MustParseFilter("level>=lead"))
	fmt.Println("total:", fc.Total)
	for _, l := range questionbank.Levels() {
		if n := fc.Levels[l]; n > 0 {
			fmt.Println(l, n)
		}
	}
	for _, t := range questionbank.Types() {
		if n := fc.Types[t]; n > 0 {
			fmt.Println(t, n)
		}
	}
	fmt.Println("Problem-solving:", fc.Skills["Problem-solving"])
	// Output:
	// total: 113
	// lead 37
	// principal 38
	// architect 38
	// behavioral 19
	// technical 68
	// competency 12
	// situational 14
	// Problem-solving: 3
}

func ExampleLoadJSON() {
	const file = `{"questions": [
  {
    "id": "cache-1",
    "level": "senior",
    "type": "technical",
    "text": "How would you cache the results of a slow query?",
    "how_to_answer": ["Name the invalidation strategy."],
    "skills": ["Caching"]
  }
]}`
	mine, err := questionbank.LoadJSON(strings.NewReader(file))
	if err != nil {
		fmt.Println(err)
		return
	}
	bank, err := questionbank.Default().Merge(mine)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(bank.Len(), "questions")
	q, _ := bank.Get("cache-1")
	fmt.Println(q.ID, q.Text)

	_, err = questionbank.LoadJSON(strings.NewReader(`[{"id": "x", "level": "seniour", "type": "technical", "text": "?"}]`))
	fmt.Println(err)
	// Output:
	// 267 questions
	// cache-1 How would you cache the results of a slow query?
	// questionbank: line 1: question 0 (id "x"): unknown level "seniour"; did you mean "senior"? (levels are junior, developer, mid, senior, lead, principal, architect)
}

func ExampleNew() {
	bank, err := questionbank.New([]questionbank.Question{
		{ID: "go-1", Level: questionbank.Mid, Type: questionbank.Technical, Text: "What does a nil map do on write?"},
		{ID: "go-1", Level: questionbank.Mid, Type: questionbank.Technical, Text: "Again?"},
		{ID: "go-2", Level: questionbank.Mid, Type: 9, Text: ""},
	})
	fmt.Println(bank)
	fmt.Println(err)
	// Output:
	// <nil>
	// questionbank: question 1 (id "go-1"): duplicate ID: question 0 has it too
	// questionbank: question 2 (id "go-2"): type 9 is out of range (1 to 4)
	// questionbank: question 2 (id "go-2"): empty question text
}

func ExampleParseLevel() {
	for _, s := range []string{"SENIOR", "Mid-level Backend Developer", "sr", "seniorr"} {
		l, err := questionbank.ParseLevel(s)
		fmt.Println(l, err)
	}
	// Output:
	// senior <nil>
	// mid <nil>
	// senior <nil>
	// Level(0) questionbank: unknown level "seniorr"; did you mean "senior"? (levels are junior, developer, mid, senior, lead, principal, architect)
}

func ExampleLevel_Title() {
	for _, l := range questionbank.Levels() {
		fmt.Printf("%-9s %s\n", l, l.Title())
	}
	// Output:
	// junior    Junior Backend Developer
	// developer Backend Developer
	// mid       Mid-level Backend Developer
	// senior    Senior Backend Developer
	// lead      Lead Backend Developer
	// principal Principal Backend Developer
	// architect Backend Architect
}

func ExampleFilter_String() {
	f := questionbank.Or(
		questionbank.And(questionbank.ByLevel(questionbank.Architect, questionbank.Principal), questionbank.ByType(questionbank.Situational)),
		questionbank.ByText("api gate*"),
	)
	fmt.Println(f)
	fmt.Printf("%q\n", questionbank.Or())  // matches nothing
	fmt.Printf("%q\n", questionbank.And()) // matches everything
	// Output:
	// level>=principal type:situational OR "api gate*"
	// "-()"
	// ""
}

func ExampleByText() {
	bank := questionbank.Default()
	for _, s := range []string{"Node.js", "api gateway", "api gate*", "race condition", "cache", "cach*"} {
		fmt.Printf("%-15s %v\n", s, len(bank.Filter(questionbank.ByText(s))))
	}
	// Output:
	// Node.js         2
	// api gateway     7
	// api gate*       7
	// race condition  2
	// cache           52
	// cach*           52
}

func ExampleBank_Version() {
	a := questionbank.Default()
	b, _ := questionbank.New(a.All())
	fmt.Println(a.Version() == b.Version())
	// Output:
	// true
}

// Example_quickStart is the README's quick start.
func Example_quickStart() {
	bank := questionbank.Default()
	f, err := bank.ParseQuery("level>=senior type:technical -skill:leadership")
	if err != nil {
		log.Fatal(err)
	}
	r := rand.New(rand.NewPCG(7, 0)) // seeded: the same draw every run
	for _, q := range bank.Sample(r, 2, f) {
		fmt.Printf("%s: %s\n", q.ID, q.Text)
		fmt.Println("  -", q.HowToAnswer[0])
	}
	// Output:
	// partner-api-five-year-compatibility: Your logistics platform is launching a partner API that 400 carriers and retailers will integrate with, and contracts promise that an integration built on day one keeps working unchanged for five years. The internal domain model will certainly change in that time. How do you design the API and its evolution so the promise is kept?
	//   - Decouple the external contract from the internal model with a translation layer, so internal refactors never change the wire format.
	// zero-trust-migration-plan: Your organisation runs about 400 services across three Kubernetes clusters and an on-premises data centre, and 2,000 employees reach admin tools through a VPN that grants the whole internal network. After a phished laptop reached a database console, the CTO wants zero trust within two years. Design the target and the migration order.
	//   - State the principle: no access because of network location; every request is authenticated as a workload or a user, authorised against policy, and encrypted, with least privilege and short-lived credentials.
}

func ExampleBank_ParseQuery() {
	bank := questionbank.Default()
	// Parse once, use many times: the filter is compiled on first use.
	f, err := bank.ParseQuery(`type:behavioral OR skill:"conflict resolution"`)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(bank.Count(f), "matches:", f)
	// Output:
	// 46 matches: type:behavioral OR skill:conflict-resolution
}

func ExampleBank_Merge() {
	mine, err := questionbank.New([]questionbank.Question{{
		ID: "go-1", Level: questionbank.Mid, Type: questionbank.Technical,
		Text: "What does the race detector find?", Skills: []string{"Debugging"},
	}})
	if err != nil {
		fmt.Println(err)
		return
	}
	bank, err := questionbank.Default().Merge(mine)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, q := range bank.Filter(questionbank.And(questionbank.BySkill("debugging"), questionbank.ByLevel(questionbank.Mid))) {
		fmt.Println(q.ID)
	}
	_, err = bank.Merge(mine)
	fmt.Println(err)
	// Output:
	// mid-1
	// kubernetes-cpu-throttling-oomkilled
	// p99-regression-teammate-on-holiday
	// go-1
	// questionbank: merge: ID "go-1" is in both banks
}

func ExampleBank_Skills() {
	skills := questionbank.Default().Skills()
	fmt.Println(len(skills), "skills, starting with", strings.Join(skills[:4], ", "))
	// Output:
	// 58 skills, starting with Technical Knowledge, Collaboration, Problem-solving, Communication
}

func ExampleParseType() {
	t, err := questionbank.ParseType("Behavioural")
	fmt.Println(t, err)
	_, err = questionbank.ParseType("technicle")
	fmt.Println(err)
	// Output:
	// behavioral <nil>
	// questionbank: unknown type "technicle"; did you mean "technical"? (types are behavioral, technical, competency, situational)
}

func ExampleMustParseFilter() {
	// For queries fixed in a program: a mistake panics at start, in tests.
	var seniorTechnical = questionbank.MustParseFilter("level>=senior type:technical")
	fmt.Println(questionbank.Default().Count(seniorTechnical))
	// Output:
	// 92
}

func ExampleBySkill() {
	bank := questionbank.Default()
	for _, spelling := range []string{"Problem-solving", "problem solving", "PROBLEM_SOLVING"} {
		fmt.Println(bank.Count(questionbank.BySkill(spelling)))
	}
	// Output:
	// 8
	// 8
	// 8
}

func ExampleNot() {
	bank := questionbank.Default()
	f := questionbank.And(questionbank.BySkill("consensus"), questionbank.Not(questionbank.ByLevel(questionbank.Senior)))
	for _, q := range bank.Filter(f) {
		fmt.Println(q.ID, q.Type)
	}
	fmt.Println(f)
	// Output:
	// coordination-service-or-database-lock technical
	// consensus-placement-multi-region technical
	// skill:consensus -level:senior
}

func ExampleOr() {
	f := questionbank.Or(questionbank.ByID("junior-1"), questionbank.And(questionbank.ByLevel(questionbank.Architect), questionbank.BySkill("consensus")))
	for _, q := range questionbank.Default().Filter(f) {
		fmt.Println(q.ID)
	}
	fmt.Printf("%q %q\n", questionbank.Or(), questionbank.And())
	// Output:
	// junior-1
	// consensus-placement-multi-region
	// "-()" ""
}

func ExampleByLevelRange() {
	bank := questionbank.Default()
	f := questionbank.ByLevelRange(questionbank.Lead, questionbank.Architect)
	fmt.Println(f, bank.Count(f))
	// Output: level>=lead 113
}

func ExampleBank_Questions() {
	bank := questionbank.Default()
	for q := range bank.Questions(questionbank.MustParseFilter("type:situational skill:security")) {
		fmt.Println(q.ID)
	}
	// Output:
	// api-key-committed-to-repository
	// sql-concatenation-in-senior-review
	// secrets-sprawl-after-breach
}

func ExampleDeck_All() {
	bank := questionbank.Default()
	deck := bank.Deck(rand.New(rand.NewPCG(1, 2)), questionbank.ByLevel(questionbank.Junior))
	n := 0
	for range deck.All() {
		n++
	}
	fmt.Println(n, "dealt,", deck.Remaining(), "left")
	// Output: 38 dealt, 0 left
}

func ExampleBank_Daily() {
	bank := questionbank.Default()
	f := questionbank.ByLevelRange(questionbank.Senior, questionbank.Architect)
	day := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	seen := map[string]bool{}
	for d := range bank.Count(f) {
		q, _ := bank.Daily(day.AddDate(0, 0, d), "#backend-team", f)
		seen[q.ID] = true
	}
	fmt.Println(len(seen), "different questions in", bank.Count(f), "days")
	// Output: 152 different questions in 152 days
}

func ExampleBank_Search() {
	bank := questionbank.Default()
	hits, _ := bank.Search("caching level>=senior", 3)
	for _, h := range hits {
		fmt.Printf("%-36s %.2f\n", h.Question.ID, h.Score)
	}
	// Output:
	// shared-cache-tier-or-team-caches     3.45
	// caching-policy-after-revoked-access  3.43
	// multi-tier-cache-invalidation        3.43
}

func ExampleIDKey() {
	// A bank compares IDs without regard to case: keep data by the key.
	fmt.Println(questionbank.IDKey("LEAD-1"))
	fmt.Println(questionbank.IDKey("Lead-1") == questionbank.IDKey("lead-1"))
	q, _ := questionbank.Default().Get("LEAD-1")
	fmt.Println(q.ID)
	// Output:
	// lead-1
	// true
	// lead-1
}

func ExampleQuestionErrors() {
	_, err := questionbank.New([]questionbank.Question{
		{ID: "team-1", Level: questionbank.Senior, Type: questionbank.Technical, Text: "Why?"},
		{ID: "team 2", Level: questionbank.Senior, Type: questionbank.Technical},
	})
	list, _ := questionbank.QuestionErrors(err)
	for _, e := range list {
		fmt.Printf("question %d, %s: %s\n", e.Index, e.Field, e.Msg)
	}
	// Output:
	// question 1, id: ID has a space or control character
	// question 1, text: empty question text
}

func ExampleBank_Lint() {
	bank, err := questionbank.New([]questionbank.Question{
		{ID: "cache-ttl", Level: questionbank.Mid, Type: questionbank.Technical, Skills: []string{"Caching"},
			Text:        "How would you choose a TTL for cached product prices that change twice a day?",
			HowToAnswer: []string{"Staleness the business accepts", "Invalidate on change", "Jitter the expiry"}},
		{ID: "price-ttl", Level: questionbank.Mid, Type: questionbank.Technical, Skills: []string{"Cachng"},
			Text:        "Product prices change twice a day: what TTL would you give their cache?",
			HowToAnswer: []string{"Accepted staleness", "Invalidate when a price changes", "Expiry jitter"}},
		{ID: "retries", Level: questionbank.Mid, Type: questionbank.Technical, Skills: []string{"Caching", "Resilience"},
			Text:        "A client retries three times with no backoff. What happens when the service slows down?",
			HowToAnswer: []string{"Retries multiply load", "Backoff with jitter", "A retry budget"}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, w := range bank.Lint() {
		fmt.Println(w)
	}
	// Output:
	// price-ttl: near-duplicate of cache-ttl: they share accepts, cached, change, day, expiry, invalidate, prices, product (0.83 alike)
	// price-ttl: skill "Cachng" looks like a slip for "Caching" (2 questions)
}
