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
import { formatHours } from "@/lib/time/format";
import { formatClockWithZone, formatShort } from "./_components/session-time";

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
      {d.manageUrl && d.lateBooking ? (
        <>
          <PrimaryButton href={d.manageUrl}>{d.lateBooking.noOnlineReschedule ? "Cancel or undo" : "Reschedule or cancel"}</PrimaryButton>
          <Paragraph muted>{lateBookingNote(d, d.lateBooking)}</Paragraph>
        </>
      ) : d.manageUrl ? (
        <>
          <PrimaryButton href={d.manageUrl}>Reschedule or cancel</PrimaryButton>
          <Paragraph muted>Plans change? You can reschedule or cancel online from the link above, no sign-in needed.</Paragraph>
        </>
      ) : null}
      <QuestionsLine data={d} />
    </EmailLayout>
  );
}

/** What a time booked inside the windows still allows, so the email promises nothing the manage page refuses. */
function lateBookingNote(d: BookingEmail, late: NonNullable<BookingEmail["lateBooking"]>): string {
  const within = `This session starts within ${formatHours(late.windowHours, { days: true })} of when you booked it`;
  const rules =
    late.noOnlineReschedule && late.lateCancel
      ? "so it can't be rescheduled online, and canceling counts as a late cancellation"
      : late.noOnlineReschedule
        ? "so it can't be rescheduled online; you can still cancel from the link above"
        : "so canceling counts as a late cancellation; you can still reschedule from the link above";
  const undo = late.undoUntilIso
    ? ` Booked the wrong time? Until ${formatClockWithZone(late.undoUntilIso, d.timeZone)} you can still change or cancel it from the link above, free of charge.`
    : "";
  return `${within}, ${rules}.${undo} To change it after that, reply to this email.`;
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
BookingConfirmedEmail.PreviewProps = {
  ...samplePreview,
  lateBooking: { windowHours: 24, lateCancel: true, noOnlineReschedule: true, undoUntilIso: "2027-01-07T22:15:00.000Z" },
} satisfies BookingEmail;
