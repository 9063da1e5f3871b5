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
      ? `Canceled${d.late ? " (late)" : ""}: ${attendeesOf(d)}, ${d.offeringName}, ${formatShort(d.startIso, d.timeZone)}`
      : `Canceled: your session with ${d.practiceName} on ${formatShort(d.startIso, d.timeZone)}`,
  );

export const attachments = inviteAttachments;
export const replyTo = replyToCoach;

export default function BookingCanceledEmail(d: BookingEmail) {
  return d.audience === "coach" ? <ForCoach {...d} /> : <ForClient {...d} />;
}

/** The reason as typed, quoted so it reads as their words. */
function Reason({ d }: { d: BookingEmail }) {
  return d.reason ? <Paragraph>{`Reason given: “${d.reason}”`}</Paragraph> : null;
}

function ForClient(d: BookingEmail) {
  const who =
    d.canceledBy === "coach"
      ? `${d.practiceName} canceled this session.`
      : isPartnerCopy(d)
        ? `${d.clientName} canceled the session booked for you both.`
        : "this confirms that your session is canceled, as you asked.";
  return (
    <EmailLayout brand={d.practiceName} preview={`${d.offeringName} on ${formatShort(d.startIso, d.timeZone)} won't take place.`} footer={footerFor(d)}>
      <Heading>{`Your session with ${d.practiceName} is canceled`}</Heading>
      <Paragraph>{`Hi ${d.recipientName}, ${who}`}</Paragraph>
      <Reason d={d} />
      {d.late ? (
        <Paragraph>{`This was inside the cancellation window; ${d.practiceName} will be in touch about the fee.`}</Paragraph>
      ) : null}
      <SessionDetails data={d} state="canceled" />
      <Paragraph muted>The attached update removes the session from your calendar.</Paragraph>
      {/* The manage page of a canceled session offers the booking page again. */}
      {d.manageUrl ? <PrimaryButton href={d.manageUrl}>Book another time</PrimaryButton> : null}
      <QuestionsLine data={d} />
    </EmailLayout>
  );
}

function ForCoach(d: BookingEmail) {
  const who = d.canceledBy === "coach" ? `You canceled this session; ${attendeesOf(d)} ${d.partnerName ? "have" : "has"} been told.` : `${d.clientName} canceled.`;
  return (
    <EmailLayout preview={`${attendeesOf(d)}, ${d.offeringName}, ${formatShort(d.startIso, d.timeZone)}: canceled.`} footer={footerFor(d)}>
      <Heading>{`Canceled: ${attendeesOf(d)}`}</Heading>
      <Paragraph>{who}</Paragraph>
      <Reason d={d} />
      {d.late ? <Paragraph>This came inside the cancellation window, so it is recorded as a late cancellation.</Paragraph> : null}
      <SessionDetails data={d} state="canceled" />
      <Paragraph muted>The time is open for bookings again. The attached update removes the session from your calendar.</Paragraph>
      {d.manageUrl ? <PrimaryButton href={d.manageUrl}>Open your calendar</PrimaryButton> : null}
    </EmailLayout>
  );
}

BookingCanceledEmail.PreviewProps = {
  ...samplePreview,
  late: true,
  canceledBy: "client",
  reason: "Work trip came up.",
  invite: { method: "CANCEL", ics: sampleInvite("CANCEL", 1) },
} satisfies BookingEmail;
