import "server-only";
import { log } from "@/server/log";
import { runPeriodicWork } from "@/server/periodic-work";
import { drainDueEmails } from "./dispatcher";

/** The periodic jobs (src/server/periodic-work.ts) run at most this often (all idempotent; this only saves work). */
const PERIODIC_EVERY_MS = 60_000;

type Loop = { stop: () => Promise<void> };

// On globalThis so a dev-server hot reload, which re-evaluates this module,
// finds the running loop instead of starting a second one. (The running loop
// keeps the code it started with until the server restarts.)
const store = globalThis as unknown as { __tendDispatcherLoop?: Loop };

/**
 * Sends due emails from inside the server process every `intervalMs`, and
 * runs the periodic jobs once a minute, for `npm run dev` / `npm start`. One loop per process; a round starts only
 * after the previous one ended, so runs never overlap (several processes may
 * still run side by side: claims make that safe). A failing round is logged
 * and the loop carries on. Timers are unref'd: the loop never keeps the
 * process alive on its own. Returns a function that stops it and resolves
 * once a round in progress has finished.
 */
export function startDispatcherLoop(intervalMs: number): () => Promise<void> {
  if (store.__tendDispatcherLoop) return store.__tendDispatcherLoop.stop;

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let periodicAt = 0;

  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().finally(() => {
        running = undefined;
      });
    }, delay);
    timer.unref();
  };

  const tick = async () => {
    try {
      if (Date.now() - periodicAt >= PERIODIC_EVERY_MS) {
        periodicAt = Date.now();
        // Each job catches its own failure, so mail below still goes out.
        await runPeriodicWork();
      }
      await drainDueEmails({ rounds: 20 });
    } catch (error) {
      log.error({ err: error }, "email dispatcher round failed; trying again next round");
    } finally {
      schedule(intervalMs);
    }
  };

  const loop: Loop = {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (store.__tendDispatcherLoop === loop) store.__tendDispatcherLoop = undefined;
      await running;
    },
  };
  store.__tendDispatcherLoop = loop;
  // The first round soon after start, so mail queued while the server was down goes out.
  schedule(Math.min(intervalMs, 1000));
  log.info(`Email dispatcher running every ${intervalMs / 1000} s.`);
  return loop.stop;
}
