/**
 * Email at scale: 10,000 due messages (2,000 confirmations with an .ics
 * invite, 8,000 without attachments) sent through the Resend stand-in,
 * which enforces 50 requests a second, by two dispatchers sharing the
 * governor (EMAIL_RATE_PER_SECOND=50). Prints one line:
 *
 *   email-throughput: delivered=N duplicates=D failed=F seconds=S ideal=I
 *
 * `delivered`: distinct messages the stand-in accepted; `duplicates`: the
 * ones it delivered more than once; `failed`: outbox rows not `sent` at the
 * end; `seconds`: from the dispatchers' start to the last one finishing;
 * `ideal`: the least time the limit allows (attachment-free mail in batches
 * of 100, one request per invite). Goal: D = 0, F = 0, S within 15% of I.
 *
 * With DATABASE_URL or TEST_SERVER_DATABASE_URL (a Postgres server) each
 * dispatcher is its own process on its own connection, in a throwaway
 * database; without, both run in one process on an embedded PGlite
 * directory (one connection, interleaved, rendering on one core).
 *
 *   npx tsx --conditions=react-server bench/email-throughput.ts
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import postgres from "postgres";
import { startFakeResend } from "../tests/support/fake-resend";

const TOTAL = 10_000;
const WITH_INVITE = 2_000;
const RATE = 50;
const BATCH = 100;
const ROOT = path.resolve(__dirname, "..");

type Database = { env: Record<string, string>; shared: boolean; drop: () => Promise<void> };

async function createDatabase(): Promise<Database> {
  const server = process.env.DATABASE_URL ?? process.env.TEST_SERVER_DATABASE_URL;
  if (!server) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tend-email-bench-"));
    return { env: { PGLITE_DIR: dir }, shared: false, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `tend_bench_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    shared: true,
    drop: async () => {
      const again = postgres(server, { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}

/** A worker process (bench/email-worker.ts); resolves with its last JSON line once it exits. */
function worker(args: string[], env: Record<string, string>, onLine?: (line: string) => void) {
  const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["--tsconfig", "bench/tsconfig.worker.json", "bench/email-worker.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, NODE_ENV: "production", APP_URL: "http://localhost:3000", TEND_SEED_DEMO: "false" },
    stdio: ["pipe", "pipe", "inherit"],
  });
  let last = "";
  let buffered = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    buffered += chunk.toString("utf8");
    const lines = buffered.split("\n");
    buffered = lines.pop()!;
    for (const line of lines) {
      // Pino's lines carry a level; the worker's own are bare.
      if (line.includes('"level"')) continue;
      last = line;
      onLine?.(line);
    }
  });
  const done = new Promise<string>((resolve, reject) =>
    child.on("exit", (code) => (code === 0 ? resolve(last) : reject(new Error(`email-worker ${args[0]} exited with ${code}`)))),
  );
  return { child, done };
}

export async function benchEmailThroughput() {
  const fake = await startFakeResend({ keepContent: false });
  fake.setRateLimit(RATE);
  const database = await createDatabase();
  try {
    const env = { ...database.env, RESEND_BASE_URL: fake.url, EMAIL_RATE_PER_SECOND: String(RATE) };
    // Migrates the fresh database and writes the messages through enqueueEmail.
    await worker(["seed", String(TOTAL), String(WITH_INVITE)], env).done;

    const processes = database.shared ? [1, 1] : [2];
    let ready = 0;
    let started = 0;
    const workers = processes.map((dispatchers) =>
      worker(["dispatch", String(dispatchers)], env, (line) => {
        if (line !== "ready") return;
        ready++;
        if (ready < processes.length) return;
        started = performance.now();
        for (const w of workers) w.child.stdin!.write("go\n");
      }),
    );
    await Promise.all(workers.map((w) => w.done));
    const seconds = (performance.now() - started) / 1000;

    const counts = JSON.parse(await worker(["report"], env).done) as Record<string, number>;
    const perRecipient = new Map<string, number>();
    for (const { body } of fake.delivered) perRecipient.set(String(body.to), (perRecipient.get(String(body.to)) ?? 0) + 1);
    const duplicates = [...perRecipient.values()].reduce((sum, n) => sum + n - 1, 0);
    const failed = TOTAL - (counts.sent ?? 0);
    const ideal = (Math.ceil((TOTAL - WITH_INVITE) / BATCH) + WITH_INVITE) / RATE;
    console.log(
      `email-throughput: delivered=${perRecipient.size} duplicates=${duplicates} failed=${failed} seconds=${seconds.toFixed(1)} ideal=${ideal.toFixed(1)}`,
    );
    console.log(
      `  (${fake.requests.length} requests, ${fake.throttled()} refused with 429; ${database.shared ? "two processes on Postgres" : "one process on PGlite"}; goal: duplicates=0 failed=0, seconds within 15% of ideal)`,
    );
  } finally {
    await fake.close();
    await database.drop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchEmailThroughput().catch((error: Error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
