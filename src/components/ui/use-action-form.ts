"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import type { ServerAction } from "@/lib/action-result";

/**
 * useActionState plus the details every form here needs:
 * - `values`: what the person typed, echoed back on failure, so nothing is lost;
 * - `formKey`: changes with each result, so uncontrolled fields pick up the
 *   echoed values (or fresh saved ones) instead of React's reset-to-default;
 * - focus moves to the first field with an error, so keyboard and
 *   screen-reader users land where the problem is.
 */
export function useActionForm<T>(action: ServerAction<T>) {
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;

  const [seen, setSeen] = useState(state);
  const [formKey, setFormKey] = useState(0);
  if (state !== seen) {
    setSeen(state);
    setFormKey((k) => k + 1);
  }

  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!failed?.fieldErrors) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [failed]);

  return {
    state,
    formAction,
    pending,
    formKey,
    formRef,
    failed,
    errors: failed?.fieldErrors ?? {},
    /** Echoed input after a failed submit; undefined otherwise. */
    values: failed?.values,
  };
}
