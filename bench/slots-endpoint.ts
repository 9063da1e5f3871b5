/**
 * The slots endpoint on a production build, with 1,000 existing bookings in
 * the month asked for. Prints p50/p95 of the handler's own time (its
 * Server-Timing header) and of the whole round trip. Needs `npm run build`.
 *
 *   npx tsx --conditions=react-server bench/slots-endpoint.ts
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { DateTime } from "luxon";

const ZONE = "America/Los_Angeles";
const ROOT = path.resolve(__dirname, "..");

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** A practice open 07:00–21:00 every day, and 1,000 15-minute sessions packed into the next 31 days. */
async function prepareDatabase(dir: string) {
  process.env.PGLITE_DIR = dir;
  process.env.TEND_SEED_DEMO = "false";
  delete process.env.DATABASE_URL;
  const { migrateDatabase } = await import("../src/server/db/migrate");
  const { closeDb, getDb } = await import("../src/server/db/client");
  const schema = await import("../src/server/db/schema");
  const { createPractice } = await import("../src/server/practices/create-practice");
  const { createOffering } = await import("../src/server/offerings/offerings");
  await migrateDatabase();
  const db = getDb();
  const [coach] = await db.insert(schema.users).values({ email: "bench@example.test" }).returning();
  const practice = await createPractice(coach!.id, { name: "Bench", slug: "bench", timeZone: ZONE, contactEmail: "bench@example.test" });
  await db.insert(schema.weeklyHours).values(
    [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ practiceId: practice.id, coachId: coach!.id, weekday, startTime: "07:00", endTime: "21:00" })),
  );
  await createOffering(practice.id, { kind: "one_on_one", name: "Session", slug: "session", durationMinutes: 60, priceCents: 10000, active: true });
  const checkIn = await createOffering(practice.id, { kind: "one_on_one", name: "Check-in", slug: "check-in", durationMinutes: 15, priceCents: 0, active: true });
  const [client] = await db
    .insert(schema.clients)
    .values({ practiceId: practice.id, name: "Bench Client", email: "client@example.test", timeZone: ZONE })
    .returning();

  const first = DateTime.now().setZone(ZONE).plus({ days: 2 }).startOf("day");
  // Every quarter hour of every open day, shuffled with a fixed seed, first 1,000 taken.
  const quarters: Date[] = [];
  for (let d = 0; d < 31; d++) for (let q = 0; q < 56; q++) quarters.push(first.plus({ days: d, hours: 7, minutes: q * 15 }).toJSDate());
  let seed = 7;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  for (let i = quarters.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [quarters[i], quarters[j]] = [quarters[j]!, quarters[i]!];
  }
  const policy = { cancellationWindowHours: 24, rescheduleWindowHours: 24, minimumNoticeMinutes: 0, bufferBeforeMinutes: 0, bufferAfterMinutes: 0 };
  const rows = quarters.slice(0, 1000).map((start) => {
    const end = new Date(start.getTime() + 15 * 60_000);
    return {
      practiceId: practice.id,
      offeringId: checkIn.id,
      coachId: coach!.id,
      clientId: client!.id,
      status: "confirmed" as const,
      startsAt: start,
      endsAt: end,
      blockedFrom: start,
      blockedUntil: end,
      clientTimeZone: ZONE,
      bookerName: client!.name,
      bookerEmail: client!.email,
      policy,
    };
  });
  for (let i = 0; i < rows.length; i += 250) await db.insert(schema.bookings).values(rows.slice(i, i + 250));
  await closeDb();
  return { start: first.toISODate()!, end: first.plus({ days: 30 }).toISODate()! };
}

export async function benchSlotsEndpoint(requests = 200) {
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    console.log("slots endpoint: skipped measuring: no production build (run `npm run build` first).");
    return null;
  }
  const dir = path.join(ROOT, ".data", `bench-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  const range = await prepareDatabase(dir);
  const port = await freePort();
  const server = spawn(path.join(ROOT, "node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PGLITE_DIR: dir,
      TEND_SEED_DEMO: "false",
      TEND_RATE_LIMIT: "off",
      DISPATCH_INTERVAL_SECONDS: "0",
      APP_URL: `http://127.0.0.1:${port}`,
      AUTH_SECRET: "bench-secret-bench-secret-bench-secret",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  server.stdout.on("data", (d) => (log += d));
  server.stderr.on("data", (d) => (log += d));
  const url = `http://127.0.0.1:${port}/api/public/bench/offerings/session/slots?start=${range.start}&end=${range.end}&timeZone=${encodeURIComponent(ZONE)}`;
  try {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const ok = await fetch(url).then((r) => r.ok, () => false);
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`server did not start:\n${log}`);
      await new Promise((r) => setTimeout(r, 300));
    }
    const handler: number[] = [];
    const roundTrip: number[] = [];
    let slotCount = 0;
    for (let i = 0; i < requests + 20; i++) {
      const t0 = performance.now();
      const response = await fetch(url);
      const body = (await response.json()) as { slots: unknown[] };
      const t1 = performance.now();
      if (i < 20) continue; // warm-up
      slotCount = body.slots.length;
      const dur = /dur=([\d.]+)/.exec(response.headers.get("server-timing") ?? "")?.[1];
      handler.push(Number(dur));
      roundTrip.push(t1 - t0);
    }
    handler.sort((a, b) => a - b);
    roundTrip.sort((a, b) => a - b);
    const fmt = (n: number) => n.toFixed(2).padStart(7);
    console.log(`slots endpoint, 31 days, 1,000 bookings, ${slotCount} open slots, ${requests} requests (production build, PGlite):`);
    console.log(`  server time  p50 ${fmt(percentile(handler, 50))} ms   p95 ${fmt(percentile(handler, 95))} ms   (goal: p50 under 30 ms)`);
    console.log(`  round trip   p50 ${fmt(percentile(roundTrip, 50))} ms   p95 ${fmt(percentile(roundTrip, 95))} ms`);
    return { p50: percentile(handler, 50), p95: percentile(handler, 95) };
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchSlotsEndpoint().catch((error: Error) => {
    console.error(error.message);
    process.exitCode = 1;
  });
}
