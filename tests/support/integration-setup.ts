import { afterAll } from "vitest";
import postgres from "postgres";
import { resetEnvCache } from "@/lib/env";
import { closeDb } from "@/server/db/client";
import { migrateDatabase } from "@/server/db/migrate";

/**
 * Every integration test file gets a database of its own, migrated from
 * scratch: a fresh in-memory PGlite by default, or a throwaway database on
 * the Postgres server named by DATABASE_URL. Nothing depends on leftovers.
 */
const serverUrl = process.env.TEST_SERVER_DATABASE_URL ?? process.env.DATABASE_URL;
let dropDatabase: (() => Promise<void>) | undefined;

// Nothing a developer's shell holds may make a test send real email.
delete process.env.RESEND_API_KEY;
delete process.env.RESEND_BASE_URL;
delete process.env.CRON_SECRET;
// Tests that care about the send pace set it themselves.
delete process.env.EMAIL_RATE_PER_SECOND;
delete process.env.TEND_TEST_CLOCK;
process.env.TEND_SEED_DEMO = "false";
process.env.TEND_RATE_LIMIT = "off";
process.env.APP_URL = "http://localhost:3000";
process.env.AUTH_SECRET = "integration-test-secret-integration-test-secret";
// A fixed data key, so no test writes one into .data/.
process.env.TEND_DATA_KEY = "dGVuZC1pbnRlZ3JhdGlvbi10ZXN0LWRhdGEta2V5ISE=";
delete process.env.TEND_DATA_KEY_PREVIOUS;

if (serverUrl) {
  process.env.TEST_SERVER_DATABASE_URL = serverUrl;
  const name = `tend_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  dropDatabase = async () => {
    const admin2 = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin2.unsafe(`drop database if exists ${name} with (force)`);
    await admin2.end();
  };
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = "memory://";
}
resetEnvCache();
await migrateDatabase();

afterAll(async () => {
  await closeDb();
  await dropDatabase?.();
});
