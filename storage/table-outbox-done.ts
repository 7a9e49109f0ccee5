import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { isFinal, type OutboxMessage } from '../domain/outbox/outbox-message';
import { outboxRetainedFrom } from '../domain/privacy/retention.rules';
import { BATCH_LIMIT } from './table-batch';
import { isNotFound, isPreconditionFailed } from './table-errors';
import { checkKey, escapeKey, joinKey, prefixBounds } from './table-keys';
import { OUTBOX_TABLE } from './table-outbox.table';
import type { Row } from './table-query';

/**
 * The outbox's "finished by day" index, what retention reads instead of every message row:
 * partition `done~{YYYY-MM-DD}`, row `{id}`, with `at`, the instant the message's retention weeks
 * count from (its delivery, or its queueing when it never arrived). Expired messages are a range of
 * day partitions, so a pass reads what expired and nothing else, however long the history.
 *
 * Written when a message is saved in a final state (before the message row, so no finished message
 * is ever without one); a message that leaves its final state again (sent again) keeps a stale row,
 * which the retention read drops when it finds the message moved on.
 */
const DONE = 'done';
const PAGE = 1000;
/** Point reads of the messages a page of index rows names, this many at a time. */
const READ_WIDTH = 32;
const MESSAGE_ROW = 'message';

type KeyedRow = Record<string, unknown> & { partitionKey: string; rowKey: string };

const donePartition = (at: string): string => checkKey(OUTBOX_TABLE, 'PartitionKey', joinKey(DONE, at.slice(0, 10)));
const doneRow = (id: string): string => checkKey(OUTBOX_TABLE, 'RowKey', escapeKey(id));

export function doneEntity(message: Pick<OutboxMessage, 'id' | 'deliveredAt' | 'enqueuedAt'>): KeyedRow {
  const at = outboxRetainedFrom(message);
  return { partitionKey: donePartition(at), rowKey: doneRow(message.id), id: message.id, at };
}

/** The keys of a message's index row, as it is filed now. */
export const doneKeyOf = (message: OutboxMessage): [string, string] => [donePartition(outboxRetainedFrom(message)), doneRow(message.id)];

/**
 * Whether saving this message files it in the index: a final state, except a link (`linkedAt`), which
 * only follows a delivery that was filed when it was saved; so a delivery costs one index write.
 */
export const filesAsDone = (message: OutboxMessage): boolean => isFinal(message.status) && message.linkedAt === undefined;

const ignoreGoneOrMoved = (error: unknown): void => {
  if (!isNotFound(error) && !isPreconditionFailed(error)) throw error;
};

/**
 * Up to `limit` finished messages retained from before `before`, oldest day first, read through the
 * index: one range over the expired days' partitions, then a point read per message. An index row
 * whose message is gone, unfinished or filed under another instant now is deleted on the way
 * (If-Match: a row written again meanwhile stays).
 */
export async function listDoneBefore(client: TableClient, find: (id: string) => Promise<OutboxMessage | undefined>, before: Date, limit: number): Promise<OutboxMessage[]> {
  const found: OutboxMessage[] = [];
  if (limit <= 0) return found;
  const cutoff = before.toISOString();
  const from = joinKey(DONE, '');
  const filter = odata`PartitionKey ge ${from} and PartitionKey le ${donePartition(cutoff)} and at lt ${cutoff}`;
  const pages = client.listEntities<Record<string, unknown>>({ queryOptions: { filter } }).byPage({ maxPageSize: Math.min(PAGE, limit) });
  for await (const page of pages) {
    const rows = page as Row[];
    for (let start = 0; start < rows.length; start += READ_WIDTH) {
      const chunk = rows.slice(start, start + READ_WIDTH);
      const messages = await Promise.all(chunk.map((row) => find(String(row['id']))));
      const stale: Row[] = [];
      chunk.forEach((row, i) => {
        const message = messages[i];
        if (message !== undefined && isFinal(message.status) && outboxRetainedFrom(message) === row['at']) found.push(message);
        else stale.push(row);
      });
      await Promise.all(stale.map((row) => client.deleteEntity(row.partitionKey, row.rowKey, { etag: row.etag }).catch(ignoreGoneOrMoved)));
      if (found.length >= limit) return found.slice(0, limit);
    }
  }
  return found;
}

/** Where the one-off backfill stands: the last message partition it indexed, or done. */
export interface DoneBackfill {
  after?: string;
  done: boolean;
}

/**
 * The one-off backfill for messages finished before the index existed: reads up to `limit` message
 * rows after `after` (key order, only the columns it needs) and files the finished ones. Idempotent,
 * so a run that dies is simply repeated from the last stored position.
 */
export async function indexFinishedAfter(client: TableClient, after: string | undefined, limit: number): Promise<DoneBackfill & { read: number; indexed: number }> {
  const { from, to } = prefixBounds(joinKey('m', ''));
  const filter =
    after === undefined
      ? odata`PartitionKey ge ${from} and PartitionKey lt ${to} and RowKey eq ${MESSAGE_ROW}`
      : odata`PartitionKey gt ${after} and PartitionKey lt ${to} and RowKey eq ${MESSAGE_ROW}`;
  const select = ['PartitionKey', 'id', 'status', 'deliveredAt', 'enqueuedAt'];
  const pages = client.listEntities<Record<string, unknown>>({ queryOptions: { filter, select } }).byPage({ maxPageSize: Math.min(PAGE, limit) });
  const rows: KeyedRow[] = [];
  let read = 0;
  let last = after;
  let exhausted = true;
  outer: for await (const page of pages) {
    for (const entity of page as Row[]) {
      read += 1;
      last = entity.partitionKey;
      const status = entity['status'];
      if (status === 'sent' || status === 'undeliverable' || status === 'inDoubt') {
        const deliveredAt = typeof entity['deliveredAt'] === 'string' ? entity['deliveredAt'] : undefined;
        rows.push(doneEntity({ id: String(entity['id']), enqueuedAt: String(entity['enqueuedAt']), ...(deliveredAt === undefined ? {} : { deliveredAt }) }));
      }
      if (read >= limit) {
        exhausted = false;
        break outer;
      }
    }
  }
  await upsertByPartition(client, rows);
  return { ...(exhausted || last === undefined ? {} : { after: last }), done: exhausted, read, indexed: rows.length };
}

/** Upserts rows in transactions of one partition and at most 100 rows, a few at a time. */
async function upsertByPartition(client: TableClient, rows: readonly KeyedRow[]): Promise<void> {
  const byPartition = new Map<string, KeyedRow[]>();
  for (const row of rows) byPartition.set(row.partitionKey, [...(byPartition.get(row.partitionKey) ?? []), row]);
  const chunks = [...byPartition.values()].flatMap((all) => Array.from({ length: Math.ceil(all.length / BATCH_LIMIT) }, (_, n) => all.slice(n * BATCH_LIMIT, (n + 1) * BATCH_LIMIT)));
  for (let start = 0; start < chunks.length; start += 8) {
    await Promise.all(chunks.slice(start, start + 8).map((chunk) => client.submitTransaction(chunk.map((row): TransactionAction => ['upsert', row, 'Replace']))));
  }
}
