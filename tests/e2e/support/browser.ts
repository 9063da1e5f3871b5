import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { inject } from "vitest";
import { expectAccessible } from "./axe";
import { launchChromium } from "./chromium";

const DESKTOP = { width: 1280, height: 900 } as const;
export const PHONE = { width: 390, height: 844 } as const;

const root = fileURLToPath(new URL("../../..", import.meta.url));
const screenshotDir = path.join(root, "artifacts", "screenshots");

let browser: Browser | undefined;
const contexts = new Set<BrowserContext>();

/** The address of the production server that global-setup.ts started. */
export function baseUrl(): string {
  return inject("baseUrl");
}

async function launch(): Promise<Browser> {
  browser ??= await launchChromium();
  return browser;
}

/**
 * A page in a context of its own: its own cookies, so each call is a
 * different person (a signed-out visitor unless they sign in).
 */
export async function newPage({
  viewport = DESKTOP,
  timezoneId = "America/New_York",
  server = baseUrl(),
}: { viewport?: { width: number; height: number }; timezoneId?: string; /** Another server than the shared one (a test clock of its own). */ server?: string } = {}): Promise<Page> {
  const context = await (await launch()).newContext({ baseURL: server, viewport, timezoneId, locale: "en-US" });
  contexts.add(context);
  context.once("close", () => contexts.delete(context));
  return context.newPage();
}

/** Call from afterAll in every e2e file. */
export async function closeBrowser() {
  for (const context of contexts) await context.close();
  await browser?.close();
  browser = undefined;
}

/** Saves a full-page PNG as artifacts/screenshots/<name>.png (kept by CI). */
export async function screenshot(page: Page, name: string) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Waits until the locator is visible; fails the test with the locator's description if it never is. */
export async function visible(locator: Locator, timeout = 15_000): Promise<Locator> {
  await locator.waitFor({ state: "visible", timeout });
  return locator;
}

/** On a message in the dev mailbox: the first of its links whose address matches. */
export function messageLink(page: Page, address: RegExp): Locator {
  return page.getByRole("list", { name: "Links in this message" }).getByRole("link", { name: address }).first();
}

/** The text a screen reader reads after a control's name: what its aria-describedby points at. */
export function accessibleDescription(control: Locator): Promise<string> {
  return control.evaluate((element) =>
    (element.getAttribute("aria-describedby") ?? "")
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent?.trim() ?? "")
      .join(" "),
  );
}

/**
 * Returns the sign-in link from the newest magic-link email to `email` in the
 * dev mailbox (/dev/mailbox lists newest first and filters with ?to=).
 * Waits a little, since a message may still be on its way.
 */
async function readLatestMagicLink(pageOrBaseUrl: Page | string, email: string): Promise<string> {
  const ownPage = typeof pageOrBaseUrl === "string";
  const page = ownPage ? await newPage() : pageOrBaseUrl;
  // The mailbox of the server the page is on (a test may run a server of its own).
  const inbox = new URL("/dev/mailbox", ownPage ? pageOrBaseUrl : page.url().startsWith("http") ? page.url() : baseUrl());
  inbox.searchParams.set("to", email);
  try {
    const deadline = Date.now() + 20_000;
    for (;;) {
      await page.goto(inbox.toString());
      const newest = page.getByRole("list", { name: "Messages" }).getByRole("link").filter({ hasText: "magic-link" }).first();
      if ((await newest.count()) > 0) {
        await newest.click();
        await visible(page.getByRole("heading", { name: "Links in this message" }));
        await expectAccessible(page, "the dev mailbox's message");
        const link = await messageLink(page, /\/api\/auth\/callback\//).getAttribute("href");
        if (!link) throw new Error(`The newest sign-in email to ${email} in the dev mailbox has no sign-in link.`);
        return link;
      }
      if (Date.now() > deadline) throw new Error(`No sign-in email to ${email} arrived in the dev mailbox.`);
      await page.waitForTimeout(500);
    }
  } finally {
    if (ownPage) await page.context().close();
  }
}

/**
 * The whole magic-link journey: ask for a link at /signin, read it from the
 * dev mailbox, follow it. Leaves the page wherever the app sends a fresh
 * sign-in (onboarding for a new coach, the dashboard for a known one).
 * With `screenshots`, the sign-in and check-email screens are saved under that prefix; `path`
 * is where to ask for the link (default /signin; a client's is /signin?as=client). Each screen
 * on the way, and where the link lands, is checked with axe (support/axe.ts).
 */
export async function signInAs(page: Page, email: string, { screenshots, path = "/signin" }: { screenshots?: string; path?: string } = {}) {
  await page.goto(path);
  await expectAccessible(page);
  await page.getByLabel("Email").fill(email);
  if (screenshots) await screenshot(page, `${screenshots}-signin`);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  // Auth.js's redirect arrives inside the server action's answer, so the page
  // shows "Check your email" while the address bar may still name /api/auth/verify-request.
  await visible(page.getByRole("heading", { name: "Check your email" }));
  await expectAccessible(page, "check your email");
  if (screenshots) await screenshot(page, `${screenshots}-check-email`);
  const link = await readLatestMagicLink(page, email);
  await page.goto(link);
  await page.waitForURL((url) => !url.pathname.startsWith("/api/auth") && !url.pathname.startsWith("/signin"));
  // Wherever a fresh sign-in lands (dashboard, portal, onboarding) is a page of the journey too.
  await expectAccessible(page);
}

/**
 * Starts recording what the page's Content-Security-Policy blocks, from both
 * the `securitypolicyviolation` events and Chromium's console messages.
 * Call before the first navigation; read the list with the returned function.
 */
export async function watchCspViolations(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) fromConsole.push(message.text());
  });
  await page.addInitScript(() => {
    const store = window as unknown as { __cspViolations?: string[] };
    store.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      store.__cspViolations!.push(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`);
    });
  });
  return async () => {
    const fromEvents = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
    return [...fromConsole, ...fromEvents];
  };
}
