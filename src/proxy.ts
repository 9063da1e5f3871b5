import { randomBytes } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { appUsesHttps, env, laptopConveniencesEnabled, sessionCookieName } from "@/lib/env";
import {
  baseSecurityHeaders,
  bookingPageSlug,
  contentSecurityPolicy,
  frameAncestorsFor,
  hasOwnContentSecurityPolicy,
} from "@/lib/security-headers";
import { log } from "@/server/log";
import { embedOriginsForSlug } from "@/server/practices/embedding";

const SIGNED_IN_AREAS = /^\/(coach|portal|onboarding)(\/|$)/;
/** Routes meant only for a developer's laptop (the dev mailbox, billing's test checkout). */
const LAPTOP_ONLY = /^\/dev(\/|$)/;
const NEXT_ASSETS = /^\/_next\//;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const ONE_CLICK_UNSUBSCRIBE = /^\/u\/[^/]+$/;
/** For what needs no page policy: answers made here (redirects, 400, 403, 404) and Next's own files. */
const LOCKED_DOWN_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Runs before routing, on every request:
 * - security headers on every response: a nonce-based Content-Security-Policy
 *   (frame-ancestors from the practice's setting on its booking pages),
 *   nosniff, a Referrer-Policy (none at all where the URL holds a token) and
 *   HSTS when APP_URL is https (src/lib/security-headers.ts);
 * - a write (POST, …) whose Origin is another site's is refused with 403:
 *   a form or script elsewhere cannot book, sign in or act for anyone here;
 * - laptop-only routes (/dev/…) answer 404 unless laptopConveniencesEnabled();
 * - a path with broken percent-encoding (`/book/%E0%A4%A`) is answered 400
 *   here; left to the router, decoding it as a route parameter is a 500;
 * - an optimistic redirect of signed-out visitors away from the dashboard
 *   and portal. Only optimistic: the real checks are requireCoach() and
 *   requireClient() in every page and action, which read the session from
 *   the database.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const https = appUsesHttps();
  // `policy` null leaves the route's own; a header set here would replace it.
  const withHeaders = (response: NextResponse, policy: string | null = LOCKED_DOWN_CSP) => {
    for (const [name, value] of Object.entries(baseSecurityHeaders(pathname, https))) response.headers.set(name, value);
    if (policy) response.headers.set("content-security-policy", policy);
    return response;
  };
  const answer = (body: string, status: number, contentType = "text/plain; charset=utf-8") =>
    withHeaders(new NextResponse(body, { status, headers: { "content-type": contentType } }));

  if (NEXT_ASSETS.test(pathname)) return withHeaders(NextResponse.next());
  try {
    decodeURIComponent(pathname);
  } catch {
    return answer("Bad request: the address is not valid.", 400);
  }
  // One-click unsubscribe (RFC 8058) is posted by mail services, some from their webmail pages:
  // the token alone authorizes it, and all it can do is stop an email.
  if (isCrossSiteWrite(request) && !ONE_CLICK_UNSUBSCRIBE.test(pathname)) {
    const message = "Requests from other websites are refused.";
    return pathname.startsWith("/api/")
      ? answer(JSON.stringify({ error: { code: "forbidden", message } }), 403, "application/json")
      : answer(message, 403);
  }
  if (LAPTOP_ONLY.test(pathname) && !laptopConveniencesEnabled()) return answer("Not found.", 404);
  if (SIGNED_IN_AREAS.test(pathname) && !request.cookies.has(sessionCookieName())) {
    const signIn = new URL("/signin", env().APP_URL);
    signIn.searchParams.set("next", pathname + search);
    return withHeaders(NextResponse.redirect(signIn));
  }

  if (hasOwnContentSecurityPolicy(pathname)) return withHeaders(NextResponse.next(), null);
  // Next.js reads the nonce from the request's CSP header and puts it on its own scripts.
  const nonce = randomBytes(16).toString("base64");
  const policy = contentSecurityPolicy({
    nonce,
    frameAncestors: frameAncestorsFor(pathname, await embedOriginsFor(pathname)),
    https,
    development: process.env.NODE_ENV === "development",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), policy);
}

/**
 * Browsers name the page's origin on every POST. One that is neither
 * APP_URL's nor the host being addressed (as Next.js's own server-action
 * check allows) is another site's form or script. Requests without an
 * Origin are not from a browser page and carry no one's cookies by accident.
 */
function isCrossSiteWrite(request: NextRequest): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  if (origin === new URL(env().APP_URL).origin) return false;
  try {
    return new URL(origin).host !== request.headers.get("host");
  } catch {
    return true;
  }
}

/** A booking page's practice list of embedding sites; on a database failure, nobody may frame it. */
async function embedOriginsFor(pathname: string): Promise<string[] | null> {
  const slug = bookingPageSlug(pathname);
  if (slug === null) return null;
  try {
    return await embedOriginsForSlug(slug);
  } catch (error) {
    log.error({ err: error }, "could not read a practice's embedding sites");
    return null;
  }
}

export const config = {
  // Everything, Next's own files included: they get the headers that apply to them.
  matcher: ["/:path*"],
};
