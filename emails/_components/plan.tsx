import { DateTime } from "luxon";
import { z } from "zod";

/** What the emails about one paid month of a plan receive: the plan, the month (on the reader's clock) and an amount in minor units. */
export const planMonthEmailSchema = z.object({
  recipientName: z.string().min(1),
  practiceName: z.string().min(1),
  clientName: z.string().min(1),
  planName: z.string().min(1),
  periodStartIso: z.iso.datetime({ offset: true }),
  periodEndIso: z.iso.datetime({ offset: true }),
  timeZone: z.string().min(1),
  amountCents: z.number().int().min(0),
  currency: z.string().length(3),
  coachEmail: z.email(),
  /** The client's payments page (a refund) or the coach's page of the client (a dispute). */
  actionUrl: z.url(),
});

export type PlanMonthEmail = z.output<typeof planMonthEmailSchema>;

/** "January 6 to February 6, 2027", on the reader's clock. */
export function periodOf(d: PlanMonthEmail) {
  const start = DateTime.fromISO(d.periodStartIso, { zone: d.timeZone });
  const end = DateTime.fromISO(d.periodEndIso, { zone: d.timeZone });
  return `${start.toFormat(start.year === end.year ? "LLLL d" : "LLLL d, yyyy")} to ${end.toFormat("LLLL d, yyyy")}`;
}

export const samplePlanMonth: PlanMonthEmail = {
  recipientName: "Jordan",
  practiceName: "Demo Coaching",
  clientName: "Jordan Lee",
  planName: "One-on-One Coaching plan",
  periodStartIso: "2027-01-06T16:00:00.000Z",
  periodEndIso: "2027-02-06T16:00:00.000Z",
  timeZone: "America/New_York",
  amountCents: 50000,
  currency: "USD",
  coachEmail: "coach@demo.tend.test",
  actionUrl: "http://localhost:3000/portal/payments",
};
