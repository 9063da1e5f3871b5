import { randomBytes } from "node:crypto";
import { DateTime } from "luxon";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, closeBrowser, newPage, signInAs, visible } from "./support/browser";
import { rawRequest } from "./support/http";
import { expectAccessible } from "./support/axe";

afterAll(closeBrowser);

/**
 * The portal from the outside: a client signed in by magic link (the dev
 * mailbox) gets HTTP 404 and the not-found screen for a session of another
 * practice, or for the other partner's own session, and 200 for a session
 * they share. The demo practice's Sam and Alex are a couple.
 * tests/integration/portal-tenancy.test.ts covers each data function and action.
 */
const SAM = "sam@demo.tend.test";
const ALEX = "alex@demo.tend.test";
const NOT_FOUND = "We couldn’t find what you were looking for";
let base: string;
const sessions = { samsOwn: "", shared: "" };

/** Open starts of a demo offering five to seven weeks out, clear of the days other files book. */
async function openStarts(offering: string): Promise<string[]> {
  const from = DateTime.utc().plus({ days: 35 });
  const answer = await rawRequest(`${base}/api/public/demo/offerings/${offering}/slots?start=${from.toISODate()}&end=${from.plus({ days: 14 }).toISODate()}`);
  expect(answer.status, answer.body).toBe(200);
  return (JSON.parse(answer.body) as { slots: { start: string }[] }).slots.map((s) => s.start);
}

async function book(body: Record<string, unknown>): Promise<string> {
  const answer = await rawRequest(`${base}/api/public/demo/bookings`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ timeZone: "America/New_York", ...body }),
  });
  expect(answer.status, answer.body).toBe(201);
  return (JSON.parse(answer.body) as { booking: { id: string } }).booking.id;
}

async function expectNotFound(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(404);
  await visible(page.getByRole("heading", { name: NOT_FOUND }));
  await expectAccessible(page);
}

beforeAll(async () => {
  base = baseUrl();
  // Sam's own session on the first open day; the couple's session a week later, so they can't overlap.
  const oneOnOne = await openStarts("one-on-one");
  sessions.samsOwn = await book({ offering: "one-on-one", start: oneOnOne[0], name: "Sam Rivera", email: SAM });
  const relationship = (await openStarts("relationship")).filter((start) => Date.parse(start) > Date.parse(oneOnOne[0]!) + 7 * 86_400_000);
  sessions.shared = await book({ offering: "relationship", start: relationship[0], name: "Sam Rivera", email: SAM, partner: { name: "Alex Rivera", email: ALEX } });
});

describe("the client portal", () => {
  it("gives the other partner 404 for a session they don't share, and the shared one", async () => {
    const alex = await newPage();
    await signInAs(alex, ALEX);
    expect(new URL(alex.url()).pathname).toBe("/portal");
    // The list shows the shared session and not Sam's own.
    await visible(alex.getByRole("link", { name: /Relationship Coaching/ }));
    expect(await alex.getByRole("link", { name: /One-on-One Coaching/ }).count()).toBe(0);

    await expectNotFound(alex, `/portal/sessions/${sessions.samsOwn}`);
    const shared = await alex.goto(`/portal/sessions/${sessions.shared}`);
    expect(shared?.status()).toBe(200);
    await visible(alex.getByRole("heading", { name: "Your session" }));
    await expectAccessible(alex);

    // Sam sees both: the 404 above is about whose session it is.
    const sam = await newPage();
    await signInAs(sam, SAM);
    for (const id of Object.values(sessions)) expect((await sam.goto(`/portal/sessions/${id}`))?.status(), id).toBe(200);
  });

  it("gives a client of another practice 404 for this practice's sessions", async () => {
    const tag = randomBytes(4).toString("hex");
    const coachEmail = `coach-${tag}@example.test`;
    const kimEmail = `kim-${tag}@example.test`;

    // A new coach sets up a practice and adds Kim as a client.
    const coach = await newPage();
    await signInAs(coach, coachEmail);
    await expect.poll(() => coach.locator('input[type="hidden"][name="timeZone"]').inputValue(), { timeout: 15_000 }).not.toBe("");
    await coach.getByLabel("Practice name").fill(`Elsewhere ${tag}`);
    await coach.getByLabel("Web address").fill(`elsewhere-${tag}`);
    await coach.getByLabel("Contact email").fill(coachEmail);
    await coach.getByRole("button", { name: "Create practice" }).click();
    await coach.waitForURL((url) => url.pathname.startsWith("/coach"));
    await coach.goto("/coach/clients/new", { waitUntil: "networkidle" });
    await expectAccessible(coach);
    await coach.getByLabel("Name", { exact: true }).fill("Kim Elsewhere");
    await coach.getByLabel("Email", { exact: true }).fill(kimEmail);
    await coach.getByRole("button", { name: "Add client" }).click();
    await coach.waitForURL((url) => /^\/coach\/clients\/[0-9a-f-]{36}$/.test(url.pathname));
    await expectAccessible(coach);

    // Kim signs in to her own portal, and can't open the demo practice's sessions.
    const kim = await newPage();
    await signInAs(kim, kimEmail);
    expect(new URL(kim.url()).pathname).toBe("/portal");
    await visible(kim.getByText(`Elsewhere ${tag}`, { exact: true }).first());
    for (const id of Object.values(sessions)) await expectNotFound(kim, `/portal/sessions/${id}`);
  });
});
