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
	// Output: 14 files, 14 questions, <nil>
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
