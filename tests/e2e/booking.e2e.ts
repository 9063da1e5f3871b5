import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, test } from "vitest";
import { dayButton, focusedName, isOpenDay, openDayCounts, openDays, openTimes } from "./support/booking";
import { closeBrowser, messageLink, newPage, PHONE, screenshot, signInAs, visible } from "./support/browser";
import { openEmail } from "./support/mailbox";
import { expectAccessible } from "./support/axe";

afterAll(closeBrowser);

const BOOKING_PAGE = "/book/demo/one-on-one";

describe("a visitor books, reschedules and cancels a session", () => {
  const tag = randomBytes(4).toString("hex");
  const email = `visitor-${tag}@example.test`;

  test("from the booking page to the confirmation, then through the manage link", async () => {
    const page = await newPage({ viewport: PHONE, timezoneId: "America/New_York" });
    await page.goto(BOOKING_PAGE);
    await visible(page.getByRole("heading", { level: 1, name: "One-on-One Coaching" }));
    await visible(page.getByText("Free to cancel or reschedule up to 24 hours before."));
    // The browser's zone is detected and named.
    await visible(page.getByText("Shown in Eastern Time (New York)"));
    await expectAccessible(page);

    // Keyboard: Tab from the month's buttons lands on the calendar's tab stop, the first open
    // day; a week later (the same weekday, far enough ahead that the 24-hour reschedule window
    // doesn't apply) is one ArrowDown away.
    const firstOpenDay = await (await openDays(page)).first().getAttribute("aria-label");
    await page.getByRole("button", { name: /^Next month/ }).focus();
    await page.keyboard.press("Tab");
    expect(await focusedName(page)).toBe(firstOpenDay);
    await page.keyboard.press("ArrowDown");
    // It may be next month, whose times load first.
    await expect.poll(() => focusedName(page).then(isOpenDay), { timeout: 30_000 }).toBe(true);
    await page.keyboard.press("Enter");
    const times = openTimes(page);
    await visible(times.first());
    await expectAccessible(page, "the booking page's open times");
    await screenshot(page, "10-booking-pick-time-phone");
    const chosenTime = (await times.first().innerText()).trim();
    await times.first().click();

    await visible(page.getByRole("heading", { name: "Your details" }));
    await page.getByLabel("Your name").fill(`Jordan Visitor ${tag}`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel(/Anything you.d like .* to know/).fill("First time. A bit nervous.");
    await expectAccessible(page, "the booking page's details step");
    await screenshot(page, "10-booking-details-phone");
    await page.getByRole("button", { name: "Confirm booking" }).click();

    await page.waitForURL(/\/booked\//, { timeout: 30_000 });
    await visible(page.getByRole("heading", { level: 1, name: /You’re booked, Jordan/ }));
    await visible(page.getByText(/A confirmation email is on its way/));
    // The chosen time (say "12:00 PM") starts the session's time range ("12:00 – 1:00 PM").
    const hourMinute = chosenTime.replace(/\s*[AP]M$/, "");
    await visible(page.getByText(new RegExp(`^${hourMinute}\\b.*–`)).first());
    // Both zones: the visitor's and the coach's (Pacific).
    await visible(page.getByText(/Eastern Time \(New York\)/).first());
    await visible(page.getByText(/Pacific Time \(Los Angeles\)/).first());
    const ics = page.getByRole("link", { name: "Download invite (.ics)" });
    const icsResponse = await page.request.get((await ics.getAttribute("href"))!);
    expect(icsResponse.status()).toBe(200);
    expect(icsResponse.headers()["content-type"]).toContain("text/calendar");
    expect(await icsResponse.text()).toContain("BEGIN:VEVENT");
    expect(await page.getByRole("link", { name: /Add to Google Calendar/ }).getAttribute("href")).toMatch(/^https:\/\/calendar\.google\.com\//);
    await expectAccessible(page);
    await screenshot(page, "10-booking-confirmed-phone");
    const confirmationManageHref = await page.getByRole("link", { name: "Reschedule or cancel" }).getAttribute("href");
    expect(confirmationManageHref).toMatch(/^\/manage\/[0-9a-f-]{36}\?token=/);

    // The confirmation email (dispatched within seconds) carries the manage link.
    const mailbox = await newPage();
    expect(await openEmail(mailbox, email, "booking-confirmed"), `no booking-confirmed email to ${email} in the dev mailbox`).toBe(true);
    const manageUrl = await messageLink(mailbox, /\/manage\//).getAttribute("href");
    expect(manageUrl).toMatch(/\/manage\/[0-9a-f-]{36}\?token=/);
    await screenshot(mailbox, "10-booking-confirmation-email");

    // Reschedule: another open time, confirmed in a second step.
    await page.goto(manageUrl!);
    await visible(page.getByRole("heading", { level: 1, name: "Your session" }));
    await visible(page.getByText("Booked", { exact: true }));
    await expectAccessible(page);
    // The session's summary: its first definition is when it is.
    const originalWhen = await page.getByRole("definition").first().innerText();
    await page.getByRole("button", { name: "Choose a new time" }).click();
    const days = await openDays(page);
    // A later day than the booked one, so the new time surely differs.
    await days.nth(Math.min(1, (await days.count()) - 1)).click();
    const newTimes = openTimes(page);
    await visible(newTimes.first());
    await expectAccessible(page, "the manage page's new times");
    await screenshot(page, "10-manage-reschedule-phone");
    await newTimes.last().click();
    await visible(page.getByRole("heading", { name: "Move your session?" }));
    await page.getByRole("button", { name: "Confirm new time" }).click();
    await visible(page.getByText("Your session has been moved."));
    expect(new URL(page.url()).searchParams.get("done")).toBe("rescheduled");
    const movedWhen = await page.getByRole("definition").first().innerText();
    expect(movedWhen).not.toBe(originalWhen);
    await screenshot(page, "10-manage-rescheduled-phone");

    // Cancel, with a reason, after a confirm step that says it's free now.
    await page.getByRole("button", { name: "Cancel session…" }).click();
    await visible(page.getByRole("heading", { name: "Cancel this session?" }));
    await visible(page.getByText("It’s free to cancel now."));
    await page.getByLabel(/Anything you.d like .* to know/).fill("Something came up at work.");
    await page.getByRole("button", { name: "Yes, cancel my session" }).click();
    await visible(page.getByText("Your session is canceled."));
    await visible(page.getByText("Canceled", { exact: true }));
    await visible(page.getByRole("link", { name: "Book another session" }));
    expect(await page.getByRole("button", { name: "Choose a new time" }).count()).toBe(0);
    await expectAccessible(page, "the canceled session's manage page");
    await screenshot(page, "10-manage-canceled-phone");

    // Each change is emailed too.
    expect(await openEmail(mailbox, email, "booking-rescheduled"), "no booking-rescheduled email").toBe(true);
    expect(await openEmail(mailbox, email, "booking-canceled"), "no booking-canceled email").toBe(true);

    // The coach sees the session as it ended up: canceled, with the visitor's reason.
    const bookingId = /\/manage\/([0-9a-f-]{36})/.exec(manageUrl!)![1];
    const coach = await newPage();
    await signInAs(coach, "coach@demo.tend.test");
    await coach.goto(`/coach/calendar/sessions/${bookingId}`);
    await visible(coach.getByRole("heading", { level: 1, name: `One-on-One Coaching with Jordan Visitor ${tag}` }));
    await visible(coach.getByText("Reason: Something came up at work."));
    await expectAccessible(coach);
    await screenshot(coach, "10-coach-sees-canceled-session");
  });

  test("a bad manage link is a friendly 404", async () => {
    const page = await newPage();
    const response = await page.goto("/manage/00000000-0000-4000-8000-000000000000?token=nope");
    expect(response?.status()).toBe(404);
    await visible(page.getByRole("heading", { level: 1, name: "We couldn’t find that booking" }));
    await expectAccessible(page);
  });
});

describe("two visitors want the same time", () => {
  test("the second is told plainly, sees fresh times, and keeps what they typed", async () => {
    const tag = randomBytes(4).toString("hex");
    const first = await newPage({ timezoneId: "Europe/London" });
    const second = await newPage({ timezoneId: "Europe/London" });

    // Both pick the same time (the last listed) on the day with the most open times, so others remain.
    await first.goto(BOOKING_PAGE);
    const days = await openDayCounts(await openDays(first));
    const busiest = days.reduce((best, day) => (day.open > best.open ? day : best));
    expect(busiest.open).toBeGreaterThan(1);
    await second.goto(BOOKING_PAGE);
    await openDays(second);
    for (const page of [first, second]) {
      await dayButton(page, busiest.day).click();
      await visible(openTimes(page).first());
    }
    const wanted = (await openTimes(first).last().innerText()).trim();
    for (const page of [first, second]) {
      await openTimes(page).filter({ hasText: wanted }).click();
      await visible(page.getByRole("heading", { name: "Your details" }));
    }

    await second.getByLabel("Your name").fill(`Robin Second ${tag}`);
    await second.getByLabel("Email").fill(`second-${tag}@example.test`);
    await second.getByLabel("Phone (optional)").fill("+44 20 7946 0000");

    await first.getByLabel("Your name").fill(`Casey First ${tag}`);
    await first.getByLabel("Email").fill(`first-${tag}@example.test`);
    await first.getByRole("button", { name: "Confirm booking" }).click();
    await first.waitForURL(/\/booked\//, { timeout: 30_000 });

    await second.getByRole("button", { name: "Confirm booking" }).click();
    const alert = second.getByRole("alert").filter({ hasText: /booked by someone else|no longer available/ });
    await visible(alert);
    await expect.poll(() => openTimes(second).filter({ hasText: wanted }).count(), { timeout: 15_000 }).toBe(0);
    await expectAccessible(second, "the booking page after the time was taken");
    await screenshot(second, "11-booking-slot-taken");

    await openTimes(second).first().click();
    expect(await second.getByLabel("Your name").inputValue()).toBe(`Robin Second ${tag}`);
    expect(await second.getByLabel("Email").inputValue()).toBe(`second-${tag}@example.test`);
    expect(await second.getByLabel("Phone (optional)").inputValue()).toBe("+44 20 7946 0000");
  });
});
