import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import ical, { type VEvent } from "node-ical";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as downloadInvite } from "@/app/api/bookings/[id]/invite/route";
import { GET as getFeed } from "@/app/api/calendar/[token]/route";
import { GET as getOfferings } from "@/app/api/public/[practice]/offerings/route";
import { GET as getSlots } from "@/app/api/public/[practice]/offerings/[offering]/slots/route";
import { POST as postBooking } from "@/app/api/public/[practice]/bookings/route";
import { resetEnvCache } from "@/lib/env";
import { getDb } from "@/server/db/client";
import { openSealedFields } from "@/server/crypto/sealed";
import { emailOutbox, practices } from "@/server/db/schema";
import { renderEmail } from "@/server/notifications/templates";
import { createOffering } from "@/server/offerings/offerings";
import { createBooking } from "@/server/scheduling/bookings";
import { bookingRequestSchema } from "@/server/scheduling/schemas";
import { createBookablePractice, setTestClock } from "../support/factories";
import { loseAtTheConstraint, onPostgresServer } from "../support/postgres-server";

const ZONE = "America/Los_Angeles";
const base = "http://localhost:3000/api/public";
let slug = "";
let practiceId = "";

const setClock = (iso: string) => setTestClock(DateTime.fromISO(iso, { zone: ZONE }).toJSDate());

const params = <T extends Record<string, string>>(p: T) => ({ params: Promise.resolve(p) });

async function slots(query: string, offering = "one-on-one", practice = slug) {
  const response = await getSlots(new Request(`${base}/${practice}/offerings/${offering}/slots?${query}`), params({ practice, offering }));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function book(body: unknown, practice = slug, headers: Record<string, string> = {}) {
  const response = await postBooking(
    new Request(`${base}/${practice}/bookings`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    params({ practice }),
  );
  return { status: response.status, body: (await response.json()) as { error?: { code: string; message: string; fieldErrors?: Record<string, string[]> }; booking?: Record<string, string> } };
}

beforeAll(async () => {
  setClock("2027-01-06T08:00");
  const created = await createBookablePractice(ZONE);
  slug = created.practice.slug;
  practiceId = created.practiceId;
  await createOffering(practiceId, { kind: "crisis", name: "Hidden", slug: "hidden", durationMinutes: 90, priceCents: 30000, active: false });
});

beforeEach(() => setClock("2027-01-06T08:00"));

describe("GET /api/public/{practice}/offerings", () => {
  it("lists active offerings in the documented shape", async () => {
    const response = await getOfferings(new Request(`${base}/${slug}/offerings`), params({ practice: slug }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      offerings: [{ slug: "one-on-one", name: "One-on-One", kind: "one_on_one", durationMinutes: 60, price: 150, currency: "USD" }],
    });
  });

  it("answers 404 for an unknown practice", async () => {
    const response = await getOfferings(new Request(`${base}/nope/offerings`), params({ practice: "nope" }));
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });
});

describe("GET …/slots", () => {
  it("returns UTC instants for dates read in the asked zone", async () => {
    const { status, body } = await slots("start=2027-01-08&end=2027-01-08&timeZone=Asia/Kolkata");
    expect(status).toBe(200);
    expect(body.timeZone).toBe("Asia/Kolkata");
    const list = body.slots as { start: string; end: string }[];
    // Kolkata is 13:30 ahead of LA: Friday in Kolkata holds Thursday-afternoon and Friday-morning LA hours.
    expect(list.length).toBeGreaterThan(0);
    for (const s of list) {
      expect(s.start).toMatch(/Z$/);
      expect(DateTime.fromISO(s.start, { zone: "Asia/Kolkata" }).toISODate()).toBe("2027-01-08");
      expect(Date.parse(s.end) - Date.parse(s.start)).toBe(3_600_000);
    }
  });

  it("defaults to the practice's zone", async () => {
    const { body } = await slots("start=2027-01-08&end=2027-01-08");
    expect(body.timeZone).toBe(ZONE);
    const starts = (body.slots as { start: string }[]).map((s) => DateTime.fromISO(s.start, { zone: ZONE }).toFormat("HH:mm"));
    expect(starts).toEqual(["09:00", "10:00", "11:00", "12:00", "13:00", "14:00", "15:00", "16:00"]);
  });

  it("rejects bad queries with 400 and field messages, and unknown offerings with 404", async () => {
    const tooLong = await slots("start=2027-01-01&end=2027-03-15");
    expect(tooLong.status).toBe(400);
    expect(JSON.stringify(tooLong.body)).toMatch(/62 days/);
    const garbage = await slots("start=yesterday&end=&timeZone=Nowhere");
    expect(garbage.status).toBe(400);
    expect(Object.keys((garbage.body.error as { fieldErrors: object }).fieldErrors).sort()).toEqual(["end", "start", "timeZone"]);
    expect((await slots("start=2027-01-08&end=2027-01-08", "hidden")).status).toBe(404);
    expect((await slots("start=2027-01-08&end=2027-01-08", "one-on-one", "nope")).status).toBe(404);
  });
});

describe("POST /api/public/{practice}/bookings", () => {
  const body = (start: string, n = 0) => ({
    offering: "one-on-one",
    start,
    name: `Client ${n}`,
    email: `client${n}@example.test`,
    timeZone: "Europe/London",
  });

  it("books an open slot: 201 with the manage URL", async () => {
    const start = DateTime.fromISO("2027-01-08T10:00", { zone: ZONE }).toUTC().toISO()!;
    const { status, body: json } = await book(body(start, 1));
    expect(status).toBe(201);
    expect(json.booking).toMatchObject({ status: "confirmed", start: new Date(start).toISOString() });
    expect(json.booking!.manageUrl).toMatch(new RegExp(`^http://localhost:3000/manage/${json.booking!.id}\\?token=`));

    const again = await book(body(start, 2));
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe("slot_unavailable");
  });

  it("answers 409 slot_taken to the losers of a race", async () => {
    const start = DateTime.fromISO("2027-01-11T13:00", { zone: ZONE }).toUTC().toISO()!;
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => book(body(start, 10 + i))));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of results.filter((r) => r.status !== 201)) {
      expect(r.status).toBe(409);
      expect(["slot_taken", "slot_unavailable"]).toContain(r.body.error?.code);
    }
  });

  it.runIf(onPostgresServer)("a loser that reached the database's constraint gets 409 slot_taken, not a 500", async () => {
    // Seeded through the API's own parsing: its JSON body is text, the domain takes a Date.
    const seed = await createBooking(practiceId, bookingRequestSchema.parse(body(DateTime.fromISO("2027-01-14T09:00", { zone: ZONE }).toUTC().toISO()!, 30)));
    const start = DateTime.fromISO("2027-01-14T13:00", { zone: ZONE });
    const outcome = await loseAtTheConstraint(seed, start.toJSDate(), start.plus({ hours: 1 }).toJSDate(), () => book(body(start.toUTC().toISO()!, 31)));
    expect(outcome).toMatchObject({ status: "fulfilled", value: { status: 409, body: { error: { code: "slot_taken" } } } });
  });

  it("never answers 500: malformed JSON, wrong types, huge strings, unknown practice", async () => {
    const cases: unknown[] = [
      "{not json",
      "null",
      "[]",
      "42",
      { offering: 7, start: true, name: ["x"], email: {}, timeZone: null },
      { ...body("2027-01-08T10:00:00Z"), name: "x".repeat(100_000) },
      { ...body("2027-01-08T10:00:00Z"), partner: "yes" },
      { ...body("not-a-date") },
      { ...body("2027-02-30T10:00:00Z") },
    ];
    for (const c of cases) {
      const { status, body: json } = await book(c);
      expect(status, JSON.stringify(c).slice(0, 80)).toBe(400);
      expect(json.error?.code).toBe("invalid");
    }
    // A NUL byte can't be stored by Postgres: still a 400, on a slot that is open.
    const openStart = DateTime.fromISO("2027-01-12T10:00", { zone: ZONE }).toUTC().toISO()!;
    const nul = await book({ ...body(openStart, 90), name: "Sam\u0000Rivera" });
    expect(nul.status).toBe(400);
    expect(nul.body.error?.code).toBe("invalid");
    expect((await book({ ...body(openStart, 91), offering: "one\u0000" })).status).toBe(404);
    expect((await slots("start=2027-01-08&end=2027-01-08", "x%00")).status).toBe(404);
    const invalid = await book({ offering: "one-on-one" });
    expect(Object.keys(invalid.body.error?.fieldErrors ?? {}).sort()).toEqual(["email", "name", "start", "timeZone"]);
    expect((await book(body("2027-01-08T10:00:00Z"), "nope")).status).toBe(404);
    expect((await book({ ...body("2027-01-08T18:00:00Z"), offering: "hidden" })).status).toBe(404);
  });

  it("accepts only a JSON body: another content type is 415, in the same error shape", async () => {
    const start = DateTime.fromISO("2027-01-14T11:00", { zone: ZONE }).toUTC().toISO()!;
    // What a plain HTML form on another site can send: form encodings and text/plain.
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonx"]) {
      const { status, body: json } = await book(body(start, 60), slug, { "content-type": type });
      expect(status, type).toBe(415);
      expect(json.error).toMatchObject({ code: "unsupported_media_type" });
      expect(json.error?.message).toMatch(/application\/json/);
    }
    const withCharset = await book(body(start, 61), slug, { "content-type": "Application/JSON; charset=utf-8" });
    expect(withCharset.status).toBe(201);
  });

  it("limits booking attempts per IP with 429", async () => {
    process.env.TEND_RATE_LIMIT = "on";
    resetEnvCache();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 22; i++) statuses.push((await book({}, slug, { "x-forwarded-for": "203.0.113.9" })).status);
      expect(statuses.slice(0, 20).every((s) => s === 400)).toBe(true);
      expect(statuses.slice(20)).toEqual([429, 429]);
      // Another address is unaffected.
      expect((await book({}, slug, { "x-forwarded-for": "203.0.113.10" })).status).toBe(400);
    } finally {
      process.env.TEND_RATE_LIMIT = "off";
      resetEnvCache();
    }
  });
});

describe("hostile input (issue 6, item 5)", () => {
  const INJECTION = "\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil@attacker\r\nSUMMARY:Free money\r\nDTSTART:20270101T000000Z\r\nEND:VEVENT\r\nBEGIN:VEVENT";
  const events = (text: string) => Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === "VEVENT");
  const open = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toUTC().toISO()!;

  it("refuses a name, or a partner's name, that carries line breaks into an invite: 400 with a field message", async () => {
    const start = open("2027-01-13T10:00");
    const named = await book({ offering: "one-on-one", start, name: `Sam${INJECTION}`, email: "inject@example.test", timeZone: ZONE });
    expect(named.status).toBe(400);
    expect(named.body.error?.code).toBe("invalid");
    expect(named.body.error?.fieldErrors?.name?.[0]).toMatch(/one line/);
    for (const name of ["Sam\rRivera", "Sam\nRivera", "Sam\u0000Rivera", "Sam\u001bRivera", "Sam\u007fRivera", "Sam\u2028Rivera"]) {
      const refused = await book({ offering: "one-on-one", start, name, email: "inject@example.test", timeZone: ZONE });
      expect(refused.status, JSON.stringify(name)).toBe(400);
      expect(Object.keys(refused.body.error?.fieldErrors ?? {})).toEqual(["name"]);
    }
    const email = await book({ offering: "one-on-one", start, name: "Sam", email: "sam@example.test\r\nBcc: all@example.test", timeZone: ZONE });
    expect(email.status).toBe(400);
    expect(Object.keys(email.body.error?.fieldErrors ?? {})).toEqual(["email"]);
    // Nothing was booked by any of them: the time is still open.
    expect((await book({ offering: "one-on-one", start, name: "Sam Rivera", email: "sam@example.test", timeZone: ZONE })).status).toBe(201);
  });

  it("keeps a multi-line note as text: every invite and the coach's feed still hold one event per booking", async () => {
    const note = `Line one${INJECTION}\u0000\u001b and the end`;
    const { status, body: json } = await book({ offering: "one-on-one", start: open("2027-01-13T14:00"), name: "Noa Note", email: "noa@example.test", timeZone: ZONE, note });
    expect(status).toBe(201);
    const id = json.booking!.id!;
    const manageUrl = json.booking!.manageUrl!;

    // The note is kept with its line breaks (CRLF as LF), minus the other control characters.
    const confirmations = (await getDb().select().from(emailOutbox).where(eq(emailOutbox.topic, `booking:${id}`))).filter((m) => m.template === "booking-confirmed");
    expect(confirmations).toHaveLength(2);
    for (const message of confirmations) {
      // Sealed in the outbox; the dispatcher opens it to render.
      expect(String(message.data.note)).toMatch(/^enc:v1:/);
      const data = openSealedFields(message.data, ["note"]) as { note: string };
      expect(data.note).toBe(`Line one${INJECTION.replaceAll("\r\n", "\n")} and the end`);
      const rendered = await renderEmail(message.template, data);
      expect(rendered.attachments).toHaveLength(1);
      const invite = events(rendered.attachments![0]!.content);
      expect(invite.map((e) => e.uid), message.recipient).toEqual([`${id}@tend`]);
    }

    const download = await downloadInvite(new Request(`http://localhost:3000/api/bookings/${id}/invite?${new URL(manageUrl).searchParams}`), {
      params: Promise.resolve({ id }),
    });
    expect(download.status).toBe(200);
    expect(events(await download.text()).map((e) => e.uid)).toEqual([`${id}@tend`]);

    const [practice] = await getDb().select().from(practices).where(eq(practices.id, practiceId));
    const feed = await getFeed(new Request(`http://localhost:3000/api/calendar/${practice!.calendarFeedToken}.ics`), {
      params: Promise.resolve({ token: `${practice!.calendarFeedToken}.ics` }),
    });
    const uids = events(await feed.text()).map((e) => e.uid);
    expect(uids).toContain(`${id}@tend`);
    expect(uids).not.toContain("evil@attacker");
    expect(new Set(uids).size).toBe(uids.length);
  });
});
