"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { assignQuestionnaireAction } from "./intake-actions";

/** Assigns one of the practice's questionnaires to this client by hand. */
export function AssignQuestionnaireForm({ clientId, questionnaires }: { clientId: string; questionnaires: { id: string; name: string }[] }) {
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
