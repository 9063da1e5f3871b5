import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProductionServer, type RunningServer } from "./support/server";

/**
 * Black-box, over HTTP: a production server whose clock starts on Friday
 * 12 March 2027, 09:00 in Los Angeles, two days before the clocks go forward.
 * The demo practice works Mon–Fri 09:00–17:00 America/Los_Angeles.
 */
const CLOCK = "2027-03-12T17:00:00Z";
let server: RunningServer;

beforeAll(async () => {
  server = await startProductionServer({ TEND_TEST_CLOCK: CLOCK });
});
afterAll(async () => {
  await server?.stop();
});

type Slots = { timeZone: string; slots: { start: string; end: string }[] };

async function slots(start: string, end: string, timeZone: string): Promise<Slots> {
  const response = await fetch(
    `${server.baseUrl}/api/public/demo/offerings/one-on-one/slots?start=${start}&end=${end}&timeZone=${encodeURIComponent(timeZone)}`,
  );
  expect(response.status).toBe(200);
  return (await response.json()) as Slots;
}

function book(start: string, email: string, timeZone: string) {
  return fetch(`${server.baseUrl}/api/public/demo/bookings`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ offering: "one-on-one", start, name: "Priya Shah", email, timeZone }),
  });
}

describe("TEND_TEST_CLOCK, across the March DST change", () => {
  it("keeps 09:00 local on both sides of the change, and counts notice from the test clock", async () => {
    const { slots: list } = await slots("2027-03-12", "2027-03-16", "America/Los_Angeles");
    const starts = list.map((s) => s.start);
    // Friday: 12 h notice from 09:00 leaves nothing that day.
    expect(starts.some((s) => s.startsWith("2027-03-12"))).toBe(false);
    // Monday 09:00 PDT is 16:00 UTC (a week earlier, 09:00 PST was 17:00 UTC).
    const monday = starts.filter((s) => s.startsWith("2027-03-15"));
    expect(monday[0]).toBe("2027-03-15T16:00:00.000Z");
    expect(monday.at(-1)).toBe("2027-03-15T23:00:00.000Z");
    expect(monday).toHaveLength(8);
  });

  it("answers a Kolkata booker in Kolkata dates, and books Monday 09:00 Pacific", async () => {
    // Monday 09:00 Pacific is 21:30 in Kolkata, still Monday there.
    const { timeZone, slots: list } = await slots("2027-03-15", "2027-03-15", "Asia/Kolkata");
    expect(timeZone).toBe("Asia/Kolkata");
    expect(list.map((s) => s.start)).toContain("2027-03-15T16:00:00.000Z");

    const tooSoon = await book("2027-03-12T18:00:00Z", "priya@example.test", "Asia/Kolkata");
    expect(tooSoon.status).toBe(409);
    expect(((await tooSoon.json()) as { error: { code: string } }).error.code).toBe("slot_unavailable");

    const booked = await book("2027-03-15T16:00:00.000Z", "priya@example.test", "Asia/Kolkata");
    expect(booked.status).toBe(201);
    const again = await book("2027-03-15T16:00:00.000Z", "someone@example.test", "UTC");
    expect(again.status).toBe(409);
  });

  it("emails the booker the time on their own clock", async () => {
    // The in-process dispatcher runs every second in e2e; the mailbox lists subjects.
    let html = "";
    for (let i = 0; i < 30 && !html.includes("9:30"); i++) {
      html = await (await fetch(`${server.baseUrl}/dev/mailbox?to=priya@example.test`)).text();
      if (!html.includes("9:30")) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(html).toMatch(/Mon, Mar 15, 9:30\s?PM/);
  });
});
