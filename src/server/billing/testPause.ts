/**
 * A test hook: with `TEILHABE_TEST_BILLING_PAUSE_MS` set, a billing run announces on stdout that it is inside
 * its transaction with its drafts written ("billing-run: paused") and waits that long before committing. The
 * crash and concurrency tests use it to kill or race a run in the middle. Without the variable it does nothing.
 */
export async function pauseBillingRunForTest(environment: NodeJS.ProcessEnv = process.env): Promise<void> {
  const milliseconds = Number(environment.TEILHABE_TEST_BILLING_PAUSE_MS ?? 0);
  if (!Number.isFinite(milliseconds) || milliseconds <= 0) return;
  process.stdout.write("billing-run: paused\n");
  await new Promise((resolve) => setTimeout(resolve, milliseconds));
}
