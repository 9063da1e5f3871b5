import { Link, Section, Text } from "@react-email/components";
import type { CSSProperties, ReactNode } from "react";
import { z } from "zod";
import { formatDayLong, formatDuration } from "@/lib/time/format";
import { OFFERING_FORMATS, offeringFormatLabels } from "@/lib/offerings";
import { isValidTimeZone } from "@/lib/time/zones";
import { palette, styles } from "./layout";
import { formatDayAndClock, formatSessionTimes, zoneLine } from "./session-time";

/**
 * What the four booking emails (confirmed, rescheduled, canceled, reminder)
 * receive: the `BookingEmailData` that src/server/scheduling/booking-emails.ts
 * writes into the outbox, everything already worked out (the invite too). One schema for all four; pieces that only some
 * messages use (the old time, who canceled, which reminder) are nullable, and
 * a template renders what it has rather than failing the send for good.
 */
const instant = z.iso.datetime({ offset: true });

/** The calendar file, rendered when the outbox row was written, so a retry sends the very same bytes. */
const inviteSchema = z.object({
  method: z.enum(["REQUEST", "CANCEL"]),
  /** The .ics file's text. */
  ics: z.string().min(1),
});

export const bookingEmailSchema = z.object({
  audience: z.enum(["client", "coach"]),
  recipientName: z.string().min(1),
  practiceName: z.string().min(1),
  offeringName: z.string().min(1),
  clientName: z.string().min(1),
  partnerName: z.string().nullable(),
  startIso: instant,
  endIso: instant,
  /** The recipient's zone: every time in the message is on their clock. */
  timeZone: z.string().refine(isValidTimeZone, "Unknown time zone"),
  previousStartIso: instant.nullable(),
  format: z.enum(OFFERING_FORMATS),
  location: z.string().nullable(),
  /** Client: the no-sign-in manage link. Coach: the session on the calendar. */
  manageUrl: z.url().nullable(),
  /** Replies from clients go here, and clients are told to write here. */
  coachEmail: z.email(),
  note: z.string().nullable(),
  late: z.boolean(),
  canceledBy: z.enum(["client", "coach"]).nullable(),
  /** Who moved the session (reschedule emails); absent in rows written before it existed. */
  rescheduledBy: z.enum(["client", "coach"]).nullable().optional(),
  reason: z.string().nullable(),
  reminder: z.enum(["24h", "1h"]).nullable(),
  /** Absent in reminder rows written before invites were rendered at enqueue time (reminders carry none). */
  invite: inviteSchema.nullable().default(null),
  /** Coach only: where the booker's details differ from the client records (absent in older rows). */
  bookedAs: z.array(z.string()).optional(),
  /** Client's confirmation: where to answer the intake the offering asks for (absent when it has none). */
  intakeUrl: z.url().nullable().optional(),
  /**
   * Client's confirmation of a time booked already inside the policy's windows: what can no
   * longer be done online, and until when it can still be undone free (absent: booked in good time).
   */
  lateBooking: z
    .object({
      windowHours: z.number().min(0),
      lateCancel: z.boolean(),
      noOnlineReschedule: z.boolean(),
      undoUntilIso: instant.nullable(),
    })
    .nullable()
    .optional(),
});

export type BookingEmail = z.output<typeof bookingEmailSchema>;

/** The calendar invite (or its cancellation) as an attachment, which calendars update in place by UID and SEQUENCE. */
export function inviteAttachments(data: BookingEmail): { filename: string; contentType: string; content: string }[] {
  if (!data.invite) return [];
  return [{ filename: "invite.ics", contentType: `text/calendar; charset=utf-8; method=${data.invite.method}`, content: data.invite.ics }];
}

/** A client who hits reply reaches the coach; the coach's own copy needs no reply-to. */
export const replyToCoach = (data: BookingEmail) => (data.audience === "client" ? data.coachEmail : undefined);

/** "Sam Rivera" or "Sam Rivera and Alex Kim". */
export const attendeesOf = (data: BookingEmail) => (data.partnerName ? `${data.clientName} and ${data.partnerName}` : data.clientName);

/** Whether the reader is the partner of the person who booked (they get a copy of every client email). */
export const isPartnerCopy = (data: BookingEmail) =>
  data.audience === "client" && data.partnerName !== null && data.recipientName === data.partnerName && data.recipientName !== data.clientName;

/** Subjects are header lines: no line breaks or other control characters from whatever someone typed into a name. */
export const oneLine = (text: string) => text.replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, " ").trim();

export const isWebLink = (value: string | null): value is string => !!value && /^https?:\/\//i.test(value);

const box: CSSProperties = {
  backgroundColor: palette.paper,
  border: `1px solid ${palette.line}`,
  borderRadius: "10px",
  padding: "16px 18px 4px",
  margin: "4px 0 24px",
};
const label: CSSProperties = {
  margin: "0 0 2px",
  fontSize: "12px",
  lineHeight: "18px",
  fontWeight: 600,
  letterSpacing: "0.06em",
  textTransform: "uppercase",
  color: palette.muted,
};
const line: CSSProperties = { margin: 0, fontSize: "15px", lineHeight: "23px", color: palette.ink };
const mutedLine: CSSProperties = { ...line, fontSize: "14px", lineHeight: "21px", color: palette.muted };
const struck: CSSProperties = { textDecoration: "line-through" };

function Row({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Section style={{ margin: "0 0 14px" }}>
      <Text style={label}>{title}</Text>
      {children}
    </Section>
  );
}

/**
 * The session at a glance: what, with whom, when (on the reader's clock, with
 * the zone named), where, and for the coach the client's note. A moved
 * session shows the old time above the new; a canceled one is struck through.
 */
export function SessionDetails({ data, state = "booked" }: { data: BookingEmail; state?: "booked" | "moved" | "canceled" }) {
  const { startIso, endIso, timeZone } = data;
  const minutes = Math.round((Date.parse(endIso) - Date.parse(startIso)) / 60_000);
  const canceled = state === "canceled";
  const withWhom = data.audience === "coach" ? attendeesOf(data) : `with ${data.practiceName}`;
  return (
    <Section style={box}>
      <Text style={{ ...line, fontSize: "17px", lineHeight: "25px", fontWeight: 600, ...(canceled ? struck : {}) }}>{data.offeringName}</Text>
      <Text style={{ ...mutedLine, margin: "0 0 14px" }}>{withWhom}</Text>
      {state === "moved" && data.previousStartIso ? (
        <Row title="Was">
          <Text style={{ ...mutedLine, ...struck }}>{formatDayAndClock(data.previousStartIso, timeZone)}</Text>
        </Row>
      ) : null}
      <Row title={state === "moved" ? "Now" : "When"}>
        <Text style={{ ...line, fontWeight: 600, ...(canceled ? struck : {}) }}>{formatDayLong(startIso, timeZone)}</Text>
        <Text style={{ ...line, ...(canceled ? struck : {}) }}>{`${formatSessionTimes(startIso, endIso, timeZone)} · ${formatDuration(minutes)}`}</Text>
        <Text style={mutedLine}>{zoneLine(timeZone, startIso)}</Text>
      </Row>
      <Row title="Where">
        <Where data={data} canceled={canceled} />
      </Row>
      {data.audience === "coach" && data.bookedAs?.length ? (
        <Row title="As booked">
          {data.bookedAs.map((sentence) => (
            <Text key={sentence} style={line}>
              {sentence}
            </Text>
          ))}
          <Text style={mutedLine}>Your records were left as they are; update them if the new details are right.</Text>
        </Row>
      ) : null}
      {data.audience === "coach" && data.note ? (
        <Row title="Note from the client">
          <Text style={{ ...line, whiteSpace: "pre-line" }}>{data.note}</Text>
        </Row>
      ) : null}
    </Section>
  );
}

/** The join link, the address or the number; a canceled session gives no way in (an address stays). */
function Where({ data, canceled }: { data: BookingEmail; canceled: boolean }) {
  const kind = offeringFormatLabels[data.format];
  if (canceled && data.format !== "in_person") return <Text style={line}>{kind}</Text>;
  if (isWebLink(data.location)) {
    return (
      <>
        <Text style={line}>{kind}</Text>
        <Text style={line}>
          <Link href={data.location} style={styles.url}>
            {data.location}
          </Link>
        </Text>
      </>
    );
  }
  if (data.location) {
    return (
      <>
        <Text style={line}>{kind}</Text>
        <Text style={{ ...line, whiteSpace: "pre-line" }}>{data.location}</Text>
      </>
    );
  }
  // Without a link on the offering the coach sends one per session; say so rather than leave the reader wondering.
  if (data.format === "video" && data.audience === "client") {
    return <Text style={line}>{`${kind}. ${data.practiceName} will send you the link before the session.`}</Text>;
  }
  if (data.format === "phone" && data.audience === "client") {
    return <Text style={line}>{`${kind}. ${data.practiceName} will call you at the number you gave.`}</Text>;
  }
  return <Text style={line}>{kind}</Text>;
}

/** "Questions? Reply to this email or write to coach@…", for client emails (replies go to the coach). */
export function QuestionsLine({ data }: { data: BookingEmail }) {
  return (
    <Text style={styles.small}>
      {`Questions? Reply to this email to reach ${data.practiceName}, or write to `}
      <Link href={`mailto:${data.coachEmail}`} style={styles.link}>
        {data.coachEmail}
      </Link>
      .
    </Text>
  );
}

/** Why the reader got this email, for the footer. */
export function footerFor(data: BookingEmail): string {
  if (data.audience === "coach") return `You are receiving this because ${data.practiceName} takes bookings through Tend.`;
  if (isPartnerCopy(data)) return `You are receiving this because ${data.clientName} booked a session with ${data.practiceName} for you both.`;
  return `You are receiving this because you booked a session with ${data.practiceName}.`;
}

/** A calendar file like the ones booking-emails.ts renders, for the samples below. */
export function sampleInvite(method: "REQUEST" | "CANCEL", sequence: number): string {
  return [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Tend//Practice manager//EN",
    `METHOD:${method}`,
    "BEGIN:VEVENT",
    "UID:00000000-0000-4000-8000-000000000000@tend",
    `SEQUENCE:${sequence}`,
    "DTSTAMP:20270101T120000Z",
    "DTSTART:20270108T180000Z",
    "DTEND:20270108T190000Z",
    "SUMMARY:Relationship Coaching · Harbor Coaching",
    `STATUS:${method === "CANCEL" ? "CANCELLED" : "CONFIRMED"}`,
    "END:VEVENT",
    "END:VCALENDAR",
    "",
  ].join("\r\n");
}

/** Sample data for the React Email preview server (`npm run email:preview`) and tests/unit/email-previews.test.tsx. */
export const samplePreview: BookingEmail = {
  audience: "client",
  recipientName: "Sam Rivera",
  practiceName: "Harbor Coaching",
  offeringName: "Relationship Coaching",
  clientName: "Sam Rivera",
  partnerName: "Alex Kim",
  startIso: "2027-01-08T18:00:00.000Z",
  endIso: "2027-01-08T19:00:00.000Z",
  timeZone: "America/Los_Angeles",
  previousStartIso: "2027-01-07T22:00:00.000Z",
  format: "video",
  location: "https://meet.example.com/harbor-sam",
  manageUrl: "http://localhost:3000/manage/00000000-0000-4000-8000-000000000000?token=preview",
  coachEmail: "coach@harbor.test",
  note: "We'd like to talk about how we split the chores.",
  late: false,
  canceledBy: null,
  rescheduledBy: null,
  reason: null,
  reminder: null,
  invite: { method: "REQUEST", ics: sampleInvite("REQUEST", 0) },
};
