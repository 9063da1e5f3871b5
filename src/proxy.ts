import { NextResponse, type NextRequest } from "next/server";

// Auth.js's database-session cookie (the __Secure- form on HTTPS).
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const SIGNED_IN_AREAS = /^\/(coach|portal|onboarding)(\/|$)/;

/**
 * Runs before routing. Two jobs, both cheap:
 * - a path with broken percent-encoding (`/book/%E0%A4%A`) is answered 400
 *   here; left to the router, decoding it as a route parameter is a 500;
 * - an optimistic redirect of signed-out visitors away from the dashboard
 *   and portal. Only optimistic: the real checks are requireCoach() and
 *   requireClient() in every page and action, which read the session from
 *   the database.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  try {
    decodeURIComponent(pathname);
  } catch {
    return new NextResponse("Bad request: the address is not valid.", { status: 400 });
  }
  if (!SIGNED_IN_AREAS.test(pathname)) return NextResponse.next();
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/signin";
  url.search = `?next=${encodeURIComponent(pathname + search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  // Everything but Next's own assets.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
