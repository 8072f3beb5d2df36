// Times ts-fsrs's next() over the reviews of golden.json, the same work
// as BenchmarkReview in fsrs_test.go's package, so the two can be compared:
//
//   cd srs/testdata && npm ci && node bench.mjs
import { fsrs, generatorParameters, createEmptyCard } from "ts-fsrs";
import { readFileSync } from "node:fs";

const { sequences } = JSON.parse(readFileSync("golden.json", "utf8"));
const prepared = sequences.map((s) => ({
  f: fsrs(generatorParameters({
    w: s.weights_given ?? undefined, request_retention: s.request_retention, maximum_interval: s.maximum_interval,
    learning_steps: s.learning_steps, relearning_steps: s.relearning_steps, enable_fuzz: false, enable_short_term: true,
  })),
  reviews: s.reviews.map((r) => ({ time: new Date(r.time), rating: r.rating })),
}));
const n = prepared.reduce((k, s) => k + s.reviews.length, 0);
function once() {
  for (const s of prepared) {
    let card = createEmptyCard(s.reviews[0].time);
    for (const r of s.reviews) card = s.f.next(card, r.time, r.rating).card;
  }
}
for (let i = 0; i < 20; i++) once(); // warm up the JIT
const runs = [];
for (let k = 0; k < 6; k++) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < 50; i++) once();
  runs.push(Number(process.hrtime.bigint() - start) / (50 * n));
}
runs.sort((a, b) => a - b);
console.log(`ts-fsrs next(): ${n} reviews a run, median ${runs[3].toFixed(0)} ns/review (runs: ${runs.map((x) => x.toFixed(0)).join(" ")}), node ${process.version}`);
