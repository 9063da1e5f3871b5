import { env } from "@/lib/env";
import { handleRoute } from "@/server/http";
import { clientOfUnsubscribeToken, unsubscribeByToken } from "@/server/notifications/unsubscribe";

type Context = { params: Promise<{ token: string }> };

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(status: number, title: string, body: string): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escape(title)} · Tend</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5"><h1 style="font-size:1.4rem">${escape(title)}</h1>${body}</body></html>`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "referrer-policy": "no-referrer" } });
}

const preferencesLink = () => `<p><a href="${escape(new URL("/portal/settings", env().APP_URL).toString())}">Your email preferences</a> (sign in) let you choose daily, weekly or none.</p>`;

const notOurs = () => page(404, "This unsubscribe link is not valid", "<p>Check that the whole link was copied from the email.</p>" + preferencesLink());

/**
 * GET only asks (mail scanners follow links, and must not unsubscribe
 * anyone); the button, and a mail client's one-click `List-Unsubscribe-Post`
 * (RFC 8058), POST here, which turns the homework email off without signing in.
 */
export const GET = handleRoute(async (_request: Request, { params }: Context) => {
  const { token } = await params;
  if (!clientOfUnsubscribeToken(token)) return notOurs();
  return page(
    200,
    "Stop homework emails?",
    `<p>You will no longer get emails about your homework. Your homework itself stays in your portal.</p><form method="post"><button type="submit" style="font:inherit;padding:.6rem 1.2rem">Unsubscribe</button></form>` +
      preferencesLink(),
  );
});

export const POST = handleRoute(async (_request: Request, { params }: Context) => {
  const { token } = await params;
  if (!(await unsubscribeByToken(token))) return notOurs();
  return page(200, "You are unsubscribed", "<p>No more homework emails. You can turn them back on at any time.</p>" + preferencesLink());
});
