"use client";

import { useActionState, useRef, useState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { deleteOfferingAction } from "./actions";

/**
 * Deleting takes two clicks: the first explains what happens and offers the
 * gentler option (turning it off); only the second deletes.
 */
export function DeleteOffering({ id, name }: { id: string; name: string }) {
  const [state, action] = useActionState(deleteOfferingAction, null);
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);

  return (
    <section aria-labelledby="delete-offering-heading" className="rounded-2xl border border-clay-600/25 bg-white p-5 sm:p-6">
      <h2 id="delete-offering-heading" className="font-serif text-lg font-semibold text-ink">
        Delete this offering
      </h2>
      <p className="mt-1 text-sm text-muted">
        Deleting removes it for good. If you only want to stop new bookings, untick “Show on booking page” instead.
      </p>
      {!confirming ? (
        <button
          ref={triggerRef}
          type="button"
          onClick={() => {
            setConfirming(true);
            // Move focus into the confirmation so keyboard users hear the question.
            requestAnimationFrame(() => confirmRef.current?.focus());
          }}
          className="mt-4 inline-flex min-h-10 items-center rounded-lg border border-clay-600/30 bg-white px-4 py-2 text-sm font-medium text-clay-600 hover:bg-clay-100"
        >
          Delete offering…
        </button>
      ) : (
        <div ref={confirmRef} tabIndex={-1} role="group" aria-label="Confirm deletion" className="mt-4 rounded-xl bg-clay-100 p-4 focus:outline-none">
          <p className="text-sm font-medium text-ink">Delete “{name}” for good? This can’t be undone.</p>
          <form action={action} className="mt-3 flex flex-wrap gap-2">
            <input type="hidden" name="id" value={id} />
            <SubmitButton variant="danger" pendingLabel="Deleting…">
              Yes, delete it
            </SubmitButton>
            <button
              type="button"
              onClick={() => {
                setConfirming(false);
                requestAnimationFrame(() => triggerRef.current?.focus());
              }}
              className="inline-flex min-h-10 items-center rounded-lg border border-line bg-white px-4 py-2 text-sm font-medium text-ink hover:bg-paper"
            >
              Keep it
            </button>
          </form>
        </div>
      )}
      {state && !state.ok ? (
        <p role="alert" className="mt-3 text-sm text-clay-600">
          {state.error}
        </p>
      ) : null}
    </section>
  );
}
