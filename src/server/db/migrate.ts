import "server-only";
import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env } from "@/lib/env";
import { databaseKind, getDb } from "./client";

const migrationsFolder = path.join(process.cwd(), "drizzle");
// Any constant works; it only has to be the same in every Tend process.
const MIGRATION_LOCK_KEY = 724_211_001;

/** Applies pending migrations from ./drizzle. Safe to call from several processes at once. */
export async function migrateDatabase() {
  if (databaseKind() === "pglite") {
    // PGlite has one connection in one process: nothing can race it.
    await migratePglite(getDb() as never, { migrationsFolder });
    return;
  }
  // One dedicated connection, so the advisory lock and the migration share a session.
  const client = postgres(env().DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    const db = drizzle({ client });
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      await migratePostgres(db, { migrationsFolder });
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}
