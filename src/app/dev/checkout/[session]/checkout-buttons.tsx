"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { ServerAction } from "@/lib/action-result";

type Props = { session: string; pay: ServerAction<{ url: string }>; abandon: ServerAction<{ url: string }> };

/** Pay or abandon; either way the payer goes back to the booking page, as from Stripe. */
export function CheckoutButtons({ session, pay, abandon }: Props) {
  const router = useRouter();
  const [paid, payAction] = useActionState(pay, null);
  const [dropped, abandonAction] = useActionState(abandon, null);
  const done = paid?.ok ? paid.data.url : dropped?.ok ? dropped.data.url : null;
  useEffect(() => {
    if (done) router.push(done);
  }, [done, router]);
  return (
    <div className="flex flex-col gap-3">
      <FormMessage state={paid && !paid.ok ? paid : dropped && !dropped.ok ? dropped : null} />
      <div className="flex flex-col gap-2 sm:flex-row">
        <form action={payAction}>
          <input type="hidden" name="session" value={session} />
          <SubmitButton pendingLabel="Paying…">Pay (test)</SubmitButton>
        </form>
        <form action={abandonAction}>
          <input type="hidden" name="session" value={session} />
          <SubmitButton variant="secondary" pendingLabel="Abandoning…">
            Abandon payment
          </SubmitButton>
        </form>
      </div>
    </div>
  );
}
