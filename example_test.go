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
	// 14 questions
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
		questionbank.Not(questionbank.BySkill("collaboration")),
	)
	for _, q := range bank.Filter(f) {
		fmt.Println(q.ID, q.Skills)
	}
	fmt.Println(f)
	// Output:
	// lead-1 [Microservices Architecture Problem-solving Team Leadership Technical Expertise]
	// level>=lead type:technical -skill:collaboration
}

func ExampleBank_Count() {
	bank := questionbank.Default()
	f := questionbank.BySkill("problem solving") // any case; spaces, hyphens and underscores alike
	fmt.Println(bank.Count(f), "of", bank.Len(), "questions test problem-solving")
	// Output:
	// 8 of 14 questions test problem-solving
}

func ExampleBank_Sample() {
	bank := questionbank.Default()
	r := rand.New(rand.NewPCG(7, 0)) // a fixed seed: the same draw every run
	for _, q := range bank.Sample(r, 2, questionbank.ByLevel(questionbank.Junior, questionbank.Developer)) {
		fmt.Println(q.ID, q.Text)
	}
	// Output:
	// developer-2 Describe a time when you had to troubleshoot a production issue. What steps did you take to resolve it?
	// junior-2 How do you approach debugging a piece of code that isn't functioning as expected?
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
	qs, err := bank.Query(`"api gate*" OR kubernetes`)
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
	// developer-1
	// lead-1
	// principal-2
	// architect-1
	// questionbank: bad query at offset 6: no question in the bank tests skill "scalabilty"; did you mean "scalability"?
}

func ExampleBank_Deck() {
	bank := questionbank.Default()
	f := questionbank.ByLevel(questionbank.Senior, questionbank.Lead)
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
	// asked lead-2
	// asked senior-2
	// 2 left
	// asked lead-1
	// asked senior-1
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

	_, err = bank.Plan(nil, questionbank.Quota{Filter: questionbank.ByType(questionbank.Competency), N: 2})
	var short *questionbank.ShortfallError
	if errors.As(err, &short) {
		fmt.Printf("quota %d: wanted %d, can have %d\n", short.Quota, short.Want, short.Got)
	}
	// Output:
	// senior-1 technical
	// architect-1 technical
	// junior-1 behavioral
	// principal-2 situational
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
	// total: 6
	// lead 2
	// principal 2
	// architect 2
	// behavioral 1
	// technical 3
	// situational 2
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
	qs, _ := bank.Query("skill:caching")
	fmt.Println(qs[0].ID, qs[0].Text)

	_, err = questionbank.LoadJSON(strings.NewReader(`[{"id": "x", "level": "seniour", "type": "technical", "text": "?"}]`))
	fmt.Println(err)
	// Output:
	// 15 questions
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
	// api gateway     2
	// api gate*       2
	// race condition  1
	// cache           4
	// cach*           4
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
	// architect-1: Can you describe your experience with designing scalable backend architectures?
	//   - Begin with a brief overview of your relevant experience in backend architecture design.
	// lead-1: Can you describe your experience with microservices architecture and how you've implemented it in past projects?
	//   - Start by explaining what microservices architecture means to you
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
	// 4 matches: type:behavioral OR skill:conflict-resolution
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
	for _, q := range bank.Filter(questionbank.BySkill("debugging")) {
		fmt.Println(q.ID)
	}
	_, err = bank.Merge(mine)
	fmt.Println(err)
	// Output:
	// junior-2
	// mid-1
	// go-1
	// questionbank: merge: ID "go-1" is in both banks
}

func ExampleBank_Skills() {
	skills := questionbank.Default().Skills()
	fmt.Println(len(skills), "skills, starting with", strings.Join(skills[:4], ", "))
	// Output:
	// 26 skills, starting with Technical Knowledge, Collaboration, Problem-solving, Communication
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
	// 4
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
	f := questionbank.And(questionbank.ByLevel(questionbank.Architect), questionbank.Not(questionbank.ByType(questionbank.Technical)))
	for _, q := range bank.Filter(f) {
		fmt.Println(q.ID, q.Type)
	}
	fmt.Println(f)
	// Output:
	// architect-2 situational
	// level:architect -type:technical
}

func ExampleOr() {
	f := questionbank.Or(questionbank.ByID("junior-1"), questionbank.ByLevel(questionbank.Architect))
	for _, q := range questionbank.Default().Filter(f) {
		fmt.Println(q.ID)
	}
	fmt.Printf("%q %q\n", questionbank.Or(), questionbank.And())
	// Output:
	// junior-1
	// architect-1
	// architect-2
	// "-()" ""
}

func ExampleByLevelRange() {
	bank := questionbank.Default()
	f := questionbank.ByLevelRange(questionbank.Lead, questionbank.Architect)
	fmt.Println(f, bank.Count(f))
	// Output: level>=lead 6
}

func ExampleBank_Questions() {
	bank := questionbank.Default()
	for q := range bank.Questions(questionbank.MustParseFilter("type:situational")) {
		fmt.Println(q.ID)
	}
	// Output:
	// principal-2
	// architect-2
}

func ExampleDeck_All() {
	bank := questionbank.Default()
	deck := bank.Deck(rand.New(rand.NewPCG(1, 2)), questionbank.ByLevel(questionbank.Junior))
	n := 0
	for range deck.All() {
		n++
	}
	fmt.Println(n, "dealt,", deck.Remaining(), "left")
	// Output: 2 dealt, 0 left
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
	// Output: 8 different questions in 8 days
}

func ExampleBank_Search() {
	bank := questionbank.Default()
	hits, _ := bank.Search("caching level>=senior", 3)
	for _, h := range hits {
		fmt.Printf("%-12s %.2f\n", h.Question.ID, h.Score)
	}
	// Output:
	// senior-1     1.23
	// principal-1  1.21
	// architect-2  1.17
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
