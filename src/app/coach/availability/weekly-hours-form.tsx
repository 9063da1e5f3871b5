"use client";

import { useActionState, useEffect, useRef, useState, useTransition } from "react";
import { buttonClass } from "@/components/ui/button-class";
import { WEEKDAYS, type Weekday } from "@/lib/time/dates";
import type { WeeklyHoursInterval } from "@/lib/scheduling/availability";
import { saveWeeklyHoursAction } from "./actions";
import { endForSave, errorsByRange, newKey, TimeRanges, type Range } from "./time-ranges";

type Day = { weekday: Weekday; label: string; on: boolean; ranges: Range[] };

const NINE_TO_FIVE = (): Range[] => [{ key: newKey(), start: "09:00", end: "17:00" }];

function daysFrom(hours: WeeklyHoursInterval[]): Day[] {
  return WEEKDAYS.map(({ weekday, label }) => {
    const ranges = hours.filter((h) => h.weekday === weekday).map((h, i) => ({ key: `w${weekday}-${i}`, start: h.start, end: h.end }));
    return { weekday, label, on: ranges.length > 0, ranges };
  });
}

/** What is sent, in order: errors come back by position in this list. */
function toSave(days: Day[]) {
  const rows: { range: Range; weekday: Weekday }[] = [];
  for (const day of days) if (day.on) for (const range of day.ranges) rows.push({ range, weekday: day.weekday });
  return rows;
}

/** The recurring week: each day on or off, with one or more time ranges; saved all at once. */
export function WeeklyHoursForm({ initial, zoneLabel }: { initial: WeeklyHoursInterval[]; zoneLabel: string }) {
  const [days, setDays] = useState(() => daysFrom(initial));
  const [state, dispatch, pending] = useActionState(saveWeeklyHoursAction, null);
  const [, startTransition] = useTransition();
  // Errors point at positions in the list that was sent, so remember which rows that was.
  const [sent, setSent] = useState<Range[]>([]);
  const [dirty, setDirty] = useState(false);
  const failed = state && !state.ok ? state : null;
  const rowErrors = errorsByRange(failed?.fieldErrors, sent, "intervals.");
  const noHours = days.every((d) => !d.on || d.ranges.length === 0);
  const mapped = Object.keys(rowErrors).length > 0;
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (failed) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [failed]);

  const change = (weekday: Weekday, patch: Partial<Day>) => {
    setDirty(true);
    setDays((all) =>
      all.map((d) => {
        if (d.weekday !== weekday) return d;
        const next = { ...d, ...patch };
        // Turning a day on with nothing in it starts it at 9 to 5; removing its last range turns it off.
        if (patch.on && next.ranges.length === 0) next.ranges = NINE_TO_FIVE();
        if (patch.ranges && patch.ranges.length === 0) next.on = false;
        return next;
      }),
    );
  };

  const save = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const rows = toSave(days);
    setSent(rows.map((r) => r.range));
    setDirty(false);
    startTransition(() =>
      dispatch({ intervals: rows.map(({ range, weekday }) => ({ weekday, start: range.start, end: endForSave(range.end) })) }),
    );
  };

  return (
    <form ref={formRef} onSubmit={save} noValidate className="space-y-4">
      {noHours ? (
        <div className="flex flex-col gap-3 rounded-xl border border-clay-600/30 bg-clay-100/60 p-4 text-sm text-ink sm:flex-row sm:items-center sm:justify-between">
          <p>No working hours set, so clients can’t book you yet.</p>
          <button
            type="button"
            className={buttonClass("secondary", "shrink-0")}
            onClick={() => {
              setDirty(true);
              setDays((all) => all.map((d) => (d.weekday <= 5 ? { ...d, on: true, ranges: NINE_TO_FIVE() } : { ...d, on: false })));
            }}
          >
            Use Monday–Friday, 9 AM–5 PM
          </button>
        </div>
      ) : null}

      <ul className="divide-y divide-line rounded-xl border border-line">
        {days.map((day) => {
          const toggleId = `day-${day.weekday}-on`;
          return (
            <li key={day.weekday} className="flex flex-col gap-3 p-3 sm:flex-row sm:items-start sm:gap-6 sm:p-4">
              <div className="flex min-h-10 w-40 shrink-0 items-center gap-3">
                <input
                  id={toggleId}
                  type="checkbox"
                  role="switch"
                  checked={day.on}
                  onChange={(e) => change(day.weekday, { on: e.target.checked })}
                  className="h-5 w-5 shrink-0 rounded border-line accent-brand-600"
                />
                <label htmlFor={toggleId} className="text-sm font-medium text-ink">
                  {day.label}
                </label>
              </div>
              <div className="min-w-0 flex-1">
                {day.on ? (
                  <TimeRanges
                    ranges={day.ranges}
                    onChange={(ranges) => change(day.weekday, { ranges })}
                    errors={rowErrors}
                    dayLabel={day.label}
                    idPrefix={`day-${day.weekday}`}
                  />
                ) : (
                  <p className="flex min-h-10 items-center text-sm text-muted">Not working</p>
                )}
              </div>
            </li>
          );
        })}
      </ul>

      <p className="text-xs text-muted">
        Times are in {zoneLabel}. For midnight at the end of the day, choose 12:00 AM as the end.
      </p>

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass("primary")}>
          {pending ? "Saving…" : "Save weekly hours"}
        </button>
        <p role="status" className="text-sm text-brand-800">
          {state?.ok && !dirty && !pending ? "Weekly hours saved." : dirty ? <span className="text-muted">Unsaved changes.</span> : ""}
        </p>
      </div>
      {failed ? (
        <p role="alert" className="rounded-lg border border-clay-600/30 bg-clay-100 px-4 py-3 text-sm text-clay-600">
          {mapped
            ? "Some hours need fixing: see the messages beside them. Nothing was saved yet."
            : Object.values(failed.fieldErrors ?? {}).flat()[0] ?? failed.error}
        </p>
      ) : null}
    </form>
  );
}
