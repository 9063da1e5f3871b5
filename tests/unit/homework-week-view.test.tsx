import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ClientWeek } from "@/components/homework/client-week";
import type { ClientWeekView } from "@/lib/homework/view";

const never = async () => ({ ok: false as const, code: "internal" as const, error: "not in this test" });

const assignment = {
  id: "a1",
  clientId: "c1",
  title: "Daily check-in ritual",
  instructions: "Fifteen minutes, no phones.",
  personalInstructions: "Start with the good news.",
  reflectionPrompt: "What did you learn?",
  startDate: "2026-03-09",
  endDate: null,
  untilNextSession: false,
  status: "active" as const,
  shared: false,
};

describe("the portal's week", () => {
  it("shows each day of a daily practice as a button: done, to mark, or not yet", () => {
    const week: ClientWeekView = {
      today: "2026-03-11",
      monday: "2026-03-09",
      days: [],
      timeZone: "America/Los_Angeles",
      items: [
        {
          assignment: { ...assignment, cadence: { kind: "daily" } },
          progress: { counted: 2, done: 1, rate: 0.5, streak: 1 },
          occurrences: ["2026-03-09", "2026-03-10", "2026-03-11", "2026-03-12"].map((date) => ({
            date,
            slot: 1,
            from: date,
            until: date,
            done: date === "2026-03-10" ? { byMe: true, canUndo: false, reflection: "Good", rating: 4 } : null,
            canComplete: date <= "2026-03-11" && date !== "2026-03-10",
          })),
        },
      ],
    };
    const html = renderToStaticMarkup(<ClientWeek week={week} actions={{ complete: never, undo: never }} />);
    expect(html).toContain("Daily check-in ritual");
    expect(html).toContain('aria-label="Tue 10: done"');
    expect(html).toContain('aria-label="Wed 11: mark done"');
    expect(html).toMatch(/aria-label="Thu 12: not yet"[^>]*disabled|disabled[^>]*aria-label="Thu 12: not yet"/);
    expect(html).toContain("1-day streak · 50% done (1 of 2)");
  });
});
