/**
 * `npm run bench`: every benchmark, printing figures and their goals.
 * Goals are for reading, never asserted: a slow machine is not a failure.
 */
import { benchBilling } from "./billing";
import { benchClientPage } from "./client-page";
import { benchEmailThroughput } from "./email-throughput";
import { benchHomeworkPage } from "./homework-page";
import { benchIntakeScoring } from "./intake-scoring";
import { benchPageJs } from "./page-js";
import { benchSlots } from "./slots";
import { benchSlotsEndpoint } from "./slots-endpoint";

async function main() {
  await benchSlots();
  await benchIntakeScoring();
  await benchSlotsEndpoint();
  await benchPageJs();
  await benchEmailThroughput();
  await benchHomeworkPage();
  await benchClientPage();
  // Last: it points this process's settings at an in-memory database and the fake Stripe.
  await benchBilling();
}

main().catch((error: Error) => {
  console.error(error);
  process.exitCode = 1;
});
