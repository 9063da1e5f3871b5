"use client";

import { useActionState, useEffect, useRef, useState, useTransition } from "react";
import { buttonClass } from "@/components/ui/button-class";
import { Field } from "@/components/ui/field";
import { formatLongDate } from "@/lib/time/format";
import { setDateOverrideAction } from "./actions";
import { endForSave, errorsByRange, TimeRanges, type Range } from "./time-ranges";

/** One date with other hours than usual, or the whole day off. Saving a date again replaces it. */
export function OverrideForm({ today, zoneLabel }: { today: string; zoneLabel: string }) {
  const [state, dispatch, pending] = useActionState(setDateOverrideAction, null);
  const [, startTransition] = useTransition();
  const [date, setDate] = useState("");
  const [mode, setMode] = useState<"off" | "hours">("off");
  const [ranges, setRanges] = useState<Range[]>([{ key: "o0", start: "09:00", end: "12:00" }]);
  const [sent, setSent] = useState<Range[]>([]);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors ?? {};
  const rowErrors = errorsByRange(errors, sent, "intervals.");

  // A saved entry clears the form for the next one.
  const [seen, setSeen] = useState(state);
  if (state !== seen) {
    setSeen(state);
    if (state?.ok) {
      setDate("");
      setMode("off");
    }
  }
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (failed) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [failed]);

  const save = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const chosen = mode === "hours" ? ranges : [];
    setSent(chosen);
    startTransition(() => dispatch({ date, intervals: chosen.map((r) => ({ start: r.start, end: endForSave(r.end) })) }));
  };

  const generalError =
    failed && !errors.date && !Object.keys(rowErrors).length ? (Object.values(errors).flat()[0] ?? failed.error) : failed ? "Please fix the marked fields." : null;

  return (
    <form ref={formRef} onSubmit={save} noValidate className="space-y-4">
      <div className="max-w-xs">
        <Field label="Date" name="date" type="date" required min={today} value={date} onChange={(e) => setDate(e.target.value)} errors={errors.date} />
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-ink">On that date</legend>
        <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
          <label className="flex min-h-10 items-center gap-2 text-sm text-ink">
            <input type="radio" name="mode" value="off" checked={mode === "off"} onChange={() => setMode("off")} className="h-4 w-4 accent-brand-600" />
            I’m not working (day off)
          </label>
          <label className="flex min-h-10 items-center gap-2 text-sm text-ink">
            <input type="radio" name="mode" value="hours" checked={mode === "hours"} onChange={() => setMode("hours")} className="h-4 w-4 accent-brand-600" />
            I’m working other hours
          </label>
        </div>
      </fieldset>
      {mode === "hours" ? (
        <div className="rounded-xl border border-line p-3 sm:p-4">
          <TimeRanges ranges={ranges} onChange={setRanges} errors={rowErrors} dayLabel={date || "that date"} idPrefix="override" />
          <p className="mt-2 text-xs text-muted">These replace your usual hours for that date only. Times are in {zoneLabel}.</p>
        </div>
      ) : null}
      <p className="text-xs text-muted">Sessions already booked that day stay booked: move or cancel them from the calendar if needed.</p>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass("primary")}>
          {pending ? "Saving…" : mode === "off" ? "Save day off" : "Save hours for this date"}
        </button>
        <p role="status" className="text-sm text-brand-800">
          {state?.ok ? `Saved: ${formatLongDate(state.data.date)}${state.data.intervals.length ? " has other hours." : " is a day off."}` : ""}
        </p>
      </div>
      {generalError ? (
        <p role="alert" className="text-sm text-clay-600">
          {generalError}
        </p>
      ) : null}
    </form>
  );
}
