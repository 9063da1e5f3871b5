import { z } from "@/lib/zod";

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
  // Required when serving in production (see productionProblems); elsewhere it defaults to LOCAL_APP_URL.
  APP_URL: optionalString.pipe(z.url({ protocol: /^https?$/, error: "Give the public address as an http(s) URL." }).optional()),
  AUTH_SECRET: optionalString,
  /** 32 bytes, base64: encrypts what clients write (src/server/crypto/sealed.ts). */
  TEND_DATA_KEY: optionalString,
  /** Older data keys, comma-separated, still accepted for reading until `npm run keys:rotate`. */
  TEND_DATA_KEY_PREVIOUS: optionalString,
  EMAIL_FROM: z.string().trim().min(3).default("Tend <hello@tend.test>"),
  RESEND_API_KEY: optionalString,
  RESEND_BASE_URL: optionalUrl.optional(),
  /** Requests a second Resend allows this team (2 unless Resend raised it); shared by every instance. */
  EMAIL_RATE_PER_SECOND: z.coerce.number().positive().max(1000).default(2),
  CRON_SECRET: optionalString,
  STRIPE_SECRET_KEY: optionalString,
  STRIPE_WEBHOOK_SECRET: optionalString,
  /** on (default): each practice connects its own Stripe account (Connect); off: the platform account takes the payments. */
  STRIPE_CONNECT: z
    .enum(["on", "off"])
    .default("on")
    .transform((v) => v === "on"),
  /** Where the Stripe SDK sends requests instead of api.stripe.com (tests, local fakes). */
  STRIPE_API_BASE: optionalString.pipe(z.url({ protocol: /^https?$/, error: "Give STRIPE_API_BASE as an http(s) URL." }).optional()),
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
  /** How many reverse proxies in front of Tend append to X-Forwarded-For (0: Tend faces the internet). */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
});

/** The address a laptop run uses when APP_URL is not given (never in production). */
const LOCAL_APP_URL = "http://localhost:3000";

export type Env = Omit<z.infer<typeof envSchema>, "APP_URL"> & { APP_URL: string };

let cached: Env | undefined;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) throw configurationError(result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  const problems = servesProduction(source) ? productionProblems(result.data) : [];
  if (problems.length > 0) throw configurationError(problems);
  return { ...result.data, APP_URL: result.data.APP_URL ?? LOCAL_APP_URL };
}

function configurationError(lines: string[]) {
  return new Error(`Invalid environment configuration (see .env.example):\n${lines.map((line) => `  ${line}`).join("\n")}`);
}

/** `next start` and anything else run with NODE_ENV=production, except `next build`, which serves nobody. */
function servesProduction(source: Record<string, string | undefined>): boolean {
  return source.NODE_ENV === "production" && source.NEXT_PHASE !== "phase-production-build";
}

/**
 * What a production server refuses to start with, rather than guessing: no
 * APP_URL (links in email would point at localhost), and, on a public
 * address, a generated AUTH_SECRET or data key, or the testing switches. A production
 * build on a laptop stays one line: `APP_URL=http://localhost:3000 npm start`.
 */
function productionProblems(settings: z.infer<typeof envSchema>): string[] {
  if (!settings.APP_URL) {
    return [
      "APP_URL: required in production. Set it to the address people use, like https://coach.example.com " +
        `(for a production build on this machine: APP_URL=${LOCAL_APP_URL} npm start).`,
    ];
  }
  if (isLocalAppUrl({ APP_URL: settings.APP_URL })) return [];
  const problems: string[] = [];
  if (!settings.AUTH_SECRET) {
    problems.push("AUTH_SECRET: required in production unless APP_URL is a loopback address. Generate one with `openssl rand -base64 32`.");
  }
  if (!settings.TEND_DATA_KEY) {
    problems.push("TEND_DATA_KEY: required in production unless APP_URL is a loopback address (it encrypts what clients write). Generate one with `openssl rand -base64 32`.");
  }
  if (settings.TEND_TEST_CLOCK) problems.push("TEND_TEST_CLOCK: refused in production on a public APP_URL (it moves the server's clock).");
  if (!settings.TEND_RATE_LIMIT) problems.push("TEND_RATE_LIMIT: `off` is refused in production on a public APP_URL.");
  return problems;
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
 * True when the app is served on this machine only: APP_URL is a loopback
 * address (localhost, 127.x.x.x, [::1]). Production conveniences that would
 * be unsafe on the internet (a generated AUTH_SECRET, the testing switches)
 * are allowed only then.
 */
export function isLocalAppUrl(settings: Pick<Env, "APP_URL"> = env()): boolean {
  const { hostname } = new URL(settings.APP_URL);
  return hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * THE rule for everything meant only for a developer's laptop: the dev
 * mailbox (which shows everyone's sign-in links) and billing's test
 * checkout. They exist only where APP_URL is a loopback address and no real
 * email key is set; everywhere else their routes answer 404, whatever the
 * request's headers claim. Settings decide, never the request.
 */
export function laptopConveniencesEnabled(settings: Pick<Env, "APP_URL" | "RESEND_API_KEY"> = env()): boolean {
  return isLocalAppUrl(settings) && !settings.RESEND_API_KEY;
}

/** Cookies are `Secure` (and `__Secure-`/`__Host-` prefixed) exactly when APP_URL is https, never because a header says so. */
export function appUsesHttps(settings: Pick<Env, "APP_URL"> = env()): boolean {
  return new URL(settings.APP_URL).protocol === "https:";
}

/** Auth.js's database-session cookie; the Auth.js config and proxy.ts both read the name here. */
export function sessionCookieName(settings: Pick<Env, "APP_URL"> = env()): string {
  return `${appUsesHttps(settings) ? "__Secure-" : ""}authjs.session-token`;
}
