// Pure (no DB, no clock, no process TZ): the calendar's arithmetic. Days are the practice's local
// dates; everything positioned on a day is measured in local wall-clock minutes since midnight.
// Unit-tested in tests/unit/coach-calendar.test.ts.
import { addDays, parseLocalDate } from "@/lib/time/dates";
import { localMinutesOf, startOfLocalDate } from "@/lib/time/zones";

export type CalendarDay = {
  /** "YYYY-MM-DD" in the practice's zone. */
  date: string;
  /** First instant of the date and of the next one (a DST day is 23 or 25 hours long). */
  from: Date;
  to: Date;
};

/** A "YYYY-MM-DD" query parameter, or null when it is missing or not a real date. */
export function parseDateParam(value: unknown): string | null {
  return typeof value === "string" && parseLocalDate(value) !== null ? value : null;
}

/** `count` consecutive local dates from `first`, each with the instants it spans in `zone`. */
export function daysFrom(first: string, count: number, zone: string): CalendarDay[] {
  return Array.from({ length: count }, (_, i) => {
    const date = addDays(first, i);
    return { date, from: startOfLocalDate(date, zone), to: startOfLocalDate(addDays(date, 1), zone) };
  });
}

export type Placed<T> = {
  item: T;
  /** The part of the item on this day, in wall minutes [startMinute, endMinute) (0–1440). */
  startMinute: number;
  endMinute: number;
  /** Side-by-side columns for items that overlap: this one's column, and how many share its cluster. */
  lane: number;
  lanes: number;
  /** Whether the item began the day before, or runs on into the next day. */
  continuesBefore: boolean;
  continuesAfter: boolean;
};

/**
 * The items overlapping one day, clipped to it and laid out so overlapping ones sit side by side
 * (a canceled session stays visible next to the one booked into its time).
 */
export function placeOnDay<T>(items: readonly T[], span: (item: T) => { start: Date; end: Date }, day: CalendarDay, zone: string): Placed<T>[] {
  const pieces = items
    .map((item) => ({ item, ...span(item) }))
    .filter((s) => s.start < day.to && s.end > day.from)
    .map((s) => {
      const continuesBefore = s.start < day.from;
      const continuesAfter = s.end > day.to;
      const startMinute = continuesBefore ? 0 : localMinutesOf(s.start, zone);
      const endMinute = continuesAfter || s.end.getTime() === day.to.getTime() ? 24 * 60 : localMinutesOf(s.end, zone);
      // The clock can fall back during an item; keep it at least visible.
      return { item: s.item, startMinute, endMinute: Math.max(endMinute, startMinute + 1), continuesBefore, continuesAfter };
    })
    .sort((a, b) => a.startMinute - b.startMinute || b.endMinute - a.endMinute);

  const placed: Placed<T>[] = [];
  let cluster: Placed<T>[] = [];
  let clusterEnd = -1;
  const closeCluster = () => {
    const lanes = Math.max(1, ...cluster.map((p) => p.lane + 1));
    for (const p of cluster) p.lanes = lanes;
    cluster = [];
  };
  for (const piece of pieces) {
    if (piece.startMinute >= clusterEnd) closeCluster();
    // The first column whose last item has ended.
    const busyLanes = new Set(cluster.filter((p) => p.endMinute > piece.startMinute).map((p) => p.lane));
    let lane = 0;
    while (busyLanes.has(lane)) lane++;
    const p: Placed<T> = { ...piece, lane, lanes: 1 };
    cluster.push(p);
    placed.push(p);
    clusterEnd = Math.max(clusterEnd, piece.endMinute);
  }
  closeCluster();
  return placed;
}

/**
 * The hours the week grid shows: 08:00–18:00, widened to whole hours so that every working
 * interval and every item of the week fits.
 */
export function visibleHours(spans: readonly [number, number][]): { firstHour: number; lastHour: number } {
  let first = 8 * 60;
  let last = 18 * 60;
  for (const [a, b] of spans) {
    first = Math.min(first, a);
    last = Math.max(last, b);
  }
  return { firstHour: Math.max(0, Math.floor(first / 60)), lastHour: Math.min(24, Math.ceil(last / 60)) };
}
