import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { BackLink } from "@/components/ui/back-link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { planSummary } from "@/lib/billing/plans";
import { requireCoach } from "@/server/auth/guards";
import { listPlans } from "@/server/billing/plans";
import { listOfferings } from "@/server/offerings/offerings";
import { PlanForm } from "./plan-form";

export const metadata: Metadata = { title: "Monthly plans" };

/** The practice's monthly plans: S sessions a month for a price, sold through Stripe subscriptions (docs/billing.md). */
export default async function PlansPage() {
  const { practiceId, practice } = await requireCoach();
  const [plans, offerings] = await Promise.all([listPlans(practiceId), listOfferings(practiceId)]);
  const choices = offerings.map((o) => ({ id: o.id, name: o.name }));
  return (
    <>
      <PageHeader
        title="Monthly plans"
        description="A set number of sessions every month for a monthly price. Clients subscribe from their portal; Stripe charges them each month, and unused sessions end with the month."
        back={<BackLink href="/coach/settings/payments">Payments</BackLink>}
      />
      <div className="max-w-3xl space-y-6">
        {plans.map((plan) => (
          <Card key={plan.id} aria-label={plan.name}>
            <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
              <p className="text-sm text-muted">{planSummary(plan)}</p>
              {plan.active ? <Badge tone="brand">Offered</Badge> : <Badge>Hidden</Badge>}
            </div>
            <PlanForm plan={plan} offerings={choices} currency={practice.currency} />
          </Card>
        ))}
        <Card aria-labelledby="new-plan-heading">
          <h2 id="new-plan-heading" className="mb-5 font-serif text-lg font-semibold text-ink">
            {plans.length ? "Add another plan" : "Add a plan"}
          </h2>
          {offerings.length ? <PlanForm offerings={choices} currency={practice.currency} /> : <p className="text-sm text-muted">Add an offering first: a plan books its sessions.</p>}
        </Card>
      </div>
    </>
  );
}
