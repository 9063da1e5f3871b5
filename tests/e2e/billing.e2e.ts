import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, test } from "vitest";
import { openDays, openTimes } from "./support/booking";
import { closeBrowser, newPage, screenshot, visible } from "./support/browser";
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
