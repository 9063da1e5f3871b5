import { NextResponse, type NextRequest } from "next/server";

// Auth.js's database-session cookie (the __Secure- form on HTTPS).
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/**
 * An optimistic redirect only: it spares signed-out visitors a round trip
 * through a protected page. The real checks are requireCoach()/requireClient()
 * in every page and action, which read the session from the database.
 */
export function proxy(request: NextRequest) {
  const signedIn = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (signedIn) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/signin";
  url.search = `?next=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/coach/:path*", "/portal/:path*", "/onboarding"],
};
