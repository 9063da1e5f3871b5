import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const READY_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 15_000;

export type RunningServer = { baseUrl: string; stop: () => Promise<void> };

/**
 * Starts the production build (`next start`) the way a coach would meet it:
 * a fresh embedded database seeded with the demo practice, email kept in the
 * dev mailbox (no RESEND_API_KEY), and a fast dispatcher. `extraEnv` adds or
 * overrides settings (e.g. TEND_TEST_CLOCK); a value of `undefined` removes
 * one. `stop()` ends it and deletes its data.
 */
export async function startProductionServer(extraEnv: ExtraEnv = {}): Promise<RunningServer> {
  const { server, baseUrl, output, teardown } = await spawnProductionServer(extraEnv);
  try {
    // The server listens on 127.0.0.1 only; ask there so no IPv6 lookup of localhost can stall the poll.
    await waitUntilReady(`http://127.0.0.1:${new URL(baseUrl).port}`, server);
  } catch (error) {
    await teardown();
    throw new Error(`${(error as Error).message}\n--- next start output ---\n${output()}`);
  }
  return { baseUrl, stop: teardown };
}

/**
 * Starts the production build with settings it should refuse, and waits for
 * it to stop on its own. Returns its exit code and everything it printed;
 * a server that is still up after `timeoutMs` (it accepted the settings) is
 * stopped and reported with code null.
 */
export async function runRefusedProductionServer(
  extraEnv: ExtraEnv,
  timeoutMs = 60_000,
): Promise<{ code: number | null; output: string }> {
  const { server, output, teardown } = await spawnProductionServer(extraEnv);
  const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
  const code = await Promise.race([exited, new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs))]);
  await teardown();
  return { code, output: output() };
}

type ExtraEnv = Record<string, string | undefined>;

async function spawnProductionServer(extraEnv: ExtraEnv) {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    throw new Error("E2E tests run against the production build, and there is none: run `npm run build` first.");
  }

  const port = await freePort();
  // APP_URL is the address the browser uses: every link, the magic link too, is
  // built from it, and the session cookie is set for the origin it names.
  const baseUrl = `http://localhost:${port}`;
  const dataDir = path.join(".data", `e2e-${randomBytes(6).toString("hex")}`);
  mkdirSync(path.join(root, ".data"), { recursive: true });

  const env: NodeJS.ProcessEnv = { ...process.env };
  // Mail must land in the dev mailbox, and the database must be the fresh PGlite one.
  for (const name of ["DATABASE_URL", "TEST_SERVER_DATABASE_URL", "RESEND_API_KEY", "RESEND_BASE_URL", "AUTH_URL", "NEXTAUTH_URL", "TRUST_PROXY_HOPS"]) {
    delete env[name];
  }
  Object.assign(env, {
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PGLITE_DIR: dataDir,
    TEND_SEED_DEMO: "true",
    APP_URL: baseUrl,
    AUTH_SECRET: randomBytes(32).toString("hex"),
    DISPATCH_INTERVAL_SECONDS: "1",
    TEND_RATE_LIMIT: "off",
  });
  for (const [name, value] of Object.entries(extraEnv)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }

  const server = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env,
    // Its own process group, so teardown stops the server and anything it started.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  server.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));

  const teardown = async () => {
    await stop(server);
    rmSync(path.join(root, dataDir), { recursive: true, force: true });
  };
  return { server, baseUrl, output: () => log, teardown };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === "object" ? resolve(address.port) : reject(new Error("No free port"))));
    });
  });
}

async function waitUntilReady(baseUrl: string, server: ChildProcess) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`The production server exited (${server.exitCode ?? server.signalCode}) before it was ready.`);
    }
    try {
      const response = await fetch(`${baseUrl}/`, { redirect: "manual", signal: AbortSignal.timeout(10_000) });
      if (response.status === 200) return;
      last = `GET / answered ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The production server at ${baseUrl} was not ready within ${READY_TIMEOUT_MS / 1000} s (${last}).`);
}

async function stop(server: ChildProcess) {
  if (server.exitCode !== null || server.signalCode !== null || server.pid === undefined) return;
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  signalGroup(server.pid, "SIGTERM");
  // PGlite flushes its files on a clean shutdown; give it the time, then insist.
  const timer = setTimeout(() => signalGroup(server.pid!, "SIGKILL"), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

function signalGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}
