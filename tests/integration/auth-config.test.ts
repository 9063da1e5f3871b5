import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { authConfig } from "@/server/auth/config";

function withAppUrl(url: string) {
  process.env.APP_URL = url;
  resetEnvCache();
  return authConfig();
}

afterEach(() => withAppUrl("http://localhost:3000"));

describe("Auth.js, configured from APP_URL alone", () => {
  it("builds its URLs from APP_URL's origin, not from the request's headers", () => {
    withAppUrl("https://coach.example.com/");
    // next-auth reads AUTH_URL (else Host / X-Forwarded-Host) on every call, after asking for this config.
    expect(process.env.AUTH_URL).toBe("https://coach.example.com");
    withAppUrl("http://localhost:3000");
    expect(process.env.AUTH_URL).toBe("http://localhost:3000");
  });

  it("makes cookies Secure, with the __Secure- session cookie proxy.ts looks for, exactly when APP_URL is https", () => {
    const https = withAppUrl("https://coach.example.com");
    expect(https.useSecureCookies).toBe(true);
    expect(https.cookies?.sessionToken?.name).toBe("__Secure-authjs.session-token");
    const http = withAppUrl("http://localhost:3000");
    expect(http.useSecureCookies).toBe(false);
    expect(http.cookies?.sessionToken?.name).toBe("authjs.session-token");
  });

  it("redirects after sign-in only to APP_URL's origin, whatever base URL it is handed", async () => {
    const { callbacks } = withAppUrl("https://coach.example.com");
    const redirect = (url: string) => callbacks!.redirect!({ url, baseUrl: "https://evil.example" });
    expect(await redirect("/home?next=%2Fcoach")).toBe("https://coach.example.com/home?next=%2Fcoach");
    expect(await redirect("https://coach.example.com/portal")).toBe("https://coach.example.com/portal");
    for (const url of ["https://evil.example/", "/\t/evil.example", "/\\evil.example", "//evil.example", "http://coach.example.com/coach"]) {
      expect(await redirect(url), url).toBe("https://coach.example.com/");
    }
  });
});
