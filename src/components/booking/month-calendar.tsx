"use client";

import { useEffect, useId, useRef, useState } from "react";
import { addDays, addMonths, lastDayOfMonth, monthOf, weekdayOf } from "@/lib/time/dates";
import { formatLongDate, formatMonth } from "@/lib/time/format";

/** The grid starts its weeks on Sunday, as US calendars do. */
const COLUMNS = [
  ["Su", "Sunday"],
  ["Mo", "Monday"],
  ["Tu", "Tuesday"],
  ["We", "Wednesday"],
  ["Th", "Thursday"],
  ["Fr", "Friday"],
  ["Sa", "Saturday"],
] as const;

/** A date's column in the grid: Sunday 0 … Saturday 6 (ISO weekday 7 is Sunday). */
const columnOf = (date: string) => weekdayOf(date) % 7;

function clampDay(month: string, day: number): string {
  const last = Number(lastDayOfMonth(month).slice(8));
  return `${month}-${String(Math.min(day, last)).padStart(2, "0")}`;
}

/**
 * A month of days, the ones with open times highlighted. Keyboard: arrow keys
 * move by day and week, Home/End to the week's ends, Page Up/Down by month,
 * Enter or Space picks the day. Days without room stay reachable (so the
 * keyboard can pass over them) but say so and can't be picked.
 */
export function MonthCalendar({
  month,
  today,
  minMonth,
  maxMonth,
  counts,
  loading,
  selected,
  onSelect,
  onMonthChange,
}: {
  month: string;
  today: string;
  minMonth: string;
  maxMonth: string;
  /** Open times per date of this month; null while loading. */
  counts: Record<string, number> | null;
  loading: boolean;
  selected: string | null;
  onSelect: (date: string) => void;
  onMonthChange: (month: string) => void;
}) {
  const headingId = useId();
  const gridRef = useRef<HTMLTableElement>(null);
  const [focusDate, setFocusDate] = useState<string | null>(null);
  const pendingFocus = useRef(false);

  const first = `${month}-01`;
  const last = lastDayOfMonth(month);
  const firstOpen = counts ? Object.keys(counts).sort().find((d) => d.startsWith(month) && counts[d]! > 0) : undefined;
  const tabbable =
    focusDate && monthOf(focusDate) === month
      ? focusDate
      : selected && monthOf(selected) === month
        ? selected
        : (firstOpen ?? (monthOf(today) === month ? today : first));

  // After a key moved focus to another day (maybe in another month), follow it.
  useEffect(() => {
    if (!pendingFocus.current) return;
    pendingFocus.current = false;
    gridRef.current?.querySelector<HTMLButtonElement>(`button[data-date="${tabbable}"]`)?.focus();
  });

  function moveTo(date: string) {
    const target = monthOf(date);
    if (target < minMonth || target > maxMonth) return;
    pendingFocus.current = true;
    setFocusDate(date);
    if (target !== month) onMonthChange(target);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLButtonElement>, date: string) {
    const column = columnOf(date);
    const day = Number(date.slice(8));
    const moves: Record<string, () => string> = {
      ArrowLeft: () => addDays(date, -1),
      ArrowRight: () => addDays(date, 1),
      ArrowUp: () => addDays(date, -7),
      ArrowDown: () => addDays(date, 7),
      Home: () => addDays(date, -column),
      End: () => addDays(date, 6 - column),
      PageUp: () => clampDay(addMonths(monthOf(date), -1), day),
      PageDown: () => clampDay(addMonths(monthOf(date), 1), day),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    moveTo(move());
  }

  const cells: (string | null)[] = [];
  for (let i = 0; i < columnOf(first); i++) cells.push(null);
  for (let d = first; d <= last; d = addDays(d, 1)) cells.push(d);
  while (cells.length % 7) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));

  const canPrev = month > minMonth;
  const canNext = month < maxMonth;

  return (
    <div>
      <div className="mb-3 flex items-center justify-between gap-2">
        <h3 id={headingId} className="font-serif text-lg font-semibold text-ink" aria-live="polite">
          {formatMonth(month)}
        </h3>
        <div className="flex gap-1">
          <button
            type="button"
            onClick={() => onMonthChange(addMonths(month, -1))}
            disabled={!canPrev}
            aria-label={`Previous month, ${formatMonth(addMonths(month, -1))}`}
            className="flex h-10 w-10 items-center justify-center rounded-full text-brand-700 hover:bg-brand-50 disabled:cursor-not-allowed disabled:text-line disabled:hover:bg-transparent"
          >
            <Chevron direction="left" />
          </button>
          <button
            type="button"
            onClick={() => onMonthChange(addMonths(month, 1))}
            disabled={!canNext}
            aria-label={`Next month, ${formatMonth(addMonths(month, 1))}`}
            className="flex h-10 w-10 items-center justify-center rounded-full text-brand-700 hover:bg-brand-50 disabled:cursor-not-allowed disabled:text-line disabled:hover:bg-transparent"
          >
            <Chevron direction="right" />
          </button>
        </div>
      </div>
      <table ref={gridRef} role="grid" aria-labelledby={headingId} aria-busy={loading} className="w-full table-fixed border-collapse text-center">
        <thead>
          <tr>
            {COLUMNS.map(([short, long]) => (
              <th key={long} scope="col" abbr={long} className="pb-2 text-xs font-medium text-muted">
                {short}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, i) => (
            <tr key={i}>
              {week.map((date, j) => {
                if (!date) return <td key={j} role="gridcell" />;
                const count = counts?.[date] ?? 0;
                const open = !loading && count > 0;
                const isSelected = date === selected;
                const isToday = date === today;
                const label = `${formatLongDate(date, { year: false })}${isToday ? " (today)" : ""}, ${
                  loading ? "checking for open times" : count > 0 ? `${count} open ${count === 1 ? "time" : "times"}` : "no open times"
                }`;
                return (
                  <td key={date} role="gridcell" aria-selected={isSelected} className="p-0.5">
                    <button
                      type="button"
                      data-date={date}
                      tabIndex={date === tabbable ? 0 : -1}
                      aria-label={label}
                      aria-disabled={!open}
                      aria-current={isToday ? "date" : undefined}
                      onKeyDown={(e) => onKeyDown(e, date)}
                      onFocus={() => setFocusDate(date)}
                      onClick={() => (open ? onSelect(date) : undefined)}
                      className={`relative mx-auto flex aspect-square w-full max-w-11 items-center justify-center rounded-full text-sm tabular-nums transition-colors ${
                        isSelected
                          ? "bg-brand-600 font-semibold text-white"
                          : open
                            ? "bg-brand-50 font-semibold text-brand-800 hover:bg-brand-100"
                            : loading
                              ? "animate-pulse text-muted"
                              : // Readable (4.5:1) though unavailable: open days stand out by their fill and weight.
                                "cursor-default text-muted"
                      }`}
                    >
                      {Number(date.slice(8))}
                      {isToday ? (
                        <span
                          aria-hidden="true"
                          className={`absolute bottom-1 h-1 w-1 rounded-full ${isSelected ? "bg-white" : "bg-clay-600"}`}
                        />
                      ) : null}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Chevron({ direction }: { direction: "left" | "right" }) {
  return (
    <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className="h-5 w-5">
      {direction === "left" ? (
        <path fillRule="evenodd" d="M12.8 5.2a.75.75 0 0 1 0 1.06L9.06 10l3.74 3.74a.75.75 0 1 1-1.06 1.06l-4.27-4.27a.75.75 0 0 1 0-1.06L11.74 5.2a.75.75 0 0 1 1.06 0Z" clipRule="evenodd" />
      ) : (
        <path fillRule="evenodd" d="M7.2 14.8a.75.75 0 0 1 0-1.06L10.94 10 7.2 6.26A.75.75 0 1 1 8.26 5.2l4.27 4.27a.75.75 0 0 1 0 1.06L8.26 14.8a.75.75 0 0 1-1.06 0Z" clipRule="evenodd" />
      )}
    </svg>
  );
}
