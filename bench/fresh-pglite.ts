/**
 * What the page benchmarks share: a fresh, migrated PGlite in a temporary directory (settings
 * re-read, since another benchmark in this process may have read them already), and p50/p95.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Points this process at a new PGlite database under the temp dir and migrates it; `done` closes and removes it. */
export async function freshPglite(name: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `tend-bench-${name}-`));
  process.env.PGLITE_DIR = dir;
  process.env.TEND_SEED_DEMO = "false";
  process.env.TEND_DATA_KEY ??= crypto.randomBytes(32).toString("base64");
  delete process.env.DATABASE_URL;
  (await import("../src/lib/env")).resetEnvCache();
  const { migrateDatabase } = await import("../src/server/db/migrate");
  const { closeDb, getDb } = await import("../src/server/db/client");
  await migrateDatabase();
  return {
    db: getDb(),
    done: async () => {
      await closeDb();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
