import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl } from "./support/browser";
import { rawRequest, requestLinkFromAuthJs } from "./support/http";
import { runRefusedProductionServer, startProductionServer, type RunningServer } from "./support/server";

/**
 * `next start` with settings that are unsafe on the internet stops at once,
 * naming the setting; laptop-only routes exist only on a laptop; cookies and
 * HSTS follow APP_URL's scheme, never a forwarded header.
 */
const PUBLIC_SITE = {
  APP_URL: "https://coach.example.com",
  AUTH_SECRET: randomBytes(32).toString("hex"),
  TEND_DATA_KEY: randomBytes(32).toString("base64"),
  TEND_RATE_LIMIT: "on",
};
const CLAIMS_LOCALHOST = { host: "localhost", "x-forwarded-host": "localhost", "x-forwarded-proto": "http", "x-forwarded-for": "127.0.0.1" };

describe("a production server refuses to start", () => {
  it("without APP_URL, and says so by name", async () => {
    const { code, output } = await runRefusedProductionServer({ APP_URL: undefined });
    expect(code, output).toBe(1);
    expect(output).toMatch(/APP_URL: required in production/);
    expect(output).toMatch(/APP_URL=http:\/\/localhost:3000 npm start/);
  });

  it("without AUTH_SECRET on a public APP_URL", async () => {
    const { code, output } = await runRefusedProductionServer({ ...PUBLIC_SITE, AUTH_SECRET: undefined });
    expect(code, output).toBe(1);
    expect(output).toMatch(/AUTH_SECRET: required in production unless APP_URL is a loopback address/);
  });

  it("with the test clock or rate limits off on a public APP_URL", async () => {
    const { code, output } = await runRefusedProductionServer({ ...PUBLIC_SITE, TEND_TEST_CLOCK: "2027-03-12T17:00:00Z", TEND_RATE_LIMIT: "off" });
    expect(code, output).toBe(1);
    expect(output).toMatch(/TEND_TEST_CLOCK: refused in production/);
    expect(output).toMatch(/TEND_RATE_LIMIT: `off` is refused/);
  });

  it("but starts on a laptop with APP_URL alone (the README's `APP_URL=http://localhost:3000 npm start`)", async () => {
    const laptop = await startProductionServer({ AUTH_SECRET: undefined, TEND_DATA_KEY: undefined, TEND_RATE_LIMIT: undefined });
    try {
      expect((await rawRequest(`${laptop.baseUrl}/book/demo`)).status).toBe(200);
    } finally {
      await laptop.stop();
    }
  });
});

describe("on a public APP_URL (https)", () => {
  let site: RunningServer;
  beforeAll(async () => {
    site = await startProductionServer(PUBLIC_SITE);
  });
  afterAll(() => site?.stop());

  it("has no dev mailbox, whatever the request claims about its host", async () => {
    for (const path of ["/dev/mailbox", "/dev/mailbox?to=coach%40demo.tend.test", "/dev/mailbox/6c0e6c0e-0000-4000-8000-000000000000/html", "/dev"]) {
      expect((await rawRequest(`${site.baseUrl}${path}`)).status, path).toBe(404);
      expect((await rawRequest(`${site.baseUrl}${path}`, { headers: CLAIMS_LOCALHOST })).status, path).toBe(404);
    }
    expect((await rawRequest(`${site.baseUrl}/dev/mailbox`, { method: "POST", headers: CLAIMS_LOCALHOST, body: "" })).status).toBe(404);
  });

  it("makes Secure cookies and sends HSTS, though the request itself came over plain http", async () => {
    const csrf = await rawRequest(`${site.baseUrl}/api/auth/csrf`);
    expect(csrf.status).toBe(200);
    expect(csrf.setCookies.length).toBeGreaterThan(0);
    for (const cookie of csrf.setCookies) {
      expect(cookie).toMatch(/^__(Host|Secure)-/);
      expect(cookie).toMatch(/;\s*Secure/i);
    }
    const page = await rawRequest(`${site.baseUrl}/book/demo`);
    expect(page.headers["strict-transport-security"]).toBe("max-age=31536000");
    expect(page.headers["content-security-policy"]).toMatch(/upgrade-insecure-requests/);
  });

  it("mails sign-in links on APP_URL, not on the address the request used", async () => {
    const answer = await requestLinkFromAuthJs(site.baseUrl, "coach@demo.tend.test");
    expect(answer.status).toBe(302);
    expect(new URL(answer.headers.location!).origin).toBe("https://coach.example.com");
  });
});

describe("on a laptop with a Resend key", () => {
  it("has no dev mailbox either: mail really goes out", async () => {
    const withKey = await startProductionServer({ RESEND_API_KEY: "re_test_key", RESEND_BASE_URL: "http://127.0.0.1:9", DISPATCH_INTERVAL_SECONDS: "0" });
    try {
      expect((await rawRequest(`${withKey.baseUrl}/dev/mailbox`)).status).toBe(404);
      expect((await rawRequest(`${withKey.baseUrl}/book/demo`)).status).toBe(200);
    } finally {
      await withKey.stop();
    }
  });
});

describe("on an http APP_URL", () => {
  it("keeps cookies plain and sends no HSTS, even when a header claims https", async () => {
    const base = baseUrl();
    const csrf = await rawRequest(`${base}/api/auth/csrf`, { headers: { "x-forwarded-proto": "https" } });
    expect(csrf.setCookies.length).toBeGreaterThan(0);
    for (const cookie of csrf.setCookies) {
      expect(cookie).toMatch(/^authjs\./);
      expect(cookie).not.toMatch(/;\s*Secure/i);
    }
    const page = await rawRequest(`${base}/book/demo`, { headers: { "x-forwarded-proto": "https" } });
    expect(page.headers["strict-transport-security"]).toBeUndefined();
  });
});
