import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import type { NextAuthConfig } from "next-auth";
import { env } from "@/lib/env";
import { emailSchema } from "@/lib/validation";
import { getDb } from "@/server/db/client";
import { accounts, sessions, users, verificationTokens } from "@/server/db/schema";
import { sendMagicLink } from "@/server/notifications/magic-link";
import { authSecret } from "./secret";

export const MAGIC_LINK_MAX_AGE_SECONDS = 30 * 60;

/**
 * Auth.js configuration, built per request (lazily) so nothing touches the
 * database or the secret while `next build` imports this module. Sessions
 * live in the database: signing out or deleting a session ends it at once.
 */
export function authConfig(): NextAuthConfig {
  return {
    adapter: DrizzleAdapter(getDb(), {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    }),
    secret: authSecret(),
    trustHost: true,
    session: { strategy: "database", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/signin", verifyRequest: "/check-email", error: "/signin" },
    callbacks: {
      // Same-site redirects only. Next.js reports 127.0.0.1 as "localhost" to
      // Auth.js, so APP_URL's own origin is trusted as well as the request's.
      redirect: ({ url, baseUrl }) => {
        const target = new URL(url, baseUrl);
        const allowed = new Set([new URL(baseUrl).origin, new URL(env().APP_URL).origin]);
        return allowed.has(target.origin) ? target.toString() : baseUrl;
      },
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
