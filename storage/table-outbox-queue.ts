import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { shardOf } from '../domain/outbox/outbox-shards';
import type { OutboxMessage } from '../domain/outbox/outbox-message';
import type { DueEntry } from '../domain/outbox/outbox.repository';
import { compact } from './entity-codec';
import { BATCH_LIMIT } from './table-batch';
import { isNotFound } from './table-errors';
import { checkKey, escapeKey, joinKey, padNumber, unescapeKey } from './table-keys';
import { listUpTo, type Row } from './table-query';
import { OUTBOX_TABLE } from './table-outbox.table';

/**
 * The outbox's queue rows: one small row per unfinished message, a hint of when to look at it.
 *
 * - sharded — partition `q~{shard, 2 digits}~{minute of dueAt, 10 digits}`, row `{dueAt}~{id}`.
 *   Shard first, then time: "what is due in shard 3" is one range read from `q~03~` up to the
 *   current minute, and rows due later (other minutes) are never read. Each minute of each shard
 *   is its own partition, so busy minutes spread over many partitions.
 * - legacy — partition `queue`, row `{id}`: the layout before shards. Its rows are moved into their
 *   shards (`moveLegacy`); until then `listDue` still shows them.
 */
export const LEGACY_QUEUE = 'queue';
const QUEUE_PREFIX = 'q';
const MINUTE_MS = 60_000;

const shardPart = (shard: number): string => padNumber(shard, 2);
const minuteOf = (dueAt: string): string => padNumber(Math.floor(Date.parse(dueAt) / MINUTE_MS), 10);

export const shardPartition = (shard: number, dueAt: string): string => checkKey(OUTBOX_TABLE, 'PartitionKey', joinKey(QUEUE_PREFIX, shardPart(shard), minuteOf(dueAt)));
const shardRow = (dueAt: string, id: string): string => checkKey(OUTBOX_TABLE, 'RowKey', joinKey(dueAt, escapeKey(id)));
const legacyRow = (id: string): string => checkKey(OUTBOX_TABLE, 'RowKey', escapeKey(id));

export type Hints = Pick<DueEntry, 'conversationId' | 'tenantId'>;

export const hintsOf = (message: OutboxMessage): Hints =>
  message.target === undefined ? {} : { conversationId: message.target.conversationId, tenantId: message.target.tenantId };

export function queueEntity(entry: DueEntry & { shard: number }): Record<string, unknown> & { partitionKey: string; rowKey: string } {
  return {
    partitionKey: shardPartition(entry.shard, entry.dueAt),
    rowKey: shardRow(entry.dueAt, entry.id),
    ...compact({ id: entry.id, dueAt: entry.dueAt, conversationId: entry.conversationId, tenantId: entry.tenantId }),
  };
}

/** Where a message is queued when it is queued at its own `dueAt`. */
export const entryOf = (message: OutboxMessage, dueAt = message.dueAt): DueEntry & { shard: number } => ({
  id: message.id,
  dueAt,
  shard: shardOf(message.recipientKey),
  ...hintsOf(message),
});

const keyOf = (entry: DueEntry): [string, string] =>
  entry.shard === undefined ? [LEGACY_QUEUE, legacyRow(entry.id)] : [shardPartition(entry.shard, entry.dueAt), shardRow(entry.dueAt, entry.id)];

function entryFromRow(row: Row): DueEntry {
  const legacy = row.partitionKey === LEGACY_QUEUE;
  const entry: DueEntry = {
    id: legacy ? unescapeKey(row.rowKey) : String(row['id']),
    dueAt: String(row['dueAt']),
  };
  if (!legacy) entry.shard = Number(row.partitionKey.split('~')[1]);
  if (typeof row['conversationId'] === 'string') entry.conversationId = row['conversationId'];
  if (typeof row['tenantId'] === 'string') entry.tenantId = row['tenantId'];
  return entry;
}

const byDueAt = (a: DueEntry, b: DueEntry): number => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0);

/** One shard's due rows: a range over its partitions up to this minute, rows up to this instant. */
export async function listDueInShard(client: TableClient, shard: number, now: Date, limit: number): Promise<DueEntry[]> {
  const at = now.toISOString();
  const from = joinKey(QUEUE_PREFIX, shardPart(shard), '');
  const to = shardPartition(shard, at);
  // Row keys start with the ISO due time (fixed width), so `lt at + 0x7F` means "due at or before now".
  const rows = await listUpTo(client, odata`PartitionKey ge ${from} and PartitionKey le ${to} and RowKey lt ${`${at}\u007f`}`, limit);
  return rows.map(entryFromRow);
}

/** Due rows of every shard and of the old queue (status, tests): not for the delivery loop. */
export async function listDueEverywhere(client: TableClient, now: Date, limit: number): Promise<DueEntry[]> {
  const at = now.toISOString();
  const from = joinKey(QUEUE_PREFIX, '');
  const to = joinKey(QUEUE_PREFIX, '\u007f');
  const [sharded, legacy] = await Promise.all([
    listUpTo(client, odata`PartitionKey ge ${from} and PartitionKey lt ${to} and dueAt le ${at}`, limit),
    listUpTo(client, odata`PartitionKey eq ${LEGACY_QUEUE} and dueAt le ${at}`, limit),
  ]);
  // A message may have two hints for a moment (a row moved, or filed in both layouts): count it once.
  const entries = [...sharded, ...legacy].map(entryFromRow).sort(byDueAt);
  const seen = new Set<string>();
  return entries.filter((entry) => !seen.has(entry.id) && seen.add(entry.id) !== undefined).slice(0, limit);
}

export async function deleteQueueRows(client: TableClient, entries: readonly DueEntry[]): Promise<void> {
  const byPartition = new Map<string, Set<string>>();
  for (const entry of entries) {
    const [partition, row] = keyOf(entry);
    byPartition.set(partition, (byPartition.get(partition) ?? new Set()).add(row));
  }
  const gone = (error: unknown): void => {
    if (!isNotFound(error)) throw error;
  };
  for (const [partition, rowSet] of byPartition) {
    const rows = [...rowSet];
    for (let start = 0; start < rows.length; start += BATCH_LIMIT) {
      const chunk = rows.slice(start, start + BATCH_LIMIT);
      try {
        await client.submitTransaction(chunk.map((rowKey): TransactionAction => ['delete', { partitionKey: partition, rowKey }]));
      } catch (error) {
        // One of them was gone already (the whole transaction fails): delete one by one.
        gone(error);
        await Promise.all(chunk.map((rowKey) => client.deleteEntity(partition, rowKey).catch(gone)));
      }
    }
  }
}

/** Old-layout rows, oldest first, for the move into shards. */
export async function listLegacy(client: TableClient, limit: number): Promise<DueEntry[]> {
  return (await listUpTo(client, odata`PartitionKey eq ${LEGACY_QUEUE}`, limit)).map(entryFromRow);
}

export const legacyEntity = (id: string, dueAt: string, hints: Hints = {}): Record<string, unknown> & { partitionKey: string; rowKey: string } => ({
  partitionKey: LEGACY_QUEUE,
  rowKey: legacyRow(id),
  dueAt,
  ...compact({ ...hints }),
});
