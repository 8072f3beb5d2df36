package mdbank_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing/fstest"

	"github.com/backendprep/questionbank"
	"github.com/backendprep/questionbank/mdbank"
)

func ExampleLoad() {
	fsys := fstest.MapFS{"questions/caching.md": {Data: []byte(`---
id: team-caching
level: senior
type: technical
skills: [Caching]
---

# How would you cache the results of a slow service?

## How to answer

- Say what to cache, and for how long
- Say how an entry is invalidated
`)}}
	bank, err := mdbank.Load(fsys) // os.DirFS("questions") for a directory
	if err != nil {
		fmt.Println(err)
		return
	}
	q, _ := bank.Get("team-caching")
	fmt.Println(q.Level, q.Type, q.Text)
	fmt.Println(len(q.HowToAnswer), "points to make")
	// Output:
	// senior technical How would you cache the results of a slow service?
	// 2 points to make
}

func ExampleLoad_errors() {
	fsys := fstest.MapFS{"caching.md": {Data: []byte("---\nid: team-caching\nlevel: senor\ntype: technical\n---\n\n# Why cache?\n\n## How to anwser\n\n- Because\n")}}
	_, err := mdbank.Load(fsys)
	fmt.Println(err)
	// Output:
	// mdbank: caching.md:3: unknown level "senor"; did you mean "senior"? (levels are junior, developer, mid, senior, lead, principal, architect)
	// mdbank: caching.md:9: unknown section "How to anwser"; did you mean "How to answer"?
}

func ExampleWrite() {
	dir, _ := os.MkdirTemp("", "bank")
	defer os.RemoveAll(dir)
	// The built-in questions as Markdown files, to start a bank of one's own.
	if err := mdbank.Write(dir, questionbank.Default().All()); err != nil {
		fmt.Println(err)
		return
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	bank, err := mdbank.Load(os.DirFS(dir))
	fmt.Println(len(files), "files,", bank.Len(), "questions,", err)
	// Output: 266 files, 266 questions, <nil>
}

func ExampleMarshal() {
	data, _ := mdbank.Marshal(questionbank.Question{ID: "team-1", Level: questionbank.Mid, Type: questionbank.Behavioral,
		Text: "Tell me about a time you disagreed with a decision.", Skills: []string{"Communication"},
		HowToAnswer: []string{"Say what you did, not what the team did"}})
	fmt.Print(string(data))
	// Output:
	// ---
	// id: team-1
	// level: mid
	// type: behavioral
	// skills: [Communication]
	// ---
	//
	// # Tell me about a time you disagreed with a decision.
	//
	// ## How to answer
	//
	// - Say what you did, not what the team did
}

func ExampleLoadDir() {
	dir, _ := os.MkdirTemp("", "bank")
	defer os.RemoveAll(dir)
	os.Mkdir(filepath.Join(dir, "team"), 0o755)
	os.WriteFile(filepath.Join(dir, "team", "rate-limiter.md"), []byte("---\nid: team-rate-limiter\nlevel: senor\ntype: technical\n---\n\n# How would you limit a client's rate?\n"), 0o644)
	wd, _ := os.Getwd()
	defer os.Chdir(wd)
	os.Chdir(dir)
	// Each problem starts with one path an editor opens: the directory
	// as given, joined with the file's name.
	_, err := mdbank.LoadDir("team/")
	fmt.Println(err)
	// Output:
	// mdbank: team/rate-limiter.md:3: unknown level "senor"; did you mean "senior"? (levels are junior, developer, mid, senior, lead, principal, architect)
}

func ExampleLoadFile() {
	dir, _ := os.MkdirTemp("", "bank")
	defer os.RemoveAll(dir)
	name := filepath.Join(dir, "caching.md")
	os.WriteFile(name, []byte("---\nid: team-caching\nlevel: senior\ntype: technical\n---\n\n# How would you cache a slow service?\n"), 0o644)
	bank, err := mdbank.LoadFile(name) // a bank of one question
	fmt.Println(bank.Len(), err)
	// Output: 1 <nil>
}

func ExampleLint() {
	question := "---\nid: %s\nlevel: mid\ntype: technical\nskills: %s\n---\n\n# %s\n\nChecks judgement.\n\n%s- Say what to cache\n- Say for how long\n"
	bank := fstest.MapFS{
		"ttl.md":    {Data: []byte(fmt.Sprintf(question, "ttl", "[Caching]", "How long would you cache product prices?", "## How to answer\n\n"))},
		"prices.md": {Data: []byte(fmt.Sprintf(question, "prices", "Caching", "For how long would you cache the prices of products?", ""))},
	}
	b, warnings, err := mdbank.Lint(bank)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, w := range warnings {
		fmt.Println(w)
	}
	fmt.Println(b.Len(), "questions")
	// Output:
	// prices.md:5: warning: skills is one value, read as the one skill "Caching": write a list, such as [Caching]
	// prices.md:8: warning: no "How to answer" section: say what a strong answer covers, under ## How to answer
	// prices.md:12: warning: a list in the introduction: is a section heading, such as ## How to answer, missing above it?
	// ttl.md:8: warning: asks nearly the same as prices.md:8: they share cache, long, prices, products (1.00 alike)
	// 2 questions
}

func ExampleLintDir() {
	dir, _ := os.MkdirTemp("", "bank")
	defer os.RemoveAll(dir)
	os.Mkdir(filepath.Join(dir, "team"), 0o755)
	os.WriteFile(filepath.Join(dir, "team", "probes.md"), []byte("---\nid: team-probes\nlevel: mid\ntype: technical\nskills: [Kubernets]\n---\n\n# Which probe restarts a deadlocked pod?\n\n## How to answer\n\n- Liveness, not readiness\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "team", "drain.md"), []byte("---\nid: team-drain\nlevel: mid\ntype: technical\nskills: [Kubernetes]\n---\n\n# How do you drain a node of 40 pods?\n\n## How to answer\n\n- A disruption budget\n"), 0o644)
	wd, _ := os.Getwd()
	defer os.Chdir(wd)
	os.Chdir(dir)
	// Each warning starts with one path an editor opens, as LoadDir's
	// problems do.
	_, warnings, err := mdbank.LintDir("team")
	for _, w := range warnings {
		fmt.Println(w)
	}
	fmt.Println(err)
	// Output:
	// team/probes.md:5: warning: skill "Kubernets" looks like a slip for "Kubernetes" (1 question)
	// <nil>
}

func ExampleLintFile() {
	dir, _ := os.MkdirTemp("", "bank")
	defer os.RemoveAll(dir)
	name := filepath.Join(dir, "caching.md")
	os.WriteFile(name, []byte("---\nid: team-caching\nlevel: senior\ntype: technical\nskills: Caching\n---\n\n# How would you cache a slow service?\n"), 0o644)
	bank, warnings, err := mdbank.LintFile(name) // a bank of one question, and its warnings
	fmt.Println(bank.Len(), len(warnings), err)
	fmt.Println(warnings[0].Msg)
	// Output:
	// 1 2 <nil>
	// skills is one value, read as the one skill "Caching": write a list, such as [Caching]
}
