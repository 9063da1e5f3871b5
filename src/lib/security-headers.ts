/**
 * The security headers every response carries, decided from the path and
 * the settings (never from what a request claims about itself). proxy.ts
 * applies them; docs/security.md explains them.
 */

/** Pages and files reached by a secret in their URL: the next site must not see it in a Referer. */
const TOKEN_PATHS = [
  /^\/manage\//,
  /^\/book\/[^/]+\/[^/]+\/booked\//,
  /^\/api\/bookings\/[^/]+\/invite/,
  /^\/api\/calendar\//,
  /^\/api\/auth\/callback\//,
  /^\/u\//,
];

/** A practice's booking pages, which it may embed in its own website: `/book/<slug>` and below. */
const BOOKING_PAGE = /^\/book\/([^/]+)(?:\/|$)/;

/**
 * Responses that carry a stricter policy of their own, which a general one
 * would replace: an email's HTML in the dev mailbox (no scripts at all,
 * framed by the mailbox's own page).
 */
const OWN_POLICY_PATHS = [/^\/dev\/mailbox\/[^/]+\/html$/];

export function hasOwnContentSecurityPolicy(pathname: string): boolean {
  return OWN_POLICY_PATHS.some((pattern) => pattern.test(pathname));
}

/** The practice slug of a booking page path, or null. */
export function bookingPageSlug(pathname: string): string | null {
  const match = BOOKING_PAGE.exec(pathname);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}

export function referrerPolicyFor(pathname: string): string {
  return TOKEN_PATHS.some((pattern) => pattern.test(pathname)) ? "no-referrer" : "strict-origin-when-cross-origin";
}

/**
 * Who may show a page in a frame: nobody, except on a practice's booking
 * pages, where its listed websites may (any website when the list is
 * empty). `embedOrigins` is that practice's list, null when the path is no
 * practice's booking page.
 */
export function frameAncestorsFor(pathname: string, embedOrigins: string[] | null): string {
  if (bookingPageSlug(pathname) === null || embedOrigins === null) return "'none'";
  return embedOrigins.length > 0 ? embedOrigins.join(" ") : "*";
}

/**
 * A strict, nonce-based policy: scripts run only with this response's nonce
 * (Next.js puts it on its own scripts) or when such a script loads them;
 * forms post and the base URL stay on this site. Inline style attributes
 * are allowed: the UI uses a few, and styles cannot run code.
 */
export function contentSecurityPolicy({
  nonce,
  frameAncestors,
  https,
  development,
}: {
  nonce: string;
  frameAncestors: string;
  https: boolean;
  development: boolean;
}): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code for its debugging tools; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** The headers besides the CSP: on every response, static files included. */
export function baseSecurityHeaders(pathname: string, https: boolean): Record<string, string> {
  return {
    "x-content-type-options": "nosniff",
    "referrer-policy": referrerPolicyFor(pathname),
    ...(https ? { "strict-transport-security": "max-age=31536000" } : {}),
  };
}
