import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { customType } from "drizzle-orm/pg-core";
import { env, isLocalAppUrl } from "@/lib/env";

/**
 * Encryption at rest for what clients write: intake answers, session notes,
 * homework reflections. AES-256-GCM from node:crypto, keyed by TEND_DATA_KEY
 * (32 bytes, base64). A sealed value is one text:
 *
 *     enc:v1:<key id>:<iv>:<ciphertext>:<tag>      (base64url parts)
 *
 * The key id (8 hex digits of the key's SHA-256) says which key sealed it, so
 * `npm run keys:rotate` can re-seal old values after a new key is set and the
 * old one moved to TEND_DATA_KEY_PREVIOUS. GCM's tag makes any change to a
 * stored value an error on read instead of silently wrong text.
 *
 * Domain code never calls this for each field: schema columns declared with
 * `sealedText()` / `sealedJson()` seal on write and open on read, so the
 * plaintext exists only in the server's memory.
 */

const PREFIX = "enc:v1:";
const SEALED = /^enc:v1:([0-9a-f]{8}):([A-Za-z0-9_-]+):([A-Za-z0-9_-]*):([A-Za-z0-9_-]+)$/;
const KEY_BYTES = 32;
const IV_BYTES = 12;

export type DataKey = { id: string; key: Buffer };
export type Keyring = { current: DataKey; previous: DataKey[] };

export class SealedDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SealedDataError";
  }
}

/** A key from its base64 text; refuses anything but 32 bytes. */
export function dataKeyFrom(base64: string, name = "TEND_DATA_KEY"): DataKey {
  const key = Buffer.from(base64.trim(), "base64");
  if (key.length !== KEY_BYTES) {
    throw new Error(`${name} must be ${KEY_BYTES} bytes, base64-encoded (generate one with \`openssl rand -base64 32\`).`);
  }
  return { id: crypto.createHash("sha256").update(key).digest("hex").slice(0, 8), key };
}

export function sealWith(keyring: Keyring, plaintext: string): string {
  const { id, key } = keyring.current;
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  // The header is authenticated too: a value can't be passed off as sealed by another key or version.
  cipher.setAAD(Buffer.from(`${PREFIX}${id}`));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${PREFIX}${id}:${iv.toString("base64url")}:${ciphertext.toString("base64url")}:${cipher.getAuthTag().toString("base64url")}`;
}

export function openWith(keyring: Keyring, sealed: string): string {
  const match = SEALED.exec(sealed);
  if (!match) throw new SealedDataError("A value that should be encrypted is not in the sealed format.");
  const [, id, iv, ciphertext, tag] = match as unknown as [string, string, string, string, string];
  const dataKey = [keyring.current, ...keyring.previous].find((k) => k.id === id);
  if (!dataKey) {
    throw new SealedDataError(`No data key with id ${id} is configured: set it as TEND_DATA_KEY or list it in TEND_DATA_KEY_PREVIOUS.`);
  }
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", dataKey.key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(`${PREFIX}${id}`));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SealedDataError(`A sealed value (key ${id}) failed its integrity check: it was altered or is corrupt.`);
  }
}

export function isSealed(value: string): boolean {
  return SEALED.test(value);
}

/** The key id a sealed value names, or null for anything else. */
export function sealedKeyId(value: string): string | null {
  return SEALED.exec(value)?.[1] ?? null;
}

// ---------------------------------------------------------------------------------------------
// The server's keyring, from the environment (or, on a laptop, a key kept in .data/).

let cached: Keyring | undefined;

/**
 * TEND_DATA_KEY is required in production on a public APP_URL; a local run
 * (development, tests without one, a production build on localhost) creates
 * one once in .data/data-key, like AUTH_SECRET. Losing that file loses the
 * local data it sealed, which is acceptable for a laptop and never happens in
 * production, where the key is a setting.
 */
export function serverKeyring(): Keyring {
  if (cached) return cached;
  const settings = env();
  const previous = (settings.TEND_DATA_KEY_PREVIOUS ?? "")
    .split(",")
    .map((k) => k.trim())
    .filter(Boolean)
    .map((k, i) => dataKeyFrom(k, `TEND_DATA_KEY_PREVIOUS (key ${i + 1})`));
  if (settings.TEND_DATA_KEY) {
    cached = { current: dataKeyFrom(settings.TEND_DATA_KEY), previous };
    return cached;
  }
  if (settings.NODE_ENV === "production" && !isLocalAppUrl(settings)) {
    throw new Error("TEND_DATA_KEY is required in production: it encrypts what clients write. Generate one with `openssl rand -base64 32`.");
  }
  cached = { current: dataKeyFrom(localKey()), previous };
  return cached;
}

/** Tests change TEND_DATA_KEY between cases. */
export function resetServerKeyring() {
  cached = undefined;
}

function localKey(): string {
  const file = path.join(process.cwd(), ".data", "data-key");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const key = crypto.randomBytes(KEY_BYTES).toString("base64");
    try {
      fs.writeFileSync(file, key, { flag: "wx", mode: 0o600 });
      return key;
    } catch {
      // Another process wrote it first: use theirs.
      return fs.readFileSync(file, "utf8").trim();
    }
  }
}

const seal = (plaintext: string) => sealWith(serverKeyring(), plaintext);
const open = (sealed: string) => openWith(serverKeyring(), sealed);

/**
 * For sensitive text kept outside a sealed column, such as a booker's note in an email's outbox
 * data: sealed with the server's key, opened with `openSealedFields()` where it is used.
 */
export const sealValue = seal;

/** A copy of `data` with the named fields opened if sealed (a plain value, from older rows, stays). */
export function openSealedFields<T extends Record<string, unknown>>(data: T, fields: readonly string[]): T {
  const out: Record<string, unknown> = { ...data };
  for (const field of fields) {
    const value = out[field];
    if (typeof value === "string" && isSealed(value)) out[field] = open(value);
  }
  return out as T;
}

// ---------------------------------------------------------------------------------------------
// Column types: declare a column sealed in the schema and domain code reads and writes plain values.

/** A text column stored sealed: `reflection: sealedText()`. */
export const sealedText = customType<{ data: string; driverData: string }>({
  dataType: () => "text",
  toDriver: (value) => seal(value),
  fromDriver: (value) => open(value),
});

/**
 * A text column that was plain text before it was sealed (the booking's `note`): it seals on
 * write like `sealedText()`, and a value still in plain text (a row written before the change)
 * reads as it is until `sealLegacyPlaintext()` (rotate.ts; run at every start and by
 * `npm run keys:rotate`) seals it. A value in the sealed format is opened, so tampering with
 * one is still an error.
 */
export const sealedLegacyText = customType<{ data: string; driverData: string }>({
  dataType: () => "text",
  toDriver: (value) => seal(value),
  fromDriver: (value) => (isSealed(value) ? open(value) : value),
});

/** Any JSON value stored sealed (as text): `answer: sealedJson<Answer>()`. */
export function sealedJson<T>() {
  return customType<{ data: T; driverData: string }>({
    dataType: () => "text",
    toDriver: (value) => seal(JSON.stringify(value)),
    fromDriver: (value) => JSON.parse(open(value)) as T,
  })();
}
