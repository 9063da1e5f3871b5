import { describe, expect, it } from "vitest";
import { safeCallbackUrl, safeNextPath } from "@/lib/safe-next";

/** Where a browser would go from a Location header holding `value`, on a page of APP_URL. */
const browserTarget = (value: string) => new URL(value, "http://localhost:3000/signin");

const OFF_SITE = [
  "https://evil.example/",
  "//evil.example",
  "///evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/\\evil.example",
  "/\\/evil.example",
  "\\\\evil.example",
  "/.//evil.example",
  "/./\t/evil.example",
  " //evil.example",
  "javascript:alert(1)",
  "http:evil.example",
];

describe("safeNextPath", () => {
  it("keeps paths on the site, query and fragment included", () => {
    expect(safeNextPath("/coach/clients?tab=all#top")).toBe("/coach/clients?tab=all#top");
    expect(safeNextPath("/portal")).toBe("/portal");
    // Encoded slashes stay a path on this site (and are kept encoded).
    expect(browserTarget(safeNextPath("/%2F%2Fevil.example")).origin).toBe("http://localhost:3000");
  });

  it.each(OFF_SITE)("refuses %j, which a browser would take off-site", (next) => {
    expect(safeNextPath(next, "/fallback")).toBe("/fallback");
  });

  it("refuses what isn't a string or is too long", () => {
    expect(safeNextPath(undefined)).toBe("");
    expect(safeNextPath(["/coach"])).toBe("");
    expect(safeNextPath(`/${"a".repeat(600)}`, "/x")).toBe("/x");
  });
});

describe("safeCallbackUrl (Auth.js's redirect callback)", () => {
  const APP_URL = "http://localhost:3000";

  it("keeps APP_URL's own addresses, as absolute URLs", () => {
    expect(safeCallbackUrl("/home?next=%2Fcoach", APP_URL)).toBe("http://localhost:3000/home?next=%2Fcoach");
    expect(safeCallbackUrl("http://localhost:3000/coach", APP_URL)).toBe("http://localhost:3000/coach");
  });

  it.each([...OFF_SITE, "http://localhost:3001/coach", "https://localhost:3000/coach", "http://localhost:3000//evil.example"])(
    "sends %j to the site's root instead",
    (url) => {
      expect(safeCallbackUrl(url, APP_URL)).toBe("http://localhost:3000/");
    },
  );
});
