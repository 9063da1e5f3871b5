import { z } from "zod";

/**
 * Every setting Tend reads from the environment, parsed once. A bad value
 * stops the server at start with a message naming the variable, instead of
 * failing later inside a request.
 */
const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .pipe(z.url().optional());
const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: optionalUrl.optional(),
  PGLITE_DIR: z.string().trim().min(1).default(".data/pglite"),
  APP_URL: z.url().default("http://localhost:3000"),
  AUTH_SECRET: optionalString,
  /** 32 bytes, base64: encrypts what clients write (src/server/crypto/sealed.ts). */
  TEND_DATA_KEY: optionalString,
  /** Older data keys, comma-separated, still accepted for reading until `npm run keys:rotate`. */
  TEND_DATA_KEY_PREVIOUS: optionalString,
  EMAIL_FROM: z.string().trim().min(3).default("Tend <hello@tend.test>"),
  RESEND_API_KEY: optionalString,
  RESEND_BASE_URL: optionalUrl.optional(),
  CRON_SECRET: optionalString,
  STRIPE_SECRET_KEY: optionalString,
  STRIPE_WEBHOOK_SECRET: optionalString,
  DISPATCH_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(3600).default(10),
  TEND_SEED_DEMO: z
    .enum(["true", "false", "1", "0"])
    .default("true")
    .transform((v) => v === "true" || v === "1"),
  TEND_TEST_CLOCK: optionalString.pipe(z.iso.datetime({ offset: true }).optional()),
  TEND_RATE_LIMIT: z
    .enum(["on", "off"])
    .default("on")
    .transform((v) => v === "on"),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration (see .env.example):\n${lines.join("\n")}`);
  }
  return result.data;
}

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests change variables between files; this drops the parsed copy. */
export function resetEnvCache() {
  cached = undefined;
}

/**
 * True when the app is served on this machine only (APP_URL on localhost).
 * Production conveniences that would be unsafe on the internet (a generated
 * AUTH_SECRET, the readable dev mailbox) are allowed only then.
 */
export function isLocalAppUrl(settings: Pick<Env, "APP_URL"> = env()): boolean {
  return ["localhost", "127.0.0.1", "[::1]"].includes(new URL(settings.APP_URL).hostname);
}
