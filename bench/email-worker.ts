/**
 * A dispatcher process for bench/email-throughput.ts (not run on its own).
 * It runs outside React's server condition, as the Next.js server's own
 * dispatcher does (emails render with react-dom/server), and maps
 * `server-only` to its empty module through bench/tsconfig.worker.json.
 *
 *   tsx --tsconfig bench/tsconfig.worker.json bench/email-worker.ts seed <total> <withInvite>
 *   tsx --tsconfig bench/tsconfig.worker.json bench/email-worker.ts dispatch <dispatchers>
 *   tsx --tsconfig bench/tsconfig.worker.json bench/email-worker.ts report
 *
 * Database from DATABASE_URL or PGLITE_DIR; Resend from RESEND_BASE_URL.
 */
import { createInterface } from "node:readline";
import BookingConfirmedEmail from "@emails/booking-confirmed";
import { closeDb, getDb } from "@/server/db/client";
import { migrateDatabase } from "@/server/db/migrate";
import { countOutboxByStatus } from "@/server/notifications/health";
import { dispatchDueEmails } from "@/server/notifications/dispatcher";
import { enqueueEmail } from "@/server/notifications/outbox";
import { createResendTransport } from "@/server/notifications/transport";

async function seed(total: number, withInvite: number) {
  const every = Math.round(total / withInvite);
  const due = new Date(Date.now() - 60_000);
  const invite = BookingConfirmedEmail.PreviewProps as unknown as Record<string, unknown>;
  for (let start = 0; start < total; start += 500) {
    await getDb().transaction(async (tx) => {
      for (let i = start; i < Math.min(total, start + 500); i++) {
        const confirmation = i % every === 0;
        await enqueueEmail(tx, {
          to: `bench-${i}@example.test`,
          template: confirmation ? "booking-confirmed" : "welcome",
          data: confirmation
            ? invite
            : { clientName: `Client ${i}`, practiceName: "Harbor Coaching", coachEmail: "coach@harbor.test", portalUrl: "http://localhost:3000/portal" },
          // A busy morning: confirmations and welcomes due in one interleaved queue.
          sendAfter: new Date(due.getTime() + i),
          idempotencyKey: `bench:${i}`,
        });
      }
    });
  }
}

/** Runs until nothing is due three times running (the other dispatcher may hold the last rows). */
async function dispatch(dispatchers: number) {
  const db = getDb();
  await db.execute("select 1");
  process.stdout.write("ready\n");
  // Start together when the benchmark says so: process start-up is not send time.
  await new Promise<void>((resolve) => {
    const input = createInterface({ input: process.stdin });
    input.once("line", () => {
      input.close();
      resolve();
    });
  });
  const totals = { sent: 0, failed: 0, retried: 0, postponed: 0 };
  await Promise.all(
    Array.from({ length: dispatchers }, async () => {
      const transport = createResendTransport("re_bench_key", process.env.RESEND_BASE_URL);
      for (let idle = 0; idle < 3; ) {
        const result = await dispatchDueEmails({ db, transport, limit: 100 });
        for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += result[key];
        if (result.claimed === 0) {
          idle++;
          await new Promise((resolve) => setTimeout(resolve, 100));
        } else idle = 0;
      }
    }),
  );
  process.stdout.write(`${JSON.stringify(totals)}\n`);
}

async function main() {
  const [mode, a, b] = process.argv.slice(2);
  if (mode === "seed") {
    await migrateDatabase();
    await seed(Number(a), Number(b));
  }
  else if (mode === "dispatch") await dispatch(Number(a));
  else if (mode === "report") process.stdout.write(`${JSON.stringify(await countOutboxByStatus())}\n`);
  else throw new Error(`Unknown mode ${mode}`);
  await closeDb();
}

main()
  // Idle keep-alive sockets to the stand-in would hold the process open.
  .then(() => process.exit(0))
  .catch((error: Error) => {
    process.stderr.write(`${error.stack ?? error.message}\n`);
    process.exit(1);
  });
