"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import type { ServerAction } from "@/lib/action-result";

/**
 * One button that runs one action on one record (remove a block, a date, a time off). The hidden
 * fields say which; a failure is said right beside the button.
 */
export function ActionButton<T>({
  action,
  fields,
  label,
  pendingLabel,
  accessibleLabel,
  variant = "secondary",
}: {
  action: ServerAction<T>;
  fields: Record<string, string>;
  label: string;
  pendingLabel: string;
  /** A fuller name for screen readers when many such buttons sit in one list ("Remove time off March 9"). */
  accessibleLabel?: string;
  variant?: "secondary" | "danger" | "ghost";
}) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="flex flex-wrap items-center justify-end gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton variant={variant} pendingLabel={pendingLabel} aria-label={accessibleLabel} className="min-h-9 px-3 py-1.5">
        {label}
      </SubmitButton>
      {state && !state.ok ? (
        <p role="alert" className="w-full text-right text-sm text-clay-600">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
