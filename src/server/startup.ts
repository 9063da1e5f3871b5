import "server-only";
import { env } from "@/lib/env";
import { now } from "./clock";
import { sealLegacyPlaintext } from "./crypto/rotate";
import { serverKeyring } from "./crypto/sealed";
import { databaseKind } from "./db/client";
import { migrateDatabase } from "./db/migrate";
import { log, scrub } from "./log";
import { seedDemoPractice } from "./db/seed";
import { ensureIntakeTemplates } from "./intake/questionnaires";
import { startDispatcherLoop } from "./notifications/dispatcher-loop";
import { forwardSocketAddresses } from "./socket-address";

/**
 * The server's start (from src/instrumentation.ts). A failure here stops the
 * process: `next start` on its own would log an error thrown by register()
 * and then serve every request a 500, which looks up but isn't. A bad
 * setting (say, no APP_URL in production) must stop the server with a
 * message that names it.
 */
export async function startServer() {
  try {
    forwardSocketAddresses();
    await prepareServer();
  } catch (error) {
    log.fatal({ err: error }, "Tend could not start");
    // Plain text as well: the first thing an operator reads should say what to fix.
    process.stderr.write(`\nTend could not start. ${scrub(error instanceof Error ? error.message : String(error))}\n`);
    process.exit(1);
  }
}

/**
 * Runs once when `next dev` or `next start` boots (from src/instrumentation.ts),
 * before the first request: env check, migrations, the demo practice on an
 * empty database, and the in-process email dispatcher.
 */
async function prepareServer() {
  const settings = env();
  // Reading the clock once prints the TEND_TEST_CLOCK warning now, not at the first booking.
  if (settings.TEND_TEST_CLOCK) now();
  // Loading the data key now stops a production start without TEND_DATA_KEY, before any request.
  serverKeyring();
  await migrateDatabase();
  const given = await ensureIntakeTemplates();
  if (given) log.info(`Gave ${given} existing practice(s) the intake questionnaires they were missing.`);
  // Booking notes written before they were sealed: sealed now (a no-op once done).
  const sealed = await sealLegacyPlaintext();
  if (sealed.length) log.info({ sealed }, "Sealed plain-text values left from before encryption.");
  if (settings.TEND_SEED_DEMO && (await seedDemoPractice())) {
    log.info("Demo practice created at /book/demo. Sign in as coach@demo.tend.test (links arrive at /dev/mailbox).");
  }
  log.info(`Database ready (${databaseKind() === "pglite" ? `embedded PGlite in ${settings.PGLITE_DIR}` : "Postgres server"}).`);
  if (settings.DISPATCH_INTERVAL_SECONDS > 0) startDispatcherLoop(settings.DISPATCH_INTERVAL_SECONDS * 1000);
}
