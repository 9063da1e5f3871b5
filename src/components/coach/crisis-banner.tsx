"use client";

import Link from "next/link";
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import type { ServerAction } from "@/lib/action-result";

type Alert = { id: string; clientId: string; clientName: string };

/** On every dashboard page until the coach acknowledges it: a client's safety answer said someone may be in danger. */
export function CrisisBanner({ alerts, acknowledge }: { alerts: Alert[]; acknowledge: ServerAction<{ acknowledged: boolean }> }) {
  if (!alerts.length) return null;
  return (
    <section role="alert" aria-labelledby="crisis-banner-heading" className="mb-6 rounded-2xl border-2 border-clay-600 bg-clay-100 p-4 text-ink">
      <h2 id="crisis-banner-heading" className="font-semibold">
        {alerts.length === 1 ? "A client may be in danger" : `${alerts.length} clients may be in danger`}
      </h2>
      <ul className="mt-2 space-y-2">
        {alerts.map((a) => (
          <AlertRow key={a.id} alert={a} acknowledge={acknowledge} />
        ))}
      </ul>
    </section>
  );
}

function AlertRow({ alert, acknowledge }: { alert: Alert; acknowledge: ServerAction<{ acknowledged: boolean }> }) {
  const [state, action] = useActionState(acknowledge, null);
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <span>
        <Link href={`/coach/clients/${alert.clientId}`} className="font-medium underline underline-offset-4">
          {alert.clientName}
        </Link>{" "}
        answered &quot;yes&quot; to a safety question. They were shown emergency help; please check in with them.
      </span>
      <form action={action}>
        <input type="hidden" name="alertId" value={alert.id} />
        <SubmitButton variant="secondary" pendingLabel="Saving…">
          I&apos;ve seen this<span className="sr-only"> for {alert.clientName}</span>
        </SubmitButton>
      </form>
      {state && !state.ok ? (
        <p role="alert" className="basis-full text-clay-600">
          {state.error}
        </p>
      ) : null}
    </li>
  );
}
