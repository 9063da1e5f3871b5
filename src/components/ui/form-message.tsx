import type { ActionResult } from "@/lib/action-result";

/** The banner above a form: the failure in plain words, or the confirmation. */
export function FormMessage({ state }: { state: ActionResult<unknown> | null }) {
  if (!state) return null;
  if (state.ok) {
    return state.message ? (
      <p role="status" className="rounded-lg border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-brand-800">
        {state.message}
      </p>
    ) : null;
  }
  // With field messages, the banner points at them instead of repeating them.
  const hasFieldErrors = Object.keys(state.fieldErrors ?? {}).length > 0;
  return (
    <p role="alert" className="rounded-lg border border-clay-600/30 bg-clay-100 px-4 py-3 text-sm text-clay-600">
      {hasFieldErrors ? "Please correct the fields marked below. Nothing you typed was lost." : state.error}
    </p>
  );
}
