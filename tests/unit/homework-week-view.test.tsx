import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ClientHomework } from "@/components/homework/client-homework";
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

describe("the coach's view of a couple's homework", () => {
  it("puts the partners side by side, with the last four weeks and the reflections since the last session", () => {
    const weeks = ["2026-02-16", "2026-02-23", "2026-03-02", "2026-03-09"].map((monday, i) => ({ monday, due: i < 2 ? 0 : 7, done: i === 3 ? 7 : 3 }));
    const row = (clientId: string, title: string) => ({
      assignment: { ...assignment, id: `${clientId}-${title}`, clientId, title, cadence: { kind: "daily" as const } },
      progress: { counted: 14, done: 10, rate: 10 / 14, streak: 7 },
      weeks,
    });
    const html = renderToStaticMarkup(
      <ClientHomework
        clientId="c1"
        timeZone="America/Los_Angeles"
        change={never}
        view={{
          people: [
            { id: "c1", name: "Sam", timeZone: "America/New_York" },
            { id: "c2", name: "Alex", timeZone: "America/New_York" },
          ],
          assignments: [row("c1", "Emotional openness"), row("c2", "Safe space")],
          since: new Date("2026-03-06T20:00:00Z"),
          reflections: [
            { id: "r", assignmentId: "x", title: "Safe space", clientId: "c2", clientName: "Alex", occurrenceDate: "2026-03-10", completedAt: new Date(), reflection: "I listened.", rating: 5 },
          ],
        }}
      />,
    );
    expect(html).toContain("Sam&#x27;s practices");
    expect(html).toContain("Alex&#x27;s practices");
    expect(html).toContain("7/7");
    expect(html).toContain("3/7");
    expect(html).toContain("71% done (10 of 14)");
    expect(html).toContain("Reflections since the last session (Friday, March 6)");
    expect(html).toContain("I listened.");
  });
});
