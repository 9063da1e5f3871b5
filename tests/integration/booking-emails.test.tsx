import { and, eq } from "drizzle-orm";
import { DateTime } from "luxon";
import ical, { type VEvent } from "node-ical";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { devMailbox, emailOutbox } from "@/server/db/schema";
import { dispatchDueEmails } from "@/server/notifications/dispatcher";
import { EmailTemplateError, renderEmail, type RenderedEmail, type TemplateData } from "@/server/notifications/templates";
import type { BookingEmailData } from "@/server/scheduling/booking-emails";
import { createBooking } from "@/server/scheduling/bookings";
import { buildInvite, type InviteEvent } from "@/server/scheduling/ics";
import { createBookablePractice, setTestClock } from "../support/factories";

const LA = "America/Los_Angeles";
const KOLKATA = "Asia/Kolkata";
const MANAGE = "http://localhost:3000/manage/3f1c0b7e-1111-4a5b-9c2d-000000000001?token=abc123";
const CALENDAR = "http://localhost:3000/coach/calendar?booking=3f1c0b7e-1111-4a5b-9c2d-000000000001";

type BookingTemplate = "booking-confirmed" | "booking-rescheduled" | "booking-canceled" | "booking-reminder";

/** The booking's calendar event, as inviteEventFor describes it. */
function calendarEvent(overrides: Partial<InviteEvent> = {}): InviteEvent {
  return {
    method: "REQUEST",
    uid: "3f1c0b7e-1111-4a5b-9c2d-000000000001@tend",
    sequence: 0,
    startIso: "2027-01-08T18:00:00.000Z",
    endIso: "2027-01-08T19:00:00.000Z",
    summary: "One-on-One · Harbor Coaching",
    description: `One-on-One with Harbor Coaching.\nReschedule or cancel: ${MANAGE}`,
    location: "https://meet.example.com/harbor",
    url: MANAGE,
    organizer: { name: "Harbor Coaching", email: "coach@harbor.test" },
    attendees: [{ name: "Sam Rivera", email: "sam@example.test" }],
    ...overrides,
  };
}

/** The invite as booking-emails.ts writes it into the outbox row: already rendered. */
const inviteOf = (event: InviteEvent) => ({ method: event.method, ics: buildInvite(event) });

/** What booking-emails.ts enqueues, typed by its own type: if it drifts from the templates' schema, tsc fails here. */
function bookingData(overrides: Partial<BookingEmailData> = {}): BookingEmailData {
  const startIso = overrides.startIso ?? "2027-01-08T18:00:00.000Z"; // Friday 10:00 in Los Angeles
  const endIso = overrides.endIso ?? new Date(Date.parse(startIso) + 3_600_000).toISOString();
  return {
    audience: "client",
    recipientName: "Sam Rivera",
    practiceName: "Harbor Coaching",
    offeringName: "One-on-One",
    clientName: "Sam Rivera",
    partnerName: null,
    startIso,
    endIso,
    timeZone: LA,
    previousStartIso: null,
    format: "video",
    location: "https://meet.example.com/harbor",
    manageUrl: MANAGE,
    coachEmail: "coach@harbor.test",
    note: null,
    late: false,
    canceledBy: null,
    rescheduledBy: null,
    reason: null,
    reminder: null,
    invite: inviteOf(calendarEvent({ startIso, endIso })),
    ...overrides,
  };
}

const coachCopy = (overrides: Partial<BookingEmailData> = {}) =>
  bookingData({ audience: "coach", recipientName: "Harbor Coaching", manageUrl: CALENDAR, ...overrides });

function render(template: BookingTemplate, data: BookingEmailData): Promise<RenderedEmail> {
  const input: TemplateData<typeof template> = data;
  return renderEmail(template, input);
}

function parseInvite(email: RenderedEmail) {
  expect(email.attachments).toHaveLength(1);
  const attachment = email.attachments![0]!;
  const parsed = ical.sync.parseICS(attachment.content);
  const events = Object.values(parsed).filter((c): c is VEvent => c?.type === "VEVENT");
  expect(events).toHaveLength(1);
  return { attachment, event: events[0]!, method: (parsed.vcalendar as unknown as { method?: string } | undefined)?.method };
}

describe("booking confirmed", () => {
  it("tells the client, on their clock, with the manage link, the place, and an invite; replies reach the coach", async () => {
    const email = await render("booking-confirmed", bookingData());
    expect(email.subject).toBe("Your session with Harbor Coaching is booked: Fri, Jan 8, 10:00 AM PST");
    expect(email.replyTo).toBe("coach@harbor.test");
    expect(email.html).toContain("Your session with Harbor Coaching is booked");
    expect(email.html).toContain(`href="${MANAGE}"`);
    expect(email.html).toContain('href="https://meet.example.com/harbor"');
    for (const text of [email.html, email.text]) {
      expect(text).toContain("Friday, January 8, 2027");
      expect(text).toContain("10:00 AM – 11:00 AM PST");
      expect(text).toContain("Pacific Time — America/Los_Angeles");
    }
    expect(email.text).toContain(`Reschedule or cancel ${MANAGE}`);
    expect(email.text).toContain("Video call");
    expect(email.text).toContain("https://meet.example.com/harbor");

    const { attachment, event, method } = parseInvite(email);
    expect(attachment.filename).toBe("invite.ics");
    expect(attachment.contentType).toBe("text/calendar; charset=utf-8; method=REQUEST");
    expect(method).toBe("REQUEST");
    expect(event.uid).toBe("3f1c0b7e-1111-4a5b-9c2d-000000000001@tend");
    expect(Number(event.sequence)).toBe(0);
    expect(event.start.toISOString()).toBe("2027-01-08T18:00:00.000Z");
    expect(event.end!.toISOString()).toBe("2027-01-08T19:00:00.000Z");
  });

  it("a time booked inside the windows: promises no online change it will refuse, and names the undo deadline on the reader's clock", async () => {
    const lateBooking = { windowHours: 24, lateCancel: true, noOnlineReschedule: true, undoUntilIso: "2027-01-08T02:15:00.000Z" };
    const email = await render("booking-confirmed", bookingData({ lateBooking, timeZone: KOLKATA }));
    expect(email.text).not.toContain("You can reschedule or cancel online");
    expect(email.text).toContain("This session starts within 24 hours of when you booked it, so it can't be rescheduled online, and canceling counts as a late cancellation.");
    expect(email.text).toContain("Until 7:45 AM GMT+5:30 you can still change or cancel it from the link above, free of charge.");
    expect(email.text).toContain(`Cancel or undo ${MANAGE}`);
    expect(email.text).toContain("Asia/Kolkata");
    // Past the grace period (or none): no undo offered.
    const noUndo = await render("booking-confirmed", bookingData({ lateBooking: { ...lateBooking, undoUntilIso: null } }));
    expect(noUndo.text).not.toContain("free of charge");
  });

  it("shows the same booking on each recipient's own clock, whatever the server's zone", async () => {
    const la = await render("booking-confirmed", bookingData({ timeZone: LA }));
    const kolkata = await render("booking-confirmed", bookingData({ timeZone: KOLKATA }));
    // 18:00 UTC is 23:30 in Kolkata, so the session ends after midnight there.
    expect(kolkata.subject).toBe("Your session with Harbor Coaching is booked: Fri, Jan 8, 11:30 PM GMT+5:30");
    expect(kolkata.text).toContain("11:30 PM – Sat, Jan 9, 12:30 AM GMT+5:30");
    expect(kolkata.text).toContain("India Standard Time — Asia/Kolkata");
    expect(kolkata.text).not.toContain("10:00 AM");
    expect(la.text).not.toContain("11:30 PM");

    const serverZone = process.env.TZ;
    try {
      process.env.TZ = "Pacific/Chatham"; // +13:45 in January: any leak of the server's zone would show
      const again = await render("booking-confirmed", bookingData({ timeZone: KOLKATA }));
      expect(again.subject).toBe(kolkata.subject);
      expect(again.text).toBe(kolkata.text);
    } finally {
      if (serverZone === undefined) delete process.env.TZ;
      else process.env.TZ = serverZone;
    }
  });

  it("keeps 9:00 local across the spring DST change: March 15, 2027 reads 9:00 AM PDT", async () => {
    const start = DateTime.fromISO("2027-03-15T09:00", { zone: LA });
    const email = await render("booking-confirmed", bookingData({ startIso: start.toUTC().toISO()! }));
    expect(email.subject).toBe("Your session with Harbor Coaching is booked: Mon, Mar 15, 9:00 AM PDT");
    expect(email.text).toContain("Monday, March 15, 2027");
    expect(email.text).toContain("9:00 AM – 10:00 AM PDT");
    expect(email.text).toContain("Pacific Time — America/Los_Angeles");
    expect(parseInvite(email).event.start.toISOString()).toBe("2027-03-15T16:00:00.000Z");
  });

  it("gives the coach the facts: who, what, when, the client's note, and the calendar link", async () => {
    const email = await render("booking-confirmed", coachCopy({ partnerName: "Alex Kim", note: "First time <b>here</b>" }));
    expect(email.subject).toBe("New booking: Sam Rivera and Alex Kim, One-on-One, Fri, Jan 8, 10:00 AM PST");
    expect(email.replyTo).toBeUndefined();
    expect(email.text).toContain("New booking: Sam Rivera and Alex Kim");
    expect(email.text).toContain("10:00 AM – 11:00 AM PST");
    expect(email.text).toContain("First time <b>here</b>");
    expect(email.html).toContain("First time &lt;b&gt;here&lt;/b&gt;");
    expect(email.html).toContain(`href="${CALENDAR.replaceAll("&", "&amp;")}"`);
    expect(email.html).not.toContain(MANAGE);
    expect(parseInvite(email).method).toBe("REQUEST");
  });

  it("tells a partner who booked for them", async () => {
    const email = await render("booking-confirmed", bookingData({ recipientName: "Alex Kim", partnerName: "Alex Kim" }));
    expect(email.text).toContain("Hi Alex Kim, Sam Rivera booked a session for you both with Harbor Coaching.");
    expect(email.text).toContain("because Sam Rivera booked a session with Harbor Coaching for you both");
  });

  it("says where an in-person or phone session takes place, and that a video link will follow when there is none", async () => {
    const office = await render("booking-confirmed", bookingData({ format: "in_person", location: "12 Oak Street, Portland" }));
    expect(office.text).toMatch(/In person\s+12 Oak Street, Portland/);
    const video = await render("booking-confirmed", bookingData({ location: null }));
    expect(video.text).toContain("Video call. Harbor Coaching will send you the link before the session.");
  });

  it("refuses data it can't render truthfully, for good (no retries)", async () => {
    const error = await render("booking-confirmed", bookingData({ timeZone: "Mars/Olympus_Mons" })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmailTemplateError);
    expect((error as Error).message).toMatch(/timeZone/);
  });
});

describe("booking rescheduled", () => {
  it("shows the old time, then the new one, with an updated invite (same UID, higher SEQUENCE)", async () => {
    const data = bookingData({
      startIso: "2027-01-11T22:00:00.000Z",
      previousStartIso: "2027-01-08T18:00:00.000Z",
      invite: inviteOf(calendarEvent({ sequence: 1, startIso: "2027-01-11T22:00:00.000Z", endIso: "2027-01-11T23:00:00.000Z" })),
    });
    const email = await render("booking-rescheduled", data);
    expect(email.subject).toBe("Your session with Harbor Coaching has moved to Mon, Jan 11, 2:00 PM PST");
    expect(email.replyTo).toBe("coach@harbor.test");
    const was = email.text.indexOf("Friday, January 8, 2027, 10:00 AM PST");
    const now = email.text.indexOf("Monday, January 11, 2027");
    expect(was).toBeGreaterThan(-1);
    expect(now).toBeGreaterThan(was);
    expect(email.text).toContain("2:00 PM – 3:00 PM PST");
    expect(email.html).toContain(`href="${MANAGE}"`);
    const { event, method } = parseInvite(email);
    expect(method).toBe("REQUEST");
    expect(event.uid).toBe("3f1c0b7e-1111-4a5b-9c2d-000000000001@tend");
    expect(Number(event.sequence)).toBe(1);
    expect(event.start.toISOString()).toBe("2027-01-11T22:00:00.000Z");

    const coach = await render("booking-rescheduled", { ...data, audience: "coach", recipientName: "Harbor Coaching", manageUrl: CALENDAR });
    expect(coach.subject).toBe("Rescheduled: Sam Rivera, One-on-One, now Mon, Jan 11, 2:00 PM PST");
    expect(coach.text.indexOf("Friday, January 8, 2027, 10:00 AM PST")).toBeLessThan(coach.text.indexOf("Monday, January 11, 2027"));
  });

  it("says who moved it: the client tells the coach, the coach tells the client", async () => {
    const moved = bookingData({ previousStartIso: "2027-01-07T18:00:00.000Z" });
    const toCoach = await render("booking-rescheduled", { ...moved, audience: "coach", rescheduledBy: "client", manageUrl: CALENDAR });
    expect(toCoach.text).toContain("Sam Rivera moved their One-on-One to a new time");
    const toClient = await render("booking-rescheduled", { ...moved, rescheduledBy: "coach" });
    expect(toClient.text).toContain("(Harbor Coaching changed the time)");
    const byThemselves = await render("booking-rescheduled", { ...moved, rescheduledBy: "client" });
    expect(byThemselves.text).not.toContain("changed the time");
  });
});

describe("booking canceled", () => {
  const cancelIcs = inviteOf(calendarEvent({ method: "CANCEL", sequence: 1 }));

  it("a late cancel by the client: who, the reason, the neutral fee note, a way back, and a CANCEL invite", async () => {
    const email = await render("booking-canceled", bookingData({ late: true, canceledBy: "client", reason: "Fever", invite: cancelIcs }));
    expect(email.subject).toBe("Canceled: your session with Harbor Coaching on Fri, Jan 8, 10:00 AM PST");
    expect(email.text).toContain("your session is canceled, as you asked");
    expect(email.text).toContain("Reason given: “Fever”");
    expect(email.text).toContain("This was inside the cancellation window; Harbor Coaching will be in touch about the fee.");
    expect(email.text).toContain(`Book another time ${MANAGE}`);
    const { attachment, event, method } = parseInvite(email);
    expect(attachment.contentType).toBe("text/calendar; charset=utf-8; method=CANCEL");
    expect(method).toBe("CANCEL");
    expect(event.status).toBe("CANCELLED");
    expect(Number(event.sequence)).toBe(1);
  });

  it("an on-time cancel has no fee note; a coach's cancel says so to the client and the coach", async () => {
    const onTime = await render("booking-canceled", bookingData({ canceledBy: "client", invite: cancelIcs }));
    expect(onTime.text).not.toContain("cancellation window");

    const byCoach = await render("booking-canceled", bookingData({ canceledBy: "coach", reason: "Coach unwell", invite: cancelIcs }));
    expect(byCoach.text).toContain("Harbor Coaching canceled this session.");
    expect(byCoach.text).toContain("Reason given: “Coach unwell”");

    const coach = await render("booking-canceled", coachCopy({ canceledBy: "coach", invite: cancelIcs }));
    expect(coach.subject).toBe("Canceled: Sam Rivera, One-on-One, Fri, Jan 8, 10:00 AM PST");
    expect(coach.text).toContain("You canceled this session; Sam Rivera has been told.");

    const late = await render("booking-canceled", coachCopy({ canceledBy: "client", late: true, invite: cancelIcs }));
    expect(late.subject).toBe("Canceled (late): Sam Rivera, One-on-One, Fri, Jan 8, 10:00 AM PST");
    expect(late.text).toContain("recorded as a late cancellation");
    expect(late.text).not.toContain("in touch about the fee");
  });
});

describe("booking reminders", () => {
  it("24 h before: tomorrow, on the recipient's clock, with the manage link and no invite", async () => {
    const email = await render("booking-reminder", bookingData({ reminder: "24h", invite: null, timeZone: KOLKATA }));
    expect(email.subject).toBe("Reminder: your session with Harbor Coaching is tomorrow at 11:30 PM GMT+5:30");
    expect(email.text).toContain("Your session is tomorrow");
    expect(email.text).toContain(`Reschedule or cancel ${MANAGE}`);
    expect(email.attachments).toBeUndefined();
    expect(email.replyTo).toBe("coach@harbor.test");
  });

  it("1 h before: in an hour, the video link to join, and the coach to contact instead of the manage link", async () => {
    const email = await render("booking-reminder", bookingData({ reminder: "1h", invite: null }));
    expect(email.subject).toBe("Your session with Harbor Coaching starts in an hour (10:00 AM PST)");
    expect(email.text).toContain("Your session is in an hour");
    expect(email.text).toContain("Join the video call https://meet.example.com/harbor");
    expect(email.text).toContain("Need to cancel or running late? Contact Harbor Coaching at coach@harbor.test");
    expect(email.html).toContain('href="mailto:coach@harbor.test"');
    expect(email.html).not.toContain(MANAGE);
  });
});

describe("through the outbox and the dispatcher", () => {
  const setClock = (instant: DateTime) => setTestClock(instant.toJSDate());
  beforeEach(() => setClock(DateTime.fromISO("2027-01-06T08:00", { zone: LA })));
  afterEach(() => setTestClock(null));

  it("delivers the confirmations with invites at once, and each reminder once, when it is due", async () => {
    const { practiceId, practice } = await createBookablePractice(
      LA,
      { format: "video", location: "https://meet.example.com/harbor" },
      { name: "Harbor Coaching" },
    );
    const start = DateTime.fromISO("2027-01-08T10:00", { zone: LA });
    const booking = await createBooking(practiceId, {
      offering: "one-on-one",
      start: start.toJSDate(),
      name: "Priya Shah",
      email: "priya@example.test",
      timeZone: KOLKATA,
    });
    const inbox = (recipient: string) => getDb().select().from(devMailbox).where(eq(devMailbox.recipient, recipient));

    expect((await dispatchDueEmails()).failed).toBe(0);
    const [toClient, ...moreToClient] = await inbox("priya@example.test");
    expect(moreToClient).toHaveLength(0);
    expect(toClient).toMatchObject({ template: "booking-confirmed", subject: "Your session with Harbor Coaching is booked: Fri, Jan 8, 11:30 PM GMT+5:30" });
    expect(toClient!.text).toContain("India Standard Time — Asia/Kolkata");
    const [toCoach, ...moreToCoach] = await inbox(practice.contactEmail);
    expect(moreToCoach).toHaveLength(0);
    expect(toCoach).toMatchObject({ template: "booking-confirmed", subject: "New booking: Priya Shah, One-on-One, Fri, Jan 8, 10:00 AM PST" });
    for (const message of [toClient!, toCoach!]) {
      expect(message.attachments).toHaveLength(1);
      const { filename, content } = message.attachments![0]!;
      expect(filename).toBe("invite.ics");
      const event = Object.values(ical.sync.parseICS(content)).find((c): c is VEvent => c?.type === "VEVENT")!;
      expect(event.uid).toBe(`${booking.id}@tend`);
      expect(event.start.toISOString()).toBe(start.toUTC().toISO());
      // The file was rendered when the row was written: what went out is what the row holds, so a retry sends the same bytes.
      const [row] = await getDb()
        .select({ data: emailOutbox.data })
        .from(emailOutbox)
        .where(and(eq(emailOutbox.topic, `booking:${booking.id}`), eq(emailOutbox.recipient, message.recipient), eq(emailOutbox.template, "booking-confirmed")));
      expect((row!.data as { invite: { ics: string } }).invite.ics).toBe(content);
    }
    // Nothing reminds anyone two days ahead.
    expect(await getDb().select().from(devMailbox).where(eq(devMailbox.template, "booking-reminder"))).toHaveLength(0);

    // 24 hours before: the 24 h reminder, once however often the dispatcher runs; the 1 h one waits.
    setClock(start.minus({ hours: 24 }));
    await dispatchDueEmails();
    await dispatchDueEmails();
    const reminders = await getDb().select().from(devMailbox).where(eq(devMailbox.template, "booking-reminder"));
    expect(reminders.map((r) => [r.recipient, r.subject])).toEqual([
      ["priya@example.test", "Reminder: your session with Harbor Coaching is tomorrow at 11:30 PM GMT+5:30"],
    ]);
    const stillPending = await getDb()
      .select({ key: emailOutbox.idempotencyKey })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.topic, `booking:${booking.id}`), eq(emailOutbox.status, "pending")));
    expect(stillPending.map((r) => r.key)).toEqual([expect.stringContaining(":reminder-1h:")]);

    // An hour before: the last one.
    setClock(start.minus({ hours: 1 }));
    await dispatchDueEmails();
    const all = await getDb().select().from(devMailbox).where(eq(devMailbox.template, "booking-reminder"));
    expect(all.map((r) => r.subject).sort()).toEqual([
      "Reminder: your session with Harbor Coaching is tomorrow at 11:30 PM GMT+5:30",
      "Your session with Harbor Coaching starts in an hour (11:30 PM GMT+5:30)",
    ]);
  });
});
