import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as postBooking } from "@/app/api/public/[practice]/bookings/route";
import { resetEnvCache } from "@/lib/env";
import { limitBookingRequests, limitSignInLinks } from "@/server/rate-limit";
import { createBookablePractice, setTestClock } from "../support/factories";

// Each case starts its own fixed window, a minute in, so no case straddles a window's end.
let windowStart = Date.parse("2031-01-06T09:00:00Z");
let slug = "";

beforeAll(async () => {
  process.env.TEND_RATE_LIMIT = "on";
  resetEnvCache();
  slug = (await createBookablePractice("Europe/London")).practice.slug;
});
beforeEach(() => {
  windowStart += 3 * 3600_000;
  setTestClock(new Date(windowStart + 60_000));
});
afterAll(() => {
  process.env.TEND_RATE_LIMIT = "off";
  setTestClock(null);
});

async function outcomes(attempts: number, attempt: (i: number) => Promise<unknown>): Promise<string[]> {
  const results: string[] = [];
  for (let i = 0; i < attempts; i++) {
    results.push(
      await attempt(i).then(
        () => "ok",
        (error: { code?: string }) => error.code ?? "error",
      ),
    );
  }
  return results;
}

describe("sign-in links", () => {
  it("allow five per email address in ten minutes, from any number of addresses", async () => {
    const result = await outcomes(7, (i) => limitSignInLinks("Sam@Example.test", `198.51.100.${i}`));
    expect(result).toEqual(["ok", "ok", "ok", "ok", "ok", "rate_limited", "rate_limited"]);
    // The address is normalised: another spelling is the same inbox.
    await expect(limitSignInLinks(" sam@example.TEST ", "198.51.100.99")).rejects.toMatchObject({ code: "rate_limited" });
    await expect(limitSignInLinks("alex@example.test", "198.51.100.99")).resolves.toBeUndefined();
  });

  it("allow ten per client address in ten minutes, whatever the email addresses", async () => {
    const result = await outcomes(12, (i) => limitSignInLinks(`person-${i}@example.test`, "203.0.113.5"));
    expect(result.slice(0, 10).every((r) => r === "ok")).toBe(true);
    expect(result.slice(10)).toEqual(["rate_limited", "rate_limited"]);
    // Input that is no email address at all still counts against the client address.
    await expect(limitSignInLinks("not an address", "203.0.113.5")).rejects.toMatchObject({ code: "rate_limited" });
  });
});

describe("booking requests", () => {
  it("allow ten per booker email in an hour, from any number of addresses", async () => {
    const result = await outcomes(12, (i) => limitBookingRequests("booker@example.test", `198.51.100.${i}`));
    expect(result.slice(0, 10).every((r) => r === "ok")).toBe(true);
    expect(result.slice(10)).toEqual(["rate_limited", "rate_limited"]);
  });

  it("allow twenty per client address in ten minutes", async () => {
    const result = await outcomes(21, (i) => limitBookingRequests(`b${i}@example.test`, "203.0.113.6"));
    expect(result.filter((r) => r === "ok")).toHaveLength(20);
    expect(result.at(-1)).toBe("rate_limited");
  });

  it("are limited per booker email on the public API, whatever X-Forwarded-For claims", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const response = await postBooking(
        new Request(`http://localhost:3000/api/public/${slug}/bookings`, {
          method: "POST",
          // As the server appends the socket's peer, the real address is last; only the forged part rotates.
          headers: { "content-type": "application/json", "x-forwarded-for": `10.9.${i}.1, 198.51.100.${i}` },
          body: JSON.stringify({ email: "same-booker@example.test" }),
        }),
        { params: Promise.resolve({ practice: slug }) },
      );
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});
