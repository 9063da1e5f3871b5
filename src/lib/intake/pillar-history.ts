// The pillars over time: which submitted responses carry pillar ratings, and where each
// rating sits on the client page's line chart. Pure, so the geometry is unit-tested.

import { PILLARS, type Pillar } from "./model";

/** One submitted response (intake or check-in) that rated at least one pillar. */
export type Assessment = { id: string; name: string; submittedAt: Date; pillars: Record<Pillar, number | null> };

/**
 * The responses that rated any pillar, oldest first. A response whose
 * questionnaire asks no pillar question (every pillar null) is left out; a
 * pillar left unanswered stays null: no point is drawn for it, never a zero.
 */
export function pillarAssessments(rows: { id: string; name: string; submittedAt: Date | null; pillars: Partial<Record<Pillar, number | null>> | null | undefined }[]): Assessment[] {
  const out: Assessment[] = [];
  for (const row of rows) {
    if (!row.submittedAt || !row.pillars) continue;
    const pillars = Object.fromEntries(PILLARS.map((p) => [p, row.pillars?.[p] ?? null])) as Record<Pillar, number | null>;
    if (PILLARS.every((p) => pillars[p] === null)) continue;
    out.push({ id: row.id, name: row.name, submittedAt: row.submittedAt, pillars });
  }
  return out.sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
}

export type ChartBox = { width: number; height: number; left: number; right: number; top: number; bottom: number };

type PillarLine = { pillar: Pillar; points: { x: number; y: number; value: number; assessmentId: string }[]; path: string };

export type PillarChart = {
  lines: PillarLine[];
  /** Where each assessment sits on the time axis (its tick). */
  ticks: { x: number; assessmentId: string; at: Date }[];
  /** The rating gridlines, 1 to 5. */
  levels: { y: number; value: number }[];
};

const RATING_MIN = 1;
const RATING_MAX = 5;

/**
 * Places each rating: x by time between the first and last assessment (a
 * single assessment sits in the middle), y from 1 (bottom) to 5 (top). A
 * line joins a pillar's rated points in time order and skips the
 * assessments that didn't rate it (it isn't dragged to zero).
 */
export function pillarChart(assessments: Assessment[], box: ChartBox): PillarChart {
  const plotW = box.width - box.left - box.right;
  const plotH = box.height - box.top - box.bottom;
  const times = assessments.map((a) => a.submittedAt.getTime());
  const first = Math.min(...times);
  const span = Math.max(...times) - first;
  const xOf = (t: number) => round(box.left + (span > 0 ? ((t - first) / span) * plotW : plotW / 2));
  const yOf = (v: number) => round(box.top + plotH - ((clamp(v) - RATING_MIN) / (RATING_MAX - RATING_MIN)) * plotH);

  const lines = PILLARS.map((pillar) => {
    const points = assessments.flatMap((a) => {
      const value = a.pillars[pillar];
      return value === null ? [] : [{ x: xOf(a.submittedAt.getTime()), y: yOf(value), value, assessmentId: a.id }];
    });
    const path = points.map((p, i) => `${i === 0 ? "M" : "L"}${p.x} ${p.y}`).join(" ");
    return { pillar, points, path };
  });
  const ticks = assessments.map((a) => ({ x: xOf(a.submittedAt.getTime()), assessmentId: a.id, at: a.submittedAt }));
  const levels = [1, 2, 3, 4, 5].map((value) => ({ value, y: yOf(value) }));
  return { lines, ticks, levels };
}

const clamp = (v: number) => Math.min(RATING_MAX, Math.max(RATING_MIN, v));
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Which ticks get a date label so labels never overlap: the last always,
 * then going back, each at least `minGap` from the one labelled after it.
 */
export function labelledTicks<T extends { x: number }>(ticks: T[], minGap: number): T[] {
  const out: T[] = [];
  for (let i = ticks.length - 1; i >= 0; i--) {
    const tick = ticks[i]!;
    if (!out.length || out[out.length - 1]!.x - tick.x >= minGap) out.push(tick);
  }
  return out.reverse();
}
