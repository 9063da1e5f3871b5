/**
 * Slot computation for a 31-day month with 1,000 existing bookings.
 * Prints figures with their goal beside them; never asserts on time.
 *
 *   npx tsx --conditions=react-server bench/slots.ts
 */
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import type { WeeklyHoursInterval } from "../src/lib/scheduling/availability";
import { rangeForLocalDates, startOfLocalDate } from "../src/lib/time/zones";
import { computeSlots, isSlotOpen, type SlotInput } from "../src/lib/scheduling/slots";

const ZONE = "America/Los_Angeles";
const MINUTE = 60_000;

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/**
 * March 2026 (it holds a DST change), open 07:00–21:00 every day with a lunch gap, and 1,000
 * existing bookings and blocks (some outside hours) of 15–45 minutes each, so days stay crowded
 * but keep some room.
 */
function benchInput(): SlotInput {
  const weeklyHours: WeeklyHoursInterval[] = ([1, 2, 3, 4, 5, 6, 7] as const).flatMap((weekday) => [
    { weekday, start: "07:00", end: "12:30" },
    { weekday, start: "13:00", end: "21:00" },
  ]);
  // A fixed pseudo-random sequence, so every run measures the same month.
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const busy: { start: Date; end: Date }[] = [];
  for (let i = 0; i < 1000; i++) {
    const day = 1 + Math.floor(random() * 31);
    const dayStart = startOfLocalDate(`2026-03-${String(day).padStart(2, "0")}`, ZONE).getTime();
    const startMinute = 6 * 60 + Math.floor(random() * 64) * 15; // 06:00 … 21:45
    const length = [15, 15, 30, 45][Math.floor(random() * 4)]!;
    // Busy time arrives already widened by each booking's own buffers.
    busy.push({
      start: new Date(dayStart + startMinute * MINUTE),
      end: new Date(dayStart + (startMinute + length) * MINUTE),
    });
  }
  return {
    timeZone: ZONE,
    weeklyHours,
    overrides: [
      { date: "2026-03-17", intervals: [{ start: "10:00", end: "14:00" }] },
      { date: "2026-03-25", intervals: [] },
    ],
    timeOff: [{ startDate: "2026-03-20", endDate: "2026-03-21" }],
    busy,
    durationMinutes: 30,
    bufferBeforeMinutes: 5,
    bufferAfterMinutes: 5,
    minimumNoticeMinutes: 12 * 60,
    horizonDays: 60,
    slotIntervalMinutes: 15,
    maxPerDay: 40,
    bookedPerDay: { "2026-03-10": 40 },
    now: new Date("2026-02-27T18:00:00Z"),
    range: rangeForLocalDates("2026-03-01", "2026-03-31", ZONE),
  };
}

export interface SlotsBenchResult {
  slots: number;
  medianMs: number;
  p95Ms: number;
  isSlotOpenMedianMs: number;
}

export async function benchSlots(runs = 200): Promise<SlotsBenchResult> {
  const input = benchInput();
  for (let i = 0; i < 20; i++) computeSlots(input); // warm up the JIT and the zone cache
  const times: number[] = [];
  let slots = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    slots = computeSlots(input).length;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);

  const dayInput: Omit<SlotInput, "range"> = input;
  const probe = computeSlots(input)[Math.floor(slots / 2)]?.start ?? input.range.from;
  const checks: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    isSlotOpen(dayInput, probe);
    checks.push(performance.now() - t0);
  }
  checks.sort((a, b) => a - b);

  const result = {
    slots,
    medianMs: percentile(times, 50),
    p95Ms: percentile(times, 95),
    isSlotOpenMedianMs: percentile(checks, 50),
  };
  console.log(
    `slots: 31-day month, ${input.busy?.length ?? 0} bookings, ${slots} open slots, ${runs} runs: ` +
      `median ${result.medianMs.toFixed(2)} ms, p95 ${result.p95Ms.toFixed(2)} ms (goal: median under 5 ms)`,
  );
  console.log(`slots: isSlotOpen (one day) median ${result.isSlotOpenMedianMs.toFixed(3)} ms`);
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void benchSlots();
}
