"use client";

import { useEffect, useId, useRef, useState } from "react";
import { addMonths, lastDayOfMonth, monthOf } from "@/lib/time/dates";
import { describeZone, formatLongDate, formatMonth, formatTime } from "@/lib/time/format";
import { localDateOf } from "@/lib/time/zones";
import { MonthCalendar } from "./month-calendar";
import type { SlotMonth, SlotTime } from "./slot-days";
import { TimeZoneCombobox } from "@/components/ui/time-zone-combobox";

type SlotQuery = { start: string; end: string; timeZone: string };
export type LoadSlots = (query: SlotQuery) => Promise<{ ok: true; data: SlotMonth } | { ok: false; error: string }>;

type MonthEntry = { status: "ready"; data: SlotMonth } | { status: "error"; error: string };

const DAY = 86_400_000;
/** How many empty months the picker skips on its own when it first opens. */
const AUTO_ADVANCE_MONTHS = 3;

/**
 * Day, then time: a month calendar of the days with room, the open times of
 * the chosen day in the visitor's time zone, and the zone itself (changeable).
 * Months are fetched through `loadSlots` as they are shown, and kept; bump
 * `refreshKey` to fetch afresh (after a time was taken, say).
 */
export function SlotPicker({
  nowIso,
  horizonDays,
  timeZone,
  onTimeZoneChange,
  loadSlots,
  refreshKey = 0,
  selectedStart,
  onSelect,
  currentStart,
  notice,
  zoneHint = "We found this from your device. Change it if it’s not right.",
}: {
  /** The server's "now" (it honours the test clock), for today and the booking horizon. */
  nowIso: string;
  horizonDays: number;
  timeZone: string;
  onTimeZoneChange: (zone: string) => void;
  loadSlots: LoadSlots;
  refreshKey?: number;
  selectedStart?: string | null;
  onSelect: (slot: SlotTime) => void;
  /** When moving a session: its present time, shown but not offered. */
  currentStart?: string;
  /** A message above the times (e.g. "that time was just taken"). */
  notice?: React.ReactNode;
  /** Where the starting zone came from, under the zone field until the booker changes it. */
  zoneHint?: string;
}) {
  const now = new Date(nowIso);
  const today = localDateOf(now, timeZone);
  const minMonth = monthOf(today);
  const maxMonth = monthOf(localDateOf(new Date(now.getTime() + (horizonDays + 1) * DAY), timeZone));

  const [month, setMonth] = useState(() => (selectedStart ? monthOf(localDateOf(new Date(selectedStart), timeZone)) : minMonth));
  const [selectedDate, setSelectedDate] = useState<string | null>(() => (selectedStart ? localDateOf(new Date(selectedStart), timeZone) : null));
  const [entries, setEntries] = useState<Record<string, MonthEntry>>({});
  const [zoneChanged, setZoneChanged] = useState(false);
  const inFlight = useRef(new Set<string>());
  const autoAdvance = useRef(AUTO_ADVANCE_MONTHS);
  const timesRef = useRef<HTMLDivElement>(null);
  const timesHeadingId = useId();

  const shownMonth = month < minMonth ? minMonth : month > maxMonth ? maxMonth : month;
  const key = `${refreshKey}|${timeZone}|${shownMonth}`;
  const entry = entries[key];

  useEffect(() => {
    if (entries[key] || inFlight.current.has(key)) return;
    inFlight.current.add(key);
    const requested = shownMonth;
    loadSlots({ start: `${requested}-01`, end: lastDayOfMonth(requested), timeZone })
      .then((result): MonthEntry => (result.ok ? { status: "ready", data: result.data } : { status: "error", error: result.error }))
      .catch((): MonthEntry => ({ status: "error", error: "We couldn’t reach the server. Check your connection and try again." }))
      .then((result) => {
        inFlight.current.delete(key);
        setEntries((all) => ({ ...all, [key]: result }));
        // On first opening, an empty month (late in the month, say) moves on to the next one with room.
        if (result.status === "ready" && autoAdvance.current > 0) {
          if (result.data.days.length === 0 && requested < maxMonth) {
            autoAdvance.current -= 1;
            setMonth(addMonths(requested, 1));
          } else {
            autoAdvance.current = 0;
          }
        }
      });
  }, [entries, key, loadSlots, maxMonth, shownMonth, timeZone]);

  const loading = !entry;
  const days = entry?.status === "ready" ? entry.data.days : [];
  const counts = entry?.status === "ready" ? Object.fromEntries(days.map((d) => [d.date, d.slots.length])) : null;
  const dayTimes = selectedDate ? (days.find((d) => d.date === selectedDate)?.slots ?? []) : [];
  const showTimes = selectedDate && monthOf(selectedDate) === shownMonth;

  function changeMonth(next: string) {
    autoAdvance.current = 0;
    setMonth(next);
  }

  function selectDate(date: string) {
    setSelectedDate(date);
    // On a phone the times sit below the calendar: bring them into view.
    requestAnimationFrame(() => timesRef.current?.scrollIntoView({ behavior: "smooth", block: "nearest" }));
  }

  const statusText = loading
    ? `Looking for open times in ${formatMonth(shownMonth)}…`
    : entry.status === "error"
      ? ""
      : showTimes
        ? `${dayTimes.length} open ${dayTimes.length === 1 ? "time" : "times"} on ${formatLongDate(selectedDate, { year: false })}.`
        : days.length
          ? `${days.length} ${days.length === 1 ? "day has" : "days have"} open times in ${formatMonth(shownMonth)}.`
          : `No open times in ${formatMonth(shownMonth)}.`;

  return (
    <div className="grid gap-6 md:grid-cols-[minmax(0,1fr)_15rem] md:gap-8">
      <p role="status" className="sr-only">
        {statusText}
      </p>
      <div className="min-w-0">
        <MonthCalendar
          month={shownMonth}
          today={today}
          minMonth={minMonth}
          maxMonth={maxMonth}
          counts={counts}
          loading={loading}
          selected={selectedDate}
          onSelect={selectDate}
          onMonthChange={changeMonth}
        />
        {loading ? (
          <p className="mt-3 flex items-center gap-2 text-sm text-muted" aria-hidden="true">
            <Spinner /> Finding open times…
          </p>
        ) : entry.status === "error" ? (
          <div role="alert" className="mt-4 rounded-xl border border-clay-600/30 bg-clay-100 px-4 py-3 text-sm text-clay-600">
            <p>{entry.error}</p>
            <button
              type="button"
              className="mt-2 font-medium underline underline-offset-4"
              onClick={() =>
                setEntries((all) => {
                  const rest = { ...all };
                  delete rest[key];
                  return rest;
                })
              }
            >
              Try again
            </button>
          </div>
        ) : days.length === 0 ? (
          <div className="mt-4 rounded-xl bg-paper px-4 py-3 text-sm text-ink">
            <p>No open times in {formatMonth(shownMonth)}.</p>
            {shownMonth < maxMonth ? (
              <button type="button" className="mt-1 font-medium text-brand-700 underline underline-offset-4" onClick={() => changeMonth(addMonths(shownMonth, 1))}>
                See {formatMonth(addMonths(shownMonth, 1))}
              </button>
            ) : (
              <p className="mt-1 text-muted">Sessions can be booked up to {horizonDays} days ahead. Please check back soon.</p>
            )}
          </div>
        ) : null}
        <div className="mt-5">
          <TimeZoneCombobox
            value={timeZone}
            onChange={(zone) => {
              setZoneChanged(true);
              onTimeZoneChange(zone);
            }}
            label="Your time zone"
            hint={zoneChanged ? undefined : zoneHint}
          />
        </div>
      </div>

      <div ref={timesRef} className="min-w-0 scroll-mt-4" aria-labelledby={timesHeadingId} role="region">
        <h3 id={timesHeadingId} className="font-serif text-lg font-semibold text-ink">
          {showTimes ? formatLongDate(selectedDate, { year: false }) : "Times"}
        </h3>
        <p className="mt-0.5 text-xs text-muted">Shown in {describeZone(timeZone)}</p>
        {notice ? <div className="mt-3">{notice}</div> : null}
        {!showTimes ? (
          <p className="mt-4 text-sm text-muted">Choose a day to see its open times.</p>
        ) : loading ? (
          <p className="mt-4 text-sm text-muted">Finding open times…</p>
        ) : dayTimes.length === 0 ? (
          <p className="mt-4 text-sm text-ink">No open times left on this day. Please choose another day.</p>
        ) : (
          <ul className="mt-4 grid grid-cols-2 gap-2 md:max-h-[26rem] md:grid-cols-1 md:overflow-y-auto md:pr-1" aria-label={`Open times on ${formatLongDate(selectedDate, { year: false })}`}>
            {dayTimes.map((slot) => {
              const chosen = slot.start === selectedStart;
              const current = slot.start === currentStart;
              return (
                <li key={slot.start}>
                  <button
                    type="button"
                    disabled={current}
                    aria-pressed={chosen && !current}
                    // The name starts with the visible text (what a voice user says to press it), then the end.
                    aria-label={`${formatTime(slot.start, timeZone)}${current ? " current time" : ""} until ${formatTime(slot.end, timeZone)}`}
                    onClick={() => onSelect(slot)}
                    className={`w-full rounded-lg border px-3 py-2.5 text-sm font-semibold tabular-nums transition-colors ${
                      current
                        ? "cursor-not-allowed border-line bg-paper text-muted"
                        : chosen
                          ? "border-brand-600 bg-brand-600 text-white"
                          : "border-brand-600/40 bg-white text-brand-700 hover:border-brand-600 hover:bg-brand-50"
                    }`}
                  >
                    {formatTime(slot.start, timeZone)}
                    {current ? <span className="block text-xs font-normal"> current time</span> : null}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </div>
  );
}

export function Spinner({ className = "h-4 w-4" }: { className?: string }) {
  return (
    <svg className={`animate-spin ${className}`} viewBox="0 0 24 24" fill="none" aria-hidden="true">
      <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.25" strokeWidth="3" />
      <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}

/** What stands in for the picker until the browser has told us its time zone. */
export function SlotPickerSkeleton() {
  return (
    <div role="status" className="animate-pulse">
      <span className="sr-only">Loading the calendar…</span>
      <div aria-hidden="true" className="grid gap-6 md:grid-cols-[minmax(0,1fr)_15rem] md:gap-8">
        <div>
          <div className="h-6 w-40 rounded bg-line/70" />
          <div className="mt-5 grid grid-cols-7 gap-2">
            {Array.from({ length: 35 }, (_, i) => (
              <div key={i} className="mx-auto aspect-square w-full max-w-11 rounded-full bg-line/40" />
            ))}
          </div>
        </div>
        <div className="space-y-2">
          <div className="h-6 w-28 rounded bg-line/70" />
          <div className="h-10 rounded-lg bg-line/40" />
          <div className="h-10 rounded-lg bg-line/40" />
        </div>
      </div>
    </div>
  );
}
