const PROBE_ORIGIN = "http://tend.invalid";

/**
 * Where to go after signing in, from a `next` query value: a path on this
 * site, or `fallback`. Anything that could leave the site is refused, which
 * takes more than "starts with one slash": browsers drop tabs and newlines
 * from URLs and read a backslash as a slash, so `/\t/evil.example` and
 * `/\evil.example` are both `//evil.example` to them. The path is resolved
 * as a browser would and kept only if it stays on the origin; what is
 * returned is that resolved, normalised form.
 */
export function safeNextPath(next: unknown, fallback = ""): string {
  if (typeof next !== "string" || !next.startsWith("/") || next.length > 500) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return fallback;
  let resolved: URL;
  try {
    resolved = new URL(next, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (resolved.origin !== PROBE_ORIGIN) return fallback;
  const path = resolved.pathname + resolved.search + resolved.hash;
  // "/%2F/evil.example" stays on the site as a path, but a second decoding somewhere would not.
  return path.startsWith("//") ? fallback : path;
}

/**
 * Auth.js's redirect target (its `callbackUrl`): an absolute URL on
 * APP_URL's origin or a safe path, always returned as an absolute URL on
 * APP_URL's origin; anything else becomes the site's root.
 */
export function safeCallbackUrl(url: string, appUrl: string): string {
  const { origin } = new URL(appUrl);
  let candidate = url;
  if (!url.startsWith("/")) {
    try {
      const absolute = new URL(url);
      candidate = absolute.origin === origin ? absolute.pathname + absolute.search + absolute.hash : "";
    } catch {
      candidate = "";
    }
  }
  return new URL(safeNextPath(candidate, "/"), origin).toString();
}
