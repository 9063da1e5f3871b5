import { signOutAction } from "@/app/(auth)/actions";
import { SubmitButton } from "@/components/ui/button";

/** Signing out is a POST (a form), so a link preview or prefetch can never sign anyone out. */
export function SignOutButton({ className = "", variant = "secondary" }: { className?: string; variant?: "secondary" | "ghost" }) {
  return (
    <form action={signOutAction}>
      <SubmitButton variant={variant} pendingLabel="Signing out…" className={className}>
        Sign out
      </SubmitButton>
    </form>
  );
}
