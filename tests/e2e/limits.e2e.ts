import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl } from "./support/browser";
import { hiddenFieldsOfForm, mailboxIds, rawRequest, requestLinkFromAuthJs, submitForm } from "./support/http";
import { startProductionServer, type RunningServer } from "./support/server";

/**
 * Rate limits count the address the server really talked to: every request
 * here comes from 127.0.0.1 and names a different X-Forwarded-For, and they
 * all share one limit. A server of its own with limits on, its clock started
 * just after the hour so no fixed window ends mid-test.
 */
const COACH = "coach@demo.tend.test";
let forged = 0;
const forgedAddress = () => ({ "x-forwarded-for": `198.51.100.${++forged % 250}, 203.0.113.${forged % 250}` });
const fresh = (label: string) => `${label}-${randomBytes(4).toString("hex")}@example.test`;

let server: RunningServer;
beforeAll(async () => {
  const justAfterTheHour = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 5_000);
  server = await startProductionServer({ TEND_RATE_LIMIT: "on", TEND_TEST_CLOCK: justAfterTheHour.toISOString() });
});
afterAll(() => server?.stop());

async function signInFormAnswer(email: string, headers: Record<string, string> = {}) {
  const page = await rawRequest(`${server.baseUrl}/signin`);
  return submitForm(`${server.baseUrl}/signin`, { ...hiddenFieldsOfForm(page.body), email, next: "" }, headers);
}

describe("sign-in links", () => {
  it("are limited per email and per client address on both paths, and never tell who has an account", async () => {
    // Per email: five links to one inbox in ten minutes, however many addresses ask.
    const known: { status: number; location?: string }[] = [];
    for (let i = 0; i < 5; i++) {
      const answer = await requestLinkFromAuthJs(server.baseUrl, COACH, { headers: forgedAddress() });
      known.push({ status: answer.status, location: answer.headers.location });
    }
    expect(known.every((a) => a.status === 302)).toBe(true);
    const sixth = await requestLinkFromAuthJs(server.baseUrl, COACH, { headers: forgedAddress() });
    expect(sixth.status).toBe(429);
    expect(JSON.parse(sixth.body)).toMatchObject({ error: { code: "rate_limited" } });

    // An address with no account gets exactly the answer an account holder got.
    const stranger = await requestLinkFromAuthJs(server.baseUrl, fresh("stranger"), { headers: forgedAddress() });
    expect({ status: stranger.status, location: stranger.headers.location }).toEqual(known[0]);
    // The /signin form counts against the same address (this is its 8th request).
    const viaForm = await signInFormAnswer(fresh("form"), forgedAddress());
    expect(viaForm.status).toBe(303);
    expect(viaForm.headers.location).toBe("/check-email");

    // Per client address: ten in ten minutes, whatever X-Forwarded-For says and whoever is asked for.
    for (let i = 0; i < 2; i++) expect((await requestLinkFromAuthJs(server.baseUrl, fresh("more"), { headers: forgedAddress() })).status).toBe(302);
    const overKnown = await requestLinkFromAuthJs(server.baseUrl, COACH, { headers: forgedAddress() });
    const overStranger = await requestLinkFromAuthJs(server.baseUrl, fresh("late"), { headers: forgedAddress() });
    expect(overStranger.status).toBe(429);
    expect({ status: overStranger.status, body: overStranger.body }).toEqual({ status: overKnown.status, body: overKnown.body });
    const formOver = await signInFormAnswer(fresh("form-late"), forgedAddress());
    expect(formOver.status).toBe(200);
    expect(formOver.body).toContain("Too many attempts. Please wait a few minutes and try again.");
  });
});

describe("booking requests on the public API", () => {
  it("are limited per booker email and per client address, whatever X-Forwarded-For says", async () => {
    const book = (email: string) =>
      rawRequest(`${server.baseUrl}/api/public/demo/bookings`, {
        method: "POST",
        headers: { "content-type": "application/json", ...forgedAddress() },
        // Incomplete on purpose: each attempt is counted, and none books anything.
        body: JSON.stringify({ offering: "one-on-one", email }),
      });
    const booker = fresh("booker");
    for (let i = 0; i < 10; i++) expect((await book(booker)).status).toBe(400);
    const eleventh = await book(booker);
    expect(eleventh.status).toBe(429);
    expect(JSON.parse(eleventh.body)).toMatchObject({ error: { code: "rate_limited" } });

    // That was the address's 11th; nine more people, then the address is out of attempts.
    for (let i = 0; i < 9; i++) expect((await book(fresh("other"))).status).toBe(400);
    expect((await book(fresh("last"))).status).toBe(429);
  });
});

describe("another website", () => {
  const EVIL = { origin: "https://evil.example" };

  it("cannot post to the public booking API: 403 for its Origin, 415 for a form's content types", async () => {
    const base = baseUrl();
    const post = (headers: Record<string, string>, body = JSON.stringify({ offering: "one-on-one" })) =>
      rawRequest(`${base}/api/public/demo/bookings`, { method: "POST", headers, body });

    const foreign = await post({ "content-type": "application/json", ...EVIL });
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.body)).toEqual({ error: { code: "forbidden", message: expect.any(String) } });
    // Our own origin, or no Origin at all (a server calling the API), gets through to validation.
    expect((await post({ "content-type": "application/json", origin: new URL(base).origin })).status).toBe(400);
    expect((await post({ "content-type": "application/json" })).status).toBe(400);

    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=abc"]) {
      const answer = await post({ "content-type": type }, "offering=one-on-one");
      expect(answer.status, type).toBe(415);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: "unsupported_media_type" } });
    }
  });

  it("cannot submit our forms (server actions): the sign-in form and the booking page refuse its Origin", async () => {
    const base = baseUrl();
    const email = fresh("csrf");
    const page = await rawRequest(`${base}/signin`);
    const fields = { ...hiddenFieldsOfForm(page.body), email, next: "" };

    const refused = await submitForm(`${base}/signin`, fields, EVIL);
    expect(refused.status).toBe(403);
    const bookingAction = await rawRequest(`${base}/book/demo/one-on-one`, {
      method: "POST",
      headers: { ...EVIL, "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" },
      body: "[]",
    });
    expect(bookingAction.status).toBe(403);
    expect(await mailboxIds(base, email)).toEqual([]);

    // The same form from our own page works.
    const accepted = await submitForm(`${base}/signin`, fields, { origin: new URL(base).origin });
    expect(accepted.status).toBe(303);
  });
});
