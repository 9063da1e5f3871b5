import { and, eq } from "drizzle-orm";
import { DateTime } from "luxon";
import ical, { type VEvent } from "node-ical";
import { beforeEach, describe, expect, it } from "vitest";
import { GET as downloadInvite } from "@/app/api/bookings/[id]/invite/route";
import { GET as getBooking } from "@/app/api/public/[practice]/bookings/[id]/route";
import { getDb } from "@/server/db/client";
import { openSealedFields } from "@/server/crypto/sealed";
import { bookings, emailOutbox } from "@/server/db/schema";
import { renderEmail } from "@/server/notifications/templates";
import { createOffering, updateOffering } from "@/server/offerings/offerings";
import { setVideoBaseUrl } from "@/server/practices/video";
import { cancelBooking, createBooking, rescheduleBooking } from "@/server/scheduling/bookings";
import { manageTokenFor } from "@/server/scheduling/manage-token";
import { setSessionVideoLink } from "@/server/scheduling/video-link";
import { createBookablePractice, setTestClock } from "../support/factories";
import { failure } from "../support/intake";

const ZONE = "America/Los_Angeles";
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toJSDate();
const ROOM = /^https:\/\/meet\.jit\.si\/Tend-[a-z2-7]{32}$/;

let n = 0;
const booker = () => ({ name: "Sam Rivera", email: `sam${++n}@example.test`, timeZone: "America/New_York" });

beforeEach(() => setTestClock(at("2027-01-06T08:00")));

/** The booking as `GET /api/public/{practice}/bookings/{id}?token=T` answers it. */
async function apiBooking(slug: string, booking: typeof bookings.$inferSelect) {
  const token = manageTokenFor(booking, "booker");
  const response = await getBooking(new Request(`http://localhost:3000/api/public/${slug}/bookings/${booking.id}?token=${token}`), {
    params: Promise.resolve({ practice: slug, id: booking.id }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { booking: { location: unknown } }).booking;
}

async function reloaded(id: string) {
  const [row] = await getDb().select().from(bookings).where(eq(bookings.id, id));
  return row!;
}

describe("automatic video links", () => {
  it("gives each booking its own unguessable room, kept when the session moves", async () => {
    const { practiceId } = await createBookablePractice(ZONE);
    const first = await createBooking(practiceId, { offering: "one-on-one", start: at("2027-01-08T10:00"), ...booker() });
    const second = await createBooking(practiceId, { offering: "one-on-one", start: at("2027-01-08T11:00"), ...booker() });
    expect(first.videoUrl).toMatch(ROOM);
    expect(second.videoUrl).toMatch(ROOM);
    expect(first.videoUrl).not.toBe(second.videoUrl);

    const moved = await rescheduleBooking({ practiceId }, first.id, at("2027-01-11T14:00"));
    expect(moved.startsAt).toEqual(at("2027-01-11T14:00"));
    expect(moved.videoUrl).toBe(first.videoUrl);
  });

  it("makes rooms on the practice's own Jitsi server once it is set; sessions already booked keep theirs", async () => {
    const { practiceId } = await createBookablePractice(ZONE);
    const before = await createBooking(practiceId, { offering: "one-on-one", start: at("2027-01-08T10:00"), ...booker() });
    expect(await setVideoBaseUrl(practiceId, { videoBaseUrl: " https://Jitsi.Example.org/meet/ " })).toBe("https://jitsi.example.org/meet");
    const after = await createBooking(practiceId, { offering: "one-on-one", start: at("2027-01-08T11:00"), ...booker() });
    expect(after.videoUrl).toMatch(/^https:\/\/jitsi\.example\.org\/meet\/Tend-[a-z2-7]{32}$/);
    expect((await reloaded(before.id)).videoUrl).toBe(before.videoUrl);

    for (const bad of ["ftp://jitsi.example.org", "javascript:alert(1)", "jitsi.example.org", "https://user:pw@jitsi.example.org"]) {
      const error = await failure(setVideoBaseUrl(practiceId, { videoBaseUrl: bad }));
      expect(error.code).toBe("invalid");
      expect(error.fieldErrors?.videoBaseUrl?.[0]).toMatch(/https:\/\//);
    }
    // Blank goes back to the public server.
    expect(await setVideoBaseUrl(practiceId, { videoBaseUrl: "" })).toBe("https://meet.jit.si");
  });

  it("lets the coach give one session another link, checked, and clearing it returns to the room", async () => {
    const { practiceId, practice } = await createBookablePractice(ZONE);
    const booking = await createBooking(practiceId, { offering: "one-on-one", start: at("2027-01-08T10:00"), ...booker() });

    const bad = await failure(setSessionVideoLink(practiceId, booking.id, { videoUrl: "zoom me" }));
    expect(bad.code).toBe("invalid");
    expect(bad.fieldErrors?.videoUrl?.[0]).toMatch(/meeting link/);

    const { booking: changed } = await setSessionVideoLink(practiceId, booking.id, { videoUrl: "https://zoom.us/j/123456789?pwd=abc" });
    expect(changed.videoUrlOverride).toBe("https://zoom.us/j/123456789?pwd=abc");
    expect(changed.sequence).toBe(booking.sequence + 1);
    expect((await apiBooking(practice.slug, changed)).location).toEqual({ kind: "video", url: "https://zoom.us/j/123456789?pwd=abc" });

    // The reminders still to come carry the new link (the old ones are withdrawn).
    const pending = await getDb()
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.topic, `booking:${booking.id}`), eq(emailOutbox.template, "booking-reminder"), eq(emailOutbox.status, "pending")));
    expect(pending.length).toBeGreaterThan(0);
    for (const reminder of pending) expect(reminder.data.location).toBe("https://zoom.us/j/123456789?pwd=abc");

    // Another practice can't touch it.
    const other = await createBookablePractice(ZONE);
    expect((await failure(setSessionVideoLink(other.practiceId, booking.id, { videoUrl: "https://evil.example" }))).code).toBe("not_found");

    const { booking: cleared } = await setSessionVideoLink(practiceId, booking.id, { videoUrl: "" });
    expect(cleared.videoUrlOverride).toBeNull();
    expect((await apiBooking(practice.slug, cleared)).location).toEqual({ kind: "video", url: booking.videoUrl });

    await cancelBooking({ practiceId }, booking.id, { actor: "coach" });
    expect((await failure(setSessionVideoLink(practiceId, booking.id, { videoUrl: "https://zoom.us/j/1" }))).code).toBe("conflict");
  });
});

describe("booking.location in the public API", () => {
  it("has the documented shape for each way of meeting, and no join link once canceled", async () => {
    const { practiceId, practice } = await createBookablePractice(ZONE);
    const offering = (slug: string, extra: Record<string, unknown>) =>
      createOffering(practiceId, { kind: "one_on_one", name: slug, slug, durationMinutes: 60, priceCents: 0, active: true, ...extra });
    await offering("own-link", { format: "video", videoLink: "fixed", location: "https://meet.google.com/abc-defg-hij" });
    await offering("call-in", { format: "phone", location: "+1 (555) 010-0100" });
    await offering("we-call", { format: "phone" });
    await offering("office", { format: "in_person", location: "12 Harbor Street, Portland" });

    const book = (slug: string, hour: number) => createBooking(practiceId, { offering: slug, start: at(`2027-01-08T${String(hour).padStart(2, "0")}:00`), ...booker() });
    const automatic = await book("one-on-one", 9);
    const cases: [typeof automatic, unknown][] = [
      [automatic, { kind: "video", url: automatic.videoUrl }],
      [await book("own-link", 10), { kind: "video", url: "https://meet.google.com/abc-defg-hij" }],
      [await book("call-in", 11), { kind: "phone", url: "tel:+15550100100" }],
      [await book("we-call", 12), { kind: "phone" }],
      [await book("office", 13), { kind: "in_person", address: "12 Harbor Street, Portland" }],
    ];
    for (const [booking, location] of cases) expect(await apiBooking(practice.slug, booking)).toMatchObject({ location });

    for (const [booking] of cases) await cancelBooking({ practiceId }, booking.id, { actor: "coach" });
    const canceled = await Promise.all(cases.map(async ([booking]) => (await apiBooking(practice.slug, await reloaded(booking.id))).location));
    expect(canceled).toEqual([{ kind: "video" }, { kind: "video" }, { kind: "phone" }, { kind: "phone" }, { kind: "in_person", address: "12 Harbor Street, Portland" }]);
  });

  it("refuses a video offering of the coach's own link without a link", async () => {
    const { practiceId, offering } = await createBookablePractice(ZONE);
    const error = await failure(
      createOffering(practiceId, { kind: "one_on_one", name: "Own", slug: "own", durationMinutes: 60, priceCents: 0, format: "video", videoLink: "fixed", location: "I'll send it" }),
    );
    expect(error.fieldErrors?.location?.[0]).toMatch(/meeting link/);
    // Switching an offering to its own link keeps it, and its bookings follow.
    await updateOffering(practiceId, offering.id, {
      kind: "one_on_one",
      name: "One-on-One",
      slug: "one-on-one",
      durationMinutes: 60,
      priceCents: 0,
      active: true,
      format: "video",
      videoLink: "fixed",
      location: "https://zoom.us/j/42",
    });
    const booking = await createBooking(practiceId, { offering: "one-on-one", start: at("2027-01-08T10:00"), ...booker() });
    expect(booking.videoUrl).toMatch(ROOM); // made anyway, for if the offering goes back to automatic links
  });
});

describe("the link in the invite and the emails", () => {
  const events = (text: string) => Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === "VEVENT");

  it("puts the join link in the .ics LOCATION and URL, and in the confirmation and reminders", async () => {
    const { practiceId } = await createBookablePractice(ZONE);
    const booking = await createBooking(practiceId, { offering: "one-on-one", start: at("2027-01-08T10:00"), ...booker() });
    const link = booking.videoUrl!;

    const token = manageTokenFor(booking, "booker");
    const download = await downloadInvite(new Request(`http://localhost:3000/api/bookings/${booking.id}/invite?token=${token}`), {
      params: Promise.resolve({ id: booking.id }),
    });
    expect(download.status).toBe(200);
    const text = await download.text();
    const [event] = events(text);
    expect(event!.location).toBe(link);
    expect(String(event!.url)).toBe(link);
    expect(String(event!.description)).toContain(`Join the video call: ${link}`);

    const outbox = await getDb().select().from(emailOutbox).where(eq(emailOutbox.topic, `booking:${booking.id}`));
    const toClient = outbox.filter((m) => m.recipient === booking.bookerEmail);
    expect(toClient.map((m) => m.template).sort()).toEqual(["booking-confirmed", "booking-reminder", "booking-reminder"]);
    for (const message of toClient) {
      const rendered = await renderEmail(message.template, openSealedFields(message.data, ["note"]));
      expect(rendered.html, message.template).toContain(link);
      expect(rendered.text, message.template).toContain(link);
      if (message.template === "booking-confirmed") expect(events(rendered.attachments![0]!.content)[0]!.location).toBe(link);
    }
  });

  it("says no link once canceled: the cancellation email and its invite carry none", async () => {
    const { practiceId } = await createBookablePractice(ZONE);
    const booking = await createBooking(practiceId, { offering: "one-on-one", start: at("2027-01-08T10:00"), ...booker() });
    await cancelBooking({ practiceId }, booking.id);
    const [message] = await getDb()
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.topic, `booking:${booking.id}`), eq(emailOutbox.template, "booking-canceled"), eq(emailOutbox.recipient, booking.bookerEmail)));
    const rendered = await renderEmail(message!.template, openSealedFields(message!.data, ["note"]));
    expect(rendered.html).not.toContain(booking.videoUrl!);
    const [event] = events(rendered.attachments![0]!.content);
    expect(event!.location ?? "").not.toContain("meet.jit.si");
    expect(String(event!.url)).not.toContain("meet.jit.si");
  });
});

describe("telling booker and partner of a new link", () => {
  const events = (text: string) => Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === "VEVENT");
  const ZOOM = "https://zoom.us/j/123456789?pwd=abc";

  async function couple(start = "2027-01-08T10:00") {
    const { practiceId, practice } = await createBookablePractice(ZONE, { kind: "relationship", name: "Couples", slug: "couples" });
    const booking = await createBooking(practiceId, {
      offering: "couples",
      start: at(start),
      ...booker(),
      partner: { name: "Alex Kim", email: `alex${n}@example.test` },
    });
    return { practiceId, practice, booking };
  }

  const placeMail = (bookingId: string) =>
    getDb()
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.topic, `booking:${bookingId}`), eq(emailOutbox.template, "booking-place-changed")));

  it("mails booker and partner, not the coach, the new link on their own clock with an updated invite", async () => {
    const { practiceId, practice, booking } = await couple();
    const { booking: changed, notified } = await setSessionVideoLink(practiceId, booking.id, { videoUrl: ZOOM });
    expect(notified).toEqual(["Sam Rivera", "Alex Kim"]);
    expect(changed.sequence).toBe(booking.sequence + 1);

    const mail = await placeMail(booking.id);
    expect(mail.map((m) => m.recipient).sort()).toEqual([booking.bookerEmail, booking.partnerEmail].sort());
    for (const message of mail) {
      const rendered = await renderEmail(message.template, openSealedFields(message.data, ["note"]));
      // Booked from New York: the reader's clock, not the practice's (10:00 AM in Los Angeles).
      expect(rendered.subject).toBe(`New video link for your session with ${practice.name} on Fri, Jan 8, 1:00 PM EST`);
      expect(rendered.text).toContain(ZOOM);
      expect(rendered.text).not.toContain(booking.videoUrl!);
      expect(rendered.text).toContain("1:00 PM – 2:00 PM EST");
      expect(rendered.text).toContain(message.data.manageUrl as string);
      expect(rendered.replyTo).toBe(practice.contactEmail);
      const [event, ...more] = events(rendered.attachments![0]!.content);
      expect(more).toHaveLength(0);
      expect(event!.uid).toBe(`${booking.id}@tend`);
      expect(Number(event!.sequence)).toBe(booking.sequence + 1);
      expect(event!.location).toBe(ZOOM);
      expect(String(event!.url)).toBe(ZOOM);
    }
    const partnerCopy = mail.find((m) => m.recipient === booking.partnerEmail)!;
    expect((await renderEmail(partnerCopy.template, openSealedFields(partnerCopy.data, ["note"]))).text).toContain("the session Sam Rivera booked for you both");
  });

  it("sends each real change (with a higher SEQUENCE each time) and nothing for the same link again", async () => {
    const { practiceId, booking } = await couple();
    await setSessionVideoLink(practiceId, booking.id, { videoUrl: ZOOM });
    const again = await setSessionVideoLink(practiceId, booking.id, { videoUrl: ZOOM });
    expect(again.notified).toEqual([]);
    expect(again.booking.sequence).toBe(booking.sequence + 1);
    expect(await placeMail(booking.id)).toHaveLength(2);

    // A second change right after is news too; clearing it goes back to the session's own room.
    await setSessionVideoLink(practiceId, booking.id, { videoUrl: "https://zoom.us/j/987654321" });
    const { booking: cleared } = await setSessionVideoLink(practiceId, booking.id, { videoUrl: "" });
    expect(cleared.sequence).toBe(booking.sequence + 3);
    const mail = await placeMail(booking.id);
    expect(mail).toHaveLength(6);
    // In the order of their invites' SEQUENCE: one each, rising, each carrying its own link.
    const toBooker = mail
      .filter((m) => m.recipient === booking.bookerEmail)
      .map((m) => m.data as { location: string; invite: { ics: string } })
      .map((d) => [Number(events(d.invite.ics)[0]!.sequence), d.location, events(d.invite.ics)[0]!.location] as const)
      .sort(([a], [b]) => a - b);
    const links = [ZOOM, "https://zoom.us/j/987654321", booking.videoUrl];
    expect(toBooker).toEqual(links.map((link, i) => [booking.sequence + i + 1, link, link]));

    // Two identical requests at once: one change, one email each.
    const { practiceId: p2, booking: other } = await couple();
    const both = await Promise.all([0, 1].map(() => setSessionVideoLink(p2, other.id, { videoUrl: ZOOM })));
    expect(both.map((r) => r.notified.length).sort()).toEqual([0, 2]);
    expect(await placeMail(other.id)).toHaveLength(2);
    expect((await reloaded(other.id)).sequence).toBe(other.sequence + 1);
  });

  it("sends nothing when the link people use doesn't change, or the session awaits payment", async () => {
    const { practiceId, booking } = await couple();
    // The session's own room, typed as its link: nothing anyone sees changes.
    const same = await setSessionVideoLink(practiceId, booking.id, { videoUrl: booking.videoUrl! });
    expect(same.booking.videoUrlOverride).toBe(booking.videoUrl);
    expect(same.booking.sequence).toBe(booking.sequence);
    expect(same.notified).toEqual([]);

    const { practiceId: p2, booking: held } = await couple();
    await getDb().update(bookings).set({ status: "pending_payment" }).where(eq(bookings.id, held.id));
    const unpaid = await setSessionVideoLink(p2, held.id, { videoUrl: ZOOM });
    expect(unpaid.booking.videoUrlOverride).toBe(ZOOM);
    expect(unpaid.notified).toEqual([]);
    expect(await placeMail(booking.id)).toHaveLength(0);
    expect(await placeMail(held.id)).toHaveLength(0);
  });

  it("sends nothing for a canceled or finished session (the link can't change), tells people joining mid-session, and hides another practice's booking", async () => {
    const { practiceId, booking } = await couple();
    await cancelBooking({ practiceId }, booking.id, { actor: "coach" });
    expect((await failure(setSessionVideoLink(practiceId, booking.id, { videoUrl: ZOOM }))).code).toBe("conflict");
    expect(await placeMail(booking.id)).toHaveLength(0);

    const { practiceId: p2, booking: past } = await couple();
    const other = await createBookablePractice(ZONE);
    expect((await failure(setSessionVideoLink(other.practiceId, past.id, { videoUrl: ZOOM }))).code).toBe("not_found");
    expect(await placeMail(past.id)).toHaveLength(0);

    // Under way: someone joining late needs the new room.
    setTestClock(at("2027-01-08T10:20"));
    expect((await setSessionVideoLink(p2, past.id, { videoUrl: ZOOM })).notified).toHaveLength(2);
    setTestClock(at("2027-01-08T11:30"));
    expect((await failure(setSessionVideoLink(p2, past.id, { videoUrl: "https://zoom.us/j/5" }))).code).toBe("conflict");
    expect(await placeMail(past.id)).toHaveLength(2);
  });
});
