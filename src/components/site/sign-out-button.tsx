import { SubmitButton } from "@/components/ui/button";

/**
 * Signing out is a POST (a form), so a link preview or prefetch can never sign anyone out.
 * `signOut` is the server action the layout passes in.
 */
export function SignOutButton({
  signOut,
  className = "",
  variant = "secondary",
}: {
  signOut: () => Promise<void>;
  className?: string;
  variant?: "secondary" | "ghost";
}) {
  return (
    <form action={signOut}>
      <SubmitButton variant={variant} pendingLabel="Signing out…" className={className}>
        Sign out
      </SubmitButton>
    </form>
  );
}
