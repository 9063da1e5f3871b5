import {
  attendeesOf,
  bookingEmailSchema,
  footerFor,
  inviteAttachments,
  isPartnerCopy,
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

export const subject = (d: BookingEmail) =>
  oneLine(
    d.audience === "coach"
      ? `Rescheduled: ${attendeesOf(d)}, ${d.offeringName}, now ${formatShort(d.startIso, d.timeZone)}`
      : `Your session with ${d.practiceName} has moved to ${formatShort(d.startIso, d.timeZone)}`,
  );

export const attachments = inviteAttachments;
export const replyTo = replyToCoach;

export default function BookingRescheduledEmail(d: BookingEmail) {
  return d.audience === "coach" ? <ForCoach {...d} /> : <ForClient {...d} />;
}

function ForClient(d: BookingEmail) {
  const whose = isPartnerCopy(d) ? `the session ${d.clientName} booked for you both` : "your session";
  return (
    <EmailLayout
      brand={d.practiceName}
      preview={`New time: ${formatShort(d.startIso, d.timeZone)}. The updated invite is attached.`}
      footer={footerFor(d)}
    >
      <Heading>Your session has a new time</Heading>
      <Paragraph>
        {`Hi ${d.recipientName}, ${whose} with ${d.practiceName} has moved${d.rescheduledBy === "coach" ? ` (${d.practiceName} changed the time)` : ""}. The attached invite updates the event already in your calendar.`}
      </Paragraph>
      <SessionDetails data={d} state="moved" />
      {d.manageUrl ? <PrimaryButton href={d.manageUrl}>Reschedule or cancel</PrimaryButton> : null}
      <QuestionsLine data={d} />
    </EmailLayout>
  );
}

function ForCoach(d: BookingEmail) {
  return (
    <EmailLayout preview={`${attendeesOf(d)}, ${d.offeringName}: now ${formatShort(d.startIso, d.timeZone)}.`} footer={footerFor(d)}>
      <Heading>{`Rescheduled: ${attendeesOf(d)}`}</Heading>
      <Paragraph>
        {d.rescheduledBy === "client"
          ? `${attendeesOf(d)} moved their ${d.offeringName} to a new time. The updated invite is attached.`
          : `${attendeesOf(d)}'s ${d.offeringName} has a new time. The updated invite is attached.`}
      </Paragraph>
      <SessionDetails data={d} state="moved" />
      {d.manageUrl ? <PrimaryButton href={d.manageUrl}>Open in your calendar</PrimaryButton> : null}
    </EmailLayout>
  );
}

BookingRescheduledEmail.PreviewProps = { ...samplePreview, invite: { method: "REQUEST", ics: sampleInvite("REQUEST", 1) } } satisfies BookingEmail;
