import { eq, like, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import BookingConfirmedEmail from "@emails/booking-confirmed";
import { resetEnvCache } from "@/lib/env";
import { now } from "@/server/clock";
import { databaseKind, getDb, type Db } from "@/server/db/client";
import * as schema from "@/server/db/schema";
import { emailOutbox, emailSendGovernor } from "@/server/db/schema";
import { backoffAfter, dispatchDueEmails, MAX_ATTEMPTS, type DispatchedRequest } from "@/server/notifications/dispatcher";
import { reportProviderBusy, reserveSendSlot } from "@/server/notifications/governor";
import { sendMagicLink } from "@/server/notifications/magic-link";
import { enqueueEmail, type EmailPriority } from "@/server/notifications/outbox";
import { createResendTransport, type EmailTransport } from "@/server/notifications/transport";
import { startFakeResend, type FakeResend } from "../support/fake-resend";

let fake: FakeResend;
let resend: EmailTransport;
let t0: number;

beforeAll(async () => {
  fake = await startFakeResend();
  resend = createResendTransport("re_test_key", fake.url);
});
afterAll(async () => {
  await fake.close();
});
beforeEach(async () => {
  await getDb().delete(emailOutbox);
  await getDb().delete(emailSendGovernor);
  fake.reset();
  t0 = now().getTime();
});
afterEach(() => {
  delete process.env.EMAIL_RATE_PER_SECOND;
  resetEnvCache();
});

function setRate(perSecond: number) {
  process.env.EMAIL_RATE_PER_SECOND = String(perSecond);
  resetEnvCache();
  fake.setRateLimit(perSecond);
}

const at = (ms: number) => new Date(ms);
const welcome = (n: number | string) => ({
  clientName: `Client ${n}`,
  practiceName: "Harbor Coaching",
  coachEmail: "coach@harbor.test",
  portalUrl: "http://localhost:3000/portal",
});
const confirmation = BookingConfirmedEmail.PreviewProps as unknown as Record<string, unknown>;

async function enqueue(key: string, options: { template?: "welcome" | "booking-confirmed"; priority?: EmailPriority; sendAfter?: Date } = {}) {
  const template = options.template ?? "welcome";
  await enqueueEmail(getDb(), {
    to: `${key.replace(/\W/g, "-")}@example.test`,
    template,
    data: template === "welcome" ? welcome(key) : confirmation,
    sendAfter: options.sendAfter ?? at(t0 - 1000),
    idempotencyKey: key,
    priority: options.priority,
  });
}

async function row(key: string) {
  const [found] = await getDb().select().from(emailOutbox).where(eq(emailOutbox.idempotencyKey, key));
  if (!found) throw new Error(`No outbox row ${key}`);
  return found;
}

async function statusCounts(prefix: string) {
  const [counts] = await getDb()
    .select({
      sent: sql<number>`count(*) filter (where ${emailOutbox.status} = 'sent')::int`,
      failed: sql<number>`count(*) filter (where ${emailOutbox.status} = 'failed')::int`,
      attempts: sql<number>`coalesce(sum(${emailOutbox.attempts}), 0)::int`,
    })
    .from(emailOutbox)
    .where(like(emailOutbox.idempotencyKey, `${prefix}%`));
  return counts!;
}

/** Every recipient the stand-in delivered to, with how many times. */
function deliveriesPerRecipient() {
  const counts = new Map<string, number>();
  for (const { body } of fake.delivered) counts.set(String(body.to), (counts.get(String(body.to)) ?? 0) + 1);
  return counts;
}

/** Runs a dispatcher until nothing is due, collecting the requests it made. */
async function drain(db: Db, transport: EmailTransport, requests: DispatchedRequest[], when?: () => Date) {
  for (;;) {
    const result = await dispatchDueEmails({ db, transport, at: when?.(), limit: 100, onRequest: (r) => requests.push(r) });
    if (result.claimed === 0) return;
  }
}

/** The governor's slots, in order, are at least one interval apart (a millisecond of rounding allowed). */
function expectSpaced(requests: DispatchedRequest[], intervalMs: number) {
  const slots = requests.map((r) => r.slot!.at.getTime()).sort((a, b) => a - b);
  for (let i = 1; i < slots.length; i++) expect(slots[i]! - slots[i - 1]!, `gap before slot ${i}`).toBeGreaterThanOrEqual(intervalMs - 1);
}

describe("the send-rate governor", () => {
  it("hands out slots one interval apart, and none beyond the longest wait asked for", async () => {
    setRate(2);
    const slots = [];
    for (let i = 0; i < 4; i++) slots.push((await reserveSendSlot(getDb(), { maxWaitMs: 10_000 }))!);
    expect(slots[0]!.waitMs).toBeLessThan(500);
    for (let i = 1; i < 4; i++) expect(slots[i]!.at.getTime() - slots[i - 1]!.at.getTime()).toBeGreaterThanOrEqual(499);
    // The fifth would be about two seconds out: too far for someone who will wait one.
    expect(await reserveSendSlot(getDb(), { maxWaitMs: 1000 })).toBeUndefined();
    expect((await reserveSendSlot(getDb(), { maxWaitMs: 10_000 }))!.at.getTime() - slots[3]!.at.getTime()).toBeGreaterThanOrEqual(499);
  });

  it("pauses everyone for the provider's retry-after and slows down after a 429", async () => {
    setRate(10);
    const before = (await reserveSendSlot(getDb(), { maxWaitMs: 1000 }))!;
    await reportProviderBusy(getDb(), 3000, "429 rate_limit_exceeded");
    const after = (await reserveSendSlot(getDb(), { maxWaitMs: 10_000 }))!;
    expect(after.at.getTime() - before.at.getTime()).toBeGreaterThanOrEqual(3000);
    const next = (await reserveSendSlot(getDb(), { maxWaitMs: 10_000 }))!;
    // Nearly twice the 100 ms interval while slowed down (it recovers a little with each slot).
    expect(next.at.getTime() - after.at.getTime()).toBeGreaterThanOrEqual(180);
    const [governor] = await getDb().select().from(emailSendGovernor);
    expect(governor!.lastError).toContain("429");
  });
});

describe("dispatching at the provider's pace", () => {
  it("sends a burst of 50 against 2 requests a second: all delivered once, none failed, in the fewest requests", async () => {
    setRate(2);
    // 10 confirmations with an invite (one request each) and 40 without attachments (one batch).
    for (let i = 0; i < 50; i++) await enqueue(`burst:${String(i).padStart(2, "0")}`, { template: i % 5 === 0 ? "booking-confirmed" : "welcome" });
    const requests: DispatchedRequest[] = [];
    await drain(getDb(), resend, requests);

    expect(await statusCounts("burst:")).toEqual({ sent: 50, failed: 0, attempts: 0 });
    // The confirmations share one sample address; the 40 others go to one address each.
    const perRecipient = deliveriesPerRecipient();
    expect(fake.delivered).toHaveLength(50);
    expect([...perRecipient.entries()].filter(([to]) => to.startsWith("burst-")).every(([, n]) => n === 1)).toBe(true);
    expect(new Set(fake.delivered.filter((d) => d.body.attachments?.length).map((d) => d.idempotencyKey)).size).toBe(10);
    // The ideal: 11 requests, at most 2 a second, so about 5 seconds; the stand-in never had to refuse one.
    expect(requests).toHaveLength(11);
    expect(fake.requests).toHaveLength(11);
    expect(fake.throttled()).toBe(0);
    expectSpaced(requests, 500);
  });

  it("starts no request once its time is used up (a cron call must end in time)", async () => {
    await enqueue("budget:1");
    expect(await dispatchDueEmails({ transport: resend, at: at(t0), until: Date.now() - 1 })).toMatchObject({ claimed: 0, sent: 0 });
    expect(fake.requests).toHaveLength(0);
    expect(await dispatchDueEmails({ transport: resend, at: at(t0), until: Date.now() + 60_000 })).toMatchObject({ claimed: 1, sent: 1 });
  });

  it("a 429 postpones without counting an attempt, and the provider's busy never gives a message up", async () => {
    setRate(1000);
    await enqueue("busy:1");
    for (let round = 0; round < MAX_ATTEMPTS + 2; round++) {
      fake.failNext(1, 429, { retryAfterSeconds: 0 });
      // One request a run: with retry-after 0 the message is due again at once.
      const result = await dispatchDueEmails({ transport: resend, at: at(t0), limit: 1 });
      expect(result).toMatchObject({ claimed: 1, postponed: 1, retried: 0, failed: 0 });
    }
    expect(await row("busy:1")).toMatchObject({ status: "pending", attempts: 0, lastError: null });

    // A 5xx that says when to come back is the same; one that doesn't is a real failure.
    fake.failNext(1, 500, { retryAfterSeconds: 2 });
    expect(await dispatchDueEmails({ transport: resend, at: at(t0), limit: 1 })).toMatchObject({ postponed: 1 });
    const postponed = await row("busy:1");
    expect(postponed).toMatchObject({ status: "pending", attempts: 0 });
    expect(postponed.sendAfter).toEqual(at(t0 + 2000));
    fake.failNext(1, 500);
    expect(await dispatchDueEmails({ transport: resend, at: at(t0 + 2000), limit: 1 })).toMatchObject({ retried: 1 });
    expect(await row("busy:1")).toMatchObject({ status: "pending", attempts: 1 });

    expect(await dispatchDueEmails({ transport: resend, at: at(t0 + 2000 + backoffAfter(1)) })).toMatchObject({ sent: 1 });
    expect(fake.delivered).toHaveLength(1);
  });

  it("delivers a batch once when its answer was lost after the provider accepted it", async () => {
    setRate(1000);
    for (const key of ["lost:a", "lost:b", "lost:c"]) await enqueue(key);
    fake.dropAnswerAfterAccept(1);

    const requests: DispatchedRequest[] = [];
    const first = await dispatchDueEmails({ transport: resend, at: at(t0), onRequest: (r) => requests.push(r) });
    expect(first).toMatchObject({ claimed: 3, sent: 0, retried: 3 });
    expect(fake.delivered).toHaveLength(3);
    const batchKey = requests[0]!.idempotencyKey;
    expect(batchKey).toMatch(/^batch:/);
    for (const key of ["lost:a", "lost:b", "lost:c"]) expect(await row(key)).toMatchObject({ status: "pending", attempts: 1, requestKey: batchKey });

    // Meanwhile more mail is due, more urgent even; the retry must still be the very same request.
    await enqueue("lost:new", { priority: "urgent", sendAfter: at(t0) });
    const retryAt = at(t0 + backoffAfter(1));
    await drain(getDb(), resend, requests, () => retryAt);

    const retry = requests.find((r, i) => i > 0 && r.idempotencyKey === batchKey);
    expect(retry!.messages).toEqual(["lost:a", "lost:b", "lost:c"]);
    const batchRequests = fake.requests.filter((r) => r.idempotencyKey === batchKey);
    expect(batchRequests).toHaveLength(2);
    expect(JSON.stringify(batchRequests[1]!.batch)).toBe(JSON.stringify(batchRequests[0]!.batch));
    // Resend answered the repeat with the first ids and delivered nothing new.
    expect(fake.delivered).toHaveLength(4);
    expect([...deliveriesPerRecipient().values()].every((n) => n === 1)).toBe(true);
    const ids = new Set(fake.delivered.map((d) => d.id));
    for (const key of ["lost:a", "lost:b", "lost:c", "lost:new"]) {
      const sent = await row(key);
      expect(sent.status).toBe("sent");
      expect(ids.has(sent.providerMessageId!)).toBe(true);
    }
  });
});

describe("priorities", () => {
  it("come from what the message is: sign-in first, then the 1-hour reminder, then confirmations, then the rest", async () => {
    const write = (key: string, template: string, data: Record<string, unknown> = {}, priority?: EmailPriority) =>
      enqueueEmail(getDb(), { to: "p@example.test", template, data, idempotencyKey: key, priority });
    await write("p:link", "magic-link");
    await write("p:crisis", "crisis-alert");
    await write("p:1h", "booking-reminder", { reminder: "1h" });
    await write("p:24h", "booking-reminder", { reminder: "24h" });
    await write("p:confirmed", "booking-confirmed");
    await write("p:digest", "homework-digest");
    await write("p:override", "welcome", {}, "bulk");
    const priorities = Object.fromEntries(
      (await getDb().select().from(emailOutbox).where(like(emailOutbox.idempotencyKey, "p:%"))).map((r) => [r.idempotencyKey, r.priority]),
    );
    expect(priorities).toEqual({ "p:link": 0, "p:crisis": 0, "p:1h": 1, "p:24h": 2, "p:confirmed": 2, "p:digest": 3, "p:override": 3 });
  });

  it("puts an urgent message in the first request, ahead of a 500-message digest backlog", async () => {
    setRate(1000);
    for (let i = 0; i < 500; i++) await enqueue(`digest:${String(i).padStart(3, "0")}`, { priority: "bulk", sendAfter: at(t0 - 60_000 + i) });
    // Written last and due last, but urgent (how a sign-in link waits when the provider was busy).
    await enqueue("signin:1", { priority: "urgent", sendAfter: at(t0) });

    const requests: DispatchedRequest[] = [];
    await drain(getDb(), resend, requests, () => at(t0));
    expect(requests[0]!.messages).toContain("signin:1");
    expect(requests).toHaveLength(6);
    expect(await statusCounts("digest:")).toEqual({ sent: 500, failed: 0, attempts: 0 });
  });

  it("a sign-in link requested while a backlog drains goes out within the requests already in hand", async () => {
    setRate(2);
    // Eight confirmations: eight requests, four seconds at 2 a second.
    for (let i = 0; i < 8; i++) await enqueue(`backlog:${i}`, { template: "booking-confirmed", priority: "bulk" });
    const requests: DispatchedRequest[] = [];
    const draining = drain(getDb(), resend, requests);
    await vi.waitFor(() => expect(fake.requests.length).toBeGreaterThanOrEqual(2), { timeout: 20_000, interval: 20 });

    const seenBefore = fake.requests.length;
    await sendMagicLink("waiting@example.test", "http://localhost:3000/api/auth/callback/email?token=tok-scale&email=w", { transport: resend });
    const position = fake.requests.findIndex((r) => r.body?.to === "waiting@example.test");
    // The dispatcher holds at most one reserved slot ahead of the link.
    expect(position).toBeGreaterThanOrEqual(seenBefore);
    expect(position - seenBefore).toBeLessThanOrEqual(1);
    await draining;
    expect(await statusCounts("backlog:")).toMatchObject({ sent: 8, failed: 0 });
    expect(fake.throttled()).toBe(0);
  });

  it("a sign-in link the provider refuses as busy waits in the outbox as urgent, not lost", async () => {
    setRate(1000);
    fake.failNext(1, 429, { retryAfterSeconds: 1 });
    await sendMagicLink("busy@example.test", "http://localhost:3000/api/auth/callback/email?token=tok-busy&email=b", { transport: resend });
    const [queued] = await getDb().select().from(emailOutbox).where(eq(emailOutbox.recipient, "busy@example.test"));
    expect(queued).toMatchObject({ template: "magic-link", priority: 0, status: "pending", attempts: 0 });
    // The link signs its holder in: it waits sealed, so a reader of the outbox table can't use it.
    expect(JSON.stringify(queued!.data)).not.toContain("tok-busy");
    expect(await dispatchDueEmails({ transport: resend, at: at(t0 + 60_000) })).toMatchObject({ sent: 1 });
    expect(fake.delivered.map((d) => d.body.to)).toEqual(["busy@example.test"]);
    expect(fake.delivered[0]!.body.text).toContain("token=tok-busy");
  });
});

describe("two dispatchers on two connections", () => {
  it("share one limit: the stand-in never has to refuse, and every message goes once", async () => {
    setRate(10);
    // 30 requests' worth: each confirmation carries an invite, so one request each.
    for (let i = 0; i < 30; i++) await enqueue(`pair:${String(i).padStart(2, "0")}`, { template: "booking-confirmed" });
    // Two server processes would each have a pool; on PGlite (one connection) they interleave.
    const pools =
      databaseKind() === "postgres"
        ? [0, 1].map(() => {
            const client = postgres(process.env.DATABASE_URL!, { max: 2, onnotice: () => {} });
            return { client, db: drizzle({ client, schema, casing: "snake_case" }) as Db };
          })
        : undefined;
    try {
      const dbs = pools ? pools.map((p) => p.db) : [getDb(), getDb()];
      const perDispatcher: DispatchedRequest[][] = [[], []];
      await Promise.all(dbs.map((db, i) => drain(db, createResendTransport("re_test_key", fake.url), perDispatcher[i]!)));

      expect(await statusCounts("pair:")).toEqual({ sent: 30, failed: 0, attempts: 0 });
      expect(new Set(fake.delivered.map((d) => d.idempotencyKey)).size).toBe(30);
      expect(fake.delivered).toHaveLength(30);
      expect(fake.throttled()).toBe(0);
      expectSpaced(perDispatcher.flat(), 100);
      expect(perDispatcher[0]!.length, "first dispatcher's share").toBeGreaterThan(0);
      expect(perDispatcher[1]!.length, "second dispatcher's share").toBeGreaterThan(0);
    } finally {
      await Promise.all(pools?.map((p) => p.client.end({ timeout: 5 })) ?? []);
    }
  });
});
