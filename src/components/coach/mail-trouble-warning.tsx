/**
 * Tells the coach, on their Today page, that some of their practice's email
 * is not getting through (given up in the last week, or waiting for another
 * try after a failure), so they can reach clients another way.
 */
export function MailTroubleWarning({ failed, retrying }: { failed: number; retrying: number }) {
  const parts = [
    failed ? `${failed} ${failed === 1 ? "email" : "emails"} could not be delivered this week` : null,
    retrying ? `${retrying} ${retrying === 1 ? "is" : "are"} waiting to be tried again` : null,
  ].filter(Boolean);
  return (
    <div role="alert" className="mb-6 rounded-xl border border-clay-600/30 bg-clay-100 px-4 py-3 text-sm text-clay-600">
      <p className="font-medium">Some of your emails aren’t getting through.</p>
      <p className="mt-1">
        {`${parts.join(", and ")}. Clients may be missing booking confirmations or reminders: check with anyone booked soon, and let whoever runs your Tend server know.`}
      </p>
    </div>
  );
}
