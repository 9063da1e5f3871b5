"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { setOfferingIntakeAction } from "./intake-actions";

/** Which questionnaire a client's first booking of this offering asks them to answer. */
export function OfferingIntakeForm({
  offeringId,
  current,
  required,
  questionnaires,
}: {
  offeringId: string;
  current: string | null;
  required: boolean;
  questionnaires: { id: string; name: string }[];
}) {
  const [state, action] = useActionState(setOfferingIntakeAction, null);
  return (
    <Card aria-labelledby="offering-intake-heading">
      <h2 id="offering-intake-heading" className="mb-1 font-serif text-lg font-semibold text-ink">
        Intake
      </h2>
      <p className="mb-4 text-sm text-muted">A client&apos;s first booking of this offering asks them (and a partner, each on their own) to answer it before the session.</p>
      <form action={action} className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="offeringId" value={offeringId} />
        <div className="min-w-56 flex-1 space-y-1.5">
          <label htmlFor="offering-intake" className="block text-sm font-medium text-ink">
            Intake questionnaire
          </label>
          <select id="offering-intake" name="questionnaireId" defaultValue={current ?? ""} className={inputClass}>
            <option value="">No intake</option>
            {questionnaires.map((q) => (
              <option key={q.id} value={q.id}>
                {q.name}
              </option>
            ))}
          </select>
        </div>
        <label className="flex basis-full items-start gap-2 text-sm text-ink">
          <input type="checkbox" name="required" defaultChecked={required} className="mt-0.5 size-4 accent-brand-700" />
          <span>
            Required before the first session
            <span className="block text-muted">Today and the session page warn you while it isn&apos;t submitted. The booking always stands.</span>
          </span>
        </label>
        <SubmitButton variant="secondary" pendingLabel="Saving…">
          Save intake
        </SubmitButton>
        <p role={state && !state.ok ? "alert" : "status"} className={`basis-full text-sm ${state && !state.ok ? "text-clay-600" : "text-brand-800"}`}>
          {state ? (state.ok ? "Saved." : state.error) : ""}
        </p>
      </form>
    </Card>
  );
}
