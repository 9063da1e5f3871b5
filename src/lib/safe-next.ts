/**
 * Where to go after signing in, from a `next` query value. Only paths on
 * this site are accepted: an absolute or protocol-relative URL would make
 * the sign-in link an open redirect.
 */
export function safeNextPath(next: unknown, fallback = ""): string {
  if (typeof next !== "string" || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  return next.slice(0, 500);
}
