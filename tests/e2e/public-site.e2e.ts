import { describe, expect, it } from "vitest";
import { baseUrl } from "./support/browser";

// What crawlers and link previews see, over HTTP from the production server (APP_URL = its address).

const metaContent = (html: string, key: string) =>
  new RegExp(`<meta (?:property|name)="${key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}" content="([^"]*)"`).exec(html)?.[1];

describe("public site files", () => {
  it("robots.txt lets crawlers read the booking pages and keeps them out of private areas", async () => {
    const response = await fetch(`${baseUrl()}/robots.txt`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const lines = (await response.text()).split("\n").map((l) => l.trim());
    expect(lines).toContain("User-agent: *");
    expect(lines).toContain("Allow: /book/");
    for (const path of ["/coach", "/portal", "/manage", "/api", "/dev"]) expect(lines).toContain(`Disallow: ${path}`);
    expect(lines.filter((l) => l.startsWith("Disallow:"))).not.toContain("Disallow: /book");
  });

  it("serves a favicon.ico for browsers that ask for it", async () => {
    const response = await fetch(`${baseUrl()}/favicon.ico`);
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 4)]).toEqual([0, 0, 1, 0]); // the ICO header
  });

  it("a booking link previews with the Open Graph card, its URL absolute from APP_URL", async () => {
    for (const path of ["/book/demo", "/book/demo/one-on-one"]) {
      const html = await (await fetch(`${baseUrl()}${path}`)).text();
      const image = metaContent(html, "og:image");
      // The practice's own card (its name and photo, drawn by next/og), versioned by its photo.
      expect(image, path).toMatch(new RegExp(`^${baseUrl()}/api/public/demo/og-image\\?v=\\d+$`));
      expect((await fetch(image!)).headers.get("content-type"), path).toBe("image/png");
      expect(metaContent(html, "og:url")).toBe(`${baseUrl()}${path}`);
      expect(metaContent(html, "og:title")).toMatch(/Relationship Coaching \(demo\)/);
      expect(metaContent(html, "twitter:card")).toBe("summary_large_image");
    }
    const card = await fetch(`${baseUrl()}/og-booking.png`);
    expect(card.status).toBe(200);
    expect(card.headers.get("content-type")).toBe("image/png");
  });
});
