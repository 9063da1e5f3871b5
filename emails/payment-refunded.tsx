import { z } from "zod";
import { EmailLayout, Heading, Paragraph, PrimaryButton } from "./_components/layout";
import { moneyOf, paymentEmailSchema, samplePayment, SessionLine } from "./_components/payment";

export const schema = paymentEmailSchema.extend({
  /** Why the money goes back, in words for the payer. */
  explanation: z.string().min(1),
});

type RefundEmail = z.output<typeof schema>;

export const subject = (d: RefundEmail) => `Refund: ${moneyOf(d)} from ${d.practiceName}`;

export const replyTo = (d: RefundEmail) => d.coachEmail;

export default function PaymentRefundedEmail(d: RefundEmail) {
  return (
    <EmailLayout brand={d.practiceName} preview={`${moneyOf(d)} is on its way back to you.`} footer={`About a payment to ${d.practiceName}.`}>
      <Heading>{`${moneyOf(d)} refunded`}</Heading>
      <Paragraph>{`Hi ${d.recipientName}, ${d.explanation}`}</Paragraph>
      <SessionLine data={d} />
      <Paragraph>The refund goes back to the card or account you paid with; banks usually show it within 5 to 10 days.</Paragraph>
      {d.actionUrl ? <PrimaryButton href={d.actionUrl}>{d.startIso ? "See your booking" : "See your payments"}</PrimaryButton> : null}
      <Paragraph muted>{`Questions? Reply to this email or write to ${d.coachEmail}.`}</Paragraph>
    </EmailLayout>
  );
}

PaymentRefundedEmail.PreviewProps = {
  ...samplePayment,
  explanation: "the time you paid for was booked by someone else while your payment was on its way, so we refunded it in full.",
} satisfies RefundEmail;
