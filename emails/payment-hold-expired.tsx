import { EmailLayout, Heading, Paragraph, PrimaryButton } from "./_components/layout";
import { paymentEmailSchema, samplePayment, SessionLine, type PaymentEmail } from "./_components/payment";

export const schema = paymentEmailSchema;

export const subject = (d: PaymentEmail) => `Not booked: your ${d.offeringName} with ${d.practiceName} wasn't paid in time`;

export const replyTo = (d: PaymentEmail) => d.coachEmail;

export default function PaymentHoldExpiredEmail(d: PaymentEmail) {
  return (
    <EmailLayout brand={d.practiceName} preview="We held the time for 30 minutes; the payment didn't come through." footer={`About a booking you started with ${d.practiceName}.`}>
      <Heading>Your session was not booked</Heading>
      <Paragraph>{`Hi ${d.recipientName}, we held this time for you for 30 minutes, but the payment wasn't completed, so the time is open again:`}</Paragraph>
      <SessionLine data={d} />
      <Paragraph>Nothing was charged. If you still want a session, please book again.</Paragraph>
      {d.actionUrl ? <PrimaryButton href={d.actionUrl}>Book again</PrimaryButton> : null}
    </EmailLayout>
  );
}

PaymentHoldExpiredEmail.PreviewProps = { ...samplePayment, actionUrl: "http://localhost:3000/book/demo/crisis" };
