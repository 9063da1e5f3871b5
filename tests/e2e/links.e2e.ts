import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { baseUrl } from "./support/browser";
import { hiddenFieldsOfForm, mailboxIds, newMagicLink, rawRequest, requestLinkFromAuthJs, signInOverHttp, submitForm } from "./support/http";

/**
 * Every absolute URL comes from APP_URL (here the server's own address),
 * never from the request's Host or X-Forwarded-* headers; after sign-in,
 * `next` and `callbackUrl` only lead to paths on that origin. Over HTTP,
 * because a browser won't forge these headers.
 */
const COACH = "coach@demo.tend.test";
const FORGED = { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", "x-forwarded-port": "443" };

let base: string;
let origin: string;
beforeAll(() => {
  base = baseUrl();
  origin = new URL(base).origin;
});

/** The origin a browser would go to from a Location header on one of our pages. */
const destination = (location: string | undefined) => new URL(location ?? "", `${base}/signin`).origin;

describe("a sign-in link asked for with another host in the headers", () => {
  it("points at APP_URL when asked through the /signin form (no Origin, as a script would send it)", async () => {
    const seen = await mailboxIds(base, COACH);
    const page = await rawRequest(`${base}/signin`);
    const answer = await submitForm(`${base}/signin`, { ...hiddenFieldsOfForm(page.body), email: COACH, next: "/coach" }, FORGED);
    expect(answer.status).toBe(303);
    expect(destination(answer.headers.location)).toBe(origin);

    const link = new URL(await newMagicLink(base, COACH, seen));
    expect(link.origin).toBe(origin);
    expect(new URL(link.searchParams.get("callbackUrl")!).origin).toBe(origin);
  });

  it("points at APP_URL when asked through Auth.js's own POST /api/auth/signin/email", async () => {
    const seen = await mailboxIds(base, COACH);
    const answer = await requestLinkFromAuthJs(base, COACH, { headers: FORGED, callbackUrl: "/coach" });
    expect(answer.status).toBe(302);
    expect(destination(answer.headers.location)).toBe(origin);

    const link = new URL(await newMagicLink(base, COACH, seen));
    expect(link.origin).toBe(origin);
    expect(new URL(link.searchParams.get("callbackUrl")!).origin).toBe(origin);
    // Following it signs in and lands on our own site.
    const landed = await rawRequest(link.toString(), { headers: FORGED });
    expect(landed.status).toBe(302);
    expect(destination(landed.headers.location)).toBe(origin);
  });
});

// Raw query values, as an attacker would put them in a link. Browsers drop tabs and
// newlines from URLs and read "\" as "/", so several of these spell //evil.example.
const NEXT_VARIANTS = [
  "/%09/evil.example",
  "/%0A/evil.example",
  "/%0D%0A/evil.example",
  "/%5Cevil.example",
  "/%5C/evil.example",
  "%5C%5Cevil.example",
  "//evil.example",
  "%2F%2Fevil.example",
  "/%2F%2Fevil.example",
  "/.//evil.example",
  "https://evil.example/",
  "https:%2F%2Fevil.example",
];

describe("after sign-in, next and callbackUrl", () => {
  let session: string;
  beforeAll(async () => {
    session = await signInOverHttp(base, COACH);
  });

  it.each(NEXT_VARIANTS)("/signin?next=%s stays on APP_URL's origin", async (next) => {
    const answer = await rawRequest(`${base}/signin?next=${next}`, { headers: { cookie: session } });
    expect(answer.status).toBe(307);
    expect(destination(answer.headers.location)).toBe(origin);
  });

  it.each(NEXT_VARIANTS)("/home?next=%s (where a magic link lands) stays on APP_URL's origin", async (next) => {
    const answer = await rawRequest(`${base}/home?next=${next}`, { headers: { cookie: session } });
    expect(answer.status).toBe(307);
    expect(destination(answer.headers.location)).toBe(origin);
  });

  it("a callbackUrl given to Auth.js leads to APP_URL's origin, in the mailed link and after following it", async () => {
    // A fresh address each time: the link is consumed, and the mailbox lists it apart.
    for (const callbackUrl of ["/\t/evil.example", "/\\evil.example", "//evil.example", "https://evil.example/", "/%2F%2Fevil.example"]) {
      const email = `callback-${randomBytes(4).toString("hex")}@example.test`;
      const asked = await requestLinkFromAuthJs(base, email, { callbackUrl });
      expect(asked.status, callbackUrl).toBe(302);
      const link = new URL(await newMagicLink(base, email, []));
      expect(destination(link.searchParams.get("callbackUrl") ?? undefined), callbackUrl).toBe(origin);
      const landed = await rawRequest(link.toString());
      expect(landed.status, callbackUrl).toBe(302);
      expect(destination(landed.headers.location), callbackUrl).toBe(origin);
    }
  });
});
