import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { accessibleDescription, closeBrowser, newPage, PHONE, screenshot, signInAs, visible } from "./support/browser";
import { expectAccessible } from "./support/axe";

afterAll(closeBrowser);

const DEMO_COACH = "coach@demo.tend.test";

/** An offering's card on a public booking page, found by its heading. */
function offeringCard(page: Page, name: string) {
  return page.getByRole("listitem").filter({ has: page.getByRole("heading", { name, exact: true }) });
}

describe("a new coach", () => {
  const tag = randomBytes(4).toString("hex");
  const email = `coach-${tag}@example.test`;
  const practiceSlug = `harbor-${tag}`;
  const offeringName = "Couples Intensive";

  test("signs in by magic link, sets up a practice and an offering that visitors can see", async () => {
    // The onboarding form should default the time zone to the browser's.
    const page = await newPage({ timezoneId: "Europe/Berlin" });
    await signInAs(page, email, { screenshots: "01-new-coach" });
    expect(new URL(page.url()).pathname).toBe("/onboarding");

    // The zone is read from the browser once the form is hydrated, so this also waits for hydration.
    const zone = page.locator('input[type="hidden"][name="timeZone"]');
    await expect.poll(() => zone.inputValue(), { timeout: 15_000 }).toBe("Europe/Berlin");
    await page.getByLabel("Practice name").fill(`Harbor Coaching ${tag}`);
    await page.getByLabel("Web address").fill(practiceSlug);
    // The zone picker searches: a city, then Enter.
    await page.getByRole("combobox", { name: "Time zone" }).fill("Chicago");
    await page.getByRole("option", { name: /^Chicago, United States/ }).waitFor();
    await page.keyboard.press("Enter");
    expect(await zone.inputValue()).toBe("America/Chicago");
    await page.getByLabel("Contact email").fill(email);
    await expectAccessible(page);
    await screenshot(page, "01-new-coach-onboarding");
    await page.getByRole("button", { name: "Create practice" }).click();
    await page.waitForURL((url) => url.pathname.startsWith("/coach"));
    await expectAccessible(page);
    await screenshot(page, "01-new-coach-dashboard");

    // networkidle: the form's scripts have loaded, so typing reaches a hydrated form.
    await page.goto("/coach/offerings/new", { waitUntil: "networkidle" });
    await page.getByLabel("Name", { exact: true }).fill(offeringName);
    await page.getByLabel("Web address").fill("couples-intensive");
    await page.getByLabel("Kind").selectOption("relationship");
    await page.getByLabel("Length (minutes)").fill("90");
    await page.getByLabel("Price").fill("250");
    await page.getByLabel("Format").selectOption("video");
    await page.getByLabel("Description").fill("Ninety focused minutes for couples who want to talk and be heard.");
    await page.getByLabel("Show on booking page").check();
    await expectAccessible(page);
    await screenshot(page, "01-new-coach-offering-form");
    await page.getByRole("button", { name: "Save offering" }).click();
    await page.waitForURL((url) => url.pathname === "/coach/offerings");
    await visible(page.getByText("Offering saved."));
    await visible(page.getByRole("link", { name: `Edit ${offeringName}` }));
    await expectAccessible(page);
    await screenshot(page, "01-new-coach-offerings");

    // A signed-out visitor: a context of their own, with no cookies.
    const visitor = await newPage();
    const response = await visitor.goto(`/book/${practiceSlug}`);
    expect(response?.status()).toBe(200);
    const card = offeringCard(visitor, offeringName);
    await visible(card);
    await visible(card.getByText("$250", { exact: true }));
    await visible(card.getByText("90 min", { exact: true }));
    await expectAccessible(visitor);
    await screenshot(visitor, "01-visitor-booking-page");

    const phone = await newPage({ viewport: PHONE });
    await phone.goto(`/book/${practiceSlug}`);
    await visible(offeringCard(phone, offeringName));
    await expectAccessible(phone);
    await screenshot(phone, "01-visitor-booking-page-phone");
  });
});

describe("the demo coach", () => {
  test("edits an offering's price and the public page shows the new price", async () => {
    const visitor = await newPage();
    await visitor.goto("/book/demo");
    const oneOnOne = offeringCard(visitor, "One-on-One Coaching");
    await visible(oneOnOne.getByText("$150", { exact: true }));

    const page = await newPage();
    await signInAs(page, DEMO_COACH);
    expect(new URL(page.url()).pathname).toMatch(/^\/coach/);

    await page.goto("/coach/offerings");
    await expectAccessible(page);
    await screenshot(page, "02-demo-coach-offerings");
    await page.getByRole("link", { name: "Edit One-on-One Coaching" }).click();
    await page.waitForLoadState("networkidle");
    expect(await page.getByLabel("Price").inputValue()).toMatch(/^150(\.00)?$/);
    await page.getByLabel("Price").fill("175");
    await expectAccessible(page);
    await screenshot(page, "02-demo-coach-edit-offering");
    await page.getByRole("button", { name: "Save offering" }).click();
    await visible(page.getByText("Offering saved."));

    await visitor.reload();
    await visible(oneOnOne.getByText("$175", { exact: true }));
    expect(await oneOnOne.getByText("$150").count()).toBe(0);
    await expectAccessible(visitor);
    await screenshot(visitor, "02-demo-booking-page");
  });
});

describe("errors a visitor can meet", () => {
  test("an unknown practice answers 404 with a friendly page", async () => {
    const page = await newPage();
    const response = await page.goto("/book/no-such-practice");
    expect(response?.status()).toBe(404);
    await visible(page.getByRole("heading", { level: 1, name: /couldn.t find that booking page/i }));
    await visible(page.getByRole("link", { name: "Go to the home page" }));
    await expectAccessible(page);
    await screenshot(page, "03-unknown-practice");
  });

  test("a malformed email on /signin gets a field message, not a trip to check-email", async () => {
    const page = await newPage();
    await page.goto("/signin");
    const email = page.getByLabel("Email");
    await email.fill("not-an-email");
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect.poll(() => email.getAttribute("aria-invalid"), { timeout: 15_000 }).toBe("true");
    // The field's message is read with it.
    expect(await accessibleDescription(email)).toMatch(/email/i);
    expect(new URL(page.url()).pathname).toBe("/signin");
    await expectAccessible(page, "/signin with a field error");
    await screenshot(page, "04-signin-invalid-email");
  });
});
