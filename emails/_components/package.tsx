import { DateTime } from "luxon";
import { z } from "zod";

/** What the package emails receive: the client, the package, what is left and until when (on the client's clock). */
export const packageEmailSchema = z.object({
  recipientName: z.string().min(1),
  practiceName: z.string().min(1),
  packageName: z.string().min(1),
  left: z.number().int().min(0),
  expiresIso: z.iso.datetime({ offset: true }),
  timeZone: z.string().min(1),
  coachEmail: z.email(),
  /** Where to book the next session. */
  bookUrl: z.url(),
});

export type PackageEmail = z.output<typeof packageEmailSchema>;

export const expiryDate = (d: PackageEmail) => DateTime.fromISO(d.expiresIso, { zone: d.timeZone }).toFormat("cccc, LLLL d, yyyy");

export const samplePackage: PackageEmail = {
  recipientName: "Jordan",
  practiceName: "Demo Coaching",
  packageName: "Relationship package of 6",
  left: 1,
  expiresIso: "2027-06-30T07:00:00.000Z",
  timeZone: "America/New_York",
  coachEmail: "coach@demo.tend.test",
  bookUrl: "http://localhost:3000/book/demo",
};
