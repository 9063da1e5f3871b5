import Link from "next/link";
import { planSummary } from "@/lib/billing/plans";
import { getPaymentAccountStatus } from "@/server/billing/accounts";
import { listActivePlans } from "@/server/billing/plans";

/** "Or subscribe: 4 sessions a month for $500": the practice's plans that book this offering, bought from the client's portal. */
export async function PlanOffer({ practiceId, offeringId }: { practiceId: string; offeringId: string }) {
  const [plans, account] = await Promise.all([listActivePlans(practiceId), getPaymentAccountStatus(practiceId)]);
  const covering = account.canCollect ? plans.filter((p) => p.offeringIds.includes(offeringId)) : [];
  if (!covering.length) return null;
  return (
    <ul className="mb-6 space-y-1 text-sm">
      {covering.map((plan) => (
        <li key={plan.id}>
          <Link href="/portal/payments" className="font-medium text-brand-700 underline underline-offset-4">
            Or subscribe: {planSummary(plan)}
          </Link>{" "}
          <span className="text-muted">(in your client portal; cancel any time)</span>
        </li>
      ))}
    </ul>
  );
}
