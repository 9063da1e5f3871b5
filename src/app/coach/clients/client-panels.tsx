"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { setClientPartnerAction, setClientStatusAction } from "./actions";

/** Links two clients as a couple, so later their intake answers can be compared side by side. */
export function PartnerForm({
  clientId,
  partnerId,
  candidates,
}: {
  clientId: string;
  partnerId: string | null;
  candidates: { id: string; name: string; email: string }[];
}) {
  const [state, action] = useActionState(setClientPartnerAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="id" value={clientId} />
      <div className="space-y-1.5">
        <label htmlFor="partner-select" className="block text-sm font-medium text-ink">
          Partner
        </label>
        <select
          id="partner-select"
          name="partnerId"
          defaultValue={partnerId ?? ""}
          key={partnerId ?? "none"}
          aria-describedby="partner-hint"
          aria-invalid={!!errors?.partnerId}
          className={inputClass}
        >
          <option value="">No partner linked</option>
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.email})
            </option>
          ))}
        </select>
        <p id="partner-hint" className="text-xs text-muted">
          {candidates.length
            ? "For couples: link the two clients. Choosing someone new releases any earlier link. Clients already in a couple aren’t listed."
            : "Add the other partner as a client first, then link them here. Clients already in a couple aren’t listed."}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton variant="secondary" pendingLabel="Saving…">
          Save partner
        </SubmitButton>
        <p role="status" className="text-sm text-brand-800">
          {state?.ok ? (state.data.partnerId ? "Partner linked." : "Partner link removed.") : ""}
        </p>
      </div>
      {state && !state.ok ? (
        <p role="alert" className="text-sm text-clay-600">
          {errors?.partnerId?.join(" ") ?? state.error}
        </p>
      ) : null}
    </form>
  );
}

/** Archive hides a client from lists and closes their portal; restore undoes it. */
export function StatusForm({ clientId, status }: { clientId: string; status: "active" | "archived" }) {
  const [state, action] = useActionState(setClientStatusAction, null);
  const archived = status === "archived";
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="id" value={clientId} />
      <input type="hidden" name="status" value={archived ? "active" : "archived"} />
      <p className="text-sm text-muted">
        {archived
          ? "This client is archived: hidden from your client list, and their portal is closed. Restore them to work together again."
          : "Archive a client when your work together ends. They disappear from your list and can no longer open the portal; nothing is deleted, and you can restore them any time."}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton variant={archived ? "secondary" : "danger"} pendingLabel={archived ? "Restoring…" : "Archiving…"}>
          {archived ? "Restore client" : "Archive client"}
        </SubmitButton>
        <p role="status" className="text-sm text-brand-800">
          {state?.ok ? (state.data.status === "archived" ? "Client archived." : "Client restored.") : ""}
        </p>
      </div>
      {state && !state.ok ? (
        <p role="alert" className="text-sm text-clay-600">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
