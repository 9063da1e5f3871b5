import { randomBytes } from "node:crypto";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startFakeStripe, type FakeStripe } from "../support/fake-stripe";
import { openDays, openTimes } from "./support/booking";
import { closeBrowser, newPage, screenshot, visible } from "./support/browser";
import { expectAccessible } from "./support/axe";
import { startProductionServer, type RunningServer } from "./support/server";

// The whole payment path with Stripe's SDK on the server's side: a production
// server with keys, pointed at the local fake Stripe (STRIPE_API_BASE). The
// test plays Stripe's part: it marks the Checkout Session paid in the fake and
// delivers the signed `checkout.session.completed` to the app's webhook over HTTP.
const WEBHOOK_SECRET = "whsec_e2e_fake_stripe";

let fake: FakeStripe;
let app: RunningServer;

beforeAll(async () => {
  fake = await startFakeStripe();
  app = await startProductionServer({
    STRIPE_SECRET_KEY: "sk_test_e2e",
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_BASE: fake.url,
    STRIPE_CONNECT: "off",
  });
}, 120_000);

afterAll(async () => {
  await closeBrowser();
  await app?.stop();
  await fake?.close();
});

async function deliver(type: string, object: Record<string, unknown>) {
  const event = fake.event(type, object);
  return fetch(`${app.baseUrl}/api/webhooks/stripe`, {
    method: "POST",
    headers: { "content-type": "application/json", "stripe-signature": fake.sign(event.payload, WEBHOOK_SECRET) },
    body: event.payload,
  });
}

async function holdCrisisSession(page: Page, name: string, email: string) {
  await page.goto(`${app.baseUrl}/book/demo/crisis`);
  await visible(page.getByRole("heading", { level: 1, name: "Crisis Coaching" }));
  await expectAccessible(page);
  await (await openDays(page)).first().click();
  await visible(openTimes(page).first());
  await openTimes(page).first().click();
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(email);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Continue to payment" }).click();
  // Stripe's hosted Checkout: here, the fake's address for the session.
  await page.waitForURL((url) => url.href.startsWith(`${fake.url}/pay/cs_test_`), { timeout: 30_000 });
  const sessionId = new URL(page.url()).pathname.split("/").pop()!;
  return fake.sessions.get(sessionId)!;
}

describe("paying for a crisis session through Stripe (the fake, over HTTP)", () => {
  const tag = randomBytes(4).toString("hex");

  test("Checkout Session for $300 → signed webhook → confirmed; a forged webhook changes nothing", async () => {
    const page = await newPage({ timezoneId: "America/Los_Angeles" });
    const session = await holdCrisisSession(page, `Riley Stripe ${tag}`, `stripe-${tag}@example.test`);
    expect(session).toMatchObject({ amount_total: 30000, currency: "usd", status: "open" });
    expect(fake.requests.find((r) => r.path === "/v1/checkout/sessions")?.idempotencyKey).toBe(`checkout:${session.client_reference_id}`);

    // Back from Checkout before the webhook: the page says the payment is being confirmed, not "booked".
    await page.goto(session.success_url);
    await expect(page.getByRole("heading", { level: 1, name: /You’re booked/ }).count()).resolves.toBe(0);
    await expectAccessible(page);

    // A forged event (no valid signature) is refused and confirms nothing.
    fake.pay(session.id);
    const forged = fake.event("checkout.session.completed", { ...fake.sessions.get(session.id)! });
    const refused = await fetch(`${app.baseUrl}/api/webhooks/stripe`, {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": fake.sign(forged.payload, "whsec_wrong") },
      body: forged.payload,
    });
    expect(refused.status).toBe(400);

    const accepted = await deliver("checkout.session.completed", { ...fake.sessions.get(session.id)! });
    expect(accepted.status).toBe(200);
    await page.goto(session.success_url);
    await visible(page.getByRole("heading", { level: 1, name: /You’re booked, Riley/ }), 30_000);
    await expectAccessible(page);
    await screenshot(page, "41-stripe-paid-booked");
  });
});
