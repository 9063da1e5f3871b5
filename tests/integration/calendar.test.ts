import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import ical, { type VEvent } from "node-ical";
import { beforeEach, describe, expect, it } from "vitest";
import { GET as getFeed } from "@/app/api/calendar/[token]/route";
import { getDb } from "@/server/db/client";
import { emailOutbox, practices } from "@/server/db/schema";
import { renderEmail } from "@/server/notifications/templates";
import type { BookingEmailData } from "@/server/scheduling/booking-emails";
import { cancelBooking, createBooking, rescheduleBooking } from "@/server/scheduling/bookings";
import { rotateCalendarFeedToken } from "@/server/scheduling/calendar-feed";
import { createBookablePractice, setTestClock } from "../support/factories";

const ZONE = "America/Los_Angeles";
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toJSDate();

beforeEach(() => setTestClock(at("2027-01-06T08:00")));

const setup = () =>
  createBookablePractice(ZONE, { format: "in_person", location: "12 Oak Street, Portland" });

function events(text: string): VEvent[] {
  return Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === "VEVENT");
}

async function feed(token: string) {
  const response = await getFeed(new Request(`http://localhost:3000/api/calendar/${token}.ics`), {
    params: Promise.resolve({ token: `${token}.ics` }),
  });
  return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
}

describe("calendar invites", () => {
  it("each booking email carries an invite whose UID stays and SEQUENCE rises; a cancel is METHOD:CANCEL", async () => {
    const { practiceId } = await setup();
    const booking = await createBooking(practiceId, {
      offering: "one-on-one",
      start: at("2027-01-08T10:00"),
      name: "Sam",
      email: "sam@example.test",
      timeZone: "Asia/Kolkata",
    });
    await rescheduleBooking({ practiceId }, booking.id, at("2027-01-11T14:00"), { actor: "coach" });
    await cancelBooking({ practiceId }, booking.id, { actor: "coach", reason: "Coach unwell" });

    const mail = await getDb().select().from(emailOutbox).where(eq(emailOutbox.topic, `booking:${booking.id}`));
    const invites = ["booking-confirmed", "booking-rescheduled", "booking-canceled"].map((template) => {
      const row = mail.find((m) => m.template === template && m.recipient === "sam@example.test");
      expect(row, template).toBeDefined();
      return (row!.data as BookingEmailData).invite!.ics;
    });

    const parsed = invites.map((text) => ({ text, event: events(text)[0]! }));
    expect(parsed.map((p) => p.event.uid)).toEqual([`${booking.id}@tend`, `${booking.id}@tend`, `${booking.id}@tend`]);
    expect(parsed.map((p) => Number(p.event.sequence))).toEqual([0, 1, 2]);
    expect(parsed.map((p) => p.text.match(/^METHOD:(\w+)/m)?.[1])).toEqual(["REQUEST", "REQUEST", "CANCEL"]);
    expect(parsed[0]!.event.start.toISOString()).toBe(at("2027-01-08T10:00").toISOString());
    expect(parsed[1]!.event.start.toISOString()).toBe(at("2027-01-11T14:00").toISOString());
    expect(parsed[1]!.event.end!.toISOString()).toBe(at("2027-01-11T15:00").toISOString());
    expect(parsed[2]!.event.status).toBe("CANCELLED");
    // The invite is rendered once, when the row is written (DTSTAMP the booking's change time, not
    // "now"): sending the row again later attaches the very same bytes.
    const confirmed = mail.find((m) => m.template === "booking-confirmed" && m.recipient === "sam@example.test")!;
    const first = await renderEmail(confirmed.template, confirmed.data);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const again = await renderEmail(confirmed.template, confirmed.data);
    expect(first.attachments![0]!.content).toBe(invites[0]);
    expect(again.attachments![0]!.content).toBe(invites[0]);
    expect(invites[0]).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/m);
    expect(parsed[0]!.event.location).toBe("12 Oak Street, Portland");
    const organizer = parsed[0]!.event.organizer as unknown as { val: string };
    expect(String(organizer.val ?? organizer).toLowerCase()).toContain("mailto:");
  });

  it("serves the coach's private feed by token, and rotating the token revokes the old URL", async () => {
    const { practiceId } = await setup();
    await createBooking(practiceId, { offering: "one-on-one", start: at("2027-01-08T10:00"), name: "Sam", email: "sam@example.test", timeZone: ZONE });
    const canceled = await createBooking(practiceId, { offering: "one-on-one", start: at("2027-01-08T12:00"), name: "Alex", email: "alex@example.test", timeZone: ZONE });
    await cancelBooking({ practiceId }, canceled.id, { actor: "coach" });
    const [practice] = await getDb().select().from(practices).where(eq(practices.id, practiceId));

    const first = await feed(practice!.calendarFeedToken);
    expect(first.status).toBe(200);
    expect(first.type).toContain("text/calendar");
    const list = events(first.text);
    expect(list.map((e) => e.summary)).toEqual(["One-on-One: Sam"]);

    const rotated = await rotateCalendarFeedToken(practiceId);
    expect(rotated).not.toBe(practice!.calendarFeedToken);
    expect((await feed(practice!.calendarFeedToken)).status).toBe(404);
    expect((await feed(rotated)).status).toBe(200);
    expect((await feed("short")).status).toBe(404);
  });
});
