"use client";

import { useEffect, useState } from "react";
import type { ActionResult } from "@/lib/action-result";
import type { AnswerValue } from "@/lib/intake/model";
import { toFormValue } from "./answer-format";

export type SaveAnswer = (questionId: string, value: string | string[]) => Promise<ActionResult<{ crisis: boolean }>>;
type Status = { state: "saving" | "saved" | "retrying" | "refused"; message?: string };

/**
 * Saves each answer as it is given, one request at a time per question (the
 * latest value wins). A network failure keeps the answer and retries with
 * backoff, saying so; a refusal (a field message) is shown under the question.
 */
class Autosaver {
  private latest = new Map<string, AnswerValue | undefined>();
  private busy = new Set<string>();
  private attempts = new Map<string, number>();
  private timers = new Map<string, ReturnType<typeof setTimeout>>();
  private waiters: ((saved: boolean) => void)[] = [];

  constructor(
    private save: SaveAnswer,
    private report: (questionId: string, status: Status) => void,
  ) {}

  use(save: SaveAnswer) {
    this.save = save;
  }

  /** Queues an answer; `delay` waits for a pause in typing. */
  queue(questionId: string, value: AnswerValue | undefined, delay = 0) {
    this.latest.set(questionId, value);
    clearTimeout(this.timers.get(questionId));
    if (delay) this.timers.set(questionId, setTimeout(() => void this.flush(questionId), delay));
    else void this.flush(questionId);
  }

  retryNow() {
    for (const questionId of this.latest.keys()) {
      clearTimeout(this.timers.get(questionId));
      this.attempts.delete(questionId);
      void this.flush(questionId);
    }
  }

  /**
   * Sends whatever is waiting (a text still inside its typing pause) and
   * resolves true once everything is saved, or false as soon as a save fails
   * on the network (it keeps retrying meanwhile).
   */
  whenSaved(): Promise<boolean> {
    if (this.latest.size === 0) return Promise.resolve(true);
    const promise = new Promise<boolean>((resolve) => this.waiters.push(resolve));
    this.retryNow();
    return promise;
  }

  private settle(saved: boolean) {
    if (saved && this.latest.size > 0) return;
    for (const resolve of this.waiters.splice(0)) resolve(saved);
  }

  private async flush(questionId: string) {
    if (this.busy.has(questionId) || !this.latest.has(questionId)) return;
    this.busy.add(questionId);
    const value = this.latest.get(questionId);
    this.report(questionId, { state: "saving" });
    let retryIn = 0;
    try {
      const result = await this.save(questionId, toFormValue(value));
      this.attempts.delete(questionId);
      if (this.latest.get(questionId) === value) {
        this.latest.delete(questionId);
        this.report(questionId, result.ok ? { state: "saved" } : { state: "refused", message: result.fieldErrors?.[questionId]?.[0] ?? result.error });
      }
    } catch {
      const n = (this.attempts.get(questionId) ?? 0) + 1;
      this.attempts.set(questionId, n);
      retryIn = Math.min(30_000, 1000 * 2 ** (n - 1));
      this.report(questionId, { state: "retrying" });
    } finally {
      this.busy.delete(questionId);
    }
    if (retryIn) {
      this.timers.set(questionId, setTimeout(() => void this.flush(questionId), retryIn));
      this.settle(false);
    } else if (this.latest.has(questionId)) void this.flush(questionId);
    else this.settle(true);
  }
}

export function useAutosave(save: SaveAnswer) {
  const [status, setStatus] = useState<Record<string, Status>>({});
  const [saver] = useState(() => new Autosaver(save, (questionId, s) => setStatus((all) => ({ ...all, [questionId]: s }))));
  useEffect(() => saver.use(save), [saver, save]);

  const unsaved = Object.values(status).filter((s) => s.state === "retrying").length;

  // Leaving with answers not yet saved: the browser asks first.
  useEffect(() => {
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);

  return { status, saver, unsaved };
}

export function statusText(s: Status | undefined): string | undefined {
  if (!s) return undefined;
  if (s.state === "saving") return "Saving…";
  if (s.state === "saved") return "Saved";
  if (s.state === "retrying") return "Not saved yet: no connection. We'll keep trying.";
  return undefined;
}
