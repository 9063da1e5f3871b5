import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, closeBrowser, newPage, signInAs, visible } from "./support/browser";
import { rawRequest, signInOverHttp } from "./support/http";
import { expectAccessible } from "./support/axe";

afterAll(closeBrowser);

/**
 * A record that isn't the signed-in person's, or an id that can't be one,
 * answers HTTP 404 (not the not-found screen with 200), for coaches and
 * clients alike. Status codes are read off the wire.
 */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
let base: string;
let demoCoach: string;
let sam: string;
const ids = { client: "", offering: "", samsSession: "", strangersSession: "" };

async function bookThroughApi(email: string, name: string, index: number): Promise<string> {
  const today = new Date();
  const inTwoWeeks = new Date(today.getTime() + 14 * 86_400_000);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const slots = JSON.parse(
    (await rawRequest(`${base}/api/public/demo/offerings/one-on-one/slots?start=${day(today)}&end=${day(inTwoWeeks)}`)).body,
  ) as { slots: { start: string }[] };
  // From the end of the list, away from the slots other test files book.
  const start = slots.slots.at(-1 - index)!.start;
  const answer = await rawRequest(`${base}/api/public/demo/bookings`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ offering: "one-on-one", start, name, email, timeZone: "America/New_York" }),
  });
  expect(answer.status, answer.body).toBe(201);
  return (JSON.parse(answer.body) as { booking: { id: string } }).booking.id;
}

const linkedId = (html: string, prefix: string) => new RegExp(`href="${prefix}(${UUID.source})"`).exec(html)?.[1] ?? "";

beforeAll(async () => {
  base = baseUrl();
  demoCoach = await signInOverHttp(base, "coach@demo.tend.test");
  ids.client = linkedId((await rawRequest(`${base}/coach/clients`, { headers: { cookie: demoCoach } })).body, "/coach/clients/");
  ids.offering = linkedId((await rawRequest(`${base}/coach/offerings`, { headers: { cookie: demoCoach } })).body, "/coach/offerings/");
  ids.samsSession = await bookThroughApi("sam@demo.tend.test", "Sam Rivera", 0);
  ids.strangersSession = await bookThroughApi(`stranger-${randomBytes(4).toString("hex")}@example.test`, "Robin Stranger", 1);
  expect(Object.values(ids).every((id) => UUID.test(id))).toBe(true);
  sam = await signInOverHttp(base, "sam@demo.tend.test");
});

const status = async (path: string, cookie: string) => (await rawRequest(`${base}${path}`, { headers: { cookie } })).status;

describe("a coach", () => {
  it("gets 200 for their own records and 404 for ids that can't be records", async () => {
    expect(await status(`/coach/clients/${ids.client}`, demoCoach)).toBe(200);
    expect(await status(`/coach/offerings/${ids.offering}`, demoCoach)).toBe(200);
    expect(await status(`/coach/calendar/sessions/${ids.samsSession}`, demoCoach)).toBe(200);
    for (const path of [
      "/coach/calendar/sessions/not-a-uuid",
      "/coach/clients/not-a-uuid",
      "/coach/offerings/not-a-uuid",
      "/coach/clients/00000000-0000-4000-8000-000000000000",
    ]) {
      const answer = await rawRequest(`${base}${path}`, { headers: { cookie: demoCoach } });
      expect(answer.status, path).toBe(404);
      // Still the dashboard's own not-found screen, menu and all.
      expect(answer.body, path).toContain("We couldn’t find that in your practice");
    }
  });

  it("of another practice gets 404 for this practice's client, offering and session", async () => {
    const tag = randomBytes(4).toString("hex");
    const page = await newPage();
    await signInAs(page, `coach-${tag}@example.test`);
    await expect.poll(() => page.locator('input[type="hidden"][name="timeZone"]').inputValue(), { timeout: 15_000 }).not.toBe("");
    await page.getByLabel("Practice name").fill(`Elsewhere ${tag}`);
    await page.getByLabel("Web address").fill(`elsewhere-${tag}`);
    await page.getByLabel("Contact email").fill(`coach-${tag}@example.test`);
    await page.getByRole("button", { name: "Create practice" }).click();
    await page.waitForURL((url) => url.pathname.startsWith("/coach"));
    await expectAccessible(page);

    for (const path of [`/coach/clients/${ids.client}`, `/coach/offerings/${ids.offering}`, `/coach/calendar/sessions/${ids.samsSession}`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await visible(page.getByRole("heading", { name: "We couldn’t find that in your practice" }));
      await expectAccessible(page);
    }
  });
});

describe("a client", () => {
  it("gets 200 for their own session and 404 for someone else's or a malformed id", async () => {
    expect(await status("/portal", sam)).toBe(200);
    expect(await status(`/portal/sessions/${ids.samsSession}`, sam)).toBe(200);
    expect(await status(`/portal/sessions/${ids.strangersSession}`, sam)).toBe(404);
    expect(await status("/portal/sessions/not-a-uuid", sam)).toBe(404);
    expect(await status("/portal/sessions/00000000-0000-4000-8000-000000000000", sam)).toBe(404);
  });
});
