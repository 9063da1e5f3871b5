import { eq, like, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as cronDispatch } from "@/app/api/cron/dispatch/route";
import { resetEnvCache } from "@/lib/env";
import { now } from "@/server/clock";
import { databaseKind, getDb, type Db } from "@/server/db/client";
import * as schema from "@/server/db/schema";
import { devMailbox, emailOutbox, emailSendGovernor } from "@/server/db/schema";
import { backoffAfter, CLAIM_LEASE_MS, dispatchDueEmails, MAX_ATTEMPTS } from "@/server/notifications/dispatcher";
import { startDispatcherLoop } from "@/server/notifications/dispatcher-loop";
import { enqueueEmail } from "@/server/notifications/outbox";
import { createResendTransport, type EmailTransport } from "@/server/notifications/transport";
import { startFakeResend, type FakeResend } from "../support/fake-resend";

let fake: FakeResend;
let resend: EmailTransport;
let t0: number;

beforeAll(async () => {
  // Never reach the real service from a test, whatever the shell exports.
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
  resetEnvCache();
  fake = await startFakeResend();
  resend = createResendTransport("re_test_key", fake.url);
});
afterAll(async () => {
  await fake.close();
});
beforeEach(async () => {
  await getDb().delete(emailOutbox);
  await getDb().delete(devMailbox);
  // A pause the provider asked for in one test is not the next test's business.
  await getDb().delete(emailSendGovernor);
  fake.reset();
  t0 = now().getTime();
});

const welcome = (n: number | string) => ({
  clientName: `Client ${n}`,
  practiceName: "Harbor Coaching",
  coachEmail: "coach@harbor.test",
  portalUrl: "http://localhost:3000/signin?next=/portal",
});

async function enqueueWelcome(key: string, sendAfter = new Date(t0)) {
  await enqueueEmail(getDb(), { to: `${key.replace(/\W/g, "-")}@example.test`, template: "welcome", data: welcome(key), sendAfter, idempotencyKey: key });
}

async function row(key: string) {
  const [found] = await getDb().select().from(emailOutbox).where(eq(emailOutbox.idempotencyKey, key));
  if (!found) throw new Error(`No outbox row ${key}`);
  return found;
}

const requestsFor = (key: string) => fake.requests.filter((r) => r.idempotencyKey === key);
const at = (ms: number) => new Date(ms);

describe("dispatchDueEmails", () => {
  it("sends a due message once and records it", async () => {
    await enqueueWelcome("once:1");

    expect(await dispatchDueEmails({ transport: resend, at: at(t0) })).toEqual({ claimed: 1, sent: 1, retried: 0, postponed: 0, failed: 0 });

    const sent = await row("once:1");
    // Attempts count failures only.
    expect(sent).toMatchObject({ status: "sent", attempts: 0, lastError: null, requestKey: null, providerMessageId: fake.delivered[0]!.id });
    expect(sent.sentAt).toEqual(at(t0));
    const [request] = requestsFor("once:1");
    expect(request!.body).toMatchObject({ to: "once-1@example.test", subject: "Welcome to Harbor Coaching" });
    expect(request!.body!.html).toContain("http://localhost:3000/signin?next=/portal");
    expect(request!.body!.text).toContain("Welcome, Client once:1");

    // A second run finds nothing to do.
    expect(await dispatchDueEmails({ transport: resend, at: at(t0 + 60_000) })).toEqual({ claimed: 0, sent: 0, retried: 0, postponed: 0, failed: 0 });
    expect(fake.requests).toHaveLength(1);
  });

  it("leaves a message alone until it is due", async () => {
    await enqueueWelcome("later:1", at(t0 + 3_600_000));

    expect((await dispatchDueEmails({ transport: resend, at: at(t0) })).claimed).toBe(0);
    expect((await dispatchDueEmails({ transport: resend, at: at(t0 + 3_599_999) })).claimed).toBe(0);
    expect((await row("later:1")).status).toBe("pending");

    expect((await dispatchDueEmails({ transport: resend, at: at(t0 + 3_600_000) })).sent).toBe(1);
    expect((await row("later:1")).status).toBe("sent");
  });

  it("sends due messages oldest first, several in one batch request", async () => {
    for (let i = 0; i < 5; i++) await enqueueWelcome(`batch:${i}`, at(t0 - (5 - i) * 1000));

    expect((await dispatchDueEmails({ transport: resend, at: at(t0), limit: 2 })).sent).toBe(2);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.path).toBe("/emails/batch");
    expect(fake.requests[0]!.batch!.map((b) => b.to)).toEqual(["batch-0@example.test", "batch-1@example.test"]);
    expect((await dispatchDueEmails({ transport: resend, at: at(t0), limit: 10 })).sent).toBe(3);
    expect(fake.requests).toHaveLength(2);
    expect(fake.delivered.map((d) => d.body.to)).toEqual([0, 1, 2, 3, 4].map((i) => `batch-${i}@example.test`));
    // Each row knows its own message id from the batch's answer.
    expect((await row("batch:3")).providerMessageId).toBe(fake.delivered[3]!.id);
  });

  it("retries a failing send with growing waits, then delivers it once", async () => {
    await enqueueWelcome("retry:1");
    fake.failNext(2, 500);

    expect(await dispatchDueEmails({ transport: resend, at: at(t0) })).toEqual({ claimed: 1, sent: 0, retried: 1, postponed: 0, failed: 0 });
    let current = await row("retry:1");
    expect(current).toMatchObject({ status: "pending", attempts: 1 });
    expect(current.lastError).toContain("500");
    const t1 = t0 + backoffAfter(1);
    expect(current.sendAfter).toEqual(at(t1));
    expect(backoffAfter(1)).toBe(60_000);

    // Not before its wait is over.
    expect((await dispatchDueEmails({ transport: resend, at: at(t1 - 1) })).claimed).toBe(0);

    expect((await dispatchDueEmails({ transport: resend, at: at(t1) })).retried).toBe(1);
    current = await row("retry:1");
    expect(current).toMatchObject({ status: "pending", attempts: 2 });
    expect(current.lastError).toContain("internal_server_error");
    const t2 = t1 + backoffAfter(2);
    expect(current.sendAfter).toEqual(at(t2));
    expect(backoffAfter(2)).toBeGreaterThan(backoffAfter(1));

    expect((await dispatchDueEmails({ transport: resend, at: at(t2) })).sent).toBe(1);
    current = await row("retry:1");
    expect(current).toMatchObject({ status: "sent", attempts: 2, lastError: null });
    expect(requestsFor("retry:1")).toHaveLength(3);
    expect(fake.delivered).toHaveLength(1);
  });

  it("gives up after the last attempt and keeps the row, with its error, for a person to see", async () => {
    await enqueueWelcome("doomed:1");
    fake.failNext(MAX_ATTEMPTS, 500);

    let instant = t0;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const result = await dispatchDueEmails({ transport: resend, at: at(instant) });
      expect(result.claimed, `attempt ${attempt}`).toBe(1);
      expect(result.failed, `attempt ${attempt}`).toBe(attempt === MAX_ATTEMPTS ? 1 : 0);
      instant += backoffAfter(attempt);
    }

    const failed = await row("doomed:1");
    expect(failed).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect(failed.lastError).toContain("500");
    expect((await dispatchDueEmails({ transport: resend, at: at(instant + 365 * 86_400_000) })).claimed).toBe(0);
    expect(requestsFor("doomed:1")).toHaveLength(MAX_ATTEMPTS);
  });

  it("fails at once what can never be sent: unknown template, bad data, a refused message", async () => {
    await enqueueEmail(getDb(), { to: "a@example.test", template: "no-such-template", data: {}, sendAfter: at(t0), idempotencyKey: "bad:template" });
    await enqueueEmail(getDb(), { to: "b@example.test", template: "welcome", data: { clientName: "B" }, sendAfter: at(t0), idempotencyKey: "bad:data" });
    await enqueueWelcome("bad:refused");
    fake.failNext(1, 422);

    expect(await dispatchDueEmails({ transport: resend, at: at(t0) })).toEqual({ claimed: 3, sent: 0, retried: 0, postponed: 0, failed: 3 });

    const template = await row("bad:template");
    expect(template).toMatchObject({ status: "failed", attempts: 1 });
    expect(template.lastError).toContain('Unknown email template "no-such-template"');
    const data = await row("bad:data");
    expect(data).toMatchObject({ status: "failed", attempts: 1 });
    expect(data.lastError).toMatch(/practiceName/);
    const refused = await row("bad:refused");
    expect(refused).toMatchObject({ status: "failed", attempts: 1 });
    expect(refused.lastError).toContain("validation_error");
    // Nothing that failed to render was handed to the service.
    expect(fake.requests.map((r) => r.idempotencyKey)).toEqual(["bad:refused"]);
  });

  it("takes over a claim whose dispatcher died, but not a live one", async () => {
    const base = { recipient: "x@example.test", template: "welcome", status: "sending" as const, attempts: 1, sendAfter: at(t0 - 3_600_000) };
    await getDb()
      .insert(emailOutbox)
      .values([
        { ...base, data: welcome("stale"), idempotencyKey: "claim:stale", claimedAt: at(t0 - CLAIM_LEASE_MS - 1) },
        { ...base, data: welcome("live"), idempotencyKey: "claim:live", claimedAt: at(t0 - 60_000) },
      ]);

    // The lost try counts as a failed attempt.
    expect(await dispatchDueEmails({ transport: resend, at: at(t0) })).toEqual({ claimed: 1, sent: 1, retried: 0, postponed: 0, failed: 0 });
    expect(await row("claim:stale")).toMatchObject({ status: "sent", attempts: 2 });
    expect(await row("claim:live")).toMatchObject({ status: "sending", attempts: 1 });
  });

  it("a message re-sent after a hung dispatcher's lease ran out is delivered once", async () => {
    await enqueueWelcome("hung:1");
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inSend = new Promise<void>((resolve) => (entered = resolve));
    // Dispatcher A claims the row, then hangs in the middle of sending it.
    const hanging: EmailTransport = {
      name: "hanging",
      async send(message) {
        entered();
        await gate;
        return resend.send(message);
      },
    };
    const first = dispatchDueEmails({ transport: hanging, at: at(t0) });
    await inSend;

    // Dispatcher B comes along after the lease and sends it.
    const second = await dispatchDueEmails({ transport: resend, at: at(t0 + CLAIM_LEASE_MS + 1) });
    expect(second.sent).toBe(1);
    const afterTakeover = await row("hung:1");
    // A's lost try counts as one failed attempt.
    expect(afterTakeover).toMatchObject({ status: "sent", attempts: 1 });

    // A wakes up and finishes its send: the service sees the key again and delivers nothing new,
    // and A's late result does not overwrite B's record.
    release();
    await first;
    expect(requestsFor("hung:1")).toHaveLength(2);
    expect(fake.delivered).toHaveLength(1);
    expect(await row("hung:1")).toEqual(afterTakeover);
  });

  it("two dispatchers running at once send each of 200 messages exactly once", async () => {
    const total = 200;
    // This one is about claims, not pace: a generous limit keeps it quick.
    process.env.EMAIL_RATE_PER_SECOND = "50";
    resetEnvCache();
    await getDb()
      .insert(emailOutbox)
      .values(
        Array.from({ length: total }, (_, i) => ({
          recipient: `race-${i}@example.test`,
          template: "welcome",
          data: welcome(i),
          sendAfter: at(t0 - (i % 7) * 1000),
          idempotencyKey: `race:${i}`,
        })),
      );

    // On the Postgres server each dispatcher gets its own connection pool, as
    // two server processes would; on PGlite (one connection) they interleave.
    const pools =
      databaseKind() === "postgres"
        ? [0, 1].map(() => {
            // Not waiting for the disk on commit keeps 400+ commits quick; locking is unchanged.
            const client = postgres(process.env.DATABASE_URL!, { max: 2, onnotice: () => {}, connection: { synchronous_commit: "off" } });
            return { client, db: drizzle({ client, schema, casing: "snake_case" }) as Db };
          })
        : undefined;
    try {
      if (pools) await Promise.all(pools.map((p) => p.client`select 1`));
      const dbs = pools ? pools.map((p) => p.db) : [getDb(), getDb()];

      const runs = await Promise.all(
        dbs.map(async (db) => {
          // Each dispatcher talks to the service through its own SDK client.
          const transport = createResendTransport("re_test_key", fake.url);
          const totals = { claimed: 0, sent: 0, rounds: 0 };
          for (;;) {
            const result = await dispatchDueEmails({ db, transport, at: at(t0), limit: 10 });
            if (result.claimed === 0) break;
            totals.claimed += result.claimed;
            totals.sent += result.sent;
            totals.rounds++;
          }
          return totals;
        }),
      );

      // Nothing claimed twice, nothing sent twice, nothing lost.
      expect(runs[0]!.claimed + runs[1]!.claimed).toBe(total);
      expect(runs[0]!.sent + runs[1]!.sent).toBe(total);
      const perKey = new Map<string, number>();
      for (const request of fake.requests) perKey.set(request.idempotencyKey!, (perKey.get(request.idempotencyKey!) ?? 0) + 1);
      expect([...perKey.values()].every((count) => count === 1)).toBe(true);
      const recipients = fake.delivered.map((d) => String(d.body.to));
      expect(new Set(recipients).size).toBe(total);
      expect(fake.delivered).toHaveLength(total);
      const [counts] = await getDb()
        .select({ sent: sql<number>`count(*) filter (where ${emailOutbox.status} = 'sent')::int`, all: sql<number>`count(*)::int` })
        .from(emailOutbox)
        .where(like(emailOutbox.idempotencyKey, "race:%"));
      expect(counts).toEqual({ sent: total, all: total });
      if (pools) {
        // Both really took part: the race was real, not one dispatcher doing everything.
        expect(runs[0]!.claimed, "first dispatcher's share").toBeGreaterThan(0);
        expect(runs[1]!.claimed, "second dispatcher's share").toBeGreaterThan(0);
      }
    } finally {
      delete process.env.EMAIL_RATE_PER_SECOND;
      resetEnvCache();
      await Promise.all(pools?.map((p) => p.client.end({ timeout: 5 })) ?? []);
    }
  });
});

describe("the in-process dispatcher loop", () => {
  it("sends what is due through the configured transport, one loop per process", async () => {
    await enqueueWelcome("loop:1", new Date(Date.now() - 1000));
    const stop = startDispatcherLoop(25);
    try {
      // A second start (a hot reload) gets the running loop, not another one.
      expect(startDispatcherLoop(25)).toBe(stop);
      await vi.waitFor(async () => expect((await row("loop:1")).status).toBe("sent"), { timeout: 15_000, interval: 50 });
    } finally {
      await stop();
    }
    // No RESEND_API_KEY here, so it went to the dev mailbox.
    const [stored] = await getDb().select().from(devMailbox).where(eq(devMailbox.idempotencyKey, "loop:1"));
    expect(stored!.subject).toBe("Welcome to Harbor Coaching");
    // Once stopped, a new start really starts a new loop.
    const again = startDispatcherLoop(25);
    expect(again).not.toBe(stop);
    await again();
  });
});

describe("POST /api/cron/dispatch", () => {
  const call = (authorization?: string) =>
    cronDispatch(
      new Request("http://localhost:3000/api/cron/dispatch", {
        method: "POST",
        headers: authorization ? { authorization } : {},
      }),
    );

  afterEach(() => {
    delete process.env.CRON_SECRET;
    resetEnvCache();
  });

  it("is off, and says why, while CRON_SECRET is unset", async () => {
    const response = await call("Bearer anything");
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain("CRON_SECRET");
  });

  it("refuses a missing or wrong secret", async () => {
    process.env.CRON_SECRET = "correct-horse-battery-staple";
    resetEnvCache();
    await enqueueWelcome("cron:refused", new Date(Date.now() - 1000));

    for (const header of [undefined, "Bearer wrong", "correct-horse-battery-staple", "Bearer correct-horse-battery-stapl"]) {
      const response = await call(header);
      expect(response.status, String(header)).toBe(401);
    }
    expect((await row("cron:refused")).status).toBe("pending");
  });

  it("sends due emails and answers with the counts", async () => {
    process.env.CRON_SECRET = "correct-horse-battery-staple";
    resetEnvCache();
    await enqueueWelcome("cron:1", new Date(Date.now() - 1000));
    await enqueueWelcome("cron:2", new Date(Date.now() - 1000));
    await enqueueWelcome("cron:later", new Date(Date.now() + 3_600_000));

    const response = await call("Bearer correct-horse-battery-staple");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ claimed: 2, sent: 2, retried: 0, postponed: 0, failed: 0 });
    expect((await row("cron:1")).status).toBe("sent");
    expect((await row("cron:later")).status).toBe("pending");
  });
});
