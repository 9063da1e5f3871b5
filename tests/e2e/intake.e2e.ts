import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { baseUrl, closeBrowser, newPage, PHONE, screenshot, signInAs, visible } from "./support/browser";
import { expectAccessible } from "./support/axe";

afterAll(closeBrowser);

/** Books the demo practice's first open time of an offering through the public API. */
async function book(offering: string, body: Record<string, unknown>) {
  const from = new Date();
  const to = new Date(from.getTime() + 13 * 86_400_000);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const slots = await fetch(`${baseUrl()}/api/public/demo/offerings/${offering}/slots?start=${day(from)}&end=${day(to)}&timeZone=America/New_York`).then((r) => r.json());
  // A later slot than the first, so two journeys in one run don't race for one time.
  const slot = slots.slots[Math.min(slots.slots.length - 1, Math.floor(Math.random() * slots.slots.length))];
  expect(slot, `no open ${offering} slot in the next two weeks`).toBeDefined();
  const response = await fetch(`${baseUrl()}/api/public/demo/bookings`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ offering, start: slot.start, timeZone: "America/New_York", ...body }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { booking: { payment: { status: string; checkoutUrl?: string } } };
}

/** Answers every question on the current screen: a middle choice, the first box, a sentence. */
async function answerScreen(page: Page) {
  const section = page.locator("section[aria-labelledby='intake-group-heading']");
  for (const fieldset of await section.locator("fieldset").all()) {
    const radios = fieldset.locator("input[type=radio]");
    const count = await radios.count();
    if (count) await radios.nth(count === 2 ? 1 : Math.floor(count / 2)).check();
    else await fieldset.locator("input[type=checkbox]").first().check();
  }
  for (const text of await section.locator("textarea, input[type=text]").all()) {
    await text.fill("Something I have not said out loud before.");
    await text.blur();
  }
}

async function openMyIntake(page: Page) {
  await page.goto("/portal/intake");
  await visible(page.getByRole("heading", { level: 1, name: "Intake" }));
  await expectAccessible(page);
  const link = page.getByRole("main").getByRole("link", { name: /intake/i }).first();
  await link.click();
  await page.waitForURL(/\/portal\/intake\/[0-9a-f-]{36}$/);
  await expectAccessible(page, "an intake");
  return new URL(page.url()).pathname;
}

describe("a couple answers the relationship intake and the coach compares them", () => {
  const tag = randomBytes(4).toString("hex");
  const sam = `sam-${tag}@example.test`;
  const alex = `alex-${tag}@example.test`;

  test("each partner answers their own copy; neither can open the other's; the coach sees both side by side", async () => {
    await book("relationship", { name: `Sam ${tag}`, email: sam, partner: { name: `Alex ${tag}`, email: alex } });

    const pages: Record<string, string> = {};
    for (const email of [sam, alex]) {
      const page = await newPage({ viewport: PHONE });
      await signInAs(page, email);
      pages[email] = await openMyIntake(page);
      await visible(page.getByRole("progressbar"));
      for (let screen = 0; screen < 20; screen++) {
        if (await page.getByRole("heading", { name: "Review your answers" }).isVisible()) break;
        await answerScreen(page);
        if (screen === 1 && email === sam) await screenshot(page, "40-intake-screen-phone");
        await page.getByRole("button", { name: /^(Next|Review my answers)$/ }).click();
      }
      await visible(page.getByRole("heading", { name: "Review your answers" }));
      await expectAccessible(page, "the intake's review");
      await expect.poll(() => page.getByText("Saving…").count(), { timeout: 30_000 }).toBe(0);
      await page.getByRole("button", { name: "Submit my answers" }).click();
      const done = page.getByText(/your answers went to your coach/);
      await done.waitFor({ timeout: 20_000 }).catch(async () => {
        throw new Error(`submit did not finish for ${email}: ${await page.getByRole("main").innerText()}`);
      });
      await expectAccessible(page, "a submitted intake");
      if (email === sam) await screenshot(page, "40-intake-submitted-phone");
      await page.context().close();
    }

    // Alex signed in opens Sam's copy: not found, exactly like a made-up id.
    const alexPage = await newPage();
    await signInAs(alexPage, alex);
    expect((await alexPage.goto(pages[sam]!))?.status()).toBe(404);
    expect((await alexPage.goto(pages[alex]!))?.status()).toBe(200);
    expect((await alexPage.goto("/portal/intake/00000000-0000-4000-8000-000000000000"))?.status()).toBe(404);
    await expectAccessible(alexPage, "the portal's not-found page");

    // The coach opens Sam's profile: scored, and side by side with Alex's.
    const coach = await newPage();
    await signInAs(coach, "coach@demo.tend.test");
    await coach.goto(`/coach/clients?q=${encodeURIComponent(sam)}`);
    await coach.getByRole("link", { name: new RegExp(`Sam ${tag}`) }).first().click();
    await visible(coach.getByRole("heading", { name: "Intake", exact: true }));
    await expectAccessible(coach);
    await coach.getByRole("link", { name: "Relationship intake" }).first().click();
    await visible(coach.getByRole("heading", { name: "Where to start" }));
    await visible(coach.getByRole("heading", { name: "Answers, side by side" }));
    await visible(coach.getByRole("heading", { name: "How each likes closeness" }));
    expect(await coach.getByRole("table", { name: "Root-cause scores" }).innerText()).toContain(`Alex ${tag}`);
    await expectAccessible(coach);
    await screenshot(coach, "40-intake-profile-side-by-side");
    // Two sign-ins and a whole intake each, with axe on every page: more than the default 120 s.
  }, 240_000);
});

describe("a crisis intake shows help at once", () => {
  test("a 'yes' on the safety screen shows emergency numbers before submit, and the coach sees the alert", async () => {
    const email = `crisis-${randomBytes(4).toString("hex")}@example.test`;
    const { booking } = await book("crisis", { name: "Jo Crisis", email });
    const page = await newPage({ viewport: PHONE, timezoneId: "America/New_York" });
    // The demo's crisis session is paid at booking: its intake is assigned once the payment
    // confirms it, here through the laptop's test checkout (docs/billing.md).
    expect(booking.payment.status).toBe("awaiting");
    await page.goto(booking.payment.checkoutUrl!);
    await page.getByRole("button", { name: "Pay (test)" }).click();
    await page.waitForURL(/\/booked\//, { timeout: 30_000 });
    await expectAccessible(page);
    await signInAs(page, email);
    await openMyIntake(page);
    await page.getByRole("group", { name: /in danger of being hurt/ }).getByLabel("Yes").check();
    await visible(page.getByRole("heading", { name: "If you or someone else is in danger, get help now" }));
    await visible(page.getByRole("link", { name: "911" }));
    await visible(page.getByRole("link", { name: "988" }));
    await expectAccessible(page, "the intake's crisis help");
    await screenshot(page, "41-intake-crisis-help-phone");
    // It never blocks going on.
    await expect.poll(() => page.getByText("Saved").count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.getByRole("button", { name: "Next" }).click();
    await visible(page.getByRole("heading", { name: "What happened" }));

    const coach = await newPage();
    await signInAs(coach, "coach@demo.tend.test");
    await coach.goto("/coach");
    const banner = coach.getByRole("alert").filter({ hasText: "may be in danger" });
    await visible(banner);
    await visible(banner.getByRole("link", { name: "Jo Crisis" }));
    await expectAccessible(coach, "the dashboard with a crisis alert");
  });
});
