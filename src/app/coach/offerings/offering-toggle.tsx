"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { setOfferingActiveAction } from "./actions";

/** Turns an offering on or off its booking page without opening the form. */
export function OfferingToggle({ id, name, active }: { id: string; name: string; active: boolean }) {
  const [state, action] = useActionState(setOfferingActiveAction, null);
  return (
    <form action={action} className="contents">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <SubmitButton variant="secondary" pendingLabel={active ? "Turning off…" : "Turning on…"} aria-label={`${active ? "Turn off" : "Turn on"} ${name}`}>
        {active ? "Turn off" : "Turn on"}
      </SubmitButton>
      <p role="status" className="basis-full text-sm text-brand-800 empty:hidden sm:text-right">
        {state?.ok ? (state.data.active ? "Now shown on your booking page." : "Now hidden from your booking page.") : ""}
      </p>
      {state && !state.ok ? (
        <p role="alert" className="basis-full text-sm text-clay-600">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
