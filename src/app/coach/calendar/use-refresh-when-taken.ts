"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { timeWasTaken, type ActionFailure } from "@/lib/action-result";

/**
 * After a "that time was just taken" failure, re-render the server page so
 * the open times are fresh; what the coach typed stays in the form.
 */
export function useRefreshWhenSlotTaken(failed: ActionFailure | null | undefined) {
  const router = useRouter();
  const taken = timeWasTaken(failed);
  useEffect(() => {
    if (taken) router.refresh();
  }, [taken, failed, router]);
}
