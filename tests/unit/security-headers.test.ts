import { describe, expect, it } from "vitest";
import {
  baseSecurityHeaders,
  bookingPageSlug,
  contentSecurityPolicy,
  frameAncestorsFor,
  hasOwnContentSecurityPolicy,
  referrerPolicyFor,
} from "@/lib/security-headers";

const directives = (policy: string) => new Map(policy.split("; ").map((d) => [d.split(" ")[0], d.slice(d.indexOf(" ") + 1)]));

describe("content security policy", () => {
  it("runs only scripts carrying the nonce, and keeps forms and the base URL on the site", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc123", frameAncestors: "'none'", https: false, development: false }));
    expect(policy.get("script-src")).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy.get("form-action")).toBe("'self'");
    expect(policy.get("base-uri")).toBe("'self'");
    expect(policy.get("object-src")).toBe("'none'");
    expect(policy.get("frame-ancestors")).toBe("'none'");
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
  });

  it("allows eval only for React's development tools, and upgrades requests on https", () => {
    expect(directives(contentSecurityPolicy({ nonce: "n", frameAncestors: "'none'", https: false, development: true })).get("script-src")).toContain("'unsafe-eval'");
    expect(directives(contentSecurityPolicy({ nonce: "n", frameAncestors: "'none'", https: true, development: false })).has("upgrade-insecure-requests")).toBe(true);
  });

  it("lets only a practice's booking pages be framed, by its listed websites or by any", () => {
    expect(bookingPageSlug("/book/demo")).toBe("demo");
    expect(bookingPageSlug("/book/demo/one-on-one/booked/6c0e")).toBe("demo");
    expect(bookingPageSlug("/bookings")).toBeNull();
    expect(bookingPageSlug("/coach")).toBeNull();
    expect(frameAncestorsFor("/book/demo/one-on-one", [])).toBe("*");
    expect(frameAncestorsFor("/book/demo", ["https://www.example.com", "https://example.org"])).toBe("https://www.example.com https://example.org");
    // No such practice, and every other page: nobody.
    expect(frameAncestorsFor("/book/nope", null)).toBe("'none'");
    expect(frameAncestorsFor("/coach/settings", ["https://www.example.com"])).toBe("'none'");
    expect(frameAncestorsFor("/signin", null)).toBe("'none'");
  });

  it("leaves a route's own stricter policy alone", () => {
    expect(hasOwnContentSecurityPolicy("/dev/mailbox/6c0e6c0e-0000-4000-8000-000000000000/html")).toBe(true);
    expect(hasOwnContentSecurityPolicy("/dev/mailbox")).toBe(false);
  });
});

describe("other headers", () => {
  it("sends no Referer at all from pages reached by a token", () => {
    for (const path of [
      "/manage/6c0e",
      "/book/demo/one-on-one/booked/6c0e",
      "/api/bookings/6c0e/invite",
      "/api/calendar/feedtoken.ics",
      "/api/auth/callback/email",
      "/u/6c0e.mac",
    ]) {
      expect(referrerPolicyFor(path)).toBe("no-referrer");
    }
    for (const path of ["/", "/book/demo", "/book/demo/one-on-one", "/coach", "/signin"]) {
      expect(referrerPolicyFor(path)).toBe("strict-origin-when-cross-origin");
    }
  });

  it("always says nosniff, and HSTS only when APP_URL is https", () => {
    expect(baseSecurityHeaders("/", false)).toEqual({ "x-content-type-options": "nosniff", "referrer-policy": "strict-origin-when-cross-origin" });
    expect(baseSecurityHeaders("/", true)["strict-transport-security"]).toBe("max-age=31536000");
  });
});
