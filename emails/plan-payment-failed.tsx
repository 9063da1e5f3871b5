import { z } from "zod";
import { EmailLayout, Heading, Paragraph, PrimaryButton } from "./_components/layout";
import { moneyOf } from "./_components/payment";

/** A monthly plan's renewal couldn't be charged: the client updates their card in Stripe's Billing Portal. */
export const schema = z.object({
  recipientName: z.string().min(1),
  practiceName: z.string().min(1),
  planName: z.string().min(1),
  amountCents: z.number().int().min(0),
  currency: z.string().length(3),
  coachEmail: z.email(),
  /** Opens the Billing Portal (through the portal, which makes a fresh portal session). */
  actionUrl: z.url(),
});

type PlanPaymentFailed = z.output<typeof schema>;

export const subject = (d: PlanPaymentFailed) => `Payment failed: your ${d.planName} with ${d.practiceName}`;

export const replyTo = (d: PlanPaymentFailed) => d.coachEmail;

export default function PlanPaymentFailedEmail(d: PlanPaymentFailed) {
  return (
    <EmailLayout brand={d.practiceName} preview={`We couldn't charge ${moneyOf(d)} for your plan.`} footer={`About your monthly plan with ${d.practiceName}.`}>
      <Heading>{`${d.recipientName}, your plan's payment didn't go through`}</Heading>
      <Paragraph>{`We tried to charge ${moneyOf(d)} for this month of your ${d.planName}, and the payment failed. Your card may have expired or been declined.`}</Paragraph>
      <Paragraph>Please update your payment method. Stripe will try the payment again over the next days; sessions you already booked stay booked.</Paragraph>
      <PrimaryButton href={d.actionUrl}>Update payment method</PrimaryButton>
      <Paragraph muted>{`Questions? Reply to this email or write to ${d.coachEmail}.`}</Paragraph>
    </EmailLayout>
  );
}

PlanPaymentFailedEmail.PreviewProps = {
  recipientName: "Jordan",
  practiceName: "Demo Coaching",
  planName: "One-on-One Coaching plan",
  amountCents: 50000,
  currency: "USD",
  coachEmail: "coach@demo.tend.test",
  actionUrl: "http://localhost:3000/portal/payments/manage/6c0e8f3a-1111-4222-8333-944455556666",
} satisfies PlanPaymentFailed;
