// Package questionbank draws backend-developer interview questions, with
// the guidance for answering each, from an embedded corpus or a bank of
// your own.
//
// The embedded corpus ([Default]) holds the 14 questions of the source
// page, word for word, then the project's own questions, written for it
// and licensed CC BY 4.0: at least 34 for each level from [Junior] to
// [Architect], technical, behavioral, situational and competency, each
// with the skills it tests, an introduction, how to answer, what not to
// say, an example answer and follow-up questions (see "The corpus"
// below). It is compiled into the package as Go values: importing the
// package parses nothing and does no work.
//
// A [Bank] is immutable and safe for concurrent use, and everything it
// returns is the caller's own copy. Select questions with a [Filter], built
// in Go or parsed from a query:
//
//	bank := questionbank.Default()
//	f := questionbank.And(
//		questionbank.ByLevel(questionbank.Senior, questionbank.Lead),
//		questionbank.ByType(questionbank.Technical),
//	)
//	for _, q := range bank.Filter(f) {
//		fmt.Println(q.ID, q.Text)
//	}
//
//	qs, err := bank.Query("level>=senior type:technical -skill:leadership")
//
// Then draw at random with [Bank.Sample], deal a practice session without
// repeats with [Bank.Deck], plan an interview with quotas with
// [Bank.Plan], rank matches with [Bank.Search], or pick a question of the
// day with [Bank.Daily]. [Bank.Facets] counts matches by level, type and
// skill, and [LoadJSON] and [Bank.Merge] bring your own questions. Package
// srs schedules practice with spaced repetition, and package render writes
// questions as text, Markdown, JSON, Anki notes, CSV or an interview kit.
//
// # Query language
//
// A query is a list of terms; a question must match all of them. Field
// names, values and free text are case-insensitive; the keywords OR, AND
// and NOT are keywords only in upper case.
//
//	query   = [ orExpr ] .
//	orExpr  = andExpr { "OR" andExpr } .
//	andExpr = unary { [ "AND" ] unary } .          juxtaposition is AND
//	unary   = ( "-" | "NOT" ) unary | primary .
//	primary = "(" orExpr ")" | "(" ")" | term .
//	term    = field ( ":" | "=" ) values | "level" cmp value | text .
//	cmp     = ">=" | "<=" | ">" | "<" .
//	values  = value { "," value } | value ".." value .
//	field   = "level" | "type" | "skill" | "id" .
//	value   = word | quoted .
//	text    = word | quoted .
//
// The operators, from tightest to loosest:
//
//	-x, NOT x      not x; "-" must touch its term ("- x" is an error), and
//	               negates only at the start of a term (skill:problem-solving
//	               is one value)
//	x y, x AND y   both
//	x OR y         either
//	( ... )        grouping; the empty group () matches everything, so -()
//	               matches nothing
//
// The terms:
//
//	level:senior              at a level: its key, title or an alias
//	level>=senior             comparisons: >= <= > < (level:>=senior too)
//	level:mid..lead           an inclusive range
//	level:junior,architect    a list: any of them
//	type:technical            behavioral, technical, competency or situational
//	skill:problem-solving     a skill; case, spaces, hyphens and underscores
//	                          are alike: skill:"Problem solving" is the same
//	id:senior-2               a question by ID
//	kubernetes                a whole word, in any text field
//	cache                     by English stem: caching, cached, caches too
//	"api gateway"             words in sequence within one field, by stem,
//	                          whatever stands between them: "API, gateway"
//	                          and "API gateways" too
//	micro*                    a prefix of words as written: microservices;
//	                          "api gate*" too
//
// Quoted strings use double quotes, with Go's escapes (the rules of
// strconv.Unquote: \" \\ \n \t \x41 \u00e9 ...), so any value can be
// written. Free text matches whole words, which are runs of Unicode
// letters, digits and combining marks ("Node.js" holds node and js;
// "हिन्दी" is one word), compared without regard to case and in Unicode
// normal form C (a precomposed "é" matches "e" and a combining accent), in
// the question, the introduction, each bullet, the example answer and each
// skill. Words match by their English stem, Snowball's Porter2 algorithm,
// on both sides: "cache" matches caching and "designing scalable systems"
// matches "design scalable system". Only words of 3 to 40 letters a-z
// are stemmed: a word with any other letter or a digit (café, 日本語, k8s)
// matches as written. A prefix (micro*) matches words as written,
// unstemmed. A phrase matches its words in sequence within one of those
// fields; the spaces and punctuation between them do not matter, as in
// Lucene and bleve. Field values (level, type, skill, id) match exactly,
// unstemmed. Comparisons and ranges apply to level only.
//
// The keywords are upper case. A keyword slip, the word or, and or not in
// any other case, unquoted, is an error that suggests the keyword ("did
// you mean OR? ...") where it would join terms: or and and between two
// terms of one sequence (kubernetes or docker), not before a term (not
// api). Elsewhere it is a word to search for: api OR or gateway searches
// the word "or" after the keyword, and so do api or and a lone or. Quote
// the word to search for it anywhere: kubernetes "or" docker.
//
// Examples over the embedded corpus:
//
//	level>=principal type:technical skill:consensus  coordination-service-or-database-lock, consensus-placement-multi-region
//	type:situational skill:security                  api-key-committed-to-repository, sql-concatenation-in-senior-review, secrets-sprawl-after-breach
//	skill:scalability OR skill:security-awareness    mid-2, senior-2, principal-2
//	level<=developer -type:technical skill:testing   friday-merge-without-tests, improving-legacy-code-while-delivering, untested-pricing-module-deadline
//	"api gate*" level<=developer                     developer-1, unfamiliar-codebase-upload-limit
//	"fencing token*" -level:senior                   coordination-service-or-database-lock, consensus-placement-multi-region
//
// [ParseFilter] turns a query into a [Filter]; an error is a
// [*SyntaxError] with the byte offset of the offending token, a message
// that suggests a fix ("unknown field "lvl"; did you mean "level"?"), and
// a [SyntaxError.Caret] rendering for terminals. [Bank.Query] and
// [Bank.ParseQuery] also reject a skill that no question in the bank
// tests, checking every skill as written and reporting the first unknown
// one. Every Filter, parsed or built in Go, has a canonical
// [Filter.String] that parses back to the same filter, unless it is too
// long or deep to be a query, when [Filter.MarshalText] says so rather
// than write what cannot be read. Queries are limited to [MaxQueryLen]
// bytes and [MaxQueryDepth] nested parentheses.
//
// A term repeated is one term: "a s*" written 500 times is matched once.
// [Bank.ParseQuery], [Bank.Query] and [Bank.Search] also bound the work a
// query asks of the bank: before evaluating anything they estimate it from
// the index (the sets to combine, the postings to rank, the text to read
// to confirm a phrase) and refuse a query that would take more than about
// 20 ms, with a SyntaxError that begins "query too expensive:" and names
// the costliest term. A server can then answer every query promptly.
//
// # Ranked search
//
// [Bank.Search] returns what [Bank.Query] returns, most relevant first: BM25F
// over the query's free-text words, the question text weighing most, then
// the skills, then the introduction, then the bullets and the example
// answer; equal scores keep corpus order, and a query without free text
// keeps corpus order with a score of 0:
//
//	hits, _ := bank.Search("caching level>=senior", 3)
//	// senior-1 1.23, principal-1 1.21, architect-2 1.17
//
// # Random selection
//
// Every method that draws takes a *rand.Rand from math/rand/v2. A seeded
// one makes draws reproducible: the same seed gives the same questions
// from banks of the same [Bank.Version], within a major version of this
// module. A nil *rand.Rand uses the package's own source, which is safe
// for concurrent use; a *rand.Rand is not, so give each goroutine its own.
//
//   - [Bank.Sample] draws n distinct questions; every subset of n
//     matches is equally likely, and they come in random order.
//   - [Bank.Deck] deals every match once, in random order: a practice
//     session without repeats. Resume one with
//     And(f, Not(ByID(dealt...))).
//   - [Bank.Plan] fills quotas ("two technical, one on security") with
//     distinct questions. Quotas may overlap; Plan finds an assignment
//     whenever one exists, and otherwise reports a [*ShortfallError].
//
// Methods that return questions return nil, not an empty slice, when
// nothing matches; encoding/json writes nil as null. Where a JSON array is
// wanted, write [] for it: if qs == nil { qs = []questionbank.Question{} }.
//
// # Performance
//
// A Bank indexes its questions by level, type, skill and ID (and, on the
// first free-text query, by word) as sets of question numbers. A Filter is
// compiled against that index the first time it is used with a bank, and
// the compiled form is kept in the Filter, so build or parse a Filter once
// and reuse it. Evaluating one combines the sets 64 questions at a time;
// [Bank.Count] does not allocate.
//
// # The corpus
//
// The first 14 embedded questions come from the source page "7 Backend
// Developer Interview Questions and Answers for 2025" by Himalayas,
// https://himalayas.app/interview-questions/backend-developer, reproduced
// word for word, with attribution, and without the page's marketing; their
// IDs run from junior-1 to architect-2. The module's MIT licence covers
// its code, not that text: keep the page's title, its publisher and its
// address with any copy of those questions you publish.
//
// The others are the project's own, written for it, each naming its
// [Source]: the project, under the Creative Commons Attribution 4.0
// licence (https://creativecommons.org/licenses/by/4.0/), which lets a team
// copy, adapt and hand them out with credit. Their IDs are descriptive
// slugs, such as idempotent-payment-retries, that never encode the level
// and are never reused. They are authored as Markdown in the repository's
// data/ folder; [Bank.Lint] is the check they pass.
package questionbank
