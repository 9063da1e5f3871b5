"use client";

import { useActionState, useState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { inputClass, SelectField } from "@/components/ui/field";
import { checkInPausedLabel, type CheckInPauseReason } from "@/lib/intake/status";
import { assignCheckInAction, assignQuestionnaireAction, changeCheckInScheduleAction } from "./intake-actions";

type Option = { id: string; name: string };

/** Assigns one of the practice's questionnaires to this client by hand. */
export function AssignQuestionnaireForm({ clientId, questionnaires }: { clientId: string; questionnaires: Option[] }) {
  const [state, action] = useActionState(assignQuestionnaireAction, null);
  const error = state && !state.ok ? (state.fieldErrors?.questionnaireId?.join(" ") ?? state.error) : null;
  return (
    <form action={action} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="clientId" value={clientId} />
      <div className="min-w-56 flex-1 space-y-1.5">
        <label htmlFor="assign-questionnaire" className="block text-sm font-medium text-ink">
          Ask them to answer
        </label>
        <select id="assign-questionnaire" name="questionnaireId" defaultValue="" aria-invalid={!!error} className={inputClass}>
          <option value="" disabled>
            Choose a questionnaire
          </option>
          {questionnaires.map((q) => (
            <option key={q.id} value={q.id}>
              {q.name}
            </option>
          ))}
        </select>
      </div>
      <SubmitButton variant="secondary" pendingLabel="Assigning…">
        Assign
      </SubmitButton>
      <p role="status" className="basis-full text-sm text-brand-800">
        {state?.ok ? "Assigned. It's waiting in their portal." : ""}
      </p>
      {error ? (
        <p role="alert" className="basis-full text-sm text-clay-600">
          {error}
        </p>
      ) : null}
    </form>
  );
}

/**
 * Sends the pillars check-in (or another questionnaire): once now, or every N
 * weeks from now. For a couple each partner gets their own copy.
 */
export function CheckInForm({ clientId, questionnaires, defaultId, couple }: { clientId: string; questionnaires: Option[]; defaultId: string; couple: boolean }) {
  const [state, action] = useActionState(assignCheckInAction, null);
  const [repeat, setRepeat] = useState("once");
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const weeksError = errors?.everyWeeks?.join(" ");
  const error = state && !state.ok ? (errors?.repeat?.join(" ") ?? errors?.questionnaireId?.join(" ") ?? (weeksError ? null : state.error)) : null;
  const done = state?.ok
    ? state.data.scheduled
      ? `Scheduled. The first one is in their portal now${couple ? ", one for each partner" : ""}.`
      : `Sent. It's waiting in their portal${couple ? ", one for each partner" : ""}.`
    : "";
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="clientId" value={clientId} />
      <SelectField id="checkin-questionnaire" label="Questionnaire" name="questionnaireId" defaultValue={defaultId} options={questionnaires.map((q) => ({ value: q.id, label: q.name }))} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-ink">How often</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="repeat" value="once" checked={repeat === "once"} onChange={() => setRepeat("once")} />
          Once, now
        </label>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="repeat" value="every" checked={repeat === "every"} onChange={() => setRepeat("every")} />
            Every
          </label>
          <input
            type="number"
            name="everyWeeks"
            min={1}
            max={26}
            defaultValue={4}
            aria-label="Number of weeks between check-ins"
            aria-invalid={!!weeksError}
            aria-describedby={weeksError ? "checkin-weeks-error" : undefined}
            disabled={repeat !== "every"}
            onFocus={() => setRepeat("every")}
            className={`${inputClass} w-20`}
          />
          <span>weeks, starting now</span>
        </div>
        {weeksError ? (
          <p id="checkin-weeks-error" className="text-sm text-clay-600">
            {weeksError}
          </p>
        ) : null}
      </fieldset>
      <SubmitButton variant="secondary" pendingLabel="Sending…">
        {repeat === "every" ? "Schedule check-ins" : "Send now"}
      </SubmitButton>
      <p role="status" className="text-sm text-brand-800">
        {done}
      </p>
      {error ? (
        <p role="alert" className="text-sm text-clay-600">
          {error}
        </p>
      ) : null}
    </form>
  );
}

export type ScheduleView = {
  id: string;
  questionnaireName: string;
  everyWeeks: number;
  status: "active" | "paused" | "stopped";
  pausedReason: CheckInPauseReason | null;
  next: string;
  from: string | null;
};

/** A live recurring check-in with its pause / resume and stop buttons. */
export function CheckInScheduleRow({ schedule }: { schedule: ScheduleView }) {
  const [state, action] = useActionState(changeCheckInScheduleAction, null);
  const error = state && !state.ok ? state.error : null;
  const every = schedule.everyWeeks === 1 ? "every week" : `every ${schedule.everyWeeks} weeks`;
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2.5 text-sm">
      <span>
        <span className="font-medium text-ink">{schedule.questionnaireName}</span>, {every}
        {schedule.from ? ` (set up on ${schedule.from}'s page, for both)` : ""}
        <span className="block text-muted">{schedule.status === "paused" ? checkInPausedLabel(schedule.pausedReason) : `Next: ${schedule.next}`}</span>
      </span>
      <span className="flex gap-2">
        <form action={action}>
          <input type="hidden" name="scheduleId" value={schedule.id} />
          <input type="hidden" name="change" value={schedule.status === "paused" ? "resume" : "pause"} />
          <SubmitButton variant="secondary" pendingLabel="Saving…">
            {schedule.status === "paused" ? "Resume" : "Pause"}
          </SubmitButton>
        </form>
        <form
          action={action}
          onSubmit={(event) => {
            if (!window.confirm("Stop these check-ins? Copies already sent stay in the client's portal.")) event.preventDefault();
          }}
        >
          <input type="hidden" name="scheduleId" value={schedule.id} />
          <input type="hidden" name="change" value="stop" />
          <SubmitButton variant="danger" pendingLabel="Stopping…">
            Stop
          </SubmitButton>
        </form>
      </span>
      {error ? (
        <p role="alert" className="basis-full text-sm text-clay-600">
          {error}
        </p>
      ) : null}
    </li>
  );
}
