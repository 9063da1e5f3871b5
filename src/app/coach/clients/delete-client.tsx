"use client";

import { useActionState, useRef } from "react";
import { SubmitButton } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { inputClass } from "@/components/ui/field";
import { deleteClientAction } from "./actions";

type Preview = {
  name: string;
  partner: { id: string; name: string } | null;
  jointSessions: number;
  upcomingSessions: number;
  upcomingPaid: number;
  renewingPlan: boolean;
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * "Delete client…" opens a dialog that says what goes, what stays (a partner's joint sessions,
 * payments) and what happens to upcoming sessions, and asks the coach to type "delete".
 */
export function DeleteClient({ clientId, preview }: { clientId: string; preview: Preview }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, action] = useActionState(deleteClientAction, null);
  const error = state && !state.ok ? (state.fieldErrors?.confirm?.join(" ") ?? state.error) : null;
  const partner = preview.partner?.name;
  return (
    <>
      <p className="mb-3 text-sm text-muted">
        Deleting erases this client’s record for good (the right to erasure under GDPR). Download their record first if you need a copy.
      </p>
      <button type="button" className={buttonClass("danger")} onClick={() => dialog.current?.showModal()}>
        Delete client…
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="delete-client-title"
        className="m-auto w-[min(36rem,calc(100vw-2rem))] rounded-2xl border border-line bg-white p-6 text-ink shadow-xl backdrop:bg-ink/40"
      >
        <h2 id="delete-client-title" className="font-serif text-lg font-semibold">
          Delete {preview.name}?
        </h2>
        <div className="mt-3 space-y-2 text-sm">
          <p>
            <span className="font-medium">Deleted now:</span> their intake answers, homework reflections, your notes on their own sessions, their
            contact details and portal access, and the content of emails sent to them. This can’t be undone.
          </p>
          <p>
            <span className="font-medium">Kept for your accounts:</span> payments and refunds (amounts and dates) of their sessions, packages and
            plan months, under “Deleted client”.
          </p>
          {partner ? (
            <p>
              <span className="font-medium">{partner}:</span> stays a client.{" "}
              {preview.jointSessions
                ? `Their ${plural(preview.jointSessions, "joint session", "joint sessions")} with your shared and private notes stay on ${partner}’s record, and shared homework becomes ${partner}’s alone; ${preview.name}’s own answers and reflections go.`
                : `${preview.name}’s own answers and reflections go; nothing of ${partner}’s changes.`}
            </p>
          ) : null}
          {preview.upcomingSessions ? (
            <p>
              <span className="font-medium">Upcoming:</span> {plural(preview.upcomingSessions, "session", "sessions")} will be canceled without any email
              {partner ? `; tell ${partner} yourself if a joint session is among them` : ""}.
            </p>
          ) : null}
          {preview.upcomingPaid ? (
            <p role="alert" className="text-clay-600">
              {plural(preview.upcomingPaid, "upcoming session is", "upcoming sessions are")} paid: cancel or refund {preview.upcomingPaid === 1 ? "it" : "them"} first.
            </p>
          ) : null}
          {preview.renewingPlan ? (
            <p role="alert" className="text-clay-600">
              Their monthly plan still renews: cancel it at the period’s end first.
            </p>
          ) : null}
        </div>
        <form action={action} className="mt-5 space-y-3">
          <input type="hidden" name="id" value={clientId} />
          <div className="space-y-1.5">
            <label htmlFor="delete-confirm" className="block text-sm font-medium">
              Type <span className="font-mono">delete</span> to confirm
            </label>
            <input id="delete-confirm" name="confirm" autoComplete="off" aria-invalid={!!error} aria-describedby={error ? "delete-error" : undefined} className={inputClass} />
          </div>
          {error ? (
            <p id="delete-error" role="alert" className="text-sm text-clay-600">
              {error}
            </p>
          ) : null}
          <div className="flex flex-wrap justify-end gap-3">
            <button type="button" className={buttonClass("secondary")} onClick={() => dialog.current?.close()}>
              Keep client
            </button>
            <SubmitButton variant="danger" pendingLabel="Deleting…">
              Delete for good
            </SubmitButton>
          </div>
        </form>
      </dialog>
    </>
  );
}
