import { EmailLayout, Heading, Paragraph, PrimaryButton } from "./_components/layout";
import { moneyOf } from "./_components/payment";
import { periodOf, planMonthEmailSchema, samplePlanMonth, type PlanMonthEmail } from "./_components/plan";

/** To the coach: a client disputed a plan month's charge with their bank. */
export const schema = planMonthEmailSchema;

export const subject = (d: PlanMonthEmail) => `Dispute opened: ${d.clientName}, ${moneyOf(d)}`;

export default function PlanDisputedEmail(d: PlanMonthEmail) {
  return (
    <EmailLayout preview="A client disputed a plan payment with their bank.">
      <Heading>{`${d.clientName} disputed a payment`}</Heading>
      <Paragraph>{`${d.clientName} opened a dispute with their bank over ${moneyOf(d)} of their ${d.planName} for ${periodOf(d)}. Answer it from your Stripe dashboard; Tend has flagged the month.`}</Paragraph>
      <PrimaryButton href={d.actionUrl}>Open the client</PrimaryButton>
    </EmailLayout>
  );
}

PlanDisputedEmail.PreviewProps = {
  ...samplePlanMonth,
  recipientName: "Demo Coaching",
  timeZone: "America/Los_Angeles",
  actionUrl: "http://localhost:3000/coach/clients/6c0e8f3a-1111-4222-8333-944455556666",
} satisfies PlanMonthEmail;
