import { z } from "zod";
import { isValidTimeZone } from "@/lib/time/zones";
import { EmailLayout, FallbackUrl, Heading, Paragraph, PrimaryButton } from "./_components/layout";
import { formatDayAndClock } from "./_components/session-time";

export const schema = z.object({
  recipientName: z.string().min(1),
  practiceName: z.string().min(1),
  offeringName: z.string().min(1),
  startIso: z.iso.datetime({ offset: true }),
  timeZone: z.string().refine(isValidTimeZone, "Unknown time zone"),
  hoursBefore: z.union([z.literal(72), z.literal(24)]),
  /** The client's own copy in the portal (sign-in needed). */
  intakeUrl: z.url(),
});

type Data = z.output<typeof schema>;

export const subject = (d: Data) =>
  d.hoursBefore === 24 ? `Tomorrow's session: your intake for ${d.practiceName} is still open` : `Before your first session with ${d.practiceName}: a few questions`;

export default function IntakeReminderEmail(d: Data) {
  return (
    <EmailLayout
      brand={d.practiceName}
      preview={`Your intake helps ${d.practiceName} prepare for ${formatDayAndClock(d.startIso, d.timeZone)}.`}
      footer={`You are receiving this because you booked ${d.offeringName} with ${d.practiceName}.`}
    >
      <Heading>A few questions before your first session</Heading>
      <Paragraph>
        {`Hi ${d.recipientName}, your ${d.offeringName} session is on ${formatDayAndClock(d.startIso, d.timeZone)}. ` +
          "Your intake isn't finished yet. Answering it helps your coach start where it matters most; your answers are saved as you go, so you can stop and come back."}
      </Paragraph>
      <PrimaryButton href={d.intakeUrl}>Continue your intake</PrimaryButton>
      <FallbackUrl href={d.intakeUrl} />
      <Paragraph muted>Only you and your coach see your answers. Your session goes ahead either way.</Paragraph>
    </EmailLayout>
  );
}

IntakeReminderEmail.PreviewProps = {
  recipientName: "Sam",
  practiceName: "Demo Coaching",
  offeringName: "Relationship Coaching",
  startIso: "2026-03-10T17:00:00.000Z",
  timeZone: "America/New_York",
  hoursBefore: 72,
  intakeUrl: "http://localhost:3000/portal/intake/00000000-0000-4000-8000-000000000000",
} satisfies Data;
