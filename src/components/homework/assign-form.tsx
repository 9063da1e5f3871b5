"use client";

import { useState } from "react";
import { MAX_TIMES_PER_WEEK, MIN_TIMES_PER_WEEK, type CadenceKind } from "@/lib/homework/cadence";
import type { LibraryPracticeView } from "@/lib/homework/view";
import type { ServerAction } from "@/lib/action-result";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";

const CADENCE_OPTIONS: { value: CadenceKind; label: string }[] = [
  { value: "daily", label: "Daily" },
  { value: "weekly", label: "Weekly" },
  { value: "times_per_week", label: "A few times a week" },
  { value: "once", label: "Once, by a date" },
];

/** Cadence fields shared by the assign form and the library form: N a week shows its N. */
export function CadenceFields({ kind, onKind, timesPerWeek, errors }: { kind: CadenceKind; onKind: (k: CadenceKind) => void; timesPerWeek?: number | null; errors: Record<string, string[]> }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field label="How often" name="cadenceKind" errors={errors.cadenceKind}>
        {(control) => (
          <select {...control} value={kind} onChange={(e) => onKind(e.target.value as CadenceKind)}>
            {CADENCE_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {kind === "times_per_week" ? (
        <Field label="Times a week" name="timesPerWeek" type="number" inputMode="numeric" min={MIN_TIMES_PER_WEEK} max={MAX_TIMES_PER_WEEK} defaultValue={timesPerWeek ?? 3} errors={errors.timesPerWeek} />
      ) : null}
    </div>
  );
}

/** Assigns a library practice to this client (or, for a couple, to each partner or both together). */
export function AssignForm({
  clientId,
  hasPartner,
  library,
  today,
  assign,
}: {
  clientId: string;
  hasPartner: boolean;
  library: LibraryPracticeView[];
  today: string;
  assign: ServerAction<{ assigned: number }>;
}) {
  const { state, formAction, formKey, formRef, errors } = useActionForm(assign);
  const [practiceId, setPracticeId] = useState(library[0]?.id ?? "");
  const chosen = library.find((p) => p.id === practiceId);
  const [kind, setKind] = useState<CadenceKind>(chosen?.cadenceKind ?? "daily");
  const [endMode, setEndMode] = useState("open");
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-4">
      <FormMessage state={state} />
      <input type="hidden" name="clientId" value={clientId} />
      <Field label="Practice" name="libraryPracticeId" errors={errors.libraryPracticeId}>
        {(control) => (
          <select
            {...control}
            value={practiceId}
            onChange={(e) => {
              setPracticeId(e.target.value);
              setKind(library.find((p) => p.id === e.target.value)?.cadenceKind ?? "daily");
            }}
          >
            {library.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      {chosen ? <p className="text-sm text-muted">{chosen.instructions}</p> : null}
      {hasPartner ? (
        <fieldset>
          <legend className="text-sm font-medium text-ink">Who does it</legend>
          <div className="mt-2 flex flex-wrap gap-4 text-sm">
            {[
              ["client", "This client"],
              ["each", "Each partner, on their own"],
              ["shared", "Both together (either marks it done)"],
            ].map(([value, label]) => (
              <label key={value} className="flex items-center gap-2">
                <input type="radio" name="assignTo" value={value} defaultChecked={value === "client"} />
                {label}
              </label>
            ))}
          </div>
          {errors.assignTo ? <p className="mt-1 text-sm text-clay-600">{errors.assignTo.join(" ")}</p> : null}
        </fieldset>
      ) : null}
      <CadenceFields key={practiceId} kind={kind} onKind={setKind} timesPerWeek={chosen?.timesPerWeek} errors={errors} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Starts" name="startDate" type="date" defaultValue={today} errors={errors.startDate} />
        {kind === "once" ? <Field label="Due by" name="dueDate" type="date" errors={errors.dueDate} /> : null}
        <Field label="Ends" name="endMode" errors={errors.endMode}>
          {(control) => (
            <select {...control} value={endMode} onChange={(e) => setEndMode(e.target.value)}>
              <option value="open">When you end it</option>
              <option value="date">On a date</option>
              <option value="next_session">At the next session</option>
            </select>
          )}
        </Field>
        {endMode === "date" ? <Field label="Last day" name="endDate" type="date" errors={errors.endDate} /> : null}
      </div>
      <Field label="Personal instructions (optional)" name="personalInstructions" hint="Shown to the client under the practice's instructions." errors={errors.personalInstructions}>
        {(control) => <textarea {...control} rows={3} />}
      </Field>
      <SubmitButton pendingLabel="Assigning…">Assign practice</SubmitButton>
    </form>
  );
}
