import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env, isLocalAppUrl } from "@/lib/env";

/**
 * AUTH_SECRET signs session cookies and hashes magic-link tokens. Production
 * deployments must set it; on a developer's machine (or a production build
 * served on localhost) one is generated once and kept in .data/, so the two
 * README commands work with no configuration.
 */
export function authSecret(): string {
  const { AUTH_SECRET, NODE_ENV, APP_URL } = env();
  if (AUTH_SECRET) return AUTH_SECRET;
  if (NODE_ENV === "production" && !isLocalAppUrl({ APP_URL })) {
    throw new Error("AUTH_SECRET is required in production. Generate one with `openssl rand -base64 32`.");
  }
  const file = path.join(process.cwd(), ".data", "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = crypto.randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, secret, { flag: "wx", mode: 0o600 });
      return secret;
    } catch {
      // Another process wrote it first: use theirs.
      return fs.readFileSync(file, "utf8").trim();
    }
  }
}
