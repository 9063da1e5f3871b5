import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { beforeEach, describe, expect, it } from "vitest";
import { createClient, getClient, listPartnerCandidates, setClientPartner, setClientStatus } from "@/server/clients/clients";
import { getDb } from "@/server/db/client";
import { emailOutbox } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { createBlock } from "@/server/scheduling/blocks";
import { cancelBooking, createBooking, rescheduleBooking } from "@/server/scheduling/bookings";
import { isInsideWorkingHours } from "@/server/scheduling/open-slots";
import { coachChosenStart } from "@/server/scheduling/schemas";
import { createBookablePractice, setTestClock } from "../support/factories";
import { failure } from "../support/intake";

// Rough edges of a first week (issue 11): the coach booking outside working hours, and the
// partner picker that only offers people without a partner.

const ZONE = "America/Los_Angeles";
// A Wednesday well clear of DST changes; hours are Monday to Friday, 09:00–17:00 Los Angeles.
const NOW = DateTime.fromISO("2027-01-06T08:00", { zone: ZONE });
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toJSDate();
const booker = { name: "Robin Evening", email: "robin@example.test", timeZone: "America/New_York" };

beforeEach(() => setTestClock(NOW.toJSDate()));

describe("the coach books outside working hours", () => {
  it("books an evening crisis session for the coach, and refuses the same time to the public", async () => {
    const { practiceId, coachId } = await createBookablePractice(ZONE);
    const evening = at("2027-01-07T19:30"); // Thursday 19:30, after hours end at 17:00

    const publicTry = await failure(createBooking(practiceId, { offering: "one-on-one", start: evening, ...booker }));
    expect(publicTry.code).toBe("slot_unavailable");

    const booking = await createBooking(practiceId, { offering: "one-on-one", start: evening, ...booker }, { actor: "coach" });
    expect(booking.status).toBe("confirmed");
    expect(booking.startsAt.toISOString()).toBe(evening.toISOString());
    expect(await isInsideWorkingHours({ practiceId, coachId, timeZone: ZONE }, booking.startsAt, booking.endsAt)).toBe(false);

    // A Saturday, a day with no hours at all, and a time off the grid: the coach too.
    const saturday = await createBooking(practiceId, { offering: "one-on-one", start: at("2027-01-09T11:10"), ...booker }, { actor: "coach" });
    expect(saturday.status).toBe("confirmed");

    // Inside hours is still inside hours.
    const daytime = await createBooking(practiceId, { offering: "one-on-one", start: at("2027-01-08T10:00"), ...booker });
    expect(await isInsideWorkingHours({ practiceId, coachId, timeZone: ZONE }, daytime.startsAt, daytime.endsAt)).toBe(true);
    // A session that runs past the end of the day's hours is outside them.
    expect(await isInsideWorkingHours({ practiceId, coachId, timeZone: ZONE }, at("2027-01-08T16:30"), at("2027-01-08T17:30"))).toBe(false);
  });

  it("still refuses the coach a time that overlaps a session, a block, or has passed", async () => {
    const { practiceId } = await createBookablePractice(ZONE);
    await createBooking(practiceId, { offering: "one-on-one", start: at("2027-01-07T19:00"), ...booker }, { actor: "coach" });

    const overlapping = await failure(
      createBooking(practiceId, { offering: "one-on-one", start: at("2027-01-07T19:30"), ...booker, email: "other@example.test" }, { actor: "coach" }),
    );
    expect(overlapping.code).toBe("slot_unavailable");
    expect(overlapping.userMessage).toMatch(/overlaps another session, a block/);

    await createBlock(practiceId, { label: "Dinner", start: at("2027-01-07T21:00"), end: at("2027-01-07T22:00") });
    expect((await failure(createBooking(practiceId, { offering: "one-on-one", start: at("2027-01-07T21:30"), ...booker }, { actor: "coach" }))).code).toBe(
      "slot_unavailable",
    );

    // Already past (now is 08:00 Wednesday).
    expect((await failure(createBooking(practiceId, { offering: "one-on-one", start: at("2027-01-06T07:00"), ...booker }, { actor: "coach" }))).code).toBe(
      "slot_unavailable",
    );
    // Not on a whole minute.
    const odd = new Date(at("2027-01-07T22:30").getTime() + 30_000);
    expect((await failure(createBooking(practiceId, { offering: "one-on-one", start: odd, ...booker }, { actor: "coach" }))).code).toBe("slot_unavailable");
  });

  it("keeps the offering's buffers around a session booked outside hours", async () => {
    const { practiceId } = await createBookablePractice(ZONE, { bufferAfterMinutes: 30 });
    await createBooking(practiceId, { offering: "one-on-one", start: at("2027-01-07T19:00"), ...booker }, { actor: "coach" });
    // 20:00 is inside the first session's 30-minute buffer; 20:30 is clear of it.
    expect((await failure(createBooking(practiceId, { offering: "one-on-one", start: at("2027-01-07T20:00"), ...booker }, { actor: "coach" }))).code).toBe(
      "slot_unavailable",
    );
    await expect(createBooking(practiceId, { offering: "one-on-one", start: at("2027-01-07T20:30"), ...booker }, { actor: "coach" })).resolves.toMatchObject({
      status: "confirmed",
    });
  });

  it("reschedules outside hours for the coach; a client can't move it there", async () => {
    const { practiceId } = await createBookablePractice(ZONE);
    const booking = await createBooking(practiceId, { offering: "one-on-one", start: at("2027-01-11T10:00"), ...booker });

    const byClient = await failure(rescheduleBooking({ practiceId }, booking.id, at("2027-01-11T20:00")));
    expect(byClient.code).toBe("slot_unavailable");

    const moved = await rescheduleBooking({ practiceId }, booking.id, at("2027-01-11T20:00"), { actor: "coach" });
    expect(moved.startsAt.toISOString()).toBe(at("2027-01-11T20:00").toISOString());
    const mail = await getDb().select().from(emailOutbox).where(eq(emailOutbox.topic, `booking:${booking.id}`));
    expect(mail.filter((m) => m.template === "booking-rescheduled").map((m) => m.recipient)).toContain(booker.email);
  });

  it("reads the coach's typed time on the form's date in the practice's zone", () => {
    expect(coachChosenStart({ start: "other", date: "2027-01-07", otherTime: "19:30" }, ZONE)?.toISOString()).toBe(at("2027-01-07T19:30").toISOString());
    expect(coachChosenStart({ start: at("2027-01-07T10:00").toISOString() }, ZONE)?.toISOString()).toBe(at("2027-01-07T10:00").toISOString());
    expect(coachChosenStart({}, ZONE)).toBeUndefined();
    const missing = (() => {
      try {
        coachChosenStart({ start: "other", date: "2027-01-07", otherTime: "" }, ZONE);
      } catch (error) {
        return error as AppError;
      }
    })();
    expect(missing?.fieldErrors).toEqual({ otherTime: ["Enter the start time, like 19:30."] });
    // 02:30 doesn't happen in Los Angeles on the spring-forward day.
    expect(() => coachChosenStart({ start: "other", date: "2027-03-14", otherTime: "02:30" }, ZONE)).toThrow(/clocks skip that time/);
    expect(() => coachChosenStart({ start: "not-a-time" }, ZONE)).toThrow(AppError);
  });
});

describe("a couple's session canceled by the coach", () => {
  it("emails both partners", async () => {
    const { practiceId } = await createBookablePractice(ZONE, { kind: "relationship", name: "Couples", slug: "couples" });
    const booking = await createBooking(
      practiceId,
      { offering: "couples", start: at("2027-01-12T10:00"), ...booker, partner: { name: "Jamie Evening", email: "jamie@example.test" } },
      { actor: "coach" },
    );
    await cancelBooking({ practiceId }, booking.id, { actor: "coach", reason: "Unwell" });
    const mail = await getDb().select().from(emailOutbox).where(eq(emailOutbox.topic, `booking:${booking.id}`));
    const canceledTo = mail.filter((m) => m.template === "booking-canceled").map((m) => m.recipient);
    expect(canceledTo).toEqual(expect.arrayContaining([booker.email, "jamie@example.test"]));
  });
});

describe("the partner picker", () => {
  const person = (name: string) => ({ name, email: `${name.toLowerCase()}@example.test`, timeZone: ZONE });

  it("offers only clients without a partner (and the current partner), and the server refuses a taken one", async () => {
    const { practiceId } = await createBookablePractice(ZONE);
    const [ana, ben, cam, dee, eve] = await Promise.all(["Ana", "Ben", "Cam", "Dee", "Eve"].map((n) => createClient(practiceId, person(n))));
    await setClientPartner(practiceId, ben!.id, cam!.id);
    await setClientStatus(practiceId, eve!.id, "archived");

    const forAna = (await listPartnerCandidates(practiceId, ana!.id)).map((c) => c.name);
    expect(forAna).toEqual(["Dee"]);
    // Ben's own partner stays offered on his page, so the link can be kept or removed.
    expect((await listPartnerCandidates(practiceId, ben!.id)).map((c) => c.name)).toEqual(["Ana", "Cam", "Dee"]);

    const refused = await failure(setClientPartner(practiceId, ana!.id, cam!.id));
    expect(refused.code).toBe("conflict");
    expect(refused.fieldErrors?.partnerId?.[0]).toMatch(/Cam is already linked with someone else/);
    // Nothing changed: Ben and Cam are still a couple, Ana has no partner.
    expect((await getClient(practiceId, cam!.id)).partnerId).toBe(ben!.id);
    expect((await getClient(practiceId, ana!.id)).partnerId).toBeNull();

    // Linking a free client, and saving the same couple again, work.
    await setClientPartner(practiceId, ana!.id, dee!.id);
    await setClientPartner(practiceId, dee!.id, ana!.id);
    expect((await getClient(practiceId, ana!.id)).partnerId).toBe(dee!.id);
    // A client of another practice is "not found", as ever.
    const other = await createBookablePractice(ZONE);
    const stranger = await createClient(other.practiceId, person("Fay"));
    expect((await failure(setClientPartner(practiceId, ana!.id, stranger.id))).code).toBe("not_found");
  });
});
