import { buttonClass } from "@/components/ui/button-class";
import { RefreshWhileWaiting } from "./refresh-while-waiting";

/**
 * The booked page while the payment is still open: the time is held for the
 * payer until `heldUntil`, and Checkout can be reopened. The page refreshes
 * itself every few seconds, since the confirmation arrives by webhook.
 */
export function AwaitingPayment({ checkoutUrl, heldUntil, amount }: { checkoutUrl: string | null; heldUntil: string | null; amount: string }) {
  return (
    <div className="max-w-2xl">
      <RefreshWhileWaiting />
      <h1 className="font-serif text-2xl font-semibold text-ink sm:text-3xl">Waiting for your payment</h1>
      <p className="mt-4 text-ink/90" role="status">
        {`We're holding this time for you${heldUntil ? ` until ${heldUntil}` : ""}. Once your payment of ${amount} is confirmed, ` +
          "this page shows your booking and the confirmation email is sent."}
      </p>
      {checkoutUrl ? (
        <a href={checkoutUrl} className={`${buttonClass("primary")} mt-6`}>
          Continue to payment
        </a>
      ) : null}
    </div>
  );
}
