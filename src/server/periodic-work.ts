import "server-only";
import { refreshDueFeeds } from "@/server/busy-feeds/sync";
import { expireCredits } from "@/server/billing/credits";
import { sweepExpiredHolds } from "@/server/billing/lifecycle";
import { remindExpiringPackages } from "@/server/billing/package-emails";
import { renewTestSubscriptions } from "@/server/billing/plan-test-checkout";
import { enqueueHomeworkEmails } from "@/server/homework/reminders";
import { assignDueCheckIns } from "@/server/intake/checkins";
import { log } from "@/server/log";

/**
 * The jobs that run on a timer rather than on a request. Every one is
 * idempotent (a second run in the same minute, or two processes at once,
 * changes nothing more), so the in-process loop and the cron route can both
 * call them. One list, so a new job is added once and runs on every host.
 */
const PERIODIC_JOBS: ReadonlyArray<{ name: string; run: () => Promise<unknown> }> = [
  // Before the mail goes out, so the emails these jobs enqueue leave in the same round.
  { name: "payment hold sweep", run: () => sweepExpiredHolds() },
  // The laptop's test checkout renews its plans at period end (Stripe does its own); before the expiry, so a period's end grants the next.
  { name: "test plan renewals", run: () => renewTestSubscriptions() },
  // Credits past their end (a plan's period, a package's validity), then "package expiring in 14 days" (once per grant).
  { name: "credit expiry", run: () => expireCredits() },
  { name: "package expiry reminders", run: () => remindExpiringPackages() },
  { name: "homework emails", run: () => enqueueHomeworkEmails() },
  { name: "recurring check-ins", run: () => assignDueCheckIns() },
  // Each feed is read every few minutes; a round starts no read after 10 s (see refreshDueFeeds).
  { name: "busy feed refresh", run: () => refreshDueFeeds() },
];

export type PeriodicWorkReport = { ran: string[]; failed: string[] };

/**
 * Runs every periodic job once, one after the other. A job that fails is
 * logged and the others still run: a calendar feed that times out must not
 * hold up a payment hold's end or the homework emails. The next round tries
 * the failed job again.
 */
export async function runPeriodicWork(): Promise<PeriodicWorkReport> {
  const report: PeriodicWorkReport = { ran: [], failed: [] };
  for (const job of PERIODIC_JOBS) {
    try {
      await job.run();
      report.ran.push(job.name);
    } catch (error) {
      report.failed.push(job.name);
      log.error({ err: error, job: job.name }, "periodic job failed; trying again next round");
    }
  }
  return report;
}
