// An end-to-end test of examples/mcp with a client nobody here wrote: the
// official TypeScript MCP SDK starts the built server over stdio, lists
// its tools, calls each with good and bad input, validates every
// structured result against the tool's declared output schema (with ajv,
// as well as the SDK's own check), and reads the progress file after.
// The server runs on the source page's 14 questions (data/sourcepage.json),
// not the built-in bank, so that the checks that count questions hold as
// the built-in bank grows.
//
//	node client.mjs PATH/TO/questionbank-mcp
//
// It prints one line a check and ends "N passed, M failed"; the exit
// status is 1 if any check failed.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import Ajv from "ajv";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const bin = process.argv[2];
if (!bin) {
  console.error("usage: node client.mjs PATH/TO/questionbank-mcp");
  process.exit(2);
}
const bank = fileURLToPath(new URL("../../../data/sourcepage.json", import.meta.url));
const state = join(mkdtempSync(join(tmpdir(), "qb-mcp-")), "progress.json");
let passed = 0, failed = 0;
const check = (ok, what) => {
  if (ok) { passed++; console.log("ok   " + what); } else { failed++; console.log("FAIL " + what); }
};

const client = new Client({ name: "questionbank-e2e", version: "1.0.0" });
await client.connect(new StdioClientTransport({ command: bin, args: ["-bank", bank, "-state", state] }));

const { tools } = await client.listTools();
const names = tools.map((t) => t.name).sort();
check(JSON.stringify(names) === JSON.stringify(["draw_questions", "get_question", "next_question", "rate_answer", "search_questions", "undo_rating"]), "lists the six tools: " + names.join(", "));
const ajv = new Ajv({ strict: false });
const validate = {};
for (const t of tools) {
  check(t.outputSchema && t.inputSchema, t.name + " declares input and output schemas");
  validate[t.name] = ajv.compile(t.outputSchema);
}

async function call(name, args, wantError = false) {
  const res = await client.callTool({ name, arguments: args });
  const text = (res.content || []).map((c) => c.text || "").join("");
  if (wantError) {
    check(res.isError === true, `${name} ${JSON.stringify(args)}: isError, "${text.split("\n")[0]}"`);
    return res;
  }
  check(!res.isError, `${name} ${JSON.stringify(args)}: no error ${res.isError ? text : ""}`);
  const valid = validate[name](res.structuredContent);
  check(valid, `${name}: structured content matches its output schema ${valid ? "" : JSON.stringify(validate[name].errors)}`);
  return res.structuredContent;
}

const search = await call("search_questions", { query: "caching", n: 3 });
check(search.hits.length === 3 && search.hits[0].score > 0, "search_questions ranks hits");
const drawn = await call("draw_questions", { query: "level>=lead", n: 2, seed: 7 });
check(drawn.questions.length === 2 && drawn.total === 6, "draw_questions draws 2 of 6");
const bare = await call("get_question", { id: "senior-2" });
check(bare.how_to_answer === undefined, "get_question gives no guidance unless asked");
const full = await call("get_question", { id: "senior-2", guidance: true });
check(full.how_to_answer.length > 0 && full.example_answer.length > 0, "get_question gives the guidance when asked");
const next = await call("next_question", { query: "level:junior" });
check(next.question && next.new === 2, "next_question gives a new question");
const rated = await call("rate_answer", { id: next.question.id, rating: "good" });
check(rated.state === "learning" && rated.reps === 1, "rate_answer records a review");
const saved = JSON.parse(readFileSync(state, "utf8"));
check(saved.format === 3 && saved.cards.some((c) => c.id === next.question.id) && saved.log.length === 1, "the progress file holds the review");
const undone = await call("undo_rating", { id: next.question.id });
check(undone.state === "new", "undo_rating takes it back");
check(JSON.parse(readFileSync(state, "utf8")).log.length === 0, "the progress file no longer holds it");
await call("rate_answer", { id: "lead-1", rating: "easy" });
const undoneLast = await call("undo_rating", {});
check(undoneLast.id === "lead-1" && undoneLast.state === "new", "undo_rating without an id takes back the last rating");
await call("undo_rating", {}, true);

await call("search_questions", { query: "typ:technical" }, true);
await call("get_question", { id: "nope" }, true);
await call("rate_answer", { id: "senior-2", rating: "brilliant" }, true);
await call("draw_questions", { n: 500 }, true);

const daily = await client.readResource({ uri: "questionbank://daily" });
check(daily.contents[0].text.includes("guidance: true") && !daily.contents[0].text.includes("### How to answer"), "reads questionbank://daily, without the guidance");
const one = await client.readResource({ uri: "questionbank://questions/lead-1" });
check(one.contents[0].text.includes("microservices"), "reads questionbank://questions/lead-1");
const prompt = await client.getPrompt({ name: "mock_interview", arguments: { level: "senior", minutes: "20" } });
check(prompt.messages[0].content.text.includes("rate_answer"), "gets the mock_interview prompt");

await client.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
