import { describe, expect, it } from "vitest";
import { parseAnswer } from "@/lib/intake/answers";
import { describeAnswer } from "@/lib/intake/display";
import { emergencyHelpFor } from "@/lib/intake/emergency";
import { groupQuestions, type Question } from "@/lib/intake/model";
import { levelOf, scoreResponse } from "@/lib/intake/scoring";

const scale = (id: string, feeds: "root_cause" | "roadblock" | "pillar", key: string, weight = 1, reverse = false): Question =>
  ({ id, kind: "scale", prompt: id, lowLabel: "Not at all", highLabel: "Very much", scoring: { feeds, key, weight, reverse } }) as Question;

describe("scoreResponse", () => {
  it("computes a weighted root-cause score by hand", () => {
    // levels: 4 → 0.75 (weight 2), 2 → 0.25 (weight 1): (1.5 + 0.25) / 3 = 0.5833 → 58
    const qs = [scale("a", "root_cause", "communication", 2), scale("b", "root_cause", "communication", 1)];
    const profile = scoreResponse(qs, { a: 4, b: 2 });
    expect(profile.rootCauses.communication).toBe(58);
    expect(profile.rootCauses.trauma).toBeNull();
    expect(profile.startWith).toBe("communication");
  });

  it("reverses a reverse-scored item", () => {
    const qs = [scale("heard", "root_cause", "communication", 1, true)];
    // "I feel heard" at 5 means communication is not pressing.
    expect(scoreResponse(qs, { heard: 5 }).rootCauses.communication).toBe(0);
    expect(scoreResponse(qs, { heard: 1 }).rootCauses.communication).toBe(100);
    expect(scoreResponse(qs, { heard: 2 }).rootCauses.communication).toBe(75);
  });

  it("never counts an unanswered item as zero", () => {
    const qs = [scale("a", "root_cause", "needs"), scale("b", "root_cause", "needs")];
    // Only a answered (5 → 1.0): the score is 100, not 50.
    expect(scoreResponse(qs, { a: 5 }).rootCauses.needs).toBe(100);
    expect(scoreResponse(qs, {}).rootCauses.needs).toBeNull();
    expect(scoreResponse(qs, {}).startWith).toBeNull();
  });

  it("rates pillars from 1 to 5 and flags roadblocks from 60", () => {
    const qs = [
      scale("p1", "pillar", "empathy"),
      scale("p2", "pillar", "empathy"),
      scale("r1", "roadblock", "busy"),
      { id: "r2", kind: "yes_no", prompt: "Mostly by text?", scoring: { feeds: "roadblock", key: "busy", weight: 1, reverse: false } } as Question,
      scale("r3", "roadblock", "resentment"),
    ];
    // empathy: levels 0.75 and 0.5 → mean 0.625 → 1 + 2.5 = 3.5
    // busy: 3 → 0.5, yes → 1: 0.75 → 75 flagged; resentment: 3 → 50, not flagged
    const p = scoreResponse(qs, { p1: 4, p2: 3, r1: 3, r2: true, r3: 3 });
    expect(p.pillars.empathy).toBe(3.5);
    expect(p.pillars.vulnerability).toBeNull();
    expect(p.roadblocks.busy).toEqual({ score: 75, flagged: true });
    expect(p.roadblocks.resentment).toEqual({ score: 50, flagged: false });
    expect(p.suggestions).toEqual(["no_tech_zone", "date_night", "calendar_blocking", "connection_rituals"]);
  });

  it("scores spectrum and single-choice items and suggests from the mapping", () => {
    const qs: Question[] = [
      { id: "s", kind: "spectrum", prompt: "", leftLabel: "", rightLabel: "", scoring: { feeds: "root_cause", key: "trauma", weight: 1, reverse: false } },
      {
        id: "c",
        kind: "single",
        prompt: "",
        options: [{ id: "often", label: "Often", score: 1 }, { id: "never", label: "Never", score: 0 }, { id: "skip", label: "Rather not say" }],
        scoring: { feeds: "root_cause", key: "trauma", weight: 3, reverse: false },
      },
    ];
    // spectrum 7 → 1.0 (w1), often → 1.0 (w3) → 100; "skip" carries no score: only the spectrum counts.
    expect(scoreResponse(qs, { s: 7, c: "often" }).rootCauses.trauma).toBe(100);
    expect(scoreResponse(qs, { s: 4, c: "skip" }).rootCauses.trauma).toBe(50);
    expect(scoreResponse(qs, { s: 7, c: "often" }).suggestions).toEqual(["reflection_journal", "emotional_openness"]);
  });

  it("picks where to start among tied root causes in the framework's order", () => {
    const qs = [scale("t", "root_cause", "trauma"), scale("n", "root_cause", "needs")];
    expect(scoreResponse(qs, { t: 3, n: 3 }).startWith).toBe("trauma");
    expect(scoreResponse(qs, { t: 3, n: 4 }).startWith).toBe("needs");
  });

  it("ignores text and unscored items", () => {
    const q: Question = { id: "t", kind: "long_text", prompt: "" };
    expect(levelOf(q as never, "words")).toBeNull();
  });
});

describe("parseAnswer", () => {
  const s = scale("a", "root_cause", "needs") as Extract<Question, { kind: "scale" }>;
  it("turns form strings into typed answers", () => {
    expect(parseAnswer(s, "4")).toEqual({ ok: true, value: 4 });
    expect(parseAnswer({ id: "y", kind: "yes_no", prompt: "" }, "yes")).toEqual({ ok: true, value: true });
    expect(parseAnswer({ id: "m", kind: "multiple", prompt: "", options: [{ id: "a", label: "A" }, { id: "b", label: "B" }] }, ["b", "a", "b"])).toEqual({ ok: true, value: ["b", "a"] });
    expect(parseAnswer(s, "")).toEqual({ ok: true, value: null });
  });
  it("refuses out-of-range, unknown options and 20,000 characters", () => {
    expect(parseAnswer(s, "6")).toMatchObject({ ok: false, message: "The scale runs from 1 to 5." });
    expect(parseAnswer(s, "2.5")).toMatchObject({ ok: false });
    expect(parseAnswer({ id: "sp", kind: "spectrum", prompt: "", leftLabel: "", rightLabel: "" }, "8")).toMatchObject({ ok: false });
    expect(parseAnswer({ id: "c", kind: "single", prompt: "", options: [{ id: "a", label: "A" }] }, "z")).toMatchObject({ ok: false, message: "Choose one of the options shown." });
    expect(parseAnswer({ id: "t", kind: "long_text", prompt: "" }, "x".repeat(20_000))).toMatchObject({ ok: false, message: "Keep your answer under 20,000 characters." });
    expect(parseAnswer({ id: "t", kind: "long_text", prompt: "" }, "x".repeat(19_999))).toMatchObject({ ok: true });
  });
});

describe("groupQuestions", () => {
  it("starts a screen at each section heading", () => {
    const groups = groupQuestions([
      { id: "h1", kind: "section", title: "About you" },
      { id: "a", kind: "short_text", prompt: "" },
      { id: "h2", kind: "section", title: "Empty" },
      { id: "h3", kind: "section", title: "More" },
      { id: "b", kind: "long_text", prompt: "" },
    ]);
    expect(groups.map((g) => [g.title, g.questions.map((q) => q.id)])).toEqual([["About you", ["a"]], ["More", ["b"]]]);
  });
});

describe("emergencyHelpFor", () => {
  it("picks the emergency number by the client's time zone, with 988 in the US only", () => {
    expect(emergencyHelpFor("America/Chicago")).toEqual({ number: "911", lifeline988: true });
    expect(emergencyHelpFor("Pacific/Honolulu")).toEqual({ number: "911", lifeline988: true });
    expect(emergencyHelpFor("America/Toronto")).toEqual({ number: "911", lifeline988: false });
    expect(emergencyHelpFor("Europe/London")).toEqual({ number: "999", lifeline988: false });
    expect(emergencyHelpFor("Europe/Berlin")).toEqual({ number: "112", lifeline988: false });
    expect(emergencyHelpFor("Asia/Tokyo")).toEqual({ number: null, lifeline988: false });
  });
});

describe("describeAnswer", () => {
  it("writes an answer in words", () => {
    expect(describeAnswer({ id: "a", kind: "scale", prompt: "", lowLabel: "Low", highLabel: "High" }, 4)).toBe("4 of 5 (1 = Low, 5 = High)");
    expect(describeAnswer({ id: "y", kind: "yes_no", prompt: "" }, false)).toBe("No");
    expect(describeAnswer({ id: "m", kind: "multiple", prompt: "", options: [{ id: "a", label: "A" }, { id: "b", label: "B" }] }, ["b", "a"])).toBe("B; A");
    expect(describeAnswer({ id: "t", kind: "long_text", prompt: "" }, undefined)).toBeNull();
  });
});
