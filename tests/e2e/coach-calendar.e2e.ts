import { randomBytes } from "node:crypto";
import { DateTime } from "luxon";
import { afterAll, describe, expect, test } from "vitest";
import { baseUrl, closeBrowser, messageLink, newPage, PHONE, screenshot, signInAs, visible } from "./support/browser";
import { expectAccessible } from "./support/axe";

afterAll(closeBrowser);

const DEMO_COACH = "coach@demo.tend.test";
const PRACTICE_ZONE = "America/Los_Angeles";

async function api(path: string, init?: RequestInit) {
  const response = await fetch(new URL(path, baseUrl()), init);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** "Monday, March 9, 2026", as the dashboard writes dates. */
const longDate = (date: string) => DateTime.fromISO(date, { zone: "UTC" }).setLocale("en-US").toFormat("cccc, LLLL d, yyyy");

describe("the demo coach's calendar", () => {
  const tag = randomBytes(4).toString("hex");
  const clientName = `Jordan Calendar ${tag}`;

  test("shows a session booked through the public API, blocks time, and sets a day off", async () => {
    // A visitor books the first open one-on-one time through the public API.
    const today = DateTime.now().setZone(PRACTICE_ZONE);
    const slots = await api(
      `/api/public/demo/offerings/one-on-one/slots?start=${today.toISODate()}&end=${today.plus({ days: 21 }).toISODate()}&timeZone=${PRACTICE_ZONE}`,
    );
    expect(slots.status).toBe(200);
    const open = slots.body.slots as { start: string; end: string }[];
    expect(open.length).toBeGreaterThan(0);
    // Not the very first slot: other journeys may race for that one.
    const slot = open[Math.min(open.length - 1, 3)]!;
    const booked = await api("/api/public/demo/bookings", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        offering: "one-on-one",
        start: slot.start,
        name: clientName,
        email: `jordan-${tag}@example.test`,
        timeZone: "America/New_York",
        note: "First time talking to a coach.",
      }),
    });
    expect(booked.status).toBe(201);
    const bookingId = (booked.body.booking as { id: string }).id;
    const sessionDate = DateTime.fromISO(slot.start).setZone(PRACTICE_ZONE).toISODate()!;

    const page = await newPage();
    await signInAs(page, DEMO_COACH);
    await page.goto(`/coach/calendar?view=week&week=${sessionDate}`);
    await visible(page.getByText(/Times in Pacific Time/));
    // Named by what it shows first (the client, the time), then the offering.
    const session = page.getByRole("link", { name: new RegExp(`^${clientName}\\s*,.*One-on-One Coaching`) });
    await visible(session.first());
    await expectAccessible(page);
    await screenshot(page, "05-coach-calendar-week");

    // The agenda lists it too, under its day.
    await page.goto(`/coach/calendar?view=agenda&week=${sessionDate}`);
    const day = page.getByRole("region", { name: longDate(sessionDate) });
    await visible(day.getByRole("link", { name: new RegExp(clientName) }));
    await expectAccessible(page, "the agenda");
    await screenshot(page, "05-coach-calendar-agenda");

    // Its details: the client, the note, the rules it was booked under.
    await day.getByRole("link", { name: new RegExp(clientName) }).click();
    await page.waitForURL((url) => url.pathname === `/coach/calendar/sessions/${bookingId}`);
    await visible(page.getByRole("heading", { level: 1, name: `One-on-One Coaching with ${clientName}` }));
    await visible(page.getByRole("link", { name: clientName }));
    await visible(page.getByText("First time talking to a coach."));
    await visible(page.getByRole("heading", { name: "Reschedule" }));
    await expectAccessible(page);
    await screenshot(page, "05-coach-session-detail");

    // Block an early hour of that day (outside working hours, so no other journey loses a slot).
    await page.goto(`/coach/calendar?view=week&week=${sessionDate}`, { waitUntil: "networkidle" });
    const blockForm = page.getByRole("region", { name: "Block time" });
    await blockForm.getByLabel("Label").fill(`Dentist ${tag}`);
    await blockForm.getByLabel("Date").fill(sessionDate);
    await blockForm.getByLabel("From").fill("07:00");
    await blockForm.getByLabel("Until").fill("07:45");
    await blockForm.getByRole("button", { name: "Block this time" }).click();
    await visible(blockForm.getByText("Time blocked."));
    const blocked = page.getByRole("region", { name: "Blocked time this week" });
    await visible(blocked.getByText(`Dentist ${tag}`));
    await visible(page.getByRole("link", { name: new RegExp(`blocked: Dentist ${tag}`) }));
    await expectAccessible(page, "the week with a block");
    await screenshot(page, "05-coach-calendar-blocked");

    // A day off, on a working weekday far enough ahead that no other journey books it.
    let dayOff = today.plus({ days: 45 });
    while (dayOff.weekday > 5) dayOff = dayOff.plus({ days: 1 });
    const dayOffDate = dayOff.toISODate()!;
    const before = await api(`/api/public/demo/offerings/one-on-one/slots?start=${dayOffDate}&end=${dayOffDate}&timeZone=${PRACTICE_ZONE}`);
    expect((before.body.slots as unknown[]).length).toBeGreaterThan(0);

    await page.getByRole("link", { name: "Working hours & days off" }).click();
    await page.waitForURL((url) => url.pathname === "/coach/availability");
    await page.waitForLoadState("networkidle");
    const differentDay = page.getByRole("region", { name: "A different day" });
    await differentDay.getByLabel("Date").fill(dayOffDate);
    await differentDay.getByLabel("I’m not working (day off)").check();
    await differentDay.getByRole("button", { name: "Save day off" }).click();
    await visible(differentDay.getByText(`Saved: ${longDate(dayOffDate)} is a day off.`));
    await visible(differentDay.getByRole("listitem").filter({ hasText: longDate(dayOffDate) }).getByText("Day off"));
    await expectAccessible(page);
    await screenshot(page, "05-coach-availability");

    const after = await api(`/api/public/demo/offerings/one-on-one/slots?start=${dayOffDate}&end=${dayOffDate}&timeZone=${PRACTICE_ZONE}`);
    expect(after.body.slots).toEqual([]);

    // Leave the demo practice as it was for whoever runs next.
    await differentDay.getByRole("button", { name: `Remove the change for ${longDate(dayOffDate)}` }).click();
    await expect.poll(() => differentDay.getByRole("listitem").filter({ hasText: longDate(dayOffDate) }).count()).toBe(0);

    // The coach books a session for an existing client, then cancels it with a reason.
    let bookDay = dayOff.plus({ days: 1 });
    while (bookDay.weekday > 5) bookDay = bookDay.plus({ days: 1 });
    const bookDate = bookDay.toISODate()!;
    await page.goto(`/coach/calendar/new?offering=one-on-one&date=${bookDate}`, { waitUntil: "networkidle" });
    await expectAccessible(page);
    const times = page.getByRole("group", { name: /Open times for One-on-One Coaching/ });
    // The last open time (the group ends with "Another time…", for a time outside working hours).
    await times.getByRole("radio", { name: /^\d{1,2}:\d{2} [AP]M$/ }).last().check({ force: true });
    await page.getByRole("combobox", { name: "Client" }).selectOption({ label: "Sam Rivera (sam@demo.tend.test)" });
    await page.getByRole("button", { name: "Book One-on-One Coaching" }).click();
    await visible(page.getByText("Session booked."));
    await visible(page.getByRole("heading", { level: 1, name: "One-on-One Coaching with Sam Rivera" }));
    await visible(page.getByText("By you on"));
    await page.getByRole("button", { name: "Cancel this session…" }).click();
    await page.getByLabel("Reason (optional)").fill("Booked the wrong day.");
    await page.getByRole("button", { name: "Yes, cancel the session" }).click();
    await visible(page.getByText("Session canceled."));
    await visible(page.getByText("Reason: Booked the wrong day."));
    await expectAccessible(page, "the canceled session");
    await screenshot(page, "05-coach-session-canceled");

    // On a phone the week is a list of days.
    const phone = await newPage({ viewport: PHONE });
    await phone.context().addCookies(await page.context().cookies());
    await phone.goto(`/coach/calendar?view=week&week=${sessionDate}`);
    await visible(phone.getByRole("region", { name: longDate(sessionDate) }).getByRole("link", { name: new RegExp(clientName) }));
    await expectAccessible(phone, "the week on a phone");
    await screenshot(phone, "05-coach-calendar-phone");
  });

  test("a stranger books with a client's email: the record is untouched, the link shows what was typed, and the coach can revoke it", async () => {
    // Someone books as the demo's Sam Rivera, under another name and phone, a few weeks out.
    const from = DateTime.now().setZone(PRACTICE_ZONE).plus({ days: 24 });
    const slots = await api(`/api/public/demo/offerings/one-on-one/slots?start=${from.toISODate()}&end=${from.plus({ days: 7 }).toISODate()}&timeZone=${PRACTICE_ZONE}`);
    const open = slots.body.slots as { start: string }[];
    const slot = open[Math.min(open.length - 1, 5)]!;
    const booked = await api("/api/public/demo/bookings", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ offering: "one-on-one", start: slot.start, name: `Sammy ${tag}`, email: "sam@demo.tend.test", phone: "+1 555 0199", timeZone: "America/New_York" }),
    });
    expect(booked.status).toBe(201);
    const { id, manageUrl } = booked.body.booking as { id: string; manageUrl: string };

    // The link shows the booker's own name, never the coach's record of that person.
    const visitor = await newPage({ viewport: PHONE });
    await visitor.goto(manageUrl);
    await visible(visitor.getByText(`Booked by Sammy ${tag}.`));
    expect(await visitor.getByText("Sam Rivera").count()).toBe(0);
    await expectAccessible(visitor);

    // The coach sees the session on Sam's record, with a calm note of what differs.
    const coach = await newPage();
    await signInAs(coach, DEMO_COACH);
    await coach.goto(`/coach/calendar/sessions/${id}`);
    await visible(coach.getByRole("heading", { level: 1, name: "One-on-One Coaching with Sam Rivera" }));
    await visible(coach.getByText(`Booked as “Sammy ${tag}”, phone +1 555 0199; your record says “Sam Rivera”, no phone.`));
    await expectAccessible(coach);
    await screenshot(coach, "05-coach-session-booked-as");

    // Revoke the link: the confirmation says who gets the new one.
    await coach.getByRole("button", { name: "Revoke link and send a new one…" }).click();
    await visible(coach.getByText(/Sammy .* \(sam@demo\.tend\.test\) gets a new link by email/));
    await expectAccessible(coach, "the revoke confirmation");
    await screenshot(coach, "05-coach-session-revoke-link");
    await coach.getByRole("button", { name: "Yes, revoke and send" }).click();
    await visible(coach.getByText("Link revoked. A new one is on its way to sam@demo.tend.test; the old link no longer works."));

    // The old link is gone; the new one, from the email, works.
    const gone = await visitor.goto(manageUrl);
    expect(gone?.status()).toBe(404);
    const mailbox = await newPage();
    let newLink: string | null = null;
    for (const deadline = Date.now() + 20_000; !newLink && Date.now() < deadline; ) {
      await mailbox.goto("/dev/mailbox?to=sam%40demo.tend.test");
      const message = mailbox.getByRole("list", { name: "Messages" }).getByRole("link").filter({ hasText: "booking-new-link" }).first();
      if ((await message.count()) > 0) {
        await message.click();
        await visible(mailbox.getByRole("heading", { name: "Links in this message" }));
        newLink = await messageLink(mailbox, new RegExp(`/manage/${id}`)).getAttribute("href");
      } else await mailbox.waitForTimeout(500);
    }
    expect(newLink, "no booking-new-link email with a manage link for the booking").toBeTruthy();
    expect(newLink).not.toBe(manageUrl);
    await visitor.goto(newLink!);
    await visible(visitor.getByText(`Booked by Sammy ${tag}.`));

    // Leave the demo as it was: cancel the session.
    await coach.getByRole("button", { name: "Cancel this session…" }).click();
    await coach.getByRole("button", { name: "Yes, cancel the session" }).click();
    await visible(coach.getByText("Session canceled."));
  });
});
