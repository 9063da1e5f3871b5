import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openDays, openTimes } from "./support/booking";
import { baseUrl, closeBrowser, newPage, screenshot, signInAs, visible } from "./support/browser";
import { expectAccessible } from "./support/axe";
import { startProductionServer, type RunningServer } from "./support/server";

afterAll(closeBrowser);

const BOOKING_PAGE = "/book/demo/one-on-one";
// A real 1×1 PNG, so the browser and the link-preview renderer can both draw it.
const TINY_PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

describe("the booking page says who the coach is", () => {
  test("the demo's profile shows, a shared link previews the practice, and the coach's photo and note appear once saved", async () => {
    const visitor = await newPage();
    await visitor.goto("/book/demo");
    await visible(visitor.getByRole("heading", { level: 1, name: "Wayne's Relationship Coaching (demo)" }));
    await visible(visitor.getByText("30+ years coaching men and couples", { exact: false }).first());
    await visible(visitor.getByText(/I have coached men and couples for more than 30 years/));
    await visible(visitor.getByText("English, Spanish"));
    await expectAccessible(visitor);

    // The link preview: title, description from the bio, and the practice's own image.
    const ogImage = await visitor.locator('meta[property="og:image"]').first().getAttribute("content");
    expect(ogImage).toMatch(new RegExp(`^${baseUrl()}/api/public/demo/og-image\\?v=\\d+$`));
    expect(await visitor.locator('meta[property="og:description"]').getAttribute("content")).toMatch(/^I have coached men and couples/);
    const image = await visitor.request.get(ogImage!);
    expect(image.status()).toBe(200);
    expect(image.headers()["content-type"]).toBe("image/png");

    // The coach adds a photo and a note for every booking page.
    const coach = await newPage();
    await signInAs(coach, "coach@demo.tend.test");
    await coach.goto("/coach/settings");
    await expectAccessible(coach);
    const photo = coach.getByLabel("Photo", { exact: true });
    // Too big: refused before it is sent.
    await photo.setInputFiles({ name: "huge.png", mimeType: "image/png", buffer: Buffer.concat([TINY_PNG, Buffer.alloc(1024 * 1024)]) });
    await visible(coach.getByText(/That photo is over 1 MB/));
    await photo.setInputFiles({ name: "wayne.png", mimeType: "image/png", buffer: TINY_PNG });
    await coach.getByLabel("Note on your booking pages").fill("Away Dec 24–26; book from the 27th.");
    await coach.getByRole("button", { name: "Save profile" }).click();
    await visible(coach.getByText("Profile saved. Your booking page shows it now."));
    await screenshot(coach, "12-coach-profile-settings");

    await visitor.goto(BOOKING_PAGE);
    await visible(visitor.getByText("Away Dec 24–26; book from the 27th."));
    const shown = visitor.getByRole("img", { name: /^Photo of Wayne/ });
    await visible(shown);
    expect(await shown.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
    const photoResponse = await visitor.request.get((await shown.getAttribute("src"))!);
    expect(photoResponse.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect((await visitor.request.get((await visitor.locator('meta[property="og:image"]').first().getAttribute("content"))!)).status()).toBe(200);
    await expectAccessible(visitor);
    await screenshot(visitor, "12-booking-page-with-profile");

    // Put the demo back as it was for the other journeys.
    await coach.goto("/coach/settings");
    await coach.getByLabel("Remove my photo").check();
    await coach.getByLabel("Note on your booking pages").fill("");
    await coach.getByRole("button", { name: "Save profile" }).click();
    await visible(coach.getByText("Profile saved. Your booking page shows it now."));
  });

  test("an unknown offering says so and leads back to the practice's page", async () => {
    const page = await newPage();
    const response = await page.goto("/book/demo/no-such-session");
    expect(response?.status()).toBe(404);
    await visible(page.getByRole("heading", { level: 1, name: "That session isn’t offered here" }));
    await expectAccessible(page);
    await page.getByRole("link", { name: /^See the sessions Wayne/ }).click();
    await page.waitForURL(/\/book\/demo$/);
    await visible(page.getByRole("heading", { level: 1, name: "Wayne's Relationship Coaching (demo)" }));
  });
});

describe("booking steps are addresses", () => {
  test("Back returns to the times, Forward to the details, and what was typed survives both and a reload", async () => {
    const tag = randomBytes(4).toString("hex");
    const page = await newPage({ timezoneId: "America/New_York" });
    await page.goto(BOOKING_PAGE);

    // The zone search finds a city by a name its zone doesn't carry.
    const zone = page.getByRole("combobox", { name: "Your time zone" });
    await zone.click();
    await zone.fill("Mumbai");
    await visible(page.getByRole("option", { name: /Kolkata, India.*Mumbai/ }));
    await page.keyboard.press("Enter");
    await visible(page.getByText("Shown in India Standard Time (Kolkata)"));
    await expectAccessible(page);

    const days = await openDays(page);
    await days.first().click();
    const times = openTimes(page);
    await visible(times.first());
    const chosen = (await times.first().innerText()).trim();
    await times.first().click();
    await visible(page.getByRole("heading", { name: "Your details" }));
    const step2 = new URL(page.url());
    expect(step2.searchParams.get("start")).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000Z$/);
    expect(step2.searchParams.get("zone")).toBe("Asia/Kolkata");
    await expectAccessible(page);
    await page.getByLabel("Your name").fill(`Back Forward ${tag}`);
    await page.getByLabel("Email").fill(`backforward-${tag}@example.test`);

    await page.goBack();
    await visible(page.getByRole("heading", { name: "Choose a day and time" }));
    expect(new URL(page.url()).pathname).toBe(BOOKING_PAGE);
    expect(new URL(page.url()).searchParams.get("start")).toBeNull();
    await visible(openTimes(page).filter({ hasText: chosen }).first());

    await page.goForward();
    await visible(page.getByRole("heading", { name: "Your details" }));
    // Typed details come back from sessionStorage once the page has hydrated: wait for them.
    await expect.poll(() => page.getByLabel("Your name").inputValue()).toBe(`Back Forward ${tag}`);

    await page.reload();
    await visible(page.getByRole("heading", { name: "Your details" }));
    await expect.poll(() => page.getByLabel("Email").inputValue()).toBe(`backforward-${tag}@example.test`);
    // The zone came back from the address: the chosen time is still shown on the Kolkata clock.
    await visible(page.getByRole("region", { name: "Your details" }).getByText(/India Standard Time \(Kolkata\)/));

    await page.getByRole("button", { name: "Change time" }).click();
    await visible(page.getByRole("heading", { name: "Choose a day and time" }));
    expect(new URL(page.url()).searchParams.get("start")).toBeNull();
  });
});

describe("a time already inside the free-cancel window", () => {
  // Monday 4 January 2027, 20:00 in Los Angeles: Tuesday's times (from 09:00, past the 12 h notice) are all within 24 hours.
  let server: RunningServer;
  beforeAll(async () => {
    server = await startProductionServer({ TEND_TEST_CLOCK: "2027-01-05T04:00:00Z" });
  });
  afterAll(async () => {
    await server?.stop();
  });

  test("is named before confirming: it can't be changed online, and there is a short undo", async () => {
    const page = await newPage({ timezoneId: "America/Los_Angeles" });
    await page.goto(`${server.baseUrl}${BOOKING_PAGE}`);
    const days = await openDays(page);
    await days.first().click();
    await visible(openTimes(page).first());
    await openTimes(page).first().click();
    await visible(page.getByRole("heading", { name: "Your details" }));
    await visible(page.getByText(/^This time is within 24 hours: once booked it can’t be changed online/));
    await visible(page.getByText(/within 15 minutes of booking/));
    await expectAccessible(page);
    await screenshot(page, "12-booking-late-window-warning");

    // A time a few days out carries no such warning.
    await page.getByRole("button", { name: "Change time" }).click();
    const later = await openDays(page);
    await later.nth(2).click();
    await visible(openTimes(page).first());
    await openTimes(page).first().click();
    await visible(page.getByRole("heading", { name: "Your details" }));
    await visible(page.getByText("Free to cancel or reschedule up to 24 hours before. You’ll get a link to do either in your confirmation email."));
    expect(await page.getByText(/This time is within/).count()).toBe(0);
  });
});
