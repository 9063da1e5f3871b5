import "server-only";
import { log } from "@/server/log";
import { sweepExpiredHolds } from "./lifecycle";

const store = globalThis as unknown as { __tendHoldSweep?: NodeJS.Timeout };

/**
 * Ends payment holds past their time once a minute, inside `npm run dev` /
 * `npm start`, for when `checkout.session.expired` never arrives (and for the
 * test checkout, which has no events). One per process; unref'd.
 */
export function startHoldSweepLoop(intervalMs = 60_000) {
  if (store.__tendHoldSweep) return;
  store.__tendHoldSweep = setInterval(() => {
    sweepExpiredHolds().catch((error: unknown) => log.error({ err: error }, "payment hold sweep failed; trying again next round"));
  }, intervalMs);
  store.__tendHoldSweep.unref();
}
