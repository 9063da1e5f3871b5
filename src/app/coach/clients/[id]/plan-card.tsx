import { ActionButton } from "@/components/billing/action-button";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { sessionsLeft } from "@/lib/billing/credits";
import { isLive, periodEndWording, planStateLabels, planSummary } from "@/lib/billing/plans";
import { formatDayLong } from "@/lib/time/format";
import { paidPlanMonths } from "@/server/billing/plan-refunds";
import { clientPlans } from "@/server/billing/portal-payments";
import { cancelPlanAction } from "./plan-actions";
import { PlanMonths } from "./plan-months";

/** The client's monthly plan on their page: state, period, sessions left, cancel at period end, and the paid months to refund. Nothing when they never had one. */
export async function ClientPlanCard({ practiceId, clientId, timeZone }: { practiceId: string; clientId: string; timeZone: string }) {
  const [plans, months] = await Promise.all([clientPlans(practiceId, clientId), paidPlanMonths(practiceId, clientId)]);
  if (!plans.length) return null;
  return (
    <Card aria-labelledby="plan-heading">
      <h2 id="plan-heading" className="mb-4 font-serif text-lg font-semibold text-ink">
        Monthly plan
      </h2>
      <ul className="divide-y divide-line">
        {plans.map(({ subscription, plan, sessionsLeft: left, periodPaid }) => (
          <li key={subscription.id} className="space-y-2 py-3 first:pt-0 last:pb-0 text-sm">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <span className="font-medium text-ink">
                {plan.name} <span className="font-normal text-muted">· {planSummary(plan)}</span>
              </span>
              <Badge tone={subscription.state === "active" ? "brand" : subscription.state === "canceled" ? "neutral" : "clay"}>
                {planStateLabels[subscription.state]}
              </Badge>
            </div>
            {subscription.currentPeriodStart && subscription.currentPeriodEnd && subscription.state !== "canceled" ? (
              <p className="text-muted">
                This period {formatDayLong(subscription.currentPeriodStart, timeZone)} to {formatDayLong(subscription.currentPeriodEnd, timeZone)}:{" "}
                {periodPaid ? `${sessionsLeft(left)} left` : "not paid yet"}. {periodEndWording(subscription)} {formatDayLong(subscription.currentPeriodEnd, timeZone)}.
              </p>
            ) : subscription.endedAt ? (
              <p className="text-muted">Ended {formatDayLong(subscription.endedAt, timeZone)}.</p>
            ) : null}
            {isLive(subscription.state) && !subscription.cancelAtPeriodEnd ? (
              <ActionButton
                action={cancelPlanAction}
                fields={{ subscriptionId: subscription.id }}
                variant="secondary"
                pendingLabel="Canceling…"
                confirm={{
                  question: `End ${plan.name} at the end of this period? No further payments are taken; sessions already paid for stay usable until then.`,
                  yes: "Yes, end it at period end",
                  no: "Keep the plan",
                }}
                done="The plan ends at the end of this period."
              >
                Cancel at period end
              </ActionButton>
            ) : null}
            <PlanMonths
              months={months
                .filter((m) => m.subscriptionId === subscription.id)
                .map(({ id, periodStart, periodEnd, amountCents, refundedCents, currency, disputed }) => ({ id, periodStart, periodEnd, amountCents, refundedCents, currency, disputed }))}
              timeZone={timeZone}
            />
          </li>
        ))}
      </ul>
    </Card>
  );
}
