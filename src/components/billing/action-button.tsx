"use client";

import { useActionState, useState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { buttonClass, type ButtonVariant } from "@/components/ui/button-class";
import type { ServerAction } from "@/lib/action-result";

type Props<T> = {
  action: ServerAction<T>;
  /** Hidden fields the action reads (an id). */
  fields: Record<string, string>;
  children: React.ReactNode;
  pendingLabel: string;
  variant?: ButtonVariant;
  /** A step before the action runs (a cancel): the question, then "yes" and "no". */
  confirm?: { question: string; yes: string; no: string };
  /** Said once the action succeeded (actions that redirect never get here). */
  done?: string;
};

/** One button that runs one server action (subscribe, manage plan, cancel at period end), with its failure said beside it. */
export function ActionButton<T>({ action, fields, children, pendingLabel, variant = "primary", confirm, done }: Props<T>) {
  const [state, formAction] = useActionState(action, null);
  const [asking, setAsking] = useState(false);
  const outcome =
    state && !state.ok ? (
      <p role="alert" className="text-sm text-clay-600">
        {state.error}
      </p>
    ) : state?.ok && done ? (
      <p role="status" className="text-sm text-brand-800">
        {done}
      </p>
    ) : null;
  if (confirm && !asking && !state?.ok) {
    return (
      <div className="flex flex-col items-start gap-2">
        <button type="button" className={buttonClass(variant)} onClick={() => setAsking(true)}>
          {children}
        </button>
        {outcome}
      </div>
    );
  }
  return (
    <form action={formAction} className="flex flex-col items-start gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {confirm && !state?.ok ? <p className="text-sm text-ink">{confirm.question}</p> : null}
      {!confirm || !state?.ok ? (
        <div className="flex flex-wrap gap-2">
          <SubmitButton variant={confirm ? "danger" : variant} pendingLabel={pendingLabel} autoFocus={!!confirm}>
            {confirm ? confirm.yes : children}
          </SubmitButton>
          {confirm ? (
            <button type="button" className={buttonClass("secondary")} onClick={() => setAsking(false)}>
              {confirm.no}
            </button>
          ) : null}
        </div>
      ) : null}
      {outcome}
    </form>
  );
}
