"use client";

import { useActionState, useState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { CopyButton } from "@/components/ui/copy-button";
import { rotateFeedAction } from "./actions";

/**
 * The private calendar feed address, to paste into Google, Apple or Outlook calendar. Rotating
 * it asks first: every calendar subscribed to the old address stops updating.
 */
export function FeedLink({ url }: { url: string }) {
  const [state, formAction] = useActionState(rotateFeedAction, null);
  const [confirming, setConfirming] = useState(false);
  // The question closes once the answer is back (not before: the button shows progress meanwhile).
  const [seen, setSeen] = useState(state);
  if (state !== seen) {
    setSeen(state);
    setConfirming(false);
  }
  const current = state?.ok ? state.data.url : url;
  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
        <label htmlFor="feed-url" className="sr-only">
          Calendar feed address
        </label>
        <input
          id="feed-url"
          readOnly
          value={current}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 truncate rounded-lg border border-line bg-paper px-3 py-2 font-mono text-sm text-brand-800"
        />
        <CopyButton text={current} label="Copy link" />
      </div>
      {state?.ok ? (
        <p role="status" className="text-sm text-brand-800">
          New link made. Calendars using the old one no longer update: add this one instead.
        </p>
      ) : null}
      {state && !state.ok ? (
        <p role="alert" className="text-sm text-clay-600">
          {state.error}
        </p>
      ) : null}
      {confirming ? (
        <form
          action={formAction}
          className="rounded-xl border border-clay-600/30 bg-clay-100/50 p-4"
        >
          <p className="text-sm text-ink">
            Make a new link? Any calendar subscribed to the current one stops getting your sessions until you add the new link there.
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            <SubmitButton variant="danger" pendingLabel="Making a new link…">
              Yes, make a new link
            </SubmitButton>
            <button type="button" className={buttonClass("secondary")} onClick={() => setConfirming(false)} autoFocus>
              Keep the current link
            </button>
          </div>
        </form>
      ) : (
        <button
          type="button"
          className="inline-flex min-h-10 items-center rounded-lg text-sm font-medium text-brand-700 underline-offset-4 hover:underline"
          onClick={() => setConfirming(true)}
        >
          Rotate link…
        </button>
      )}
    </div>
  );
}
