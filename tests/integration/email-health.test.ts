import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { resetEnvCache } from "@/lib/env";
import { now } from "@/server/clock";
import { getDb } from "@/server/db/client";
import { emailOutbox, emailSendGovernor } from "@/server/db/schema";
import { reportProviderBusy } from "@/server/notifications/governor";
import { readPracticeMailTrouble } from "@/server/notifications/health";
import { createCoachWithPractice } from "../support/factories";

const SECRET = "health-secret-health-secret";

const call = (authorization?: string) =>
  health(new Request("http://localhost:3000/api/health", { headers: authorization ? { authorization } : {} }));

type Row = typeof emailOutbox.$inferInsert;
const message = (key: string, values: Partial<Row> = {}): Row => ({
  recipient: `${key}@example.test`,
  template: "welcome",
  data: {},
  idempotencyKey: key,
  ...values,
});

beforeEach(async () => {
  await getDb().delete(emailOutbox);
  await getDb().delete(emailSendGovernor);
  process.env.CRON_SECRET = SECRET;
  resetEnvCache();
});
afterEach(() => {
  delete process.env.CRON_SECRET;
  resetEnvCache();
});

describe("GET /api/health", () => {
  it("says only ok without a secret, and refuses a wrong one", async () => {
    await getDb().insert(emailOutbox).values(message("h:pending"));
    const plain = await call();
    expect(plain.status).toBe(200);
    expect(await plain.json()).toEqual({ status: "ok" });

    for (const header of ["Bearer wrong", SECRET, "Basic abc"]) {
      const refused = await call(header);
      expect(refused.status, header).toBe(401);
      expect(JSON.stringify(await refused.json())).not.toContain("pending");
    }
  });

  it("with the cron secret: outbox counts by status, the oldest due message's age, the provider's last error", async () => {
    const t = now().getTime();
    await getDb()
      .insert(emailOutbox)
      .values([
        message("h:due-old", { sendAfter: new Date(t - 90_000) }),
        message("h:due-new", { sendAfter: new Date(t - 5_000) }),
        message("h:later", { sendAfter: new Date(t + 3_600_000) }),
        message("h:sent", { status: "sent", sendAfter: new Date(t - 999_000) }),
        message("h:failed", { status: "failed", sendAfter: new Date(t - 999_000), attempts: 8 }),
      ]);
    await reportProviderBusy(getDb(), 1000, "Resend refused the batch (429, rate_limit_exceeded): Too many requests.");

    const response = await call(`Bearer ${SECRET}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      status: "ok",
      outbox: { pending: 3, sending: 0, sent: 1, failed: 1, canceled: 0 },
      lastProviderError: { message: expect.stringContaining("429") },
    });
    // About 90 s: the longest-waiting message that is due, not the one due in an hour.
    expect(body.oldestDueAgeSeconds).toBeGreaterThanOrEqual(90);
    expect(body.oldestDueAgeSeconds).toBeLessThan(150);
  });

  it("with nothing waiting, the age is null and there is no provider error", async () => {
    const body = await (await call(`Bearer ${SECRET}`)).json();
    expect(body).toEqual({
      status: "ok",
      outbox: { pending: 0, sending: 0, sent: 0, failed: 0, canceled: 0 },
      oldestDueAgeSeconds: null,
      lastProviderError: null,
    });
  });
});

describe("a coach's mail trouble (the warning on Today)", () => {
  it("counts the practice's failed and retrying mail, not another practice's, nor mail merely postponed", async () => {
    const mine = await createCoachWithPractice();
    const theirs = await createCoachWithPractice();
    expect(await readPracticeMailTrouble(mine.practiceId)).toBeNull();

    await getDb()
      .insert(emailOutbox)
      .values([
        message("t:failed", { practiceId: mine.practiceId, status: "failed", attempts: 8 }),
        message("t:retrying", { practiceId: mine.practiceId, attempts: 2 }),
        // Postponed because the provider was busy: no attempt, no trouble.
        message("t:busy", { practiceId: mine.practiceId, attempts: 0 }),
        message("t:sent", { practiceId: mine.practiceId, status: "sent", attempts: 1 }),
        message("t:theirs", { practiceId: theirs.practiceId, status: "failed", attempts: 8 }),
      ]);

    expect(await readPracticeMailTrouble(mine.practiceId)).toEqual({ failed: 1, retrying: 1 });
    expect(await readPracticeMailTrouble(theirs.practiceId)).toEqual({ failed: 1, retrying: 0 });
  });
});
