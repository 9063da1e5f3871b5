/**
 * Scoring one intake response into its profile: the relationship template,
 * every question answered. Prints figures with their goal beside them; never
 * asserts on time.
 *
 *   npx tsx --conditions=react-server bench/intake-scoring.ts
 */
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import type { Answers } from "../src/lib/intake/model";
import { scoreResponse } from "../src/lib/intake/scoring";
import { relationshipIntake } from "../src/server/intake/templates/relationship";

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export async function benchIntakeScoring(runs = 2000) {
  const questions = relationshipIntake.questions;
  const answers: Answers = {};
  questions.forEach((q, i) => {
    if (q.kind === "scale") answers[q.id] = 1 + (i % 5);
    else if (q.kind === "spectrum") answers[q.id] = 1 + (i % 7);
    else if (q.kind === "long_text" || q.kind === "short_text") answers[q.id] = "A written answer. ".repeat(40);
  });
  for (let i = 0; i < 200; i++) scoreResponse(questions, answers); // warm up the JIT
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    scoreResponse(questions, answers);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = percentile(times, 50);
  const p95 = percentile(times, 95);
  console.log(
    `intake scoring: one response, ${questions.length} questions, ${runs} runs: median ${median.toFixed(3)} ms, p95 ${p95.toFixed(3)} ms (goal: under 1 ms)`,
  );
  return { medianMs: median, p95Ms: p95 };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void benchIntakeScoring();
}
