import { eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as attachmentRoute } from "@/app/dev/mailbox/[id]/attachments/[index]/route";
import { GET as htmlRoute } from "@/app/dev/mailbox/[id]/html/route";
import { resetEnvCache } from "@/lib/env";
import { getDb } from "@/server/db/client";
import { devMailbox } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import {
  getMailboxMessage,
  isDevMailboxEnabled,
  linksIn,
  listMailboxMessages,
  outboxSummary,
  withTopTarget,
} from "@/server/notifications/mailbox";
import { renderEmail } from "@/server/notifications/templates";
import { createDevMailboxTransport } from "@/server/notifications/transport";

const originalNodeEnv = process.env.NODE_ENV;
const invite = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n";

beforeAll(() => {
  delete process.env.RESEND_API_KEY;
  resetEnvCache();
});
afterEach(() => {
  (process.env as Record<string, string | undefined>).NODE_ENV = originalNodeEnv;
  delete process.env.RESEND_API_KEY;
  process.env.APP_URL = "http://localhost:3000";
  resetEnvCache();
});

async function deliver(to: string, key: string, createdAt?: Date) {
  const url = `http://localhost:3000/api/auth/callback/email?token=${key}&email=${encodeURIComponent(to)}`;
  const email = await renderEmail("magic-link", { url, host: "localhost:3000", expiresInMinutes: 30 });
  const { id } = await createDevMailboxTransport().send({
    to,
    from: "Tend <hello@tend.test>",
    ...email,
    attachments: [{ filename: "session.ics", contentType: "text/calendar", content: invite }],
    idempotencyKey: key,
    template: "magic-link",
  });
  if (createdAt) {
    await getDb().update(devMailbox).set({ createdAt }).where(eq(devMailbox.id, id));
  }
  return { id, url };
}

const context = <P>(params: P) => ({ params: Promise.resolve(params) });

describe("dev mailbox", () => {
  it("lists messages newest first, and by recipient", async () => {
    await deliver("first@example.test", "mb-1", new Date("2030-01-01T10:00:00Z"));
    await deliver("second@example.test", "mb-2", new Date("2030-01-01T11:00:00Z"));
    await deliver("First@Example.test", "mb-3", new Date("2030-01-01T12:00:00Z"));

    const all = await listMailboxMessages();
    expect(all.slice(0, 3).map((m) => m.recipient)).toEqual(["First@Example.test", "second@example.test", "first@example.test"]);
    expect(all[0]).toMatchObject({ subject: "Your sign-in link for localhost:3000", template: "magic-link", attachmentCount: 1 });

    const theirs = await listMailboxMessages({ to: "FIRST@example.test" });
    expect(theirs.map((m) => m.recipient)).toEqual(["First@Example.test", "first@example.test"]);
  });

  it("serves a message's HTML with links that open in the top window, and its attachments", async () => {
    const { id, url } = await deliver("frame@example.test", "mb-frame");

    const response = await htmlRoute(new Request(`http://localhost:3000/dev/mailbox/${id}/html`), context({ id }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(response.headers.get("content-security-policy")).toContain("script-src 'none'");
    const html = await response.text();
    expect(html).toMatch(/<head[^>]*><base target="_top">/);
    expect(linksIn(html)).toContain(url);

    const file = await attachmentRoute(new Request("http://localhost:3000/"), context({ id, index: "0" }));
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("text/calendar");
    expect(file.headers.get("content-disposition")).toContain('filename="session.ics"');
    expect(await file.text()).toBe(invite);

    const missing = await attachmentRoute(new Request("http://localhost:3000/"), context({ id, index: "7" }));
    expect(missing.status).toBe(404);
    const notANumber = await attachmentRoute(new Request("http://localhost:3000/"), context({ id, index: "x" }));
    expect(notANumber.status).toBe(404);
  });

  it("answers not found for a malformed or unknown id, never a 500", async () => {
    for (const id of ["nope", "00000000-0000-4000-8000-000000000000", "'; drop table dev_mailbox; --"]) {
      await expect(getMailboxMessage(id)).rejects.toMatchObject({ code: "not_found" });
      const response = await htmlRoute(new Request("http://localhost:3000/"), context({ id }));
      expect(response.status, id).toBe(404);
    }
  });

  it("opens only while mail stays local and the server is not public", async () => {
    const env = process.env as Record<string, string | undefined>;
    const { id } = await deliver("gate@example.test", "mb-gate");
    const check = async (settings: Record<string, string | undefined>) => {
      Object.assign(env, settings);
      for (const [key, value] of Object.entries(settings)) if (value === undefined) delete env[key];
      resetEnvCache();
      return isDevMailboxEnabled();
    };

    // One rule (laptopConveniencesEnabled), whatever NODE_ENV says: a loopback APP_URL and no Resend key.
    for (const NODE_ENV of ["development", "production"]) {
      expect(await check({ NODE_ENV, RESEND_API_KEY: undefined, APP_URL: "http://localhost:3000" })).toBe(true);
      expect(await check({ NODE_ENV, RESEND_API_KEY: undefined, APP_URL: "http://127.0.0.1:3100" })).toBe(true);
      expect(await check({ NODE_ENV, RESEND_API_KEY: "re_key", APP_URL: "http://localhost:3000" })).toBe(false);
    }
    // A public address never opens it, not even under `next dev`, and not when a deployment forgot its Resend key.
    expect(await check({ NODE_ENV: "development", RESEND_API_KEY: undefined, APP_URL: "https://coach.example.com" })).toBe(false);
    expect(await check({ NODE_ENV: "development", RESEND_API_KEY: undefined, APP_URL: "http://192.168.1.20:3000" })).toBe(false);

    expect(await check({ NODE_ENV: "production", RESEND_API_KEY: "re_key", APP_URL: "http://localhost:3000" })).toBe(false);
    await expect(listMailboxMessages()).rejects.toBeInstanceOf(AppError);
    await expect(outboxSummary()).rejects.toMatchObject({ code: "not_found" });
    const response = await htmlRoute(new Request("http://localhost:3000/"), context({ id }));
    expect(response.status).toBe(404);
  });

  it("adds the top-window target even to HTML without a head", () => {
    expect(withTopTarget("<p>hi</p>")).toBe('<base target="_top"><p>hi</p>');
    expect(withTopTarget('<html><head lang="en"><title>x</title></head></html>')).toBe(
      '<html><head lang="en"><base target="_top"><title>x</title></head></html>',
    );
  });
});
