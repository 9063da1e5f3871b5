"use client";

import { useActionState, useState } from "react";
import type { ServerAction } from "@/lib/action-result";
import { SubmitButton } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { FormMessage } from "@/components/ui/form-message";

const linkClass = "font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800";

/**
 * The portal's "Your data": download your own record, and ask your coach to delete your account
 * (asked once; the date shows afterwards). Asking takes a second, explicit click.
 */
export function YourData({
  coachName,
  requestedOn,
  request,
}: {
  coachName: string;
  /** When the request was made, already worded ("March 9, 2027"); null when not asked. */
  requestedOn: string | null;
  request: ServerAction<{ requestedAt: string }>;
}) {
  const [state, action] = useActionState(request, null);
  const [confirming, setConfirming] = useState(false);
  const asked = requestedOn ?? (state?.ok ? "today" : null);
  return (
    <section aria-labelledby="your-data-heading" className="mt-10 max-w-xl space-y-4">
      <h2 id="your-data-heading" className="font-serif text-lg font-semibold text-ink">
        Your data
      </h2>
      <div className="space-y-1.5 text-sm">
        <p className="font-medium text-ink">Download my data</p>
        <p className="text-muted">Everything {coachName} keeps about you: sessions, shared notes, your answers, homework, payments and emails.</p>
        <p className="flex flex-wrap gap-4">
          <a href="/portal/settings/export/html" className={linkClass} download>
            As a readable page (HTML)
          </a>
          <a href="/portal/settings/export/json" className={linkClass} download>
            As data (JSON)
          </a>
        </p>
      </div>
      <div className="space-y-2 text-sm">
        <p className="font-medium text-ink">Delete my account</p>
        {asked ? (
          <p role="status" className="text-ink">
            You asked on {asked} for your account to be deleted. {coachName} has been told and will delete it (payments stay in their accounts, without your details).
          </p>
        ) : (
          <>
            <p className="text-muted">
              Ask {coachName} to delete your account and everything you wrote. Payment records stay in their accounts, without your details.
            </p>
            <FormMessage state={state} />
            {confirming ? (
              <form action={action} className="flex flex-wrap items-center gap-3">
                <SubmitButton variant="danger" pendingLabel="Sending…">
                  Yes, ask to delete my account
                </SubmitButton>
                <button type="button" className={buttonClass("ghost")} onClick={() => setConfirming(false)}>
                  Not now
                </button>
              </form>
            ) : (
              <button type="button" className={buttonClass("danger")} onClick={() => setConfirming(true)}>
                Ask to delete my account
              </button>
            )}
          </>
        )}
      </div>
    </section>
  );
}
