"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import type { ActionResult } from "@/server/action";

/**
 * After a "that time was just taken" failure, re-render the server page so
 * the open times are fresh; what the coach typed stays in the form.
 */
export function useRefreshWhenSlotTaken(failed: Extract<ActionResult, { ok: false }> | null | undefined) {
  const router = useRouter();
  const taken = failed?.code === "slot_taken" || failed?.code === "slot_unavailable";
  useEffect(() => {
    if (taken) router.refresh();
  }, [taken, failed, router]);
}
