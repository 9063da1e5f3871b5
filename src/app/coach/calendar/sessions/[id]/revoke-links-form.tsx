"use client";

import { useState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { revokeLinksAction } from "../../actions";

/**
 * Replacing the manage link emails the people attending, so it takes two
 * steps: open, then confirm, with the confirmation saying who gets what.
 */
export function RevokeLinksForm({ bookingId, recipients, sendsNewLinks }: { bookingId: string; recipients: string[]; sendsNewLinks: boolean }) {
  const { formAction, formKey, formRef, failed } = useActionForm(revokeLinksAction);
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" className={buttonClass("secondary")} onClick={() => setOpen(true)}>
        {sendsNewLinks ? "Revoke link and send a new one…" : "Revoke link…"}
      </button>
    );
  }
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-4">
      <input type="hidden" name="id" value={bookingId} />
      {failed ? <FormMessage state={failed} /> : null}
      <p className="text-sm text-ink" role="status">
        {sendsNewLinks
          ? `The links sent so far stop working at once. ${listOf(recipients)} ${recipients.length > 1 ? "each get" : "gets"} a new link by email, with an updated calendar invite. The session itself doesn’t change.`
          : "The links sent so far stop working at once. No new link is sent, since this session no longer holds time."}
      </p>
      <div className="flex flex-wrap gap-2">
        <SubmitButton pendingLabel="Revoking…">{sendsNewLinks ? "Yes, revoke and send" : "Yes, revoke"}</SubmitButton>
        <button type="button" className={buttonClass("ghost")} onClick={() => setOpen(false)}>
          Keep the current link
        </button>
      </div>
    </form>
  );
}

const listOf = (items: string[]) => (items.length > 1 ? `${items.slice(0, -1).join(", ")} and ${items.at(-1)}` : (items[0] ?? ""));
