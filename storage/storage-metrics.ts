import { metrics, type Counter, type MeterProvider } from '@opentelemetry/api';
import { TABLES } from './table-client';

let made: { provider: MeterProvider; conflicts: Counter } | undefined;

/**
 * Counts a write refused because someone else wrote first (412): the vendor-neutral OpenTelemetry
 * API, a no-op until the bot sets telemetry up. Only the table's name goes with it.
 */
export function countStorageConflict(table: unknown): void {
  const provider = metrics.getMeterProvider();
  if (made?.provider !== provider) {
    made = { provider, conflicts: provider.getMeter('forumbot').createCounter('forumbot.storage.conflicts', { description: 'Writes refused because the row changed since it was read (412)' }) };
  }
  made.conflicts.add(1, { 'forumbot.storage.table': (TABLES as readonly unknown[]).includes(table) ? String(table) : 'other' });
}
