import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import type { NextAuthConfig } from "next-auth";
import { appUsesHttps, env, sessionCookieName } from "@/lib/env";
import { safeCallbackUrl } from "@/lib/safe-next";
import { emailSchema } from "@/lib/validation";
import { getDb } from "@/server/db/client";
import { accounts, sessions, users, verificationTokens } from "@/server/db/schema";
import { sendMagicLink } from "@/server/notifications/magic-link";
import { authSecret } from "./secret";

const MAGIC_LINK_MAX_AGE_SECONDS = 30 * 60;

/**
 * Auth.js configuration, built per request (lazily) so nothing touches the
 * database or the secret while `next build` imports this module. Sessions
 * live in the database: signing out or deleting a session ends it at once.
 */
export function authConfig(): NextAuthConfig {
  const settings = env();
  // Auth.js builds every absolute URL it makes (the magic link, its redirects)
  // from AUTH_URL when that is set, and otherwise from the request's Host,
  // X-Forwarded-Host and X-Forwarded-Proto, which any client can forge to
  // get a genuine sign-in email whose link hands the token to another site.
  // Pinned here, before each use (next-auth reads process.env on every call),
  // APP_URL is the only origin it can pick.
  process.env.AUTH_URL = new URL(settings.APP_URL).origin;
  return {
    adapter: DrizzleAdapter(getDb(), {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    }),
    secret: authSecret(),
    // The host is APP_URL's (above), so there is nothing left to distrust.
    trustHost: true,
    // From APP_URL, not from a forwarded header: https means Secure cookies.
    useSecureCookies: appUsesHttps(settings),
    cookies: { sessionToken: { name: sessionCookieName(settings) } },
    session: { strategy: "database", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/signin", verifyRequest: "/check-email", error: "/signin" },
    callbacks: {
      // After sign-in (and in the mailed link), only ever a path on APP_URL's origin.
      redirect: ({ url }) => safeCallbackUrl(url, settings.APP_URL),
    },
    providers: [
      {
        id: "email",
        type: "email",
        name: "Email",
        maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
        // Magic links are the one email sent directly rather than through the
        // outbox: the person is waiting for it right now.
        sendVerificationRequest: ({ identifier, url }) =>
          sendMagicLink(identifier, url, { expiresInMinutes: MAGIC_LINK_MAX_AGE_SECONDS / 60 }),
        // Replacing Auth.js's normaliser means validating here too: one address, well formed.
        normalizeIdentifier: (identifier) => {
          const parsed = emailSchema.safeParse(identifier);
          if (!parsed.success) throw new Error("Invalid email address format.");
          return parsed.data;
        },
        options: {},
      },
    ],
  };
}
