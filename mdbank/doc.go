// Package mdbank reads and writes a question bank kept as Markdown files,
// one question a file, so that a team can keep its questions in git,
// review them in pull requests and have CI reject a broken file.
//
// A file is YAML front matter, then the question as a level-1 heading,
// then its sections under level-2 headings:
//
//	---
//	id: senior-caching
//	level: senior
//	type: technical
//	skills: [Caching, Redis]
//	---
//
//	# How would you cache the results of a slow service?
//
//	Introduction: what the question assesses, in one or more paragraphs.
//
//	## How to answer
//
//	- one point a bullet
//
//	## What not to say
//
//	- one mistake a bullet
//
//	## Example answer
//
//	One or more paragraphs.
//
//	## Follow-up questions
//
//	- optional: what an interviewer asks next
//
// The front matter's keys are id, level, type (by name, as
// questionbank.ParseLevel and ParseType read them), skills, a list, and
// source, where the question comes from (title, url, licence), which
// Write writes when a question has one.
// Section headings are matched without regard to case, and any list
// marker (-, *, + or numbers) will do.
//
// # What a section holds
//
// The introduction and the example answer hold paragraphs and lists; a
// list section (how to answer, what not to say, follow-up questions) holds
// one list, each bullet one or more paragraphs. A text keeps the Markdown
// of its blocks as written, inline markup and all: the lines of a
// paragraph are joined by a space (a hard line break, two spaces or a
// backslash at the end of a line, is kept as a line break; a line ending
// inside a code span or a link is a space, as CommonMark reads it), and
// paragraphs are separated by one blank line, "\n\n". A list in a text is
// kept as written, its lines, markers and nested lists as they are. A
// list item may span lines.
//
// Any other block is refused, naming it and its line, inside a list as
// anywhere: a code block, a quotation, a block of HTML, a heading other
// than the question's and its sections', a horizontal rule, a link
// reference definition; so is raw HTML that runs over more than one line.
// What Load keeps means what it meant, and [Write] writes it back so that
// it reads back the same: TestCommonMarkSpec checks both against the 652
// examples of the CommonMark spec.
//
// # Problems and limits
//
// [Load] reports every problem of every file at once, each as
// path:line: what is wrong (a missing or unknown key, an unknown section
// with the one meant, a bad level or type, an ID that two files share,
// a file that is not UTF-8), and returns no bank unless there are none.
// [LoadDir] reads a directory, naming each file by one path an editor
// opens (team/rate-limiter.md:3: ...), and [LoadFile] one file, as a bank
// of one question. A file name that holds a control or bidi character is
// quoted, as Go quotes a string, wherever a message names it.
// A byte-order mark and CRLF line endings are read as any file.
//
// Reading any file is bounded work, whatever it holds: a file is at most
// [MaxFileSize] bytes, its front matter at most 4 KiB with at most 20
// skills, and its Markdown at most 4,096 characters of inline markup
// ([ ] * _ ` < >) and 16 quotes and list items opened on one line, far
// more than a question needs and few enough that no Markdown, however
// pathological, costs the parser much. A file beyond a limit is a problem
// that says so. Anything but a regular file (a named pipe, a device) is a
// problem, and is never opened.
//
// Markdown is parsed by goldmark (CommonMark), and the front matter by
// go.yaml.in/yaml/v3; this package is the only one of the module that
// imports them.
package mdbank
