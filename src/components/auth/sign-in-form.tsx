"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { ServerAction } from "@/lib/action-result";

/** `requestLink` sends the magic link (the sign-in page passes its server action). */
export function SignInForm<T>({ next, requestLink }: { next?: string; requestLink: ServerAction<T> }) {
  const [state, action] = useActionState(requestLink, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      {state && !state.ok && !errors?.email ? <FormMessage state={state} /> : null}
      <input type="hidden" name="next" value={next ?? ""} />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        required
        autoFocus
        defaultValue={state && !state.ok ? state.values?.email : undefined}
        placeholder="you@example.com"
        errors={errors?.email}
      />
      <SubmitButton className="w-full" pendingLabel="Sending your link…">
        Email me a sign-in link
      </SubmitButton>
    </form>
  );
}
