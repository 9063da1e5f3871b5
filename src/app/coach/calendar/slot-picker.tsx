"use client";

import { useState } from "react";
import { inputClass } from "@/components/ui/field";
import { formatClockRange } from "@/lib/time/format";
import { parseLocalTime } from "@/lib/time/dates";
import { OTHER_TIME } from "@/lib/scheduling/slots";

/**
 * The coach's own time on the chosen date, outside the open times: an evening crisis session,
 * say. Working hours don't bind the coach; sessions, blocks and buffers still do (the server
 * checks). `workingRanges` are the date's hours in minutes since local midnight.
 */
export type OtherTime = {
  zoneLabel: string;
  workingRanges: [number, number][];
  durationMinutes: number;
  errors?: string[];
  defaultTime?: string;
};

/**
 * Open start times as a group of radio buttons ("9:00 AM", "10:00 AM" …), named `start` with ISO
 * instants as values. Plain radios: keyboard arrows move between times, and it works without scripts.
 * With `other`, a last choice "Another time" takes a clock time typed by the coach.
 */
export function SlotPicker({
  slots,
  legend,
  errors,
  defaultValue,
  currentValue,
  other,
}: {
  slots: { value: string; label: string }[];
  legend: string;
  errors?: string[];
  defaultValue?: string;
  /** The session's own time when rescheduling: shown, not choosable. */
  currentValue?: string;
  other?: OtherTime;
}) {
  const errorId = errors?.length ? "slot-error" : undefined;
  const otherFirst = !!other && (defaultValue === OTHER_TIME || !!other.errors?.length || (!slots.length && !defaultValue));
  const [otherChosen, setOtherChosen] = useState(otherFirst);
  return (
    // Focusable when invalid, so the form can move focus here after a failed submit.
    <fieldset
      aria-describedby={errorId}
      aria-invalid={!!errors?.length}
      tabIndex={errors?.length ? -1 : undefined}
      className="focus:outline-none"
      onChange={(e) => {
        const target: EventTarget = e.target;
        if (target instanceof HTMLInputElement && target.name === "start") setOtherChosen(target.value === OTHER_TIME);
      }}
    >
      <legend className="text-sm font-medium text-ink">{legend}</legend>
      <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-3">
        {slots.map((slot) => {
          const current = slot.value === currentValue;
          return (
            <label key={slot.value} className={`${choiceClass} ${current ? "cursor-not-allowed border-dashed border-line text-muted" : idleClass}`}>
              <input type="radio" name="start" value={slot.value} disabled={current} defaultChecked={slot.value === defaultValue} className="sr-only" />
              <span className="flex flex-col items-center leading-tight">
                {slot.label}
                {current ? <span className="text-[11px]"> current time</span> : null}
              </span>
            </label>
          );
        })}
        {other ? (
          <label className={`${choiceClass} ${idleClass}`}>
            <input type="radio" name="start" value={OTHER_TIME} defaultChecked={otherFirst} className="sr-only" />
            Another time…
          </label>
        ) : null}
      </div>
      {other && otherChosen ? <OtherTimeField other={other} /> : null}
      {errors?.length ? (
        <p id={errorId} role="alert" className="mt-2 text-sm text-clay-600">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}

const choiceClass =
  "flex min-h-10 cursor-pointer items-center justify-center gap-2 rounded-lg border px-3 py-2 text-sm tabular-nums has-checked:border-brand-600 has-checked:bg-brand-600 has-checked:text-white has-focus-visible:ring-2 has-focus-visible:ring-brand-600/40";
const idleClass = "border-line bg-white text-ink hover:border-brand-600";

/** The time field, and before confirming, whether that time is outside the coach's working hours. */
function OtherTimeField({ other }: { other: OtherTime }) {
  const [time, setTime] = useState(other.defaultTime ?? "");
  const start = parseLocalTime(time);
  const inside = start !== null && other.workingRanges.some(([a, b]) => a <= start && start + other.durationMinutes <= b);
  const hours = other.workingRanges.length ? `Your hours that day: ${other.workingRanges.map(([a, b]) => formatClockRange(a, b)).join(", ")}.` : "You don’t work that day.";
  const errorId = other.errors?.length ? "other-time-error" : undefined;
  return (
    <div className="mt-4 space-y-2 rounded-xl border border-line bg-paper/60 p-4">
      <label htmlFor="other-time" className="block text-sm font-medium text-ink">
        Start time ({other.zoneLabel})
      </label>
      <input
        id="other-time"
        type="time"
        name="otherTime"
        required
        value={time}
        onChange={(e) => setTime(e.target.value)}
        aria-invalid={!!other.errors?.length}
        aria-describedby={["other-time-hint", errorId].filter(Boolean).join(" ")}
        className={`${inputClass} max-w-40`}
      />
      <p id="other-time-hint" role="status" className="text-sm">
        {start === null ? (
          <span className="text-muted">Any time that is free: your other sessions, blocks and buffers still apply. {hours}</span>
        ) : inside ? (
          <span className="text-muted">Inside your working hours.</span>
        ) : (
          <span className="font-medium text-clay-600">Outside your working hours. {hours} The client is booked all the same.</span>
        )}
      </p>
      {other.errors?.length ? (
        <p id={errorId} role="alert" className="text-sm text-clay-600">
          {other.errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
