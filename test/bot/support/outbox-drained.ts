import type { Storage } from '../../../storage';

/**
 * Resolves once the outbox holds nothing unfinished: every queued message was delivered or given
 * up on. Instead of a fixed sleep ("wait 2.5 s for nothing more"), a test waits for exactly this.
 */
export async function outboxDrained(storage: Pick<Storage, 'outbox'>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  const farFuture = new Date(Date.now() + 365 * 86_400_000);
  for (;;) {
    if ((await storage.outbox.listDue(farFuture, 1)).length === 0) return;
    if (Date.now() > until) throw new Error(`the outbox still had work after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
