import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDays, openTimes } from "./support/booking";
import { baseUrl, closeBrowser, newPage, screenshot, signInAs, visible, watchCspViolations } from "./support/browser";
import { rawRequest } from "./support/http";
import { expectAccessible } from "./support/axe";

afterAll(closeBrowser);

let base: string;
beforeAll(() => {
  base = baseUrl();
});

const directive = (policy: string | string[] | undefined, name: string) =>
  String(policy)
    .split(";")
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `))
    ?.slice(name.length + 1);

describe("every response carries the security headers", () => {
  it("pages: a nonce CSP that Next.js's own scripts carry, nosniff, and a referrer policy", async () => {
    const page = await rawRequest(`${base}/signin`);
    expect(page.status).toBe(200);
    const policy = page.headers["content-security-policy"] as string;
    const nonce = /'nonce-([^']+)'/.exec(directive(policy, "script-src") ?? "")?.[1];
    expect(nonce).toBeTruthy();
    expect(directive(policy, "form-action")).toBe("'self'");
    expect(directive(policy, "base-uri")).toBe("'self'");
    expect(directive(policy, "frame-ancestors")).toBe("'none'");
    expect(directive(policy, "script-src")).not.toMatch(/unsafe-inline|unsafe-eval/);
    const scripts = [...page.body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
    expect(page.headers["x-content-type-options"]).toBe("nosniff");
    expect(page.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    // A fresh nonce per response.
    const again = await rawRequest(`${base}/signin`);
    expect(again.headers["content-security-policy"]).not.toBe(policy);
  });

  it("JSON, files, redirects and 404s too", async () => {
    const chunk = /src="(\/_next\/static\/[^"]+\.js)"/.exec((await rawRequest(`${base}/signin`)).body)?.[1];
    for (const path of ["/api/public/demo/offerings", chunk!, "/coach", "/no-such-page", "/api/public/nope/offerings"]) {
      const answer = await rawRequest(`${base}${path}`);
      expect(answer.headers["x-content-type-options"], path).toBe("nosniff");
      expect(answer.headers["referrer-policy"], path).toBeTruthy();
    }
    expect((await rawRequest(`${base}/no-such-page`)).headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
  });

  it("sends no Referer from pages and files reached by a token", async () => {
    for (const path of [
      "/manage/6c0e6c0e-0000-4000-8000-000000000000?token=abc",
      "/book/demo/one-on-one/booked/6c0e6c0e-0000-4000-8000-000000000000?token=abc",
      "/api/bookings/6c0e6c0e-0000-4000-8000-000000000000/invite?token=abc",
      "/api/calendar/not-a-feed-token.ics",
      "/api/auth/callback/email?token=abc&email=x%40example.test",
    ]) {
      expect((await rawRequest(`${base}${path}`)).headers["referrer-policy"], path).toBe("no-referrer");
    }
    expect((await rawRequest(`${base}/book/demo`)).headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  });

  it("sends no HSTS on an http APP_URL", async () => {
    expect((await rawRequest(`${base}/`)).headers["strict-transport-security"]).toBeUndefined();
  });
});

describe("with the policy on, in Chromium", () => {
  it("a visitor books a session through the booking page, and nothing is blocked", async () => {
    const tag = randomBytes(4).toString("hex");
    const page = await newPage();
    const violations = await watchCspViolations(page);
    const response = await page.goto("/book/demo/one-on-one");
    expect(response?.headers()["content-security-policy"]).toMatch(/'nonce-/);

    await (await openDays(page)).first().click();
    const time = openTimes(page).first();
    await visible(time);
    await time.click();
    await visible(page.getByRole("heading", { name: "Your details" }));
    await page.getByLabel("Your name").fill(`Casey CSP ${tag}`);
    await page.getByLabel("Email").fill(`csp-${tag}@example.test`);
    await page.getByRole("button", { name: "Confirm booking" }).click();
    await page.waitForURL(/\/booked\//, { timeout: 30_000 });
    await visible(page.getByRole("heading", { level: 1, name: /You’re booked, Casey/ }));
    await screenshot(page, "60-booked-with-csp");

    expect(await violations()).toEqual([]);
    // axe is evaluated through DevTools, not a <script>, so it passes the policy too (support/axe.ts).
    await expectAccessible(page);
    // The watch itself works: what the policy forbids (an inline event handler, an image
    // from another site) is blocked and reported.
    await page.evaluate(() => {
      document.body.insertAdjacentHTML("beforeend", '<img alt="" src="/no-such-image.png" onerror="window.__handlerRan = true">');
      const image = document.createElement("img");
      image.src = "https://tracker.invalid/pixel.png";
      document.body.append(image);
    });
    await expect.poll(async () => (await violations()).join("\n")).toMatch(/inline event handler[\s\S]*img-src|img-src[\s\S]*inline event handler/);
    expect(await page.evaluate(() => (window as unknown as { __handlerRan?: boolean }).__handlerRan)).toBeUndefined();
  });
});

describe("a practice's booking pages in other websites", () => {
  it("may be framed by any website until the coach lists some in Settings, then only by those", async () => {
    const frameAncestors = async () => directive((await rawRequest(`${base}/book/demo/one-on-one`)).headers["content-security-policy"], "frame-ancestors");
    expect(await frameAncestors()).toBe("*");
    // Any other page: nobody.
    expect(directive((await rawRequest(`${base}/`)).headers["content-security-policy"], "frame-ancestors")).toBe("'none'");

    const page = await newPage();
    await signInAs(page, "coach@demo.tend.test");
    await page.goto("/coach/settings", { waitUntil: "networkidle" });
    const field = page.getByLabel("Websites that may show your booking page");
    const save = page.getByRole("button", { name: "Save websites" });

    await field.fill("www.example.com");
    await save.click();
    await visible(page.getByText(/is not a website address like https:\/\/www\.example\.com/));
    await expectAccessible(page, "/coach/settings with a field error");
    await expect.poll(() => field.inputValue()).toBe("www.example.com");
    expect(await frameAncestors()).toBe("*");

    await field.fill("https://www.example.com\nhttps://booking.example.org/");
    await save.click();
    await visible(page.getByText("Saved. The change applies the next time your booking page loads."));
    await screenshot(page, "61-settings-embed");
    expect(await frameAncestors()).toBe("https://www.example.com https://booking.example.org");
    expect(directive((await rawRequest(`${base}/coach/settings`)).headers["content-security-policy"], "frame-ancestors")).toBe("'none'");

    // Back to any website, as the rest of the suite expects.
    await page.goto("/coach/settings", { waitUntil: "networkidle" });
    await page.getByLabel("Websites that may show your booking page").fill("");
    await page.getByRole("button", { name: "Save websites" }).click();
    await visible(page.getByText("Saved. The change applies the next time your booking page loads."));
    expect(await frameAncestors()).toBe("*");
  });
});
