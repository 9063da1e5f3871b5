import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, test } from "vitest";
import { closeBrowser, newPage, PHONE, screenshot, signInAs, visible } from "./support/browser";

afterAll(closeBrowser);

const DEMO_COACH = "coach@demo.tend.test";

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

    await visible(page.getByLabel("Practice name"));
    expect(await page.getByLabel("Time zone").inputValue()).toBe("Europe/Berlin");
    await page.getByLabel("Practice name").fill(`Harbor Coaching ${tag}`);
    await page.getByLabel("Web address").fill(practiceSlug);
    await page.getByLabel("Time zone").selectOption("America/Chicago");
    await page.getByLabel("Contact email").fill(email);
    await screenshot(page, "01-new-coach-onboarding");
    await page.getByRole("button", { name: "Create practice" }).click();
    await page.waitForURL((url) => url.pathname.startsWith("/coach"));
    await screenshot(page, "01-new-coach-dashboard");

    await page.goto("/coach/offerings/new");
    await page.getByLabel("Name").fill(offeringName);
    await page.getByLabel("Web address").fill("couples-intensive");
    await page.getByLabel("Kind").selectOption("relationship");
    await page.getByLabel("Length (minutes)").fill("120");
    await page.getByLabel("Price").fill("250");
    await page.getByLabel("Format").selectOption("video");
    await page.getByLabel("Description").fill("Two focused hours for couples who want to talk and be heard.");
    await page.getByLabel("Show on booking page").check();
    await screenshot(page, "01-new-coach-offering-form");
    await page.getByRole("button", { name: "Save offering" }).click();
    await page.waitForURL((url) => !url.pathname.endsWith("/new"));
    await visible(page.getByText(offeringName).first());
    await screenshot(page, "01-new-coach-offerings");

    // A signed-out visitor: a context of their own, with no cookies.
    const visitor = await newPage();
    const response = await visitor.goto(`/book/${practiceSlug}`);
    expect(response?.status()).toBe(200);
    await visible(visitor.getByRole("heading", { name: offeringName }));
    await visible(visitor.getByText("$250").first());
    await screenshot(visitor, "01-visitor-booking-page");

    const phone = await newPage({ viewport: PHONE });
    await phone.goto(`/book/${practiceSlug}`);
    await visible(phone.getByRole("heading", { name: offeringName }));
    await screenshot(phone, "01-visitor-booking-page-phone");
  });
});

describe("the demo coach", () => {
  test("edits an offering's price and the public page shows the new price", async () => {
    const visitor = await newPage();
    await visitor.goto("/book/demo");
    const oneOnOne = visitor.getByRole("heading", { name: "One-on-One Coaching" });
    await visible(oneOnOne);
    await visible(visitor.getByText("$150").first());
    expect(await visitor.getByText("$175").count()).toBe(0);

    const page = await newPage();
    await signInAs(page, DEMO_COACH);
    expect(new URL(page.url()).pathname).toMatch(/^\/coach/);

    await page.goto("/coach/offerings");
    await screenshot(page, "02-demo-coach-offerings");
    await page.getByRole("link", { name: "One-on-One Coaching" }).click();
    await visible(page.getByLabel("Price"));
    expect(await page.getByLabel("Price").inputValue()).toMatch(/^150(\.00)?$/);
    await page.getByLabel("Price").fill("175");
    await screenshot(page, "02-demo-coach-edit-offering");
    await page.getByRole("button", { name: "Save offering" }).click();
    await visible(page.getByText(/saved/i).first());

    await visitor.reload();
    await visible(visitor.getByRole("heading", { name: "One-on-One Coaching" }));
    await visible(visitor.getByText("$175").first());
    expect(await visitor.getByText("$150").count()).toBe(0);
    await screenshot(visitor, "02-demo-booking-page");
  });
});

describe("errors a visitor can meet", () => {
  test("an unknown practice answers 404 with a friendly page", async () => {
    const page = await newPage();
    const response = await page.goto("/book/no-such-practice");
    expect(response?.status()).toBe(404);
    await visible(page.getByRole("heading", { level: 1 }));
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toMatch(/not found|couldn.t find|no practice/i);
    await screenshot(page, "03-unknown-practice");
  });

  test("a malformed email on /signin gets a field message, not a trip to check-email", async () => {
    const page = await newPage();
    await page.goto("/signin");
    const email = page.getByLabel("Email");
    await email.fill("not-an-email");
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await visible(page.locator('input[name="email"][aria-invalid="true"]'));
    const describedBy = await email.getAttribute("aria-describedby");
    expect(describedBy).toBeTruthy();
    const message = await page.locator(`[id="${describedBy!.split(" ").at(-1)}"]`).innerText();
    expect(message).toMatch(/email/i);
    expect(new URL(page.url()).pathname).toBe("/signin");
    await screenshot(page, "04-signin-invalid-email");
  });
});
