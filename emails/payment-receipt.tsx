import { EmailLayout, Heading, Paragraph, PrimaryButton } from "./_components/layout";
import { moneyOf, paymentEmailSchema, samplePayment, SessionLine, type PaymentEmail } from "./_components/payment";

export const schema = paymentEmailSchema;

export const subject = (d: PaymentEmail) => `Receipt: ${moneyOf(d)} paid to ${d.practiceName}`;

export const replyTo = (d: PaymentEmail) => d.coachEmail;

export default function PaymentReceiptEmail(d: PaymentEmail) {
  return (
    <EmailLayout brand={d.practiceName} preview={`We received your payment of ${moneyOf(d)}.`} footer={`A receipt for your ${d.startIso ? "booking" : "payment"} with ${d.practiceName}.`}>
      <Heading>{`Thank you, ${d.recipientName}`}</Heading>
      <Paragraph>{`We received your payment of ${moneyOf(d)} for:`}</Paragraph>
      <SessionLine data={d} />
      {d.startIso ? <Paragraph muted>Your booking confirmation, with the calendar invite, arrives in a separate email.</Paragraph> : null}
      {d.actionUrl ? <PrimaryButton href={d.actionUrl}>{d.startIso ? "See your booking" : "See your payments"}</PrimaryButton> : null}
      <Paragraph muted>{`Questions about this payment? Reply to this email or write to ${d.coachEmail}.`}</Paragraph>
    </EmailLayout>
  );
}

PaymentReceiptEmail.PreviewProps = samplePayment;
