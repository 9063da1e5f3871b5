import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lockPgliteDirectory } from "@/server/db/client";

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "tend-lock-"));

describe("the embedded database's one-process lock", () => {
  it("refuses a directory held by another live process, with a message saying what to do", () => {
    const dir = tempDir();
    // The parent process (vitest's) is alive and is not us.
    fs.writeFileSync(path.join(dir, "tend.pid"), String(process.ppid));
    expect(() => lockPgliteDirectory(dir)).toThrow(/already open in another process \(pid \d+\).*stop that process.*DATABASE_URL/s);
  });

  it("takes over a lock left by a process that has died, and releases it", () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).stdout.toString();
    fs.writeFileSync(path.join(dir, "tend.pid"), dead);
    const release = lockPgliteDirectory(dir);
    expect(fs.readFileSync(path.join(dir, "tend.pid"), "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, "tend.pid"))).toBe(false);
  });

  it("lets the same process open it again (hot reload)", () => {
    const dir = tempDir();
    lockPgliteDirectory(dir);
    expect(() => lockPgliteDirectory(dir)).not.toThrow();
  });
});
