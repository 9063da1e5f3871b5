"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { sendDueEmailsAction } from "./actions";

export function SendDueButton() {
  const [state, action] = useActionState(sendDueEmailsAction, null);
  return (
    <form action={action} className="flex flex-col items-start gap-2 sm:items-end">
      <SubmitButton variant="secondary" pendingLabel="Sending…">
        Send due emails now
      </SubmitButton>
      <p role="status" className="text-sm text-muted">
        {state?.ok
          ? state.data.claimed === 0
            ? "Nothing was due."
            : `Sent ${state.data.sent}, will retry ${state.data.retried}, failed ${state.data.failed}.`
          : ""}
      </p>
      {state && !state.ok ? (
        <p role="alert" className="text-sm text-clay-600">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
