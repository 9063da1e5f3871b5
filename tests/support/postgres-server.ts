import postgres from "postgres";
import { bookings } from "@/server/db/schema";

/**
 * True when this file runs against the Postgres server (TEST_SERVER_DATABASE_URL
 * or DATABASE_URL set; integration-setup.ts gives it a throwaway database).
 * Tests that need real concurrency use `it.runIf(onPostgresServer)`, so a
 * PGlite run reports them skipped, never passed.
 */
export const onPostgresServer = Boolean(process.env.TEST_SERVER_DATABASE_URL);

/** A connection of its own to this file's database, as another server process would have. */
export const separateConnection = () => postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });

type Booking = typeof bookings.$inferSelect;

/**
 * Inserts a copy of `like` held over [from, to) on `sql`, bypassing every
 * application check: only the exclusion constraint stands in its way.
 */
export function insertRawBooking(sql: postgres.Sql | postgres.TransactionSql, like: Booking, from: Date, to: Date) {
  return sql`insert into bookings (practice_id, offering_id, coach_id, client_id, booker_name, booker_email, status, starts_at, ends_at, blocked_from, blocked_until, client_time_zone, policy)
    values (${like.practiceId}, ${like.offeringId}, ${like.coachId}, ${like.clientId}, ${like.bookerName}, ${like.bookerEmail}, 'confirmed',
      ${from}, ${to}, ${from}, ${to}, 'UTC', ${sql.json(like.policy)})`;
}

/**
 * Runs `attempt` while another connection holds [from, to) in a transaction
 * that has not committed yet. The application's re-check cannot see that row,
 * so the attempt passes it and then waits at the exclusion constraint; once
 * it waits there the other transaction commits, and the attempt loses the race
 * at the constraint. Returns what the attempt settled to.
 */
export async function loseAtTheConstraint<T>(like: Booking, from: Date, to: Date, attempt: () => Promise<T>) {
  const other = separateConnection();
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held!: () => void;
  const holding = new Promise<void>((resolve) => (held = resolve));
  try {
    const otherTransaction = other.begin(async (tx) => {
      await insertRawBooking(tx, like, from, to);
      held();
      await released;
    });
    await holding;
    const result = attempt().then(
      (value) => ({ status: "fulfilled" as const, value }),
      (reason: unknown) => ({ status: "rejected" as const, reason }),
    );
    await waitForALockWait();
    release();
    await otherTransaction;
    return await result;
  } finally {
    release();
    await other.end({ timeout: 5 });
  }
}

/** Waits until some session of this database waits on a lock (the attempt at the constraint). */
async function waitForALockWait() {
  const watcher = separateConnection();
  try {
    for (let i = 0; i < 500; i++) {
      const [row] = await watcher`select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`;
      if (row!.waiting > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error("The attempt never reached the exclusion constraint: did it fail before inserting?");
  } finally {
    await watcher.end({ timeout: 5 });
  }
}

