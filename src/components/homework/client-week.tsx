"use client";

import { useState } from "react";
import { describeCadence, MAX_RATING, MIN_RATING } from "@/lib/homework/cadence";
import type { ClientWeekView, OccurrenceView } from "@/lib/homework/view";
import type { ServerAction } from "@/lib/action-result";
import { formatDayParts, formatLongDate } from "@/lib/time/format";
import { SubmitButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { ProgressLine } from "./progress-line";

type Item = ClientWeekView["items"][number];
type Actions = { complete: ServerAction<{ created: boolean }>; undo: ServerAction<{ undone: boolean }> };

/** The portal's "This week": each practice with its times this week, marked done with a reflection. */
export function ClientWeek({ week, actions }: { week: ClientWeekView; actions: Actions }) {
  return (
    <ul className="space-y-4">
      {week.items.map((item) => (
        <li key={item.assignment.id}>
          <PracticeCard item={item} today={week.today} actions={actions} />
        </li>
      ))}
    </ul>
  );
}

function occurrenceLabel(o: OccurrenceView, item: Item): string {
  const { cadence } = item.assignment;
  if (cadence.kind === "daily") {
    const { weekday, day } = formatDayParts(o.date);
    return `${weekday} ${day}`;
  }
  if (cadence.kind === "times_per_week") return `Time ${o.slot} of ${cadence.timesPerWeek}`;
  if (cadence.kind === "once") return `By ${formatLongDate(o.until, { year: false })}`;
  return "This week";
}

function PracticeCard({ item, today, actions }: { item: Item; today: string; actions: Actions }) {
  const { assignment, progress, occurrences } = item;
  const [open, setOpen] = useState<string | null>(null);
  const headingId = `practice-${assignment.id}`;
  const chosen = occurrences.find((o) => `${o.date}#${o.slot}` === open) ?? null;
  return (
    <Card as="article" aria-labelledby={headingId}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id={headingId} className="font-serif text-lg font-semibold text-ink">
          {assignment.title}
        </h2>
        <p className="text-sm text-muted">
          {describeCadence(assignment.cadence)}
          {assignment.shared ? " · together" : ""}
          {assignment.status !== "active" ? ` · ${assignment.status}` : ""}
        </p>
      </div>
      <details className="mt-2 text-sm text-ink/90">
        <summary className="cursor-pointer text-brand-700 underline-offset-2 hover:underline">Instructions</summary>
        <p className="mt-2 whitespace-pre-line">{assignment.instructions}</p>
        {assignment.personalInstructions ? (
          <p className="mt-2 whitespace-pre-line rounded-lg bg-brand-50 px-3 py-2">
            <span className="font-medium">From your coach: </span>
            {assignment.personalInstructions}
          </p>
        ) : null}
      </details>
      <ProgressLine progress={progress} cadence={assignment.cadence} className="mt-3" />
      <ol className="mt-4 flex flex-wrap gap-2" aria-label={`${assignment.title}: this week`}>
        {occurrences.map((o) => {
          const key = `${o.date}#${o.slot}`;
          const label = occurrenceLabel(o, item);
          const isToday = o.from <= today && today <= o.until && assignment.cadence.kind === "daily";
          const state = o.done ? "done" : o.canComplete ? (o.until < today ? "missed" : "open") : "later";
          return (
            <li key={key}>
              <button
                type="button"
                disabled={state === "later"}
                aria-expanded={open === key}
                aria-label={`${label}: ${state === "done" ? "done" : state === "later" ? "not yet" : "mark done"}`}
                onClick={() => setOpen(open === key ? null : key)}
                className={`min-h-11 min-w-16 rounded-xl border px-3 py-2 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 ${
                  state === "done"
                    ? "border-brand-600 bg-brand-600 text-white"
                    : state === "later"
                      ? "border-line bg-white/60 text-muted"
                      : "border-line bg-white text-ink hover:border-brand-600"
                } ${isToday ? "ring-2 ring-brand-600/30" : ""}`}
              >
                {state === "done" ? "✓ " : ""}
                {label}
              </button>
            </li>
          );
        })}
      </ol>
      {chosen ? (
        chosen.done ? (
          <DoneDetail key={open} occurrence={chosen} assignmentId={assignment.id} undo={actions.undo} />
        ) : (
          <CompleteForm key={open} occurrence={chosen} assignmentId={assignment.id} prompt={assignment.reflectionPrompt} complete={actions.complete} />
        )
      ) : null}
    </Card>
  );
}

function OccurrenceFields({ occurrence, assignmentId }: { occurrence: OccurrenceView; assignmentId: string }) {
  return (
    <>
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <input type="hidden" name="occurrenceDate" value={occurrence.date} />
      <input type="hidden" name="occurrenceSlot" value={occurrence.slot} />
    </>
  );
}

function CompleteForm({ occurrence, assignmentId, prompt, complete }: { occurrence: OccurrenceView; assignmentId: string; prompt: string; complete: Actions["complete"] }) {
  const { state, formAction, formKey, formRef, errors, values } = useActionForm(complete);
  const reflectionId = `reflection-${assignmentId}`;
  return (
    <form key={formKey} ref={formRef} action={formAction} className="mt-4 space-y-3 border-t border-line pt-4">
      <FormMessage state={state && !state.ok ? state : null} />
      <OccurrenceFields occurrence={occurrence} assignmentId={assignmentId} />
      <div className="space-y-1.5">
        <label htmlFor={reflectionId} className="block text-sm font-medium text-ink">
          {prompt} <span className="font-normal text-muted">(optional)</span>
        </label>
        <textarea
          id={reflectionId}
          name="reflection"
          rows={3}
          defaultValue={values?.reflection}
          aria-invalid={!!errors.reflection}
          className={inputClass}
          autoFocus
        />
        {errors.reflection ? <p className="text-sm text-clay-600">{errors.reflection.join(" ")}</p> : null}
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-ink">
          How did it go? <span className="font-normal text-muted">(optional; 1 hard, 5 great)</span>
        </legend>
        <div className="mt-2 flex gap-2">
          {Array.from({ length: MAX_RATING - MIN_RATING + 1 }, (_, i) => String(MIN_RATING + i)).map((n) => (
            <label key={n} className="flex min-h-11 min-w-11 cursor-pointer items-center justify-center rounded-xl border border-line bg-white text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600">
              <input type="radio" name="rating" value={n} defaultChecked={values?.rating === n} className="sr-only" />
              {n}
            </label>
          ))}
        </div>
        {errors.rating ? <p className="mt-1 text-sm text-clay-600">{errors.rating.join(" ")}</p> : null}
      </fieldset>
      <SubmitButton pendingLabel="Saving…">Mark done</SubmitButton>
    </form>
  );
}

function DoneDetail({ occurrence, assignmentId, undo }: { occurrence: OccurrenceView; assignmentId: string; undo: Actions["undo"] }) {
  const { state, formAction } = useActionForm(undo);
  const done = occurrence.done!;
  return (
    <div className="mt-4 space-y-2 border-t border-line pt-4 text-sm">
      <p className="text-ink">{done.byMe ? "You marked this done." : "Your partner marked this done."}</p>
      {done.reflection ? <blockquote className="whitespace-pre-line border-l-2 border-brand-600/40 pl-3 text-ink/90">{done.reflection}</blockquote> : null}
      {done.rating ? <p className="text-muted">How it went: {done.rating} of 5</p> : null}
      {done.canUndo ? (
        <form action={formAction}>
          <FormMessage state={state && !state.ok ? state : null} />
          <OccurrenceFields occurrence={occurrence} assignmentId={assignmentId} />
          <SubmitButton variant="secondary" pendingLabel="Undoing…">
            Undo
          </SubmitButton>
        </form>
      ) : null}
    </div>
  );
}
