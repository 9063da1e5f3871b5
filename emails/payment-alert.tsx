import { z } from "zod";
import { EmailLayout, Heading, Paragraph, PrimaryButton } from "./_components/layout";
import { moneyOf, paymentEmailSchema, samplePayment, SessionLine } from "./_components/payment";

/** To the coach: a payment needs a person (an amount that differs from what was asked, or a dispute). */
export const schema = paymentEmailSchema.extend({
  problem: z.enum(["mismatch", "dispute"]),
  /** What Stripe reported (mismatch: what was paid). */
  reportedCents: z.number().int().min(0),
  reportedCurrency: z.string().length(3),
});

type AlertEmail = z.output<typeof schema>;

export const subject = (d: AlertEmail) =>
  d.problem === "dispute" ? `Dispute opened: ${d.clientName}, ${moneyOf(d)}` : `Payment needs a look: ${d.clientName}, ${d.offeringName}`;

export default function PaymentAlertEmail(d: AlertEmail) {
  const reported = moneyOf({ amountCents: d.reportedCents, currency: d.reportedCurrency });
  return (
    <EmailLayout preview={d.problem === "dispute" ? "A client disputed a payment with their bank." : "A payment differs from what was asked."}>
      <Heading>{d.problem === "dispute" ? `${d.clientName} disputed a payment` : "A payment differs from what was asked"}</Heading>
      {d.problem === "dispute" ? (
        <Paragraph>{`${d.clientName} opened a dispute with their bank over ${reported}. Answer it from your Stripe dashboard; Tend has flagged the payment.`}</Paragraph>
      ) : (
        <Paragraph>{`${d.clientName} was asked for ${moneyOf(d)} but Stripe reports ${reported}. Tend confirmed nothing; check the payment in Stripe and refund or rebook by hand.`}</Paragraph>
      )}
      <SessionLine data={d} />
      {d.actionUrl ? <PrimaryButton href={d.actionUrl}>{d.startIso ? "Open the session" : `Open ${d.clientName}’s page`}</PrimaryButton> : null}
    </EmailLayout>
  );
}

PaymentAlertEmail.PreviewProps = {
  ...samplePayment,
  recipientName: "Demo Coaching",
  timeZone: "America/Los_Angeles",
  problem: "mismatch",
  reportedCents: 100,
  reportedCurrency: "USD",
  actionUrl: "http://localhost:3000/coach/calendar/sessions/6c0e8f3a-1111-4222-8333-944455556666",
} satisfies AlertEmail;
