"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { connectStripeAction } from "./actions";

/** Sends the coach to Stripe's hosted onboarding (the action redirects there). */
export function ConnectButton({ resume }: { resume: boolean }) {
  const [state, action] = useActionState(connectStripeAction, null);
  return (
    <form action={action} className="mt-4 space-y-3">
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Opening Stripe…">{resume ? "Continue Stripe onboarding" : "Connect Stripe"}</SubmitButton>
    </form>
  );
}
