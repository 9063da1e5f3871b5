import {
  bookingEmailSchema,
  footerFor,
  inviteAttachments,
  oneLine,
  QuestionsLine,
  replyToCoach,
  samplePreview,
  SessionDetails,
  type BookingEmail,
} from "./_components/booking";
import { EmailLayout, Heading, Paragraph, PrimaryButton } from "./_components/layout";
import { formatShort } from "./_components/session-time";

export const schema = bookingEmailSchema;

export const subject = (d: BookingEmail) => oneLine(`A new link for your session with ${d.practiceName} on ${formatShort(d.startIso, d.timeZone)}`);

export const attachments = inviteAttachments;
export const replyTo = replyToCoach;

/**
 * Sent to the booker and partner when the coach revoked the booking's manage
 * links: the new link, and an updated invite so the calendar entry carries it
 * too. Calm on purpose: nothing is wrong with the session.
 */
export default function BookingNewLinkEmail(d: BookingEmail) {
  return (
    <EmailLayout brand={d.practiceName} preview={`Your session is unchanged; the link to manage it is new.`} footer={footerFor(d)}>
      <Heading>Your new link to manage your session</Heading>
      <Paragraph>
        {`Hi ${d.recipientName}, ${d.practiceName} replaced the link for rescheduling or canceling your session. ` +
          "The session itself hasn't changed. The link in earlier emails no longer works; please use this one from now on."}
      </Paragraph>
      <SessionDetails data={d} />
      {d.manageUrl ? <PrimaryButton href={d.manageUrl}>Reschedule or cancel</PrimaryButton> : null}
      {d.invite ? <Paragraph muted>The attached invite updates the session in your calendar with the new link.</Paragraph> : null}
      <QuestionsLine data={d} />
    </EmailLayout>
  );
}

BookingNewLinkEmail.PreviewProps = samplePreview;
