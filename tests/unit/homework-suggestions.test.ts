import { describe, expect, it } from "vitest";
import { suggestionsOf } from "@/lib/homework/suggestions";
import type { Profile } from "@/lib/intake/scoring";

const profile = (rootCauses: Partial<Profile["rootCauses"]>, roadblocks: Partial<Record<keyof Profile["roadblocks"], number>>) => ({
  rootCauses: { trauma: null, communication: null, needs: null, ...rootCauses },
  roadblocks: {
    busy: { score: roadblocks.busy ?? null, flagged: (roadblocks.busy ?? 0) >= 60 },
    resentment: { score: roadblocks.resentment ?? null, flagged: (roadblocks.resentment ?? 0) >= 60 },
    mismatch: { score: roadblocks.mismatch ?? null, flagged: (roadblocks.mismatch ?? 0) >= 60 },
  },
});

describe("suggestionsOf", () => {
  it("names the library practice and the strongest reason, pressing root causes before flagged roadblocks", () => {
    const got = suggestionsOf(profile({ needs: 55, trauma: 20 }, { resentment: 72, busy: 65, mismatch: 40 }));
    expect(got).toEqual([
      { frameworkKey: "relationship-check-in", reason: "Neglected emotional needs scored 55/100" },
      { frameworkKey: "emotional-openness", reason: "Neglected emotional needs scored 55/100" },
      // Relationship check-in already came from needs: resentment adds only trust repair.
      { frameworkKey: "trust-repair", reason: "Unresolved resentments flagged (72/100)" },
      { frameworkKey: "no-technology-zone", reason: "Busy lifestyle flagged (65/100)" },
      { frameworkKey: "date-night", reason: "Busy lifestyle flagged (65/100)" },
      { frameworkKey: "calendar-blocking", reason: "Busy lifestyle flagged (65/100)" },
      { frameworkKey: "morning-evening-connection", reason: "Busy lifestyle flagged (65/100)" },
    ]);
  });

  it("suggests nothing when nothing is pressing or flagged", () => {
    expect(suggestionsOf(profile({ communication: 49 }, { busy: 59 }))).toEqual([]);
  });
});
