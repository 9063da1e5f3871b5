import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { beforeEach, describe, expect, it } from "vitest";
import { GET as downloadInvite } from "@/app/api/bookings/[id]/invite/route";
import { POST as postBooking } from "@/app/api/public/[practice]/bookings/route";
import { createClient, getClient, setClientPartner, setClientStatus } from "@/server/clients/clients";
import { getDb } from "@/server/db/client";
import { emailOutbox } from "@/server/db/schema";
import { renderEmail } from "@/server/notifications/templates";
import type { BookingEmailData } from "@/server/scheduling/booking-emails";
import { bookingByToken } from "@/server/scheduling/booking-by-token";
import { getBookingDetails } from "@/server/scheduling/booking-queries";
import { cancelBooking, createBooking } from "@/server/scheduling/bookings";
import { createBookablePractice, setTestClock } from "../support/factories";

// Issue 6, item 3: anyone may book with anyone's email. The session is filed under that client,
// but the booking never edits, un-archives or re-links the coach's records, and nothing reached
// by the booking's link shows what the coach stored.
const ZONE = "America/Los_Angeles";
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toJSDate();
const person = { timeZone: "America/New_York" };

beforeEach(() => setTestClock(at("2027-01-06T08:00")));

async function practiceWithSam() {
  const practice = await createBookablePractice(ZONE, { kind: "relationship", name: "Couples", slug: "couples", priceCents: 20000 });
  const sam = await createClient(practice.practiceId, { name: "Samantha Rivera-Lopez", email: "sam@example.test", phone: "+1 555 0100", timeZone: ZONE });
  return { ...practice, sam };
}

async function publicBook(slug: string, body: Record<string, unknown>) {
  const response = await postBooking(
    new Request(`http://localhost:3000/api/public/${slug}/bookings`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
    { params: Promise.resolve({ practice: slug }) },
  );
  return { status: response.status, body: (await response.json()) as { booking?: { id: string; manageUrl: string } } };
}

/** iCalendar lines are folded at 75 octets; unfolded, a value can be searched. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, "");
const mailFor = (bookingId: string) => getDb().select().from(emailOutbox).where(eq(emailOutbox.topic, `booking:${bookingId}`));

describe("a public booking with an existing client's email", () => {
  it("is filed under that client, keeps what was typed on the booking, and changes nothing on the record", async () => {
    const { practiceId, practice, sam } = await practiceWithSam();
    const { status, body } = await publicBook(practice.slug, {
      offering: "couples",
      start: at("2027-01-08T10:00"),
      name: "Sammy R.",
      email: "SAM@example.test",
      phone: "+1 555 0199",
      timeZone: "Europe/London",
      note: "Hi",
    });
    expect(status).toBe(201);
    const { booking, client } = await getBookingDetails({ practiceId }, body.booking!.id);
    expect(booking.clientId).toBe(sam.id);
    expect(booking).toMatchObject({ bookerName: "Sammy R.", bookerEmail: "sam@example.test", bookerPhone: "+1 555 0199", note: "Hi" });
    expect(client).toMatchObject({ name: "Samantha Rivera-Lopez", email: "sam@example.test", phone: "+1 555 0100", timeZone: ZONE, status: "active" });
  });

  it("leaves an archived client archived", async () => {
    const { practiceId, sam } = await practiceWithSam();
    await setClientStatus(practiceId, sam.id, "archived");
    const booking = await createBooking(practiceId, { offering: "couples", start: at("2027-01-08T10:00"), name: "Sam", email: "sam@example.test", ...person });
    expect(booking.clientId).toBe(sam.id);
    expect((await getClient(practiceId, sam.id)).status).toBe("archived");
  });

  it("never links or unlinks partners; two new people booking together become a couple", async () => {
    const { practiceId, sam } = await practiceWithSam();
    const jo = await createClient(practiceId, { name: "Jo", email: "jo@example.test", ...person });
    const kim = await createClient(practiceId, { name: "Kim", email: "kim@example.test", ...person });
    const lee = await createClient(practiceId, { name: "Lee", email: "lee@example.test", ...person });
    await setClientPartner(practiceId, kim.id, lee.id);
    const book = (hour: string, who: { name: string; email: string }, partner: { name: string; email: string }) =>
      createBooking(practiceId, { offering: "couples", start: at(`2027-01-08T${hour}`), ...who, ...person, partner });

    // Two existing, unlinked clients: still unlinked.
    const both = await book("09:00", { name: "Sam", email: "sam@example.test" }, { name: "Jo", email: "jo@example.test" });
    expect(both.partnerClientId).toBe(jo.id);
    expect((await getClient(practiceId, sam.id)).partnerId).toBeNull();
    expect((await getClient(practiceId, jo.id)).partnerId).toBeNull();
    // An existing couple, one booked with a stranger: the couple stays as the coach linked it.
    await book("11:00", { name: "Kim", email: "kim@example.test" }, { name: "New Person", email: "new@example.test" });
    expect((await getClient(practiceId, kim.id)).partnerId).toBe(lee.id);
    expect((await getClient(practiceId, lee.id)).partnerId).toBe(kim.id);
    // One new, one existing: not linked.
    const mixed = await book("13:00", { name: "Fresh", email: "fresh@example.test" }, { name: "Sam", email: "sam@example.test" });
    expect((await getClient(practiceId, mixed.clientId)).partnerId).toBeNull();
    expect((await getClient(practiceId, sam.id)).partnerId).toBeNull();
    // Both new: linked both ways.
    const couple = await book("15:00", { name: "Ana", email: "ana@example.test" }, { name: "Ben", email: "ben@example.test" });
    expect((await getClient(practiceId, couple.clientId)).partnerId).toBe(couple.partnerClientId);
    expect((await getClient(practiceId, couple.partnerClientId!)).partnerId).toBe(couple.clientId);
  });

  it("shows the booker and partner only what was typed: emails, invites, the invite download, the link's booking", async () => {
    const { practiceId, practice, sam } = await practiceWithSam();
    const alex = await createClient(practiceId, { name: "Alexandra Kim", email: "alex@example.test", ...person });
    await setClientPartner(practiceId, sam.id, alex.id);
    const { body } = await publicBook(practice.slug, {
      offering: "couples",
      start: at("2027-01-08T10:00"),
      name: "Sammy R.",
      email: "sam@example.test",
      phone: "+1 555 0199",
      timeZone: "Europe/London",
      partner: { name: "Al", email: "alex@example.test" },
    });
    const id = body.booking!.id;
    const recordSays = ["Samantha", "Alexandra", "+1 555 0100"];

    // What a link opens carries no client record at all, and the booking says what was typed.
    const opened = await bookingByToken(id, new URL(body.booking!.manageUrl).searchParams.get("token"));
    expect(opened).not.toBeNull();
    expect(Object.keys(opened!).sort()).toEqual(["booking", "offering", "practice", "recipient"]);
    expect(opened!.booking).toMatchObject({ bookerName: "Sammy R.", partnerName: "Al", partnerEmail: "alex@example.test" });

    const response = await downloadInvite(new Request(`http://localhost:3000/api/bookings/${id}/invite?${new URL(body.booking!.manageUrl).searchParams}`), {
      params: Promise.resolve({ id }),
    });
    const ics = unfold(await response.text());
    expect(ics).toContain('CN="Sammy R."');
    expect(ics).toContain('CN="Al"');
    for (const stored of recordSays) expect(ics).not.toContain(stored);

    const mail = await mailFor(id);
    const attending = mail.filter((m) => (m.data as BookingEmailData).audience === "client");
    expect(new Set(attending.map((m) => m.recipient))).toEqual(new Set(["sam@example.test", "alex@example.test"]));
    for (const message of attending) {
      const rendered = await renderEmail(message.template, message.data);
      const everything = [rendered.subject, rendered.html, rendered.text, ...(rendered.attachments ?? []).map((a) => unfold(a.content))].join("\n");
      for (const stored of recordSays) expect(everything, `${message.template} to ${message.recipient}`).not.toContain(stored);
    }
    const toAlex = await renderEmail("booking-confirmed", attending.find((m) => m.recipient === "alex@example.test" && m.template === "booking-confirmed")!.data);
    expect(toAlex.text).toContain("Hi Al, Sammy R. booked a session for you both");

    // The coach's copy names the records and says, calmly, what differs.
    const toCoach = mail.find((m) => m.template === "booking-confirmed" && (m.data as BookingEmailData).audience === "coach")!;
    const coachEmail = await renderEmail("booking-confirmed", toCoach.data);
    expect(coachEmail.subject).toContain("Samantha Rivera-Lopez and Alexandra Kim");
    expect(coachEmail.text).toContain("Booked as “Sammy R.”, phone +1 555 0199; your record says “Samantha Rivera-Lopez”, phone +1 555 0100.");
    expect(coachEmail.text).toContain("Partner given as “Al”; your record says “Alexandra Kim”.");

    // Later emails (a cancel) keep to the booking's own details too.
    await cancelBooking({ practiceId }, id, { actor: "coach" });
    const canceled = (await mailFor(id)).filter((m) => m.template === "booking-canceled" && m.recipient === "sam@example.test");
    expect((canceled[0]!.data as BookingEmailData).recipientName).toBe("Sammy R.");
  });
});

describe("the coach booking from the dashboard", () => {
  it("keeps the coach's own record keeping: links the couple, saves a phone typed, brings an archived client back", async () => {
    const { practiceId, sam } = await practiceWithSam();
    const alex = await createClient(practiceId, { name: "Alex", email: "alex@example.test", ...person });
    await setClientStatus(practiceId, sam.id, "archived");
    await createBooking(
      practiceId,
      { offering: "couples", start: at("2027-01-08T10:00"), name: sam.name, email: sam.email, phone: "+1 555 0142", ...person, partner: { name: "Alex", email: "alex@example.test" } },
      { actor: "coach" },
    );
    expect(await getClient(practiceId, sam.id)).toMatchObject({ status: "active", phone: "+1 555 0142", partnerId: alex.id });
    expect((await getClient(practiceId, alex.id)).partnerId).toBe(sam.id);
  });
});
