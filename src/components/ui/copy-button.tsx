"use client";

import { useState } from "react";
import { buttonClass } from "./button-class";

/** Copies a link; says so out loud (a status message) when it worked. */
export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
  const [result, setResult] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <div className="flex items-center gap-3">
      <button
        type="button"
        className={buttonClass("secondary", "shrink-0")}
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(text);
            setResult("copied");
          } catch {
            setResult("failed");
          }
        }}
      >
        {label}
      </button>
      <span role="status" className="text-sm text-brand-800">
        {result === "copied" ? "Copied." : result === "failed" ? "Couldn’t copy; select the link instead." : ""}
      </span>
    </div>
  );
}
