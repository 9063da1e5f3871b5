import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, test } from "vitest";
import { expectAccessible } from "./support/axe";
import { openDays, openTimes } from "./support/booking";
import { closeBrowser, messageLink, newPage, screenshot, signInAs, visible } from "./support/browser";
import { openEmail } from "./support/mailbox";

afterAll(closeBrowser);

const DEMO_COACH = "coach@demo.tend.test";

/**
 * A new client from the welcome email to a booking: the email's link opens a sign-in written
 * for clients, the magic link lands in the portal (never on "Set up your practice"), and the
 * portal's "Book a session" opens a booking form already filled with the client's name, email
 * and time zone (read from their record on the server, not from the URL).
 */
describe("a client the coach welcomed", () => {
  const tag = randomBytes(4).toString("hex");
  const name = `Priya Welcome ${tag}`;
  const email = `priya-${tag}@example.test`;

  test("signs in from the welcome email, lands in the portal, and books with their details filled in", async () => {
    const coach = await newPage();
    await signInAs(coach, DEMO_COACH);
    await coach.goto("/coach/clients/new", { waitUntil: "networkidle" });
    await coach.getByLabel("Name", { exact: true }).fill(name);
    await coach.getByLabel("Email", { exact: true }).fill(email);
    // The zone picker searches: a city, then Enter.
    await coach.getByRole("combobox", { name: "Time zone" }).fill("Tokyo");
    await coach.getByRole("option", { name: /^Tokyo, Japan/ }).waitFor();
    await coach.keyboard.press("Enter");
    await coach.getByLabel("Email them a welcome with a portal link").check();
    await coach.getByRole("button", { name: "Add client" }).click();
    await visible(coach.getByText(/A welcome email with a portal link is on its way/));
    await expectAccessible(coach, "a new client's page");

    // The welcome email's button leads to the clients' sign-in.
    const client = await newPage({ timezoneId: "America/New_York" });
    expect(await openEmail(client, email, "welcome"), `no welcome email to ${email}`).toBe(true);
    const portalLink = await messageLink(client, /\/signin\?as=client/).getAttribute("href");
    expect(portalLink).toMatch(/\/signin\?as=client$/);
    await client.goto(portalLink!);
    await visible(client.getByRole("heading", { level: 1, name: "Sign in to your client portal" }));
    await visible(client.getByText(/Use the email address your coach has for you/));
    expect(await client.getByText(/set up your practice/i).count()).toBe(0);
    await screenshot(client, "70-client-signin");

    await signInAs(client, email, { path: portalLink! });
    expect(new URL(client.url()).pathname).toBe("/portal");
    await visible(client.getByRole("heading", { level: 1, name: `Welcome, Priya` }));
    await visible(client.getByRole("heading", { name: "Past sessions" }));
    await screenshot(client, "70-client-portal");

    // The portal's Payments tab is a real page now.
    await client.getByRole("link", { name: "Payments" }).click();
    await client.waitForURL((url) => url.pathname === "/portal/payments");
    await visible(client.getByRole("heading", { level: 1, name: "Payments" }));
    await expectAccessible(client);

    // "Book a session": the practice's page, then an offering, with the details filled in.
    await client.goto("/portal");
    await client.getByRole("link", { name: "Book a session" }).first().click();
    await client.waitForURL((url) => url.pathname === "/book/demo");
    await expectAccessible(client);
    await client.getByRole("link", { name: "Book One-on-One Coaching" }).click();
    await client.waitForURL((url) => url.pathname === "/book/demo/one-on-one");
    // The record's zone (Tokyo), not the browser's (New York).
    await visible(client.getByText(/Shown in .*\(Tokyo\)/));
    // …and the field says where that zone came from (not "from your device").
    await visible(client.getByText("From your details with the coach. Change it if you’re somewhere else."));
    await expectAccessible(client);
    await (await openDays(client)).first().click();
    await visible(openTimes(client).first());
    await openTimes(client).first().click();
    await visible(client.getByRole("heading", { name: "Your details" }));
    expect(await client.getByLabel("Your name").inputValue()).toBe(name);
    expect(await client.getByLabel("Email").inputValue()).toBe(email);
    await expectAccessible(client, "the details step, filled in");
    await screenshot(client, "70-client-booking-prefilled");
  });

  test("a signed-in person the coach archived is told the portal is closed, not sent to set up a practice", async () => {
    const archived = `former-${tag}@example.test`;
    const coach = await newPage();
    await signInAs(coach, DEMO_COACH);
    await coach.goto("/coach/clients/new", { waitUntil: "networkidle" });
    await coach.getByLabel("Name", { exact: true }).fill(`Former Client ${tag}`);
    await coach.getByLabel("Email", { exact: true }).fill(archived);
    await coach.getByRole("button", { name: "Add client" }).click();
    await coach.waitForURL((url) => /^\/coach\/clients\/[0-9a-f-]{36}$/.test(url.pathname));
    await coach.waitForLoadState("networkidle");
    await coach.getByRole("button", { name: "Archive client" }).click();
    await visible(coach.getByText("Client archived."));

    const page = await newPage();
    await signInAs(page, archived);
    expect(new URL(page.url()).pathname).toBe("/portal/not-a-client");
    await visible(page.getByRole("heading", { level: 1, name: "Your portal is closed" }));
    expect(await page.getByText("Set up your practice").count()).toBe(0);
    // Nor does asking for onboarding get them there.
    await page.goto("/onboarding");
    expect(new URL(page.url()).pathname).toBe("/portal/not-a-client");
  });
});
