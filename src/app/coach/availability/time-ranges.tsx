"use client";

import { formatLocalTime, parseLocalTime } from "@/lib/time/dates";

export type Range = { key: string; start: string; end: string };
export type RangeErrors = { start?: string[]; end?: string[]; row?: string[] };

// Only for rows added in the browser: rows rendered on the server get fixed keys (see the forms),
// so the ids built from keys match when the page hydrates.
let nextKey = 0;
export const newKey = () => `n${++nextKey}`;

/** A time input can't say "24:00": midnight at the end of the day is typed as 00:00 and saved as 24:00. */
const endForInput = (end: string) => (end === "24:00" ? "00:00" : end);
export const endForSave = (end: string) => (end === "00:00" ? "24:00" : end);

/** The range a new "Add hours" row starts with: 9 to 5 on an empty day, else the hour after the last range. */
function nextRange(ranges: Range[]): Range {
  const last = ranges[ranges.length - 1];
  if (!last) return { key: newKey(), start: "09:00", end: "17:00" };
  const from = Math.min(parseLocalTime(endForSave(last.end)) ?? 17 * 60, 23 * 60);
  return { key: newKey(), start: formatLocalTime(from), end: endForInput(formatLocalTime(Math.min(from + 60, 24 * 60))) };
}

/**
 * One day's time ranges: "from [09:00] to [12:00] Remove", and "Add hours". Controlled; errors
 * come back keyed by the range's position in what was saved.
 */
export function TimeRanges({
  ranges,
  onChange,
  errors,
  dayLabel,
  idPrefix,
}: {
  ranges: Range[];
  onChange: (ranges: Range[]) => void;
  errors: Record<string, RangeErrors>;
  /** "Monday" or "March 9": names each input for screen readers. */
  dayLabel: string;
  idPrefix: string;
}) {
  const update = (key: string, patch: Partial<Range>) => onChange(ranges.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <div className="space-y-2">
      <ul className="space-y-2">
        {ranges.map((range, index) => {
          const e = errors[range.key] ?? {};
          const messages = [...(e.row ?? []), ...(e.start ?? []), ...(e.end ?? [])];
          const errorId = messages.length ? `${idPrefix}-${range.key}-error` : undefined;
          const n = ranges.length > 1 ? ` (hours ${index + 1})` : "";
          return (
            <li key={range.key}>
              <div className="grid max-w-sm grid-cols-[minmax(0,1fr)_auto_minmax(0,1fr)_auto] items-center gap-1.5 sm:gap-2">
                <label htmlFor={`${idPrefix}-${range.key}-start`} className="sr-only">
                  {dayLabel}
                  {n}: from
                </label>
                <input
                  id={`${idPrefix}-${range.key}-start`}
                  type="time"
                  step={300}
                  required
                  value={range.start}
                  onChange={(ev) => update(range.key, { start: ev.target.value })}
                  aria-invalid={!!(e.start?.length || e.row?.length)}
                  aria-describedby={errorId}
                  className="min-h-10 w-full min-w-0 rounded-lg border border-line bg-white px-1.5 py-1.5 text-sm text-ink aria-[invalid=true]:border-clay-600 sm:px-2"
                />
                <span aria-hidden="true" className="text-sm text-muted">
                  to
                </span>
                <label htmlFor={`${idPrefix}-${range.key}-end`} className="sr-only">
                  {dayLabel}
                  {n}: until
                </label>
                <input
                  id={`${idPrefix}-${range.key}-end`}
                  type="time"
                  step={300}
                  required
                  value={endForInput(range.end)}
                  onChange={(ev) => update(range.key, { end: ev.target.value })}
                  aria-invalid={!!e.end?.length}
                  aria-describedby={errorId}
                  className="min-h-10 w-full min-w-0 rounded-lg border border-line bg-white px-1.5 py-1.5 text-sm text-ink aria-[invalid=true]:border-clay-600 sm:px-2"
                />
                <button
                  type="button"
                  onClick={() => onChange(ranges.filter((r) => r.key !== range.key))}
                  aria-label={`Remove ${dayLabel}${n} ${range.start} to ${endForInput(range.end)}`}
                  className="inline-flex min-h-10 min-w-9 items-center justify-center rounded-lg text-muted hover:bg-clay-100 hover:text-clay-600"
                >
                  <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" className="h-4 w-4" aria-hidden="true">
                    <path d="M5 5l10 10M15 5L5 15" />
                  </svg>
                </button>
              </div>
              {messages.length ? (
                <p id={errorId} role="alert" className="mt-1 text-sm text-clay-600">
                  {messages.join(" ")}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        onClick={() => onChange([...ranges, nextRange(ranges)])}
        className="inline-flex min-h-9 items-center gap-1 rounded-lg px-2 text-sm font-medium text-brand-700 hover:bg-brand-50"
      >
        <span aria-hidden="true">+</span> Add hours<span className="sr-only"> on {dayLabel}</span>
      </button>
    </div>
  );
}

/**
 * Field errors keyed like "3.start" (or "intervals.3.start", with `prefix`) mapped onto the range at
 * that position in `saved`, so each message shows beside its own row.
 */
export function errorsByRange(fieldErrors: Record<string, string[]> | undefined, saved: Range[], prefix = ""): Record<string, RangeErrors> {
  const out: Record<string, RangeErrors> = {};
  for (const [path, messages] of Object.entries(fieldErrors ?? {})) {
    if (prefix && !path.startsWith(prefix)) continue;
    const [index, field] = path.slice(prefix.length).split(".");
    const range = saved[Number(index)];
    if (!range || index === "" || Number.isNaN(Number(index))) continue;
    const slot = field === "start" ? "start" : field === "end" ? "end" : "row";
    ((out[range.key] ??= {})[slot] ??= []).push(...messages);
  }
  return out;
}
