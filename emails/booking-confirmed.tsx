import {
  attendeesOf,
  bookingEmailSchema,
  footerFor,
  inviteAttachments,
  isPartnerCopy,
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

export const subject = (d: BookingEmail) =>
  oneLine(
    d.audience === "coach"
      ? `New booking: ${attendeesOf(d)}, ${d.offeringName}, ${formatShort(d.startIso, d.timeZone)}`
      : `Your session with ${d.practiceName} is booked: ${formatShort(d.startIso, d.timeZone)}`,
  );

export const attachments = inviteAttachments;
export const replyTo = replyToCoach;

export default function BookingConfirmedEmail(d: BookingEmail) {
  return d.audience === "coach" ? <ForCoach {...d} /> : <ForClient {...d} />;
}

function ForClient(d: BookingEmail) {
  const opening = isPartnerCopy(d)
    ? `Hi ${d.recipientName}, ${d.clientName} booked a session for you both with ${d.practiceName}.`
    : `Hi ${d.recipientName}, you're all set.`;
  return (
    <EmailLayout
      brand={d.practiceName}
      preview={`${d.offeringName}, ${formatShort(d.startIso, d.timeZone)}. The calendar invite is attached.`}
      footer={footerFor(d)}
    >
      <Heading>{`Your session with ${d.practiceName} is booked`}</Heading>
      <Paragraph>{`${opening} Here are the details; the attached invite adds the session to your calendar.`}</Paragraph>
      <SessionDetails data={d} />
      {d.intakeUrl ? (
        <>
          <PrimaryButton href={d.intakeUrl}>Answer your intake questions</PrimaryButton>
          <Paragraph muted>A short questionnaire before your first session helps your coach prepare. Only you and your coach see your answers.</Paragraph>
        </>
      ) : null}
      {d.manageUrl ? (
        <>
          <PrimaryButton href={d.manageUrl}>Reschedule or cancel</PrimaryButton>
          <Paragraph muted>Plans change? You can reschedule or cancel online from the link above, no sign-in needed.</Paragraph>
        </>
      ) : null}
      <QuestionsLine data={d} />
    </EmailLayout>
  );
}

function ForCoach(d: BookingEmail) {
  return (
    <EmailLayout preview={`${attendeesOf(d)} booked ${d.offeringName} for ${formatShort(d.startIso, d.timeZone)}.`} footer={footerFor(d)}>
      <Heading>{`New booking: ${attendeesOf(d)}`}</Heading>
      <Paragraph>{`${attendeesOf(d)} booked ${d.offeringName}. The calendar invite is attached.`}</Paragraph>
      <SessionDetails data={d} />
      {d.manageUrl ? <PrimaryButton href={d.manageUrl}>Open in your calendar</PrimaryButton> : null}
    </EmailLayout>
  );
}

// Sample data for the React Email preview server (`npm run email:preview`).
BookingConfirmedEmail.PreviewProps = samplePreview;
