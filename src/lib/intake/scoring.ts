import {
  PILLARS,
  ROADBLOCKS,
  ROOT_CAUSES,
  SCALE_MAX,
  SPECTRUM_MAX,
  isAnswerable,
  type AnswerValue,
  type AnswerableQuestion,
  type Answers,
  type Pillar,
  type Question,
  type Roadblock,
  type RootCause,
} from "./model";
import { practicesFor, type PracticeKey } from "./practices";

/**
 * The profile a response is scored into (docs/intake.md writes the formula out):
 *
 * - each answered scored item gives a level from 0 to 1: (v − 1) / (max − 1) for a
 *   scale (max 5) or spectrum (max 7), 1 for yes and 0 for no, the chosen option's
 *   score for a single choice; reverse-scored items give 1 − level;
 * - a root cause or roadblock is 100 × Σ(weight × level) / Σ(weight) over its
 *   answered items, rounded; a pillar is 1 + 4 × the same mean, to one decimal;
 * - an unanswered item counts nowhere (not as zero); with no answered item the
 *   score is null ("not enough answers");
 * - a roadblock is flagged at 60 or more; a root cause is pressing at 50 or more;
 * - "start with" is the highest root cause (ties in the framework's order).
 */
const ROADBLOCK_THRESHOLD = 60;
const PRESSING_THRESHOLD = 50;

export type Profile = {
  rootCauses: Record<RootCause, number | null>;
  roadblocks: Record<Roadblock, { score: number | null; flagged: boolean }>;
  pillars: Record<Pillar, number | null>;
  startWith: RootCause | null;
  suggestions: PracticeKey[];
};

/** How strongly one answer signals what its item feeds, 0–1; null when it can't be scored. */
export function levelOf(question: AnswerableQuestion, value: AnswerValue | undefined): number | null {
  if (value === undefined || !question.scoring) return null;
  let level: number | null = null;
  if (question.kind === "scale" && typeof value === "number") level = (value - 1) / (SCALE_MAX - 1);
  else if (question.kind === "spectrum" && typeof value === "number") level = (value - 1) / (SPECTRUM_MAX - 1);
  else if (question.kind === "yes_no" && typeof value === "boolean") level = value ? 1 : 0;
  else if (question.kind === "single" && typeof value === "string") {
    const score = question.options.find((o) => o.id === value)?.score;
    level = score === undefined ? null : Math.min(1, Math.max(0, score));
  }
  if (level === null) return null;
  return question.scoring.reverse ? 1 - level : level;
}

type Sums = { weighted: number; weight: number };

function meanLevels(questions: Question[], answers: Answers) {
  const sums = new Map<string, Sums>();
  for (const q of questions) {
    if (!isAnswerable(q) || !q.scoring || q.scoring.weight <= 0) continue;
    const level = levelOf(q, answers[q.id]);
    if (level === null) continue;
    const key = `${q.scoring.feeds}:${q.scoring.key}`;
    const s = sums.get(key) ?? { weighted: 0, weight: 0 };
    s.weighted += q.scoring.weight * level;
    s.weight += q.scoring.weight;
    sums.set(key, s);
  }
  return (feeds: string, key: string): number | null => {
    const s = sums.get(`${feeds}:${key}`);
    return s && s.weight > 0 ? s.weighted / s.weight : null;
  };
}

export function scoreResponse(questions: Question[], answers: Answers): Profile {
  const mean = meanLevels(questions, answers);
  const percent = (m: number | null) => (m === null ? null : Math.round(100 * m));

  const rootCauses = Object.fromEntries(ROOT_CAUSES.map((k) => [k, percent(mean("root_cause", k))])) as Profile["rootCauses"];
  const roadblocks = Object.fromEntries(
    ROADBLOCKS.map((k) => {
      const score = percent(mean("roadblock", k));
      return [k, { score, flagged: score !== null && score >= ROADBLOCK_THRESHOLD }];
    }),
  ) as Profile["roadblocks"];
  const pillars = Object.fromEntries(
    PILLARS.map((k) => {
      const m = mean("pillar", k);
      return [k, m === null ? null : Math.round(10 * (1 + 4 * m)) / 10];
    }),
  ) as Profile["pillars"];

  let startWith: RootCause | null = null;
  for (const k of ROOT_CAUSES) {
    const s = rootCauses[k];
    if (s !== null && (startWith === null || s > rootCauses[startWith]!)) startWith = k;
  }

  const suggestions = [...new Set(suggestingCauses({ rootCauses, roadblocks }).flatMap((c) => practicesFor[c.key]))];

  return { rootCauses, roadblocks, pillars, startWith, suggestions };
}

export type SuggestingCause =
  | { kind: "root_cause"; key: RootCause; score: number }
  | { kind: "roadblock"; key: Roadblock; score: number };

/**
 * What the suggestions come from, in the order they are made: the pressing root causes
 * (highest first), then the flagged roadblocks (highest first).
 */
export function suggestingCauses(profile: Pick<Profile, "rootCauses" | "roadblocks">): SuggestingCause[] {
  const { rootCauses, roadblocks } = profile;
  const pressing = ROOT_CAUSES.filter((k) => (rootCauses[k] ?? -1) >= PRESSING_THRESHOLD).sort((a, b) => rootCauses[b]! - rootCauses[a]!);
  const flagged = ROADBLOCKS.filter((k) => roadblocks[k].flagged).sort((a, b) => roadblocks[b].score! - roadblocks[a].score!);
  return [
    ...pressing.map((key) => ({ kind: "root_cause" as const, key, score: rootCauses[key]! })),
    ...flagged.map((key) => ({ kind: "roadblock" as const, key, score: roadblocks[key].score! })),
  ];
}
