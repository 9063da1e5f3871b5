import { describe, expect, it } from "vitest";
import { appUsesHttps, isLocalAppUrl, laptopConveniencesEnabled, parseEnv, sessionCookieName } from "@/lib/env";

const PUBLIC = { NODE_ENV: "production", APP_URL: "https://coach.example.com", AUTH_SECRET: "s".repeat(32), TEND_DATA_KEY: "k".repeat(44) };

describe("settings a production server refuses", () => {
  it("requires APP_URL when serving in production, and names it", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/APP_URL: required in production/);
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/APP_URL=http:\/\/localhost:3000 npm start/);
    // Only serving needs it: `next build` serves nobody, development and tests keep the laptop default.
    expect(parseEnv({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" }).APP_URL).toBe("http://localhost:3000");
    expect(parseEnv({ NODE_ENV: "development" }).APP_URL).toBe("http://localhost:3000");
    expect(parseEnv({ NODE_ENV: "test" }).APP_URL).toBe("http://localhost:3000");
  });

  it("requires AUTH_SECRET and TEND_DATA_KEY unless APP_URL is a loopback address", () => {
    expect(() => parseEnv({ ...PUBLIC, AUTH_SECRET: undefined })).toThrow(/AUTH_SECRET: required in production/);
    expect(() => parseEnv({ ...PUBLIC, TEND_DATA_KEY: "" })).toThrow(/TEND_DATA_KEY: required in production/);
    expect(parseEnv(PUBLIC).APP_URL).toBe("https://coach.example.com");
    // The README's one-line laptop run: a production build on localhost with nothing else set.
    for (const APP_URL of ["http://localhost:3000", "http://127.0.0.1:3100", "http://[::1]:3000"]) {
      expect(parseEnv({ NODE_ENV: "production", APP_URL }).APP_URL).toBe(APP_URL);
    }
  });

  it("refuses the test clock and rate limits off on a public APP_URL, but not on a laptop", () => {
    expect(() => parseEnv({ ...PUBLIC, TEND_TEST_CLOCK: "2027-03-12T17:00:00Z" })).toThrow(/TEND_TEST_CLOCK: refused in production/);
    expect(() => parseEnv({ ...PUBLIC, TEND_RATE_LIMIT: "off" })).toThrow(/TEND_RATE_LIMIT: `off` is refused/);
    const laptop = parseEnv({ NODE_ENV: "production", APP_URL: "http://localhost:4000", TEND_TEST_CLOCK: "2027-03-12T17:00:00Z", TEND_RATE_LIMIT: "off" });
    expect(laptop).toMatchObject({ TEND_TEST_CLOCK: "2027-03-12T17:00:00Z", TEND_RATE_LIMIT: false });
  });

  it("names every problem at once", () => {
    expect(() => parseEnv({ NODE_ENV: "production", APP_URL: "https://coach.example.com", TEND_RATE_LIMIT: "off" })).toThrow(
      /AUTH_SECRET[\s\S]*TEND_DATA_KEY[\s\S]*TEND_RATE_LIMIT/,
    );
  });

  it("accepts only an http(s) APP_URL, and a sane TRUST_PROXY_HOPS", () => {
    expect(() => parseEnv({ APP_URL: "ftp://coach.example.com" })).toThrow(/APP_URL/);
    expect(parseEnv({}).TRUST_PROXY_HOPS).toBe(0);
    expect(parseEnv({ TRUST_PROXY_HOPS: "2" }).TRUST_PROXY_HOPS).toBe(2);
    expect(() => parseEnv({ TRUST_PROXY_HOPS: "-1" })).toThrow(/TRUST_PROXY_HOPS/);
    expect(() => parseEnv({ TRUST_PROXY_HOPS: "one" })).toThrow(/TRUST_PROXY_HOPS/);
  });
});

describe("rules decided by APP_URL alone", () => {
  it("knows a loopback address from a public one", () => {
    for (const url of ["http://localhost:3000", "http://127.0.0.1", "http://127.8.9.10:80", "http://[::1]:3000"]) expect(isLocalAppUrl({ APP_URL: url })).toBe(true);
    for (const url of ["https://coach.example.com", "http://192.168.1.20:3000", "http://localhost.example.com", "http://127.0.0.1.example.com"]) {
      expect(isLocalAppUrl({ APP_URL: url })).toBe(false);
    }
  });

  it("opens laptop conveniences only on a loopback APP_URL without a Resend key", () => {
    expect(laptopConveniencesEnabled({ APP_URL: "http://localhost:3000", RESEND_API_KEY: undefined })).toBe(true);
    expect(laptopConveniencesEnabled({ APP_URL: "http://localhost:3000", RESEND_API_KEY: "re_live" })).toBe(false);
    expect(laptopConveniencesEnabled({ APP_URL: "https://coach.example.com", RESEND_API_KEY: undefined })).toBe(false);
  });

  it("makes cookies Secure, and names the session cookie, from APP_URL's scheme", () => {
    expect(appUsesHttps({ APP_URL: "https://coach.example.com" })).toBe(true);
    expect(sessionCookieName({ APP_URL: "https://coach.example.com" })).toBe("__Secure-authjs.session-token");
    expect(appUsesHttps({ APP_URL: "http://localhost:3000" })).toBe(false);
    expect(sessionCookieName({ APP_URL: "http://localhost:3000" })).toBe("authjs.session-token");
  });
});
