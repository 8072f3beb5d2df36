// Generates golden.json: FSRS-6 review sequences computed by ts-fsrs
// (pinned in package.json), the FSRS authors' reference implementation,
// with fuzz off. The Go tests replay every review and compare the cards.
//
//   cd srs/testdata && npm ci && node generate.mjs
//
// The sequences come from a seeded generator, so a run gives the same file.
import { fsrs, generatorParameters, createEmptyCard, State } from "ts-fsrs";
import { writeFileSync } from "node:fs";

// mulberry32: a small seeded generator, so the file is reproducible.
function rng(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MIN = 60e3, DAY = 86400e3;
const defaults = generatorParameters({}).w;

// Weights inside FSRS-6's static clamps, near the defaults.
function perturbed(r) {
  const lo = [1e-3, 1e-3, 1e-3, 1e-3, 1, 1e-3, 1e-3, 1e-3, 0, 0, 1e-3, 1e-3, 1e-3, 1e-3, 0, 0, 1, 0, 0, 0.01, 0.1];
  const hi = [100, 100, 100, 100, 10, 4, 4, 0.75, 4.5, 0.8, 3.5, 5, 0.25, 0.9, 4, 1, 6, 2, 2, 0.8, 0.8];
  return defaults.map((w, i) => {
    const v = w * (0.6 + 0.8 * r());
    return Math.round(Math.min(hi[i], Math.max(lo[i], v)) * 1e4) / 1e4;
  });
}

const settings = [
  { name: "default" },
  { name: "retention 0.8, max 365", request_retention: 0.8, maximum_interval: 365 },
  { name: "retention 0.97", request_retention: 0.97 },
  { name: "no learning steps", learning_steps: [], relearning_steps: [] },
  { name: "three learning steps", learning_steps: ["1m", "10m", "1h"], relearning_steps: ["5m"] },
  { name: "two relearning steps", relearning_steps: ["10m", "1h"] },
  { name: "one learning step", learning_steps: ["30m"], relearning_steps: ["10m", "20m", "2h"] },
  { name: "custom weights", w: "perturbed" },
  { name: "custom weights, two relearning steps", w: "perturbed", relearning_steps: ["10m", "1h"], maximum_interval: 1000 },
];

// A gap before the next review: often minutes (learning steps), often the
// due date, sometimes early or very late, up to years.
function gap(r, card, now) {
  const u = r();
  if (u < 0.15) return Math.floor(r() * 20) * MIN + MIN;
  if (u < 0.3) return Math.floor(r() * 300) * MIN;
  if (u < 0.65) return Math.max(MIN, card.due.getTime() - now + Math.floor((r() - 0.3) * 3 * DAY));
  if (u < 0.85) return Math.floor(r() * 60) * DAY + Math.floor(r() * 1440) * MIN;
  if (u < 0.97) return Math.floor(r() * 900) * DAY + Math.floor(r() * 1440) * MIN;
  return Math.floor(r() * 3650 * 3) * DAY; // up to thirty years
}

const out = [];
let seed = 1;
for (const s of settings) {
  for (let k = 0; k < 12; k++) {
    const r = rng(seed++);
    const props = { enable_fuzz: false, enable_short_term: true };
    for (const key of ["request_retention", "maximum_interval", "learning_steps", "relearning_steps"]) {
      if (key in s) props[key] = s[key];
    }
    if (s.w === "perturbed") props.w = perturbed(r);
    const params = generatorParameters(props);
    const f = fsrs(params);
    let now = Date.UTC(2024, 0, 1) + Math.floor(r() * 365 * DAY);
    let card = createEmptyCard(new Date(now));
    const reviews = [];
    const n = 10 + Math.floor(r() * 30);
    for (let i = 0; i < n; i++) {
      const rating = 1 + Math.floor(r() * 4);
      card = f.next(card, new Date(now), rating).card;
      reviews.push({
        time: now, rating,
        due: card.due.getTime(), stability: card.stability, difficulty: card.difficulty,
        state: card.state, step: card.learning_steps, reps: card.reps, lapses: card.lapses,
        last_review: card.last_review.getTime(),
        retrievability: f.get_retrievability(card, new Date(now + 3 * DAY + 7 * 3600e3), false),
      });
      now += gap(r, card, now);
    }
    out.push({
      name: `${s.name} #${k + 1}`,
      weights_given: props.w ?? null, // as given to ts-fsrs, before its clipping
      weights: params.w, // after it
      request_retention: params.request_retention,
      maximum_interval: params.maximum_interval,
      learning_steps: params.learning_steps,
      relearning_steps: params.relearning_steps,
      reviews,
    });
  }
}
// One sequence a line, one review a line: small, and readable in a diff.
const lines = out.map((s) => {
  const { reviews, ...head } = s;
  return "  " + JSON.stringify(head).slice(0, -1) + ', "reviews": [\n' + reviews.map((r) => "    " + JSON.stringify(r)).join(",\n") + "\n  ]}";
});
writeFileSync("golden.json", '{"generator": "ts-fsrs 5.4.2, enable_fuzz false, enable_short_term true", "sequences": [\n' + lines.join(",\n") + "\n]}\n");
console.log(`${out.length} sequences, ${out.reduce((n, s) => n + s.reviews.length, 0)} reviews`);
