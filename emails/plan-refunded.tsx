import { z } from "zod";
import { EmailLayout, Heading, Paragraph, PrimaryButton } from "./_components/layout";
import { moneyOf } from "./_components/payment";
import { periodOf, planMonthEmailSchema, samplePlanMonth } from "./_components/plan";

/** To the client: money of a plan's month is on its way back (a month has no session, so not `payment-refunded`). */
export const schema = planMonthEmailSchema.extend({
  /** The coach's reason, when they gave one. */
  reason: z.string().nullable(),
});

type PlanRefunded = z.output<typeof schema>;

export const subject = (d: PlanRefunded) => `Refund: ${moneyOf(d)} from ${d.practiceName}`;

export const replyTo = (d: PlanRefunded) => d.coachEmail;

export default function PlanRefundedEmail(d: PlanRefunded) {
  return (
    <EmailLayout brand={d.practiceName} preview={`${moneyOf(d)} is on its way back to you.`} footer={`About your monthly plan with ${d.practiceName}.`}>
      <Heading>{`${moneyOf(d)} refunded`}</Heading>
      <Paragraph>{`Hi ${d.recipientName}, your coach refunded ${moneyOf(d)} of your ${d.planName} for ${periodOf(d)}.`}</Paragraph>
      {d.reason ? <Paragraph>{`Why: ${d.reason}`}</Paragraph> : null}
      <Paragraph>The refund goes back to the card or account you paid with; banks usually show it within 5 to 10 days.</Paragraph>
      <PrimaryButton href={d.actionUrl}>See your payments</PrimaryButton>
      <Paragraph muted>{`Questions? Reply to this email or write to ${d.coachEmail}.`}</Paragraph>
    </EmailLayout>
  );
}

PlanRefundedEmail.PreviewProps = { ...samplePlanMonth, amountCents: 25000, reason: "Away for two weeks of the month." } satisfies PlanRefunded;
