import {
  bookingEmailSchema,
  footerFor,
  inviteAttachments,
  isPartnerCopy,
  isWebLink,
  oneLine,
  QuestionsLine,
  replyToCoach,
  sampleInvite,
  samplePreview,
  SessionDetails,
  type BookingEmail,
} from "./_components/booking";
import { EmailLayout, Heading, Paragraph, PrimaryButton } from "./_components/layout";
import { formatShort } from "./_components/session-time";

export const schema = bookingEmailSchema;

/** A video link, most of the time; clearing the coach's link can send the session back to an address or a phone call. */
const newLink = (d: BookingEmail) => d.format === "video" && isWebLink(d.location);

export const subject = (d: BookingEmail) =>
  oneLine(`${newLink(d) ? "New video link" : "New meeting place"} for your session with ${d.practiceName} on ${formatShort(d.startIso, d.timeZone)}`);

export const attachments = inviteAttachments;
export const replyTo = replyToCoach;

/**
 * Sent to the booker and partner when the coach gave one session another
 * video link (or cleared it): where to go now, and an updated invite, since
 * the emails and calendar entry they have would take them to the old room.
 * The time hasn't changed; the message says so first.
 */
export default function BookingPlaceChangedEmail(d: BookingEmail) {
  const whose = isPartnerCopy(d) ? `the session ${d.clientName} booked for you both` : "your session";
  const where = newLink(d) ? "a new video link" : "a new meeting place";
  return (
    <EmailLayout brand={d.practiceName} preview={`Same time, ${where}. Please use the one below from now on.`} footer={footerFor(d)}>
      <Heading>{newLink(d) ? "Your session has a new video link" : "Your session has a new meeting place"}</Heading>
      <Paragraph>
        {`Hi ${d.recipientName}, ${d.practiceName} gave ${whose} ${where}. The time hasn't changed. ` +
          `Please use the one under “Where” from now on, not the one in earlier emails.`}
      </Paragraph>
      <SessionDetails data={d} />
      {d.manageUrl ? <PrimaryButton href={d.manageUrl}>Reschedule or cancel</PrimaryButton> : null}
      {d.invite ? <Paragraph muted>The attached invite updates the session already in your calendar.</Paragraph> : null}
      <QuestionsLine data={d} />
    </EmailLayout>
  );
}

BookingPlaceChangedEmail.PreviewProps = {
  ...samplePreview,
  location: "https://zoom.us/j/123456789",
  invite: { method: "REQUEST", ics: sampleInvite("REQUEST", 1) },
} satisfies BookingEmail;
