import { lookup } from "node:dns/promises";
import { createServer, type Server } from "node:http";
import { hostname } from "node:os";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { addFeed, listFeeds, removeFeed } from "@/server/busy-feeds/feeds";
import { isPrivateAddress } from "@/server/busy-feeds/fetch-feed";
import { refreshDueFeeds, refreshFeed } from "@/server/busy-feeds/sync";
import { getDb, rowsOf } from "@/server/db/client";
import { listOpenSlots } from "@/server/scheduling/public-slots";
import { createBookablePractice, setTestClock } from "../support/factories";

const ZONE = "America/New_York";
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toJSDate();

// What the local calendar server answers, by path; tests change it between reads.
type Answer = { status?: number; body?: string | Buffer; hang?: boolean; location?: string };
const answers = new Map<string, Answer>();
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const answer = answers.get(request.url ?? "") ?? { status: 404, body: "not here" };
    if (answer.hang) return; // never answers
    response.writeHead(answer.status ?? 200, { "content-type": "text/calendar", ...(answer.location ? { location: answer.location } : {}) });
    response.end(answer.body ?? "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => setTestClock(at("2027-03-01T08:00")));
afterEach(() => {
  answers.clear();
  process.env.APP_URL = "http://localhost:3000";
  resetEnvCache();
});

const calendar = (...events: string[]) =>
  ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", ...events, "END:VCALENDAR"].join("\r\n");
const event = (uid: string, ...lines: string[]) =>
  ["BEGIN:VEVENT", `UID:${uid}`, "DTSTAMP:20270101T000000Z", "SUMMARY:Private", ...lines, "END:VEVENT"].join("\r\n");

// Mondays 10:00–11:00 New York time from March 1, 2027 (DST starts March 14), March 8 excepted;
// an all-day event on Wednesday March 10; a "free" (transparent) event on Tuesday March 2.
const GOOD = calendar(
  event(
    "weekly",
    "DTSTART;TZID=America/New_York:20270301T100000",
    "DTEND;TZID=America/New_York:20270301T110000",
    "RRULE:FREQ=WEEKLY;COUNT=4",
    "EXDATE;TZID=America/New_York:20270308T100000",
  ),
  event("day-off", "DTSTART;VALUE=DATE:20270310", "DTEND;VALUE=DATE:20270311"),
  event("free", "DTSTART:20270302T180000Z", "DTEND:20270302T190000Z", "TRANSP:TRANSPARENT"),
);

async function openStarts(practiceId: string, start: string, end = start) {
  const { slots } = await listOpenSlots(practiceId, "one-on-one", { start, end });
  return slots.map((s) => DateTime.fromJSDate(s.start, { zone: ZONE }).toFormat("yyyy-MM-dd HH:mm"));
}

async function busyRows(practiceId: string) {
  const rows = rowsOf<{ starts_at: string | Date; ends_at: string | Date }>(
    await getDb().execute(
      sql`select t.starts_at, t.ends_at from busy_feed_times t join busy_feeds f on f.id = t.feed_id where f.practice_id = ${practiceId} order by t.starts_at`,
    ),
  );
  return rows.map((r) => [new Date(r.starts_at).toISOString(), new Date(r.ends_at).toISOString()]);
}

describe("busy-time feeds", () => {
  it("expands a weekly event across the DST change without the EXDATE, blocks an all-day event's day, ignores free time", async () => {
    const { practiceId } = await createBookablePractice(ZONE);
    answers.set("/cal.ics", { body: GOOD });
    const status = await addFeed(practiceId, { url: `${base}/cal.ics`, label: "Personal" });
    expect(status.lastError).toBeNull();

    expect(await busyRows(practiceId)).toEqual([
      [at("2027-03-01T10:00").toISOString(), at("2027-03-01T11:00").toISOString()],
      [at("2027-03-10T00:00").toISOString(), at("2027-03-11T00:00").toISOString()],
      // After the change the event stays at 10:00 local: 14:00 UTC instead of 15:00.
      [at("2027-03-15T10:00").toISOString(), at("2027-03-15T11:00").toISOString()],
      [at("2027-03-22T10:00").toISOString(), at("2027-03-22T11:00").toISOString()],
    ]);
    expect(at("2027-03-15T10:00").toISOString()).toBe("2027-03-15T14:00:00.000Z");

    const mondays = [...(await openStarts(practiceId, "2027-03-08")), ...(await openStarts(practiceId, "2027-03-15"))];
    expect(mondays).toContain("2027-03-08 10:00"); // the EXDATE
    expect(mondays).not.toContain("2027-03-15 10:00");
    expect(mondays).toContain("2027-03-15 09:00");
    expect(mondays).toContain("2027-03-15 11:00");
    expect(await openStarts(practiceId, "2027-03-22")).not.toContain("2027-03-22 10:00");
    expect(await openStarts(practiceId, "2027-03-10")).toEqual([]);
    expect(await openStarts(practiceId, "2027-03-11")).toContain("2027-03-11 09:00");
    expect(await openStarts(practiceId, "2027-03-02")).toContain("2027-03-02 13:00"); // transparent
  });

  it("keeps the last good copy when the feed breaks, and shows why; removing the feed frees the time", async () => {
    const { practiceId } = await createBookablePractice(ZONE);
    answers.set("/cal.ics", { body: GOOD });
    const { id } = await addFeed(practiceId, { url: `${base}/cal.ics` });
    const good = await busyRows(practiceId);

    answers.set("/cal.ics", { body: "<html>Sign in</html>" });
    expect((await refreshFeed(practiceId, id)).lastError).toMatch(/iCalendar/);
    answers.set("/cal.ics", { status: 404, body: "gone" });
    expect((await refreshFeed(practiceId, id)).lastError).toMatch(/answered 404/);

    const [feed] = await listFeeds(practiceId);
    expect(feed).toMatchObject({ id, host: "127.0.0.1", lastError: expect.stringMatching(/404/) });
    expect(feed!.lastSyncedAt).not.toBeNull();
    expect(feed).not.toHaveProperty("url");
    expect(await busyRows(practiceId)).toEqual(good);
    expect(await openStarts(practiceId, "2027-03-15")).not.toContain("2027-03-15 10:00");

    await removeFeed(practiceId, id);
    expect(await busyRows(practiceId)).toEqual([]);
    expect(await openStarts(practiceId, "2027-03-15")).toContain("2027-03-15 10:00");
  });

  it("follows up to three redirects, and no more", async () => {
    const { practiceId } = await createBookablePractice(ZONE);
    answers.set("/cal.ics", { body: GOOD });
    for (const n of [1, 2, 3, 4]) answers.set(`/r${n}`, { status: 302, location: n === 1 ? "/cal.ics" : `/r${n - 1}` });
    expect((await addFeed(practiceId, { url: `${base}/r3` })).lastError).toBeNull();
    expect((await addFeed(practiceId, { url: `${base}/r4` })).lastError).toMatch(/redirected too many times/);
  });

  it("refuses a feed larger than 5 MB and one that does not answer within 5 seconds", { timeout: 20_000 }, async () => {
    const { practiceId } = await createBookablePractice(ZONE);
    answers.set("/big.ics", { body: Buffer.alloc(5 * 1024 * 1024 + 10, "A") });
    answers.set("/slow.ics", { hang: true });
    expect((await addFeed(practiceId, { url: `${base}/big.ics` })).lastError).toMatch(/larger than 5 MB/);
    expect((await addFeed(practiceId, { url: `${base}/slow.ics` })).lastError).toMatch(/within 5 seconds/);
    expect(await busyRows(practiceId)).toEqual([]);
  });

  it("refuses private and loopback addresses when APP_URL is public, and other schemes always", async () => {
    const { practiceId } = await createBookablePractice(ZONE);
    answers.set("/cal.ics", { body: GOOD });
    process.env.APP_URL = "https://tend.example.com";
    resetEnvCache();
    for (const url of [`${base}/cal.ics`, `http://localhost:${new URL(base).port}/cal.ics`]) {
      expect((await addFeed(practiceId, { url })).lastError).toMatch(/private network/);
    }
    expect(await busyRows(practiceId)).toEqual([]);
    await expect(addFeed(practiceId, { url: "file:///etc/passwd" })).rejects.toMatchObject({ code: "invalid" });
    await expect(addFeed(practiceId, { url: "ftp://example.com/cal.ics" })).rejects.toMatchObject({ code: "invalid" });
    const port = new URL(base).port;
    for (const url of [`http://0x7f000001:${port}/cal.ics`, `http://[::ffff:127.0.0.1]:${port}/cal.ics`]) {
      expect((await addFeed(practiceId, { url })).lastError, url).toMatch(/private network/);
    }
    for (const address of ["10.1.2.3", "169.254.169.254", "::1", "::ffff:127.0.0.1", "::ffff:7f00:1", "fd00::1", "192.168.0.10"]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    expect(isPrivateAddress("142.250.74.14")).toBe(false);
  });

  // A name (not a literal) that resolves to this machine: the check happens at DNS resolution.
  it("refuses a host name that resolves to a private address when APP_URL is public", async (context) => {
    const resolved = await lookup(hostname()).catch(() => null);
    if (!resolved || !isPrivateAddress(resolved.address)) return context.skip();
    const { practiceId } = await createBookablePractice(ZONE);
    answers.set("/cal.ics", { body: GOOD });
    process.env.APP_URL = "https://tend.example.com";
    resetEnvCache();
    const url = `http://${hostname()}:${new URL(base).port}/cal.ics`;
    expect((await addFeed(practiceId, { url })).lastError).toMatch(/private network/);
    expect(await busyRows(practiceId)).toEqual([]);
  });

  it("stores the address sealed, scopes feeds to their practice, and refreshes due feeds in the background", async () => {
    const mine = await createBookablePractice(ZONE);
    const theirs = await createBookablePractice(ZONE, {}, { name: "Other" });
    answers.set("/private-abc123/basic.ics", { body: GOOD });
    const { id } = await addFeed(mine.practiceId, { url: `${base}/private-abc123/basic.ics` });
    const raw = rowsOf<{ url: string }>(await getDb().execute(sql`select url from busy_feeds where id = ${id}`));
    expect(raw[0]!.url).not.toContain("private-abc123");

    await expect(removeFeed(theirs.practiceId, id)).rejects.toMatchObject({ code: "not_found" });
    await expect(refreshFeed(theirs.practiceId, id)).rejects.toMatchObject({ code: "not_found" });
    expect(await listFeeds(theirs.practiceId)).toEqual([]);

    expect(await refreshDueFeeds()).toBe(0); // just read
    setTestClock(at("2027-03-01T08:06"));
    answers.set("/private-abc123/basic.ics", { body: calendar() });
    // Every feed in this file's database is due now (each was read at 08:00); all are read.
    expect(await refreshDueFeeds()).toBeGreaterThanOrEqual(1);
    expect((await listFeeds(mine.practiceId))[0]!.lastSyncedAt!.getTime()).toBeGreaterThanOrEqual(at("2027-03-01T08:06").getTime());
    expect(await busyRows(mine.practiceId)).toEqual([]); // replaced by the new, empty copy
  });
});
