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
 * overrides settings (e.g. TEND_TEST_CLOCK). `stop()` ends it and deletes
 * its data.
 */
export async function startProductionServer(extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    throw new Error("E2E tests run against the production build, and there is none: run `npm run build` first.");
  }

  const port = await freePort();
  // "localhost", not 127.0.0.1: Next rewrites loopback hosts to "localhost" in the
  // request URL Auth.js sees, so any other spelling sends the magic-link
  // callback's redirect to a different origin from the one the browser is on.
  const baseUrl = `http://localhost:${port}`;
  const dataDir = path.join(".data", `e2e-${randomBytes(6).toString("hex")}`);
  mkdirSync(path.join(root, ".data"), { recursive: true });

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PGLITE_DIR: dataDir,
    TEND_SEED_DEMO: "true",
    APP_URL: baseUrl,
    AUTH_SECRET: randomBytes(32).toString("hex"),
    DISPATCH_INTERVAL_SECONDS: "1",
    TEND_RATE_LIMIT: "off",
    ...extraEnv,
  };
  // Mail must land in the dev mailbox, and the database must be the fresh PGlite one.
  for (const name of ["DATABASE_URL", "TEST_SERVER_DATABASE_URL", "RESEND_API_KEY", "RESEND_BASE_URL", "AUTH_URL", "NEXTAUTH_URL"]) {
    delete env[name];
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

  try {
    // The server listens on 127.0.0.1 only; ask there so no IPv6 lookup of localhost can stall the poll.
    await waitUntilReady(`http://127.0.0.1:${port}`, server);
  } catch (error) {
    await teardown();
    throw new Error(`${(error as Error).message}\n--- next start output ---\n${log}`);
  }

  return { baseUrl, stop: teardown };
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
