"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { ServerAction } from "@/lib/action-result";

type Props = { subscription: string; action: string; run: ServerAction<{ url: string }>; children: React.ReactNode };

/** One test-portal action; afterwards the page shows the subscription as it now is. */
export function TestPortalButton({ subscription, action, run, children }: Props) {
  const router = useRouter();
  const [state, formAction] = useActionState(run, null);
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <FormMessage state={state && !state.ok ? state : null} />
      <input type="hidden" name="subscription" value={subscription} />
      <input type="hidden" name="action" value={action} />
      <SubmitButton variant="secondary" pendingLabel="Working…">
        {children}
      </SubmitButton>
    </form>
  );
}
