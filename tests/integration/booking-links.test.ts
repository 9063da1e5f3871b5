import { and, eq } from "drizzle-orm";
import { DateTime } from "luxon";
import ical, { type VEvent } from "node-ical";
import { beforeEach, describe, expect, it } from "vitest";
import { GET as downloadInvite } from "@/app/api/bookings/[id]/invite/route";
import { resetEnvCache } from "@/lib/env";
import { getDb } from "@/server/db/client";
import { bookings, emailOutbox } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { renderEmail } from "@/server/notifications/templates";
import type { BookingEmailData } from "@/server/scheduling/booking-emails";
import { bookingByToken, requireBookingByToken } from "@/server/scheduling/booking-by-token";
import { cancelBooking, createBooking, rescheduleBooking, revokeManageLinks } from "@/server/scheduling/bookings";
import { buildInvite } from "@/server/scheduling/ics";
import { inviteEventFor } from "@/server/scheduling/invite-event";
import { manageTokenFor, manageUrlFor } from "@/server/scheduling/manage-token";
import { createBookablePractice, setTestClock } from "../support/factories";

// The manage links (no sign-in) and the invite download: what a token opens, for whom, and for how long.
const ZONE = "America/Los_Angeles";
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toJSDate();

beforeEach(() => setTestClock(at("2027-01-06T08:00")));

async function booked() {
  const { practiceId, practice } = await createBookablePractice(ZONE, { kind: "relationship", name: "Couples", slug: "couples", priceCents: 20000 });
  const booking = await createBooking(practiceId, {
    offering: "couples",
    start: at("2027-01-08T10:00"),
    name: "Sam Booker",
    email: "sam@example.test",
    timeZone: "America/New_York",
    partner: { name: "Alex Partner", email: "alex@example.test" },
  });
  return { practiceId, practice, booking };
}

const tokenOf = (url: string) => new URL(url).searchParams.get("token")!;

async function mailTo(bookingId: string, recipient: string, template: string) {
  return getDb()
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.topic, `booking:${bookingId}`), eq(emailOutbox.recipient, recipient), eq(emailOutbox.template, template)));
}

async function invite(id: string, token: string) {
  const response = await downloadInvite(new Request(`http://localhost:3000/api/bookings/${id}/invite?token=${encodeURIComponent(token)}`), {
    params: Promise.resolve({ id }),
  });
  return { status: response.status, text: await response.text() };
}

describe("bookingByToken", () => {
  it("opens the booking its token was made for, and nothing else", async () => {
    const { booking } = await booked();
    const other = await booked();
    const token = manageTokenFor(booking, "booker");

    const found = await bookingByToken(booking.id, token);
    expect(found?.booking.id).toBe(booking.id);
    expect(found?.recipient).toBe("booker");
    expect(found?.booking.bookerEmail).toBe("sam@example.test");

    expect(await bookingByToken(other.booking.id, token)).toBeNull();
    expect(await bookingByToken(booking.id, `${token}x`)).toBeNull();
    expect(await bookingByToken(booking.id, `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`)).toBeNull();
    expect(await bookingByToken(booking.id, undefined)).toBeNull();
    expect(await bookingByToken(booking.id, ["a", "b"])).toBeNull();
    expect(await bookingByToken("not-a-uuid", token)).toBeNull();
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(await bookingByToken(unknown, manageTokenFor({ id: unknown, manageSalt: booking.manageSalt }, "booker"))).toBeNull();
  });

  it("gives booker and partner different tokens that open the same booking, each as themselves", async () => {
    const { booking } = await booked();
    const booker = manageTokenFor(booking, "booker");
    const partner = manageTokenFor(booking, "partner");
    expect(booker).not.toBe(partner);
    expect((await bookingByToken(booking.id, booker))?.recipient).toBe("booker");
    expect((await bookingByToken(booking.id, partner))?.recipient).toBe("partner");

    // Each one's emails carry their own link, and their invites too.
    const [toSam] = await mailTo(booking.id, "sam@example.test", "booking-confirmed");
    const [toAlex] = await mailTo(booking.id, "alex@example.test", "booking-confirmed");
    const samData = toSam!.data as BookingEmailData;
    const alexData = toAlex!.data as BookingEmailData;
    expect(tokenOf(samData.manageUrl!)).toBe(booker);
    expect(tokenOf(alexData.manageUrl!)).toBe(partner);
    // The invite's URL is the session's video room; each reader's own link is in its description.
    const inviteOf = (data: BookingEmailData) => Object.values(ical.sync.parseICS(data.invite!.ics)).find((c): c is VEvent => c?.type === "VEVENT")!;
    expect(String(inviteOf(samData).description)).toContain(samData.manageUrl);
    expect(String(inviteOf(alexData).description)).toContain(alexData.manageUrl);
    expect(String(inviteOf(alexData).description)).not.toContain(booker);
    expect(String(inviteOf(samData).url)).toBe(booking.videoUrl);
    const alexEmail = await renderEmail("booking-confirmed", alexData);
    expect(alexEmail.html).toContain(partner);
    expect(alexEmail.html).not.toContain(booker);
    const reminders = await mailTo(booking.id, "alex@example.test", "booking-reminder");
    expect(reminders.length).toBeGreaterThan(0);
    for (const r of reminders) expect(tokenOf((r.data as BookingEmailData).manageUrl!)).toBe(partner);

    // The coach's copy has no client link at all.
    const [toCoach] = await getDb()
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.topic, `booking:${booking.id}`), eq(emailOutbox.template, "booking-confirmed")))
      .then((rows) => rows.filter((r) => (r.data as BookingEmailData).audience === "coach"));
    expect(JSON.stringify(toCoach!.data)).not.toContain("/manage/");

    // The download made with the partner's link carries the partner's link.
    const download = await invite(booking.id, partner);
    expect(download.status).toBe(200);
    const events = Object.values(ical.sync.parseICS(download.text)).filter((c): c is VEvent => c?.type === "VEVENT");
    expect(events).toHaveLength(1);
    expect(download.text.replace(/\r\n[ \t]/g, "")).toContain(partner);
  });

  it("stops working 30 days after the session ends", async () => {
    const { booking } = await booked();
    const token = manageTokenFor(booking, "booker");
    setTestClock(new Date(booking.endsAt.getTime() + 30 * 86_400_000 - 60_000));
    expect(await bookingByToken(booking.id, token)).not.toBeNull();
    setTestClock(new Date(booking.endsAt.getTime() + 30 * 86_400_000 + 60_000));
    expect(await bookingByToken(booking.id, token)).toBeNull();
    expect((await invite(booking.id, token)).status).toBe(404);
  });

  it("needs AUTH_SECRET: the database alone yields no token", async () => {
    const { booking } = await booked();
    const token = manageTokenFor(booking, "booker");
    const secret = process.env.AUTH_SECRET;
    try {
      process.env.AUTH_SECRET = "another-secret-another-secret-another-secret";
      resetEnvCache();
      expect(await bookingByToken(booking.id, token)).toBeNull();
    } finally {
      process.env.AUTH_SECRET = secret;
      resetEnvCache();
    }
    expect(await bookingByToken(booking.id, token)).not.toBeNull();
  });

  it("gives actions a not_found AppError with a plain message for a bad link", async () => {
    const { booking } = await booked();
    const error = await requireBookingByToken(booking.id, "wrong").then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("not_found");
    expect((error as AppError).message).toMatch(/link from your most recent email/);
  });
});

describe("revokeManageLinks", () => {
  it("kills every link sent so far and mails booker and partner a new one, with reminders that carry it", async () => {
    const { practiceId, practice, booking } = await booked();
    const oldBooker = manageTokenFor(booking, "booker");
    const oldPartner = manageTokenFor(booking, "partner");

    const { booking: revoked, sentTo } = await revokeManageLinks(practiceId, booking.id);
    expect(sentTo).toEqual(["sam@example.test", "alex@example.test"]);
    expect(revoked.manageSalt).not.toBe(booking.manageSalt);
    expect(revoked.sequence).toBe(booking.sequence + 1);

    expect(await bookingByToken(booking.id, oldBooker)).toBeNull();
    expect(await bookingByToken(booking.id, oldPartner)).toBeNull();
    expect((await invite(booking.id, oldBooker)).status).toBe(404);
    const error = await requireBookingByToken(booking.id, oldBooker).then(() => null, (e: unknown) => e as AppError);
    expect(error?.code).toBe("not_found");

    for (const [email, recipient] of [["sam@example.test", "booker"], ["alex@example.test", "partner"]] as const) {
      const [message, ...more] = await mailTo(booking.id, email, "booking-new-link");
      expect(more).toHaveLength(0);
      const data = message!.data as BookingEmailData;
      expect(data.manageUrl).toBe(manageUrlFor(revoked, recipient));
      expect((await bookingByToken(booking.id, tokenOf(data.manageUrl!)))?.recipient).toBe(recipient);
      const rendered = await renderEmail("booking-new-link", data);
      expect(rendered.subject).toBe(`A new link for your session with ${practice.name} on Fri, Jan 8, 1:00 PM EST`);
      expect(rendered.text).toContain("The link in earlier emails no longer works");
      expect(rendered.html).toContain(data.manageUrl!.replaceAll("&", "&amp;"));
      expect(rendered.replyTo).toBe(practice.contactEmail);
      // An updated invite (same UID, higher SEQUENCE) so the calendar entry carries the new link.
      const events = Object.values(ical.sync.parseICS(rendered.attachments![0]!.content)).filter((c): c is VEvent => c?.type === "VEVENT");
      expect(events.map((e) => [e.uid, Number(e.sequence)])).toEqual([[`${booking.id}@tend`, revoked.sequence]]);

      // Pending reminders were rewritten: the old ones (old link) withdrawn, new ones carry the new link.
      const reminders = await mailTo(booking.id, email, "booking-reminder");
      const pending = reminders.filter((r) => r.status === "pending");
      expect(pending).toHaveLength(2);
      for (const r of pending) expect((r.data as BookingEmailData).manageUrl).toBe(data.manageUrl);
      expect(reminders.filter((r) => r.status === "canceled")).toHaveLength(2);
    }
    // The coach isn't mailed about it.
    expect(await mailTo(booking.id, practice.contactEmail, "booking-new-link")).toHaveLength(0);

    // The new links work for what links are for.
    const newBooker = manageTokenFor(revoked, "booker");
    expect((await invite(booking.id, newBooker)).status).toBe(200);
  });

  it("revokes a canceled session's links without mailing new ones; a foreign practice gets not found", async () => {
    const { practiceId, booking } = await booked();
    const other = await booked();
    const token = manageTokenFor(booking, "booker");
    const notYours = await revokeManageLinks(other.practiceId, booking.id).then(() => null, (e: unknown) => e as AppError);
    expect(notYours?.code).toBe("not_found");
    expect(await bookingByToken(booking.id, token)).not.toBeNull();

    await cancelBooking({ practiceId }, booking.id, { actor: "coach" });
    const { sentTo } = await revokeManageLinks(practiceId, booking.id);
    expect(sentTo).toEqual([]);
    expect(await bookingByToken(booking.id, token)).toBeNull();
    expect(await mailTo(booking.id, "sam@example.test", "booking-new-link")).toHaveLength(0);
  });

  it("refuses once the links have expired anyway", async () => {
    const { practiceId, booking } = await booked();
    setTestClock(new Date(booking.endsAt.getTime() + 31 * 86_400_000));
    const error = await revokeManageLinks(practiceId, booking.id).then(() => null, (e: unknown) => e as AppError);
    expect(error?.code).toBe("conflict");
    const [row] = await getDb().select().from(bookings).where(eq(bookings.id, booking.id));
    expect(row!.manageSalt).toBe(booking.manageSalt);
  });
});

describe("inviteEventFor", () => {
  it("keeps one UID per booking, raises SEQUENCE on each change, and turns into a CANCEL", async () => {
    const { practiceId, booking } = await booked();
    const open = async () => (await bookingByToken(booking.id, manageTokenFor(booking, "booker")))!;
    const first = inviteEventFor(await open(), "booker");
    expect(first).toMatchObject({ method: "REQUEST", uid: `${booking.id}@tend`, sequence: 0, startIso: booking.startsAt.toISOString() });
    expect(first.attendees.map((a) => a.email)).toEqual(["sam@example.test", "alex@example.test"]);
    expect(first.url).toBe(booking.videoUrl);
    expect(first.description).toContain(manageUrlFor(booking, "booker"));
    expect(inviteEventFor(await open(), "coach").description).toContain(`http://localhost:3000/coach/calendar?booking=${booking.id}`);

    const scope = { practiceId, clientId: booking.clientId };
    await rescheduleBooking(scope, booking.id, at("2027-01-08T13:00"));
    const moved = inviteEventFor(await open(), "booker");
    expect(moved).toMatchObject({ method: "REQUEST", uid: first.uid, startIso: at("2027-01-08T13:00").toISOString() });
    expect(moved.sequence).toBeGreaterThan(first.sequence);
    expect(moved.url).toBe(first.url); // the room stays with the session

    await cancelBooking(scope, booking.id);
    const canceled = inviteEventFor(await open(), "booker");
    expect(canceled).toMatchObject({ method: "CANCEL", uid: first.uid });
    expect(canceled.sequence).toBeGreaterThan(moved.sequence);
    expect(buildInvite(canceled)).toContain("METHOD:CANCEL");
    // A canceled session's invite gives no way in.
    expect(canceled.location).toBeNull();
    expect(canceled.url).toBe(manageUrlFor(booking, "booker"));
  });
});
