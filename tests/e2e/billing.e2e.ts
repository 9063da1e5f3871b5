import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, test } from "vitest";
import { openDays, openTimes } from "./support/booking";
import { closeBrowser, newPage, screenshot, signInAs, visible } from "./support/browser";
import { openEmail } from "./support/mailbox";
import { expectAccessible } from "./support/axe";

afterAll(closeBrowser);

// The e2e server has no Stripe keys and a loopback APP_URL: paid bookings go through the
// built-in test checkout (docs/billing.md).
describe("a visitor pays for a crisis session at booking", () => {
  const tag = randomBytes(4).toString("hex");
  const email = `payer-${tag}@example.test`;

  test("book crisis → test checkout → pay → confirmation → receipt in the mailbox", async () => {
    const page = await newPage({ timezoneId: "America/Los_Angeles" });
    await page.goto("/book/demo/crisis");
    await visible(page.getByRole("heading", { level: 1, name: "Crisis Coaching" }));
    await expectAccessible(page);
    await (await openDays(page)).first().click();
    await visible(openTimes(page).first());
    await openTimes(page).first().click();
    await visible(page.getByRole("heading", { name: "Your details" }));
    await page.getByLabel("Your name").fill(`Casey Payer ${tag}`);
    await page.getByLabel("Email").fill(email);
    await visible(page.getByText(/Next you pay \$300 on the secure checkout page/));
    await page.getByRole("button", { name: "Continue to payment" }).click();

    // Held, not booked: the browser is at the labelled test checkout.
    await page.waitForURL(/\/dev\/checkout\/test_cs_/, { timeout: 30_000 });
    await visible(page.getByText(/Test checkout: no real money moves/));
    await visible(page.getByRole("heading", { level: 1, name: "Pay $300" }));
    await expectAccessible(page);
    await screenshot(page, "40-test-checkout");
    // No confirmation before the payment.
    const checkoutUrl = page.url();
    await page.getByRole("button", { name: "Pay (test)" }).click();

    await page.waitForURL(/\/booked\//, { timeout: 30_000 });
    await visible(page.getByRole("heading", { level: 1, name: /You’re booked, Casey/ }));
    await expectAccessible(page);
    await screenshot(page, "40-paid-booked");

    expect(await openEmail(page, email, "payment-receipt")).toBe(true);
    await visible(page.getByText(/We received your payment of \$300/).first());
    expect(await openEmail(page, email, "booking-confirmed")).toBe(true);

    // The checkout is spent: reopening it says so instead of offering to pay twice.
    await page.goto(checkoutUrl);
    await visible(page.getByText("This checkout is paid."));
    await expectAccessible(page, "a paid test checkout");
    await expect(page.getByRole("button", { name: "Pay (test)" }).count()).resolves.toBe(0);
  });

  test("abandoning the test checkout frees the time and says the session wasn't booked", async () => {
    const page = await newPage({ timezoneId: "America/Los_Angeles" });
    await page.goto("/book/demo/crisis");
    await (await openDays(page)).first().click();
    await visible(openTimes(page).first());
    await openTimes(page).first().click();
    await page.getByLabel("Your name").fill(`Drew Quitter ${tag}`);
    await page.getByLabel("Email").fill(`quitter-${tag}@example.test`);
    await page.getByRole("button", { name: "Continue to payment" }).click();
    await page.waitForURL(/\/dev\/checkout\/test_cs_/, { timeout: 30_000 });
    await page.getByRole("button", { name: "Abandon payment" }).click();
    await page.waitForURL(/\/manage\//, { timeout: 30_000 });
    await visible(page.getByRole("heading", { name: "Not booked: the payment wasn’t completed in time" }));
    await expectAccessible(page);
    expect(await openEmail(page, `quitter-${tag}@example.test`, "payment-hold-expired")).toBe(true);
  });
});

// A signed-in client buys a package on its own from the portal (the test checkout), and the coach
// refunds it in full from the client's page: the package's sessions are withdrawn and the client is
// told by email (docs/billing.md, "Packages" and "Cancel, reschedule, refund").
describe("a client buys a package from the portal and the coach refunds it", () => {
  const tag = randomBytes(4).toString("hex");
  const email = `buyer-${tag}@example.test`;

  test("portal Payments → Buy → test checkout → 6 sessions; client page → Refund → withdrawn, emailed", async () => {
    const coach = await newPage();
    await signInAs(coach, "coach@demo.tend.test");
    await coach.goto("/coach/clients/new", { waitUntil: "networkidle" });
    await coach.getByLabel("Name", { exact: true }).fill(`Bea Buyer ${tag}`);
    await coach.getByLabel("Email", { exact: true }).fill(email);
    await coach.getByRole("button", { name: "Add client" }).click();
    await coach.waitForURL(/\/coach\/clients\/[0-9a-f-]{36}/, { timeout: 30_000 });
    const clientPage = coach.url().split("?")[0]!;

    const client = await newPage({ timezoneId: "America/Chicago" });
    await signInAs(client, email, { path: "/signin?as=client" });
    await client.goto("/portal/payments");
    const packages = client.locator("section", { has: client.getByRole("heading", { name: "Packages" }) });
    await visible(packages.getByText("Relationship package of 6"));
    await expectAccessible(client, "the portal's payments with a package to buy");
    await packages.getByRole("button", { name: "Buy" }).click();
    await client.waitForURL(/\/dev\/checkout\/test_cs_/, { timeout: 30_000 });
    await visible(client.getByRole("heading", { level: 1, name: "Pay $1,100" }));
    await client.getByRole("button", { name: "Pay (test)" }).click();
    await client.waitForURL((url) => url.pathname === "/portal/payments", { timeout: 30_000 });
    await visible(packages.getByText(/6 sessions of 6 left/));
    await screenshot(client, "41-portal-package-bought");

    await coach.goto(clientPage);
    const card = coach.locator('[aria-labelledby="packages-heading"]');
    await visible(card.getByText(/Paid \$1,100/));
    await card.locator("summary", { hasText: "Refund" }).click();
    await card.getByLabel("Reason").fill("Moving abroad before we could start");
    await expectAccessible(coach, "a package's refund form");
    await card.getByRole("button", { name: "Refund" }).click();
    await visible(card.getByText("Refunded", { exact: true }));
    await visible(card.getByText(/0 of 6 left/));
    await screenshot(coach, "41-coach-package-refunded");

    expect(await openEmail(client, email, "payment-refunded")).toBe(true);
    await visible(client.getByText(/Relationship package of 6/).first());
  });
});
