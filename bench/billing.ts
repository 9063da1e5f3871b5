/**
 * Billing on an in-memory PGlite with the fake Stripe (tests/support/fake-stripe.ts):
 * 50 concurrent paid bookings of one slot (goal: exactly one hold), and the webhook's
 * server time for 100 paid `checkout.session.completed` events, each re-reading its
 * session from the fake (goal: p50 under 20 ms); 50 concurrent bookings paid with a
 * credit on a balance of 1 (goal: exactly one). Figures only; nothing is asserted.
 *
 *   npx tsx --conditions=react-server bench/billing.ts
 */
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { DateTime } from "luxon";
import { startFakeStripe } from "../tests/support/fake-stripe";

const ZONE = "America/Los_Angeles";
const SECRET = "whsec_bench";

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Weekday office-hour starts from two days ahead, in the practice's zone. */
function slotStarts(count: number): Date[] {
  const starts: Date[] = [];
  for (let day = DateTime.now().setZone(ZONE).plus({ days: 2 }).startOf("day"); starts.length < count; day = day.plus({ days: 1 })) {
    if (day.weekday > 5) continue;
    for (let hour = 9; hour < 17 && starts.length < count; hour++) starts.push(day.set({ hour }).toJSDate());
  }
  return starts;
}

export async function benchBilling(events = 100) {
  const fake = await startFakeStripe();
  Object.assign(process.env, {
    PGLITE_DIR: "memory://",
    TEND_SEED_DEMO: "false",
    TEND_RATE_LIMIT: "off",
    APP_URL: "http://localhost:3000",
    AUTH_SECRET: "bench-secret-bench-secret-bench-secret-bench",
    TEND_DATA_KEY: "dGVuZC1iZW5jaC10ZXN0LWRhdGEta2V5LTMyYnl0ZXM=",
    STRIPE_SECRET_KEY: "sk_test_bench",
    STRIPE_WEBHOOK_SECRET: SECRET,
    STRIPE_API_BASE: fake.url,
    STRIPE_CONNECT: "off",
  });
  delete process.env.DATABASE_URL;
  // Settings are parsed once per process: the benchmarks before this one have read them already.
  const { resetEnvCache } = await import("../src/lib/env");
  resetEnvCache();
  const { migrateDatabase } = await import("../src/server/db/migrate");
  const { closeDb, getDb } = await import("../src/server/db/client");
  const schema = await import("../src/server/db/schema");
  const { createPractice } = await import("../src/server/practices/create-practice");
  const { createOffering } = await import("../src/server/offerings/offerings");
  const { createBooking } = await import("../src/server/scheduling/bookings");
  const { handleStripeWebhook } = await import("../src/server/billing/webhook");
  await migrateDatabase();
  const db = getDb();
  const [coach] = await db.insert(schema.users).values({ email: "bench@example.test" }).returning();
  const practice = await createPractice(coach!.id, { name: "Bench", slug: "bench", timeZone: ZONE, contactEmail: "bench@example.test" });
  await db.insert(schema.weeklyHours).values([1, 2, 3, 4, 5].map((weekday) => ({ practiceId: practice.id, coachId: coach!.id, weekday, startTime: "09:00", endTime: "17:00" })));
  await createOffering(practice.id, { kind: "crisis", name: "Crisis", slug: "crisis", durationMinutes: 60, priceCents: 30000, active: true, paymentCollection: "at_booking", minimumNoticeHours: 0, horizonDays: 365 });
  const person = (i: number) => ({ name: `Payer ${i}`, email: `payer${i}@example.test`, timeZone: ZONE });
  const [raced, ...starts] = slotStarts(events + 1);

  const race = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => createBooking(practice.id, { offering: "crisis", start: raced!, ...person(i) })));
  const holds = race.filter((r) => r.status === "fulfilled").length;
  console.log(`billing: 50 concurrent paid bookings of one slot → ${holds} hold${holds === 1 ? "" : "s"} (goal: exactly 1; PGlite serialises, the Postgres run is in tests/integration/billing-checkout.test.ts)`);

  const times: number[] = [];
  for (const [i, start] of starts.entries()) {
    const booking = await createBooking(practice.id, { offering: "crisis", start, ...person(100 + i) });
    const sessionId = booking.checkout!.url.split("/").at(-1)!;
    fake.pay(sessionId);
    const { payload } = fake.event("checkout.session.completed", { ...fake.sessions.get(sessionId)! });
    const signature = fake.sign(payload, SECRET);
    const began = performance.now();
    await handleStripeWebhook(payload, signature);
    times.push(performance.now() - began);
  }
  times.sort((a, b) => a - b);
  console.log(
    `billing: webhook checkout.session.completed, ${times.length} events: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms (goal: p50 under 20 ms)`,
  );

  // 50 bookings at once, each paying with a credit, on a balance of 1 (distinct times: only the credit is contended).
  const { grantCredits, creditBalanceFor } = await import("../src/server/billing/credits");
  const offering = (await db.select().from(schema.offerings)).find((o) => o.slug === "crisis")!;
  const [first, ...later] = slotStarts(events + 52).slice(events + 1);
  const spender = await createBooking(practice.id, { offering: "crisis", start: first!, ...person(999) });
  const now = new Date();
  await grantCredits(db, {
    practiceId: practice.id,
    clientId: spender.clientId,
    kind: "package",
    sourceKey: "package:bench",
    label: "Bench package",
    offeringIds: [offering.id],
    quantity: 1,
    validFrom: new Date(now.getTime() - 86_400_000),
    expiresAt: new Date(now.getTime() + 365 * 86_400_000),
  });
  const began = performance.now();
  const spends = await Promise.allSettled(
    later.map((start, i) =>
      createBooking(practice.id, { offering: "crisis", start, ...person(2000 + i) }, { payWith: { credit: { clientId: spender.clientId } } }),
    ),
  );
  const won = spends.filter((r) => r.status === "fulfilled").length;
  const left = await creditBalanceFor({ practiceId: practice.id, clientId: spender.clientId, offeringId: offering.id });
  console.log(
    `billing: 50 concurrent credit spends on a balance of 1 → ${won} booked, ${spends.length - won} refused, balance ${left}, ${(performance.now() - began).toFixed(0)} ms (goal: exactly 1; PGlite serialises, the Postgres run is in tests/integration/billing-credits.test.ts)`,
  );
  await closeDb();
  await fake.close();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void benchBilling();
}
