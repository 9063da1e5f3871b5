import { Link } from "@react-email/components";
import { bookingEmailSchema, footerFor, isWebLink, oneLine, replyToCoach, samplePreview, SessionDetails, type BookingEmail } from "./_components/booking";
import { EmailLayout, Heading, Paragraph, PrimaryButton, styles } from "./_components/layout";
import { formatClockWithZone, formatShort } from "./_components/session-time";

export const schema = bookingEmailSchema;

const soon = (d: BookingEmail) => d.reminder === "1h";
const when = (d: BookingEmail) => (soon(d) ? "in an hour" : "tomorrow");
const clock = (d: BookingEmail) => formatClockWithZone(d.startIso, d.timeZone);

export const subject = (d: BookingEmail) =>
  oneLine(
    soon(d)
      ? `Your session with ${d.practiceName} starts in an hour (${clock(d)})`
      : `Reminder: your session with ${d.practiceName} is tomorrow at ${clock(d)}`,
  );

export const replyTo = replyToCoach;

/** Sent 24 h and 1 h before, to the client and partner, on their own clock. No invite: the calendar has it already. */
export default function BookingReminderEmail(d: BookingEmail) {
  return (
    <EmailLayout brand={d.practiceName} preview={`${d.offeringName}, ${formatShort(d.startIso, d.timeZone)}.`} footer={footerFor(d)}>
      <Heading>{`Your session is ${when(d)}`}</Heading>
      <Paragraph>
        {`Hi ${d.recipientName}, a reminder that your session with ${d.practiceName} ` +
          (soon(d) ? `starts in an hour, at ${clock(d)}.` : `is tomorrow at ${clock(d)}.`)}
      </Paragraph>
      <SessionDetails data={d} />
      {soon(d) ? <SoonActions d={d} /> : <TomorrowActions d={d} />}
    </EmailLayout>
  );
}

function TomorrowActions({ d }: { d: BookingEmail }) {
  return (
    <>
      {d.manageUrl ? <PrimaryButton href={d.manageUrl}>Reschedule or cancel</PrimaryButton> : null}
      <Paragraph muted>
        {`Questions? Reply to this email to reach ${d.practiceName}, or write to `}
        <Link href={`mailto:${d.coachEmail}`} style={styles.link}>
          {d.coachEmail}
        </Link>
        .
      </Paragraph>
    </>
  );
}

// An hour before, the online reschedule and cancel windows have closed; a person answers now.
function SoonActions({ d }: { d: BookingEmail }) {
  return (
    <>
      {d.format === "video" && isWebLink(d.location) ? <PrimaryButton href={d.location}>Join the video call</PrimaryButton> : null}
      <Paragraph muted>
        {`Need to cancel or running late? Contact ${d.practiceName} at `}
        <Link href={`mailto:${d.coachEmail}`} style={styles.link}>
          {d.coachEmail}
        </Link>
        {" or reply to this email."}
      </Paragraph>
    </>
  );
}

BookingReminderEmail.PreviewProps = { ...samplePreview, reminder: "24h", invite: null } satisfies BookingEmail;
