"use client";

import { useState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { setSessionVideoLinkAction } from "./video-link-actions";

/** Who was emailed the new link: nobody when it changed nothing anyone sees, or the session awaits payment. */
function savedMessage(notified: string[]) {
  if (!notified.length) return "Saved.";
  if (notified.length === 1) return `Saved. ${notified[0]} gets an email with the new link.`;
  return `Saved. ${notified.slice(0, -1).join(", ")} and ${notified.at(-1)} each get an email with the new link.`;
}

/**
 * Another video link for this one session (a Zoom room instead of the
 * automatic one, say). Blank returns the session to its offering's link.
 */
export function VideoLinkForm({ bookingId, override }: { bookingId: string; override: string | null }) {
  const { state, formAction, formKey, formRef, failed, errors, values } = useActionForm(setSessionVideoLinkAction);
  // Open until the next result: a save closes it, a refusal keeps it open with its message.
  const [openedWith, setOpenedWith] = useState<{ state: typeof state } | null>(null);
  const open = openedWith?.state === state;
  const saved = state?.ok ? savedMessage(state.data.notified) : undefined;
  if (!open && !failed) {
    return (
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <button type="button" className={buttonClass("ghost", "-ml-4")} onClick={() => setOpenedWith({ state })}>
          {override ? "Change this session’s link…" : "Use another link for this session…"}
        </button>
        {saved ? (
          <p role="status" className="text-sm font-medium text-brand-800">
            {saved}
          </p>
        ) : null}
      </div>
    );
  }
  return (
    <form key={formKey} ref={formRef} action={formAction} noValidate className="mt-3 space-y-3">
      <input type="hidden" name="id" value={bookingId} />
      {failed ? <FormMessage state={failed} /> : null}
      <Field
        label="Video link for this session"
        name="videoUrl"
        type="url"
        inputMode="url"
        maxLength={500}
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        placeholder="https://zoom.us/j/…"
        defaultValue={values?.videoUrl ?? override ?? ""}
        hint="Only this session changes. Leave it blank to go back to the offering’s link."
        errors={errors.videoUrl}
      />
      <div className="flex flex-wrap gap-2">
        <SubmitButton pendingLabel="Saving…">Save link</SubmitButton>
        <button type="button" className={buttonClass("ghost")} onClick={() => setOpenedWith(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
