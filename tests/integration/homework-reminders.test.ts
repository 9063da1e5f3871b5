import { and, eq, like } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import { DateTime } from "luxon";
import postgres from "postgres";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as cronDispatch } from "@/app/api/cron/dispatch/route";
import { POST as unsubscribePost, GET as unsubscribeGet } from "@/app/u/[token]/route";
import { resetEnvCache } from "@/lib/env";
import { localDateOf, localMinutesOf } from "@/lib/time/zones";
import { createClient, setClientPartner } from "@/server/clients/clients";
import { getDb, type Db } from "@/server/db/client";
import * as schema from "@/server/db/schema";
import { clients, devMailbox, emailOutbox } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { assignPractice, endAssignment, pauseAssignment } from "@/server/homework/assignments";
import { completeOccurrence } from "@/server/homework/completions";
import { setHomeworkEmail } from "@/server/homework/email-preferences";
import { listLibrary } from "@/server/homework/library";
import { enqueueHomeworkEmails } from "@/server/homework/reminders";
import { dispatchDueEmails } from "@/server/notifications/dispatcher";
import { createResendTransport } from "@/server/notifications/transport";
import { unsubscribeUrlFor } from "@/server/notifications/unsubscribe";
import { startFakeResend, type FakeResend } from "../support/fake-resend";
import { createCoachWithPractice, setTestClock } from "../support/factories";
import { onPostgresServer } from "../support/postgres-server";

const LA = "America/Los_Angeles";
const LONDON = "Europe/London";
const at = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toJSDate();
const HOUR = 3_600_000;

/** A client in `timeZone` with the framework's daily practice (and optionally its weekly one) from `startDate`. */
async function setup(timeZone: string, startDate: string, options: { weekly?: boolean } = {}) {
  const coach = await createCoachWithPractice({ timeZone });
  const library = await listLibrary(coach.practiceId);
  const client = await createClient(coach.practiceId, { name: "Sam", email: `sam-${Math.random()}@x.test`, timeZone });
  const assign = async (kind: "daily" | "weekly") => {
    const p = library.find((x) => x.cadenceKind === kind && x.frameworkKey)!;
    const [row] = await assignPractice(coach.practiceId, coach.user.id, { clientId: client.id, libraryPracticeId: p.id, cadenceKind: kind, startDate });
    return row!;
  };
  const daily = await assign("daily");
  const weekly = options.weekly ? await assign("weekly") : undefined;
  return { ...coach, client, daily, weekly, scope: { practiceId: coach.practiceId, clientId: client.id } };
}

const rowsFor = (clientId: string) =>
  getDb()
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.template, "homework-reminder"), like(emailOutbox.idempotencyKey, `homework:${clientId}:%`)))
    .orderBy(emailOutbox.sendAfter);

/** Runs the scheduler as the dispatcher loop would, once at each instant, on the test clock. */
async function tick(from: Date, hours: number, stepMs = HOUR) {
  for (let t = from.getTime(); t < from.getTime() + hours * HOUR; t += stepMs) {
    setTestClock(new Date(t));
    await enqueueHomeworkEmails();
  }
}

beforeEach(() => setTestClock(null));

describe("the daily homework email", () => {
  // The US changes on Sunday 8 March 2026, the UK on Sunday 29 March: each zone gets a week across its own change.
  it.each([
    { zone: LA, first: "2026-03-05" },
    { zone: LONDON, first: "2026-03-26" },
  ])("goes once a local day at 08:00 in $zone over a week across the DST change", async ({ zone, first }) => {
    setTestClock(at(`${first}T00:00`, zone));
    const { client } = await setup(zone, first);
    await tick(at(`${first}T00:00`, zone), 7 * 24);

    const rows = await rowsFor(client.id);
    const dates = Array.from({ length: 7 }, (_, i) => DateTime.fromISO(first).plus({ days: i }).toISODate());
    expect(rows.map((r) => localDateOf(r.sendAfter, zone))).toEqual(dates);
    for (const row of rows) {
      expect(localMinutesOf(row.sendAfter, zone)).toBe(8 * 60);
      expect(row.idempotencyKey).toBe(`homework:${client.id}:${localDateOf(row.sendAfter, zone)}`);
      expect(row.priority).toBe(3);
      expect((row.data as { items: unknown[] }).items).toHaveLength(1);
    }
    // Across the change the gap between two 08:00s is 23 or 25 hours, not 24.
    const gaps = rows.slice(1).map((r, i) => (r.sendAfter.getTime() - rows[i]!.sendAfter.getTime()) / HOUR);
    expect(gaps.some((g) => g !== 24)).toBe(true);
  });

  it("is not sent when nothing is due, the practice is paused or ended, it's done already, or the client turned it off", async () => {
    const morning = at("2026-03-11T07:00", LA);
    setTestClock(morning);
    const later = await setup(LA, "2026-03-16");
    const paused = await setup(LA, "2026-03-09");
    await pauseAssignment(paused.practiceId, paused.daily.id);
    const ended = await setup(LA, "2026-03-09");
    await endAssignment(ended.practiceId, ended.daily.id);
    const off = await setup(LA, "2026-03-09");
    await setHomeworkEmail(off.scope, "off");
    const done = await setup(LA, "2026-03-09");
    await completeOccurrence(done.scope, { assignmentId: done.daily.id, occurrenceDate: "2026-03-11", occurrenceSlot: 1 });
    const due = await setup(LA, "2026-03-09");

    await tick(morning, 3);
    for (const quiet of [later, paused, ended, off, done]) expect(await rowsFor(quiet.client.id)).toEqual([]);
    expect(await rowsFor(due.client.id)).toHaveLength(1);
  });

  it("respects the quiet hours: nothing before 08:00 or after 21:00, so a day missed until late is skipped", async () => {
    setTestClock(at("2026-03-11T07:00", LA));
    const { client } = await setup(LA, "2026-03-09");
    await tick(at("2026-03-11T07:59", LA), 1 / 60);
    expect(await rowsFor(client.id)).toEqual([]);
    // The server was down from 07:59 until 21:00: today's email would arrive at night, so none comes.
    await tick(at("2026-03-11T21:00", LA), 11.5, HOUR / 2);
    expect((await rowsFor(client.id)).map((r) => localDateOf(r.sendAfter, LA))).toEqual(["2026-03-12"]);
  });
});

describe("couples", () => {
  it("each partner gets their own email: the shared practice in both, a partner's own practice only in theirs", async () => {
    setTestClock(at("2026-03-11T07:00", LA));
    const s = await setup(LA, "2026-03-09");
    const partner = await createClient(s.practiceId, { name: "Alex", email: `alex-${Math.random()}@x.test`, timeZone: LA });
    await setClientPartner(s.practiceId, s.client.id, partner.id);
    const library = await listLibrary(s.practiceId);
    const weekly = library.find((p) => p.cadenceKind === "weekly" && p.frameworkKey)!;
    await assignPractice(s.practiceId, null, { clientId: s.client.id, assignTo: "shared", libraryPracticeId: weekly.id, cadenceKind: "weekly", startDate: "2026-03-09" });

    await tick(at("2026-03-11T08:00", LA), 1);
    const titles = async (clientId: string) => ((await rowsFor(clientId))[0]?.data as { items: { title: string }[] } | undefined)?.items.map((i) => i.title);
    expect(await titles(s.client.id)).toEqual([s.daily.title, weekly.title]);
    expect(await titles(partner.id)).toEqual([weekly.title]);
  });
});

describe("the weekly homework email", () => {
  it("goes on Monday at 08:00 listing the week, and not on other days", async () => {
    setTestClock(at("2026-03-06T00:00", LA));
    const s = await setup(LA, "2026-03-06", { weekly: true });
    await setHomeworkEmail(s.scope, "weekly");
    await tick(at("2026-03-06T00:00", LA), 7 * 24);
    const rows = await rowsFor(s.client.id);
    expect(rows.map((r) => [localDateOf(r.sendAfter, LA), localMinutesOf(r.sendAfter, LA)])).toEqual([["2026-03-09", 480]]);
    const data = rows[0]!.data as { cadence: string; periodLabel: string; items: { title: string; due: string }[] };
    expect(data.cadence).toBe("weekly");
    expect(data.periodLabel).toContain("March 9");
    expect(data.items.map((i) => i.due)).toEqual(["every day (7 days)", "by Sunday, March 15"]);
  });
});

describe("exactly once", () => {
  it("a second run (a restart) finds the email written and adds none", async () => {
    setTestClock(at("2026-03-11T09:00", LA));
    const { client } = await setup(LA, "2026-03-09");
    expect((await enqueueHomeworkEmails()).enqueued).toBeGreaterThanOrEqual(1);
    await enqueueHomeworkEmails();
    expect(await rowsFor(client.id)).toHaveLength(1);
  });

  it.runIf(onPostgresServer)("two servers scheduling at the same moment write one email: the key is unique in the database", async () => {
    setTestClock(at("2026-03-11T09:00", LA));
    const { client } = await setup(LA, "2026-03-09");
    const pools = [0, 1].map(() => postgres(process.env.DATABASE_URL!, { max: 2, onnotice: () => {} }));
    try {
      const dbs = pools.map((c) => drizzle({ client: c, schema, casing: "snake_case" }) as Db);
      const results = await Promise.all([...dbs, ...dbs].map((db) => enqueueHomeworkEmails({ db })));
      expect(await rowsFor(client.id)).toHaveLength(1);
      expect(results.filter((r) => r.enqueued > 0).length).toBeGreaterThanOrEqual(1);
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }
  });
});

describe("one-click unsubscribe", () => {
  const tokenOf = (url: string) => new URL(url).pathname.split("/").at(-1)!;
  const call = (handler: typeof unsubscribePost, token: string, method: "GET" | "POST") =>
    handler(
      new Request(`http://localhost:3000/u/${token}`, {
        method,
        ...(method === "POST" ? { body: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded" } } : {}),
      }),
      { params: Promise.resolve({ token }) },
    );
  const preference = async (clientId: string) => (await getDb().select().from(clients).where(eq(clients.id, clientId)))[0]!.homeworkEmail;

  it("GET only asks; POST with the client's token turns the homework email off without signing in", async () => {
    setTestClock(at("2026-03-11T07:00", LA));
    const { client } = await setup(LA, "2026-03-09");
    const url = unsubscribeUrlFor(client.id);
    expect(url.startsWith("http://localhost:3000/u/")).toBe(true);

    const asked = await call(unsubscribeGet, tokenOf(url), "GET");
    expect(asked.status).toBe(200);
    expect(await asked.text()).toContain('<form method="post">');
    expect(await preference(client.id)).toBe("daily");

    const done = await call(unsubscribePost, tokenOf(url), "POST");
    expect(done.status).toBe(200);
    expect(await preference(client.id)).toBe("off");
    await tick(at("2026-03-11T08:00", LA), 1);
    expect(await rowsFor(client.id)).toEqual([]);
  });

  it("refuses a forged or mangled token and changes nothing", async () => {
    setTestClock(at("2026-03-11T07:00", LA));
    const { client } = await setup(LA, "2026-03-09");
    const other = await setup(LA, "2026-03-09");
    const good = tokenOf(unsubscribeUrlFor(client.id));
    const mac = good.split(".")[1]!;
    // Mangled in its first character, which carries six whole bits: the last one's low bits are
    // padding that decoding ignores, so swapping it for "A" was, 1 time in 16, no change at all.
    const mangled = `${mac.startsWith("A") ? "B" : "A"}${mac.slice(1)}`;
    for (const bad of [`${other.client.id}.${mac}`, `${client.id}.${mangled}`, client.id, "nonsense", `${client.id}.`]) {
      expect((await call(unsubscribePost, bad, "POST")).status, bad).toBe(404);
      expect((await call(unsubscribeGet, bad, "GET")).status, bad).toBe(404);
    }
    expect(await preference(client.id)).toBe("daily");
    expect(await preference(other.client.id)).toBe("daily");
  });
});

describe("preferences", () => {
  it("a client changes only their own: another practice's scope is not found", async () => {
    setTestClock(at("2026-03-11T07:00", LA));
    const mine = await setup(LA, "2026-03-09");
    const theirs = await setup(LA, "2026-03-09");
    const error = await setHomeworkEmail({ practiceId: theirs.practiceId, clientId: mine.client.id }, "off").then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as AppError).code).toBe("not_found");
    expect((await setHomeworkEmail(mine.scope, "weekly")).homeworkEmail).toBe("weekly");
  });

  it("refuses anything but daily, weekly or off, with a field message", async () => {
    setTestClock(at("2026-03-11T07:00", LA));
    const { scope } = await setup(LA, "2026-03-09");
    const error = await setHomeworkEmail(scope, "hourly" as "daily").then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fieldErrors?.homeworkEmail).toBeDefined();
  });
});

describe("headers reach Resend", () => {
  let fake: FakeResend;
  beforeAll(async () => {
    fake = await startFakeResend();
  });
  afterAll(() => fake.close());

  it("List-Unsubscribe and List-Unsubscribe-Post go with each message, alone and in a batch, with the preferences link in the body", async () => {
    setTestClock(at("2026-03-11T07:00", LA));
    const a = await setup(LA, "2026-03-09");
    const b = await setup(LA, "2026-03-09");
    setTestClock(at("2026-03-11T08:00", LA));
    await enqueueHomeworkEmails();
    fake.reset();
    await dispatchDueEmails({ transport: createResendTransport("re_test_key", fake.url) });

    const bodies = fake.requests.flatMap((r) => r.batch ?? (r.body ? [r.body] : []));
    for (const who of [a, b]) {
      const body = bodies.find((m) => m.to === who.client.email || (Array.isArray(m.to) && m.to.includes(who.client.email)));
      expect(body, who.client.email).toBeDefined();
      expect(body!.headers).toEqual({
        "List-Unsubscribe": `<${unsubscribeUrlFor(who.client.id)}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      });
      expect(body!.html).toContain("http://localhost:3000/portal/settings");
    }
    expect(fake.requests.some((r) => r.batch)).toBe(true);
  });
});

describe("the dev mailbox and the cron route", () => {
  it("the cron call schedules the homework email and sends it; the dev mailbox keeps its headers", async () => {
    setTestClock(at("2026-03-11T07:00", LA));
    const { client } = await setup(LA, "2026-03-09");
    setTestClock(at("2026-03-11T08:30", LA));
    process.env.CRON_SECRET = "correct-horse-battery-staple";
    resetEnvCache();
    try {
      const response = await cronDispatch(
        new Request("http://localhost:3000/api/cron/dispatch", { method: "POST", headers: { authorization: "Bearer correct-horse-battery-staple" } }),
      );
      expect(response.status).toBe(200);
    } finally {
      delete process.env.CRON_SECRET;
      resetEnvCache();
    }
    expect((await rowsFor(client.id)).map((r) => r.status)).toEqual(["sent"]);
    const [kept] = await getDb().select().from(devMailbox).where(eq(devMailbox.recipient, client.email));
    expect(kept?.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(kept?.headers?.["List-Unsubscribe"]).toBe(`<${unsubscribeUrlFor(client.id)}>`);
  });
});
