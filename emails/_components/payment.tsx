import { z } from "zod";
import { formatPrice } from "@/lib/format";
import { formatSessionTimes } from "./session-time";
import { Paragraph } from "./layout";

/**
 * What every payment email receives (receipt, hold expired, refund issued, the
 * coach's alert): amounts in minor units with their currency, instants as ISO
 * strings and the reader's own time zone.
 */
export const paymentEmailSchema = z.object({
  recipientName: z.string().min(1),
  practiceName: z.string().min(1),
  /** What the money is for: the session's offering, or a package or plan by name. */
  offeringName: z.string().min(1),
  clientName: z.string().min(1),
  /** The session's times; null when the money is not for one session (a package, a plan month). */
  startIso: z.iso.datetime({ offset: true }).nullable(),
  endIso: z.iso.datetime({ offset: true }).nullable(),
  timeZone: z.string().min(1),
  amountCents: z.number().int().min(0),
  currency: z.string().length(3),
  coachEmail: z.email(),
  /** The next step's address: the booking (manage) page, the booking page, the portal's payments, or the coach's session or client page. */
  actionUrl: z.url().nullable(),
});

export type PaymentEmail = z.output<typeof paymentEmailSchema>;

export const moneyOf = (d: { amountCents: number; currency: string }) => formatPrice(d.amountCents, d.currency, { freeLabel: "nothing" });

/** What the money is for: the session on the reader's clock, or the package or plan by name. */
export function SessionLine({ data }: { data: PaymentEmail }) {
  if (!data.startIso || !data.endIso) return <Paragraph>{data.offeringName}</Paragraph>;
  return <Paragraph>{`${data.offeringName}, ${formatSessionTimes(data.startIso, data.endIso, data.timeZone)}`}</Paragraph>;
}

export const samplePayment: PaymentEmail = {
  recipientName: "Jordan",
  practiceName: "Demo Coaching",
  offeringName: "Crisis Coaching",
  clientName: "Jordan Lee",
  startIso: "2027-01-08T17:00:00.000Z",
  endIso: "2027-01-08T18:30:00.000Z",
  timeZone: "America/New_York",
  amountCents: 30000,
  currency: "USD",
  coachEmail: "coach@demo.tend.test",
  actionUrl: "http://localhost:3000/manage/6c0e8f3a-1111-4222-8333-944455556666?token=sample",
};
