import { describe, expect, it } from "vitest";
import { cadenceFrom, describeCadence } from "@/lib/homework/cadence";
import {
  findOccurrence,
  occurrenceKey,
  occurrencesBetween,
  pausedOn,
  progressOf,
  weekDates,
  type Schedule,
} from "@/lib/homework/occurrences";
import { mondayOf } from "@/lib/time/dates";
import { localDateOf } from "@/lib/time/zones";

// Dates only: the suite runs under TZ=UTC, America/Los_Angeles and Asia/Kolkata and must agree.
// 2026-03-09 is a Monday; the US clocks spring forward on Sunday 2026-03-08.

const base = { startDate: "2026-03-09", endDate: null, pauses: [] } as const;
const keys = (s: Schedule, from: string, to: string) => occurrencesBetween(s, from, to).map(occurrenceKey);

describe("occurrences by cadence", () => {
  it("daily: one a day from the start date to the end date", () => {
    const s: Schedule = { ...base, cadence: { kind: "daily" }, startDate: "2026-03-11", endDate: "2026-03-13" };
    expect(keys(s, "2026-03-09", "2026-03-15")).toEqual(["2026-03-11#1", "2026-03-12#1", "2026-03-13#1"]);
  });

  it("weekly: one a week, doable any day of the week it falls in (clipped to the start)", () => {
    const s: Schedule = { ...base, cadence: { kind: "weekly" }, startDate: "2026-03-11" };
    expect(occurrencesBetween(s, "2026-03-09", "2026-03-22")).toEqual([
      { date: "2026-03-09", slot: 1, from: "2026-03-11", until: "2026-03-15" },
      { date: "2026-03-16", slot: 1, from: "2026-03-16", until: "2026-03-22" },
    ]);
  });

  it("N times a week: N slots each week, clipped to the end date", () => {
    const s: Schedule = { ...base, cadence: { kind: "times_per_week", timesPerWeek: 3 }, endDate: "2026-03-18" };
    expect(occurrencesBetween(s, "2026-03-09", "2026-03-29")).toEqual([
      { date: "2026-03-09", slot: 1, from: "2026-03-09", until: "2026-03-15" },
      { date: "2026-03-09", slot: 2, from: "2026-03-09", until: "2026-03-15" },
      { date: "2026-03-09", slot: 3, from: "2026-03-09", until: "2026-03-15" },
      { date: "2026-03-16", slot: 1, from: "2026-03-16", until: "2026-03-18" },
      { date: "2026-03-16", slot: 2, from: "2026-03-16", until: "2026-03-18" },
      { date: "2026-03-16", slot: 3, from: "2026-03-16", until: "2026-03-18" },
    ]);
  });

  it("once: a single occurrence from the start to the due date, seen from any week it spans", () => {
    const s: Schedule = { ...base, cadence: { kind: "once", dueDate: "2026-03-20" } };
    const only = { date: "2026-03-20", slot: 1, from: "2026-03-09", until: "2026-03-20" };
    expect(occurrencesBetween(s, "2026-03-09", "2026-03-15")).toEqual([only]);
    expect(occurrencesBetween(s, "2026-03-16", "2026-03-22")).toEqual([only]);
    expect(occurrencesBetween(s, "2026-03-23", "2026-03-29")).toEqual([]);
    // Ended before the due date: it can be done only until the end.
    expect(occurrencesBetween({ ...s, endDate: "2026-03-12" }, "2026-03-09", "2026-03-15")[0]?.until).toBe("2026-03-12");
  });

  it("a week that crosses a DST change is still seven dates, Monday to Sunday", () => {
    // Spring forward (US, 2026-03-08) and fall back (US, 2026-11-01; EU, 2026-10-25).
    expect(weekDates(mondayOf("2026-03-08"))).toEqual([
      "2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06", "2026-03-07", "2026-03-08",
    ]);
    const s: Schedule = { ...base, cadence: { kind: "daily" }, startDate: "2026-10-19" };
    expect(keys(s, "2026-10-26", "2026-11-01")).toHaveLength(7);
    expect(keys(s, mondayOf("2026-10-25"), "2026-10-25")).toHaveLength(7);
  });

  it("days follow the client's zone, not the server's: one instant is two different days", () => {
    // 2026-03-09T06:30Z: still Sunday in Los Angeles (PDT, just after the change), already Monday in Kolkata.
    const instant = new Date("2026-03-09T06:30:00Z");
    const la = localDateOf(instant, "America/Los_Angeles");
    const kolkata = localDateOf(instant, "Asia/Kolkata");
    expect([la, kolkata]).toEqual(["2026-03-08", "2026-03-09"]);
    // So "this week" for a weekly practice is a different week for each of them.
    expect([mondayOf(la), mondayOf(kolkata)]).toEqual(["2026-03-02", "2026-03-09"]);
    // And the last Sunday of October at 23:30 in Berlin (after falling back) is still that Sunday there.
    expect(localDateOf(new Date("2026-10-25T22:30:00Z"), "Europe/Berlin")).toBe("2026-10-25");
  });
});

describe("pauses", () => {
  const s: Schedule = {
    ...base,
    cadence: { kind: "daily" },
    pauses: [{ from: "2026-03-11", until: "2026-03-13" }, { from: "2026-03-15", until: null }],
  };

  it("skips the days it was paused (resume day included) and everything after an open pause", () => {
    expect(keys(s, "2026-03-09", "2026-03-22")).toEqual(["2026-03-09#1", "2026-03-10#1", "2026-03-13#1", "2026-03-14#1"]);
    expect([pausedOn(s, "2026-03-12"), pausedOn(s, "2026-03-13"), pausedOn(s, "2026-04-01")]).toEqual([true, false, true]);
  });

  it("keeps a weekly occurrence unless the whole week was paused", () => {
    const weekly: Schedule = { ...s, cadence: { kind: "weekly" }, pauses: [{ from: "2026-03-10", until: "2026-03-16" }] };
    expect(keys(weekly, "2026-03-09", "2026-03-22")).toEqual(["2026-03-09#1", "2026-03-16#1"]);
    const wholeWeek: Schedule = { ...weekly, pauses: [{ from: "2026-03-09", until: "2026-03-16" }] };
    expect(keys(wholeWeek, "2026-03-09", "2026-03-22")).toEqual(["2026-03-16#1"]);
  });
});

describe("finding an occurrence", () => {
  const daily: Schedule = { ...base, cadence: { kind: "daily" }, endDate: "2026-03-20" };
  const thrice: Schedule = { ...base, cadence: { kind: "times_per_week", timesPerWeek: 3 } };

  it("finds what the assignment has, and nothing outside it", () => {
    expect(findOccurrence(daily, "2026-03-12", 1)).toEqual({ date: "2026-03-12", slot: 1, from: "2026-03-12", until: "2026-03-12" });
    expect(findOccurrence(daily, "2026-03-08", 1)).toBeNull(); // before the start
    expect(findOccurrence(daily, "2026-03-21", 1)).toBeNull(); // after the end
    expect(findOccurrence(daily, "2026-03-12", 2)).toBeNull(); // no second slot
    expect(findOccurrence(thrice, "2026-03-16", 3)?.until).toBe("2026-03-22");
    expect(findOccurrence(thrice, "2026-03-17", 1)).toBeNull(); // not a Monday
    expect(findOccurrence(thrice, "2026-03-16", 4)).toBeNull();
  });
});

describe("progress: completion rate and streaks", () => {
  const daily: Schedule = { ...base, cadence: { kind: "daily" } };

  it("counts what has passed or is done; today's open occurrence breaks nothing yet", () => {
    const done = new Set(["2026-03-10#1", "2026-03-11#1", "2026-03-12#1"]);
    // Today is the 13th, not done yet: 9th missed, 10–12 done.
    expect(progressOf(daily, done, "2026-03-13")).toEqual({ counted: 4, done: 3, rate: 0.75, streak: 3 });
    expect(progressOf(daily, new Set([...done, "2026-03-13#1"]), "2026-03-13")).toEqual({ counted: 5, done: 4, rate: 0.8, streak: 4 });
    // The day after, the 13th was missed: the streak is gone.
    expect(progressOf(daily, done, "2026-03-14").streak).toBe(0);
  });

  it("nothing counts before the first occurrence ends", () => {
    expect(progressOf(daily, new Set(), "2026-03-09")).toEqual({ counted: 0, done: 0, rate: null, streak: 0 });
  });

  it("a week of N a week is complete only when every slot is done", () => {
    const s: Schedule = { ...base, cadence: { kind: "times_per_week", timesPerWeek: 2 } };
    const done = new Set(["2026-03-09#1", "2026-03-09#2", "2026-03-16#1", "2026-03-23#1"]);
    // Today 2026-03-24: weeks of the 9th (2/2), 16th (1/2), 23rd open with 1/2.
    expect(progressOf(s, done, "2026-03-24")).toEqual({ counted: 5, done: 4, rate: 0.8, streak: 0 });
    expect(progressOf(s, new Set([...done, "2026-03-16#2"]), "2026-03-24").streak).toBe(2);
  });

  it("paused days neither count nor break a streak", () => {
    const paused: Schedule = { ...daily, pauses: [{ from: "2026-03-11", until: "2026-03-13" }] };
    const done = new Set(["2026-03-09#1", "2026-03-10#1", "2026-03-13#1"]);
    expect(progressOf(paused, done, "2026-03-14")).toEqual({ counted: 3, done: 3, rate: 1, streak: 3 });
  });
});

describe("stored cadences", () => {
  it("reads back only the columns that make a cadence", () => {
    expect(cadenceFrom("times_per_week", 3, null)).toEqual({ kind: "times_per_week", timesPerWeek: 3 });
    expect(cadenceFrom("times_per_week", 9, null)).toBeNull();
    expect(cadenceFrom("once", null, null)).toBeNull();
    expect(describeCadence({ kind: "times_per_week", timesPerWeek: 3 })).toBe("3 times a week");
  });
});
