import "server-only";
import { env } from "@/lib/env";
import { log } from "./log";

let offsetMs: number | undefined;

/**
 * The server's "now". With TEND_TEST_CLOCK set to an ISO instant, time starts
 * there and runs on normally, so black-box tests can book across a DST change
 * or past a notice window without waiting for the calendar.
 */
export function now(): Date {
  if (offsetMs === undefined) {
    const start = env().TEND_TEST_CLOCK;
    offsetMs = start ? new Date(start).getTime() - Date.now() : 0;
    if (start) log.warn(`TEND_TEST_CLOCK is set: the server's clock starts at ${start}. Never use this in production.`);
  }
  return new Date(Date.now() + offsetMs);
}

/** Re-reads TEND_TEST_CLOCK on the next call (tests change it between cases). */
export function resetClock() {
  offsetMs = undefined;
}
