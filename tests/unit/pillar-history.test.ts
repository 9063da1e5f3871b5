import { describe, expect, it } from "vitest";
import { labelledTicks, pillarAssessments, pillarChart, type Assessment } from "@/lib/intake/pillar-history";

const BOX = { width: 440, height: 220, left: 20, right: 20, top: 10, bottom: 10 }; // plot: 400 × 200

const all = (v: number | null) => ({ vulnerability: v, listening: v, empathy: v, affirmation: v, shared: v });
const at = (day: number) => new Date(Date.UTC(2027, 0, day, 16));

function assessment(id: string, day: number, pillars: Assessment["pillars"]): Assessment {
  return { id, name: "Check-in", submittedAt: at(day), pillars };
}

describe("pillarAssessments", () => {
  it("keeps submitted responses that rated a pillar, oldest first, and an unrated pillar as null", () => {
    const rows = [
      { id: "late", name: "Check-in", submittedAt: at(20), pillars: { ...all(4), shared: null } },
      { id: "none", name: "Crisis intake", submittedAt: at(5), pillars: all(null) },
      { id: "open", name: "Check-in", submittedAt: null, pillars: all(3) },
      { id: "noprofile", name: "Check-in", submittedAt: at(6), pillars: null },
      { id: "early", name: "Intake", submittedAt: at(1), pillars: { vulnerability: 2 } },
    ];
    const out = pillarAssessments(rows);
    expect(out.map((a) => a.id)).toEqual(["early", "late"]);
    expect(out[0]!.pillars).toEqual({ vulnerability: 2, listening: null, empathy: null, affirmation: null, shared: null });
    expect(out[1]!.pillars.shared).toBeNull();
  });
});

describe("pillarChart", () => {
  it("places time left to right between the first and last assessment, and 1 at the bottom to 5 at the top", () => {
    const chart = pillarChart([assessment("a", 1, all(1)), assessment("b", 3, all(5)), assessment("c", 11, all(3))], BOX);
    expect(chart.ticks.map((t) => t.x)).toEqual([20, 100, 420]); // days 1, 3, 11: 0, 2/10 and 10/10 of 400
    const line = chart.lines.find((l) => l.pillar === "empathy")!;
    expect(line.points.map((p) => [p.x, p.y])).toEqual([
      [20, 210],
      [100, 10],
      [420, 110],
    ]);
    expect(line.path).toBe("M20 210 L100 10 L420 110");
    expect(chart.levels.map((l) => l.y)).toEqual([210, 160, 110, 60, 10]);
  });

  it("draws no point for an unrated pillar: the line joins the ratings either side, never dips to zero", () => {
    const chart = pillarChart([assessment("a", 1, all(2)), assessment("b", 2, { ...all(4), shared: null }), assessment("c", 3, all(3))], BOX);
    const shared = chart.lines.find((l) => l.pillar === "shared")!;
    expect(shared.points.map((p) => p.assessmentId)).toEqual(["a", "c"]);
    expect(shared.path).toBe("M20 160 L420 110");
    expect(Math.max(...chart.lines.flatMap((l) => l.points.map((p) => p.y)))).toBeLessThanOrEqual(210);
  });

  it("puts a single assessment in the middle, with one point per pillar and no line", () => {
    const chart = pillarChart([assessment("a", 1, { ...all(4.5), listening: null })], BOX);
    expect(chart.ticks).toEqual([{ x: 220, assessmentId: "a", at: at(1) }]);
    expect(chart.lines.find((l) => l.pillar === "vulnerability")!.points).toEqual([{ x: 220, y: 35, value: 4.5, assessmentId: "a" }]);
    expect(chart.lines.find((l) => l.pillar === "listening")!.points).toEqual([]);
    expect(chart.lines.find((l) => l.pillar === "listening")!.path).toBe("");
  });

  it("places two assessments on the same day each at its own time", () => {
    const first = assessment("a", 1, all(2));
    const second = { ...assessment("b", 1, all(3)), submittedAt: new Date(at(1).getTime() + 3_600_000) };
    const chart = pillarChart([first, second, assessment("c", 2, all(3))], BOX);
    expect(chart.ticks.map((t) => t.x)).toEqual([20, 36.7, 420]);
  });
});

describe("labelledTicks", () => {
  it("labels the last tick and each earlier one far enough from the next label", () => {
    const ticks = [0, 10, 50, 100, 130, 200].map((x) => ({ x }));
    expect(labelledTicks(ticks, 60).map((t) => t.x)).toEqual([50, 130, 200]);
    expect(labelledTicks([], 60)).toEqual([]);
  });
});
