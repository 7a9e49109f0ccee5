import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { BATCH_LIMIT } from './table-batch';
import { OutboxMessage } from '../domain/outbox/outbox-message';
import { waitsForReach } from '../domain/outbox/outbox.rules';
import type { DueEntry, OutboxRepository } from '../domain/outbox/outbox.repository';
import { compact, dataOf, fromJson, joinText, splitText, toJson } from './entity-codec';
import { assertEntityFits } from './entity-size';
import { isConflict, isNotFound, mapWriteError } from './table-errors';
import { checkKey, escapeKey, joinKey, padNumber, prefixBounds } from './table-keys';
import { listAll, listUpTo, type Row } from './table-query';
import { OUTBOX_TABLE, type OutboxTable } from './table-outbox.table';
import { deleteQueueRows, entryOf, hintsOf, listDueEverywhere, listDueInShard, listLegacy, queueEntity } from './table-outbox-queue';
import { createShardLeases } from './table-outbox-shards';
import { doneEntity, doneKeyOf, filesAsDone, indexFinishedAfter, listDoneBefore } from './table-outbox-done';

/**
 * Table `outbox`, these kinds of row:
 * - message  — partition `m~{id}`, row `message`: the truth about one message (its status is its
 *   lease: updates carry If-Match). One partition per message, so point reads and conditional writes
 *   never contend across messages.
 * - queue    — partitions `q~{shard}~{minute}`, row `{dueAt}~{id}`: one small row per unfinished
 *   message (table-outbox-queue.ts). "What is due in a shard" is one range read that touches only
 *   rows due by now (finished messages leave the queue), so it stays cheap however many messages
 *   were ever sent or are scheduled for later. The row is a hint; the message row decides.
 * - causer   — partition `c~{userId}`, row `{inverted enqueue time}~{id}`: who caused what, newest first.
 * - subject  — partition `s~{type}~{subjectId}`, row `{recipientKey}~{id}`: the deliveries of an
 *   agenda, case or item, so the feature can find the activity to update in place.
 * - waiting  — partition `w~{userId}`, row `{id}`: messages that could not reach that person yet,
 *   so they go once the person can be reached. Written when a message becomes such; a row whose
 *   message has moved on is dropped when the partition is next read (no extra write on the hot path).
 * - done     — partition `done~{day}`, row `{id}`: finished messages by the day their retention
 *   weeks count from (table-outbox-done.ts), so retention reads only the days that expired.
 *
 * `add` writes the queue row before the message row: a crash in between leaves a queue row without a
 * message, which the worker simply removes (the caller's enqueue failed and it will try again). The
 * other order could leave a message no worker would ever find.
 */
const MESSAGE_ROW = 'message';
const MAX_TIME = 9_999_999_999_999;

const messagePartition = (id: string): string => checkKey(OUTBOX_TABLE, 'PartitionKey', joinKey('m', escapeKey(id)));
const waitingRow = (id: string): string => checkKey(OUTBOX_TABLE, 'RowKey', escapeKey(id));
const causerPartition = (userId: string): string => checkKey(OUTBOX_TABLE, 'PartitionKey', joinKey('c', escapeKey(userId)));
const subjectPartition = (type: string, id: string): string => checkKey(OUTBOX_TABLE, 'PartitionKey', joinKey('s', escapeKey(type), escapeKey(id)));
const waitingPartition = (userId: string): string => checkKey(OUTBOX_TABLE, 'PartitionKey', joinKey('w', escapeKey(userId)));

/**
 * The activity as JSON with every non-ASCII character escaped (`\u00f8`): the same JSON to any
 * reader, and immune to Azurite's corruption of multi-byte characters that straddle request chunks
 * (Azure/Azurite#2670, open in 3.35), which a card of some 100 KB of Danish text would hit.
 */
const asciiJson = (value: unknown): string =>
  JSON.stringify(value).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);

function toEntity(message: OutboxMessage): Record<string, unknown> & { partitionKey: string; rowKey: string } {
  const { version: _version, recipient, target, activity, operation, subject, ...plain } = message;
  const entity = {
    partitionKey: messagePartition(message.id),
    rowKey: MESSAGE_ROW,
    ...compact({ ...plain, recipient: toJson(recipient), target: toJson(target), operation: toJson(operation), subject: toJson(subject) }),
    ...splitText('activity', asciiJson(activity)),
  };
  assertEntityFits(OUTBOX_TABLE, entity);
  return entity;
}

function fromEntity(row: Row): OutboxMessage {
  const data = dataOf(row);
  const activity = joinText(row, 'activity');
  const plain: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(data)) if (!name.startsWith('activity_')) plain[name] = value;
  return OutboxMessage.parse({
    ...plain,
    recipient: fromJson(row['recipient']),
    target: fromJson(row['target']),
    operation: fromJson(row['operation']),
    subject: fromJson(row['subject']),
    activity: activity === undefined ? undefined : JSON.parse(activity),
    version: row.etag,
  });
}

/** The causer and subject index rows of a message (what `listByCauser` and `listBySubject` read). */
function indexRowsOf(message: OutboxMessage): (Record<string, string> & { partitionKey: string; rowKey: string })[] {
  const rows: (Record<string, string> & { partitionKey: string; rowKey: string })[] = [];
  if (message.causedBy !== undefined) {
    const inverted = padNumber(MAX_TIME - Date.parse(message.enqueuedAt), 13);
    rows.push({ partitionKey: causerPartition(message.causedBy), rowKey: checkKey(OUTBOX_TABLE, 'RowKey', joinKey(inverted, escapeKey(message.id))), id: message.id });
  }
  if (message.subject !== undefined) {
    rows.push({
      partitionKey: subjectPartition(message.subject.type, message.subject.id),
      rowKey: checkKey(OUTBOX_TABLE, 'RowKey', joinKey(escapeKey(message.recipientKey), escapeKey(message.id))),
      id: message.id,
      enqueuedAt: message.enqueuedAt,
    });
  }
  return rows;
}

type KeyedRow = Record<string, unknown> & { partitionKey: string; rowKey: string };

/**
 * Upserts rows in transactions: one per partition and 100 rows, side by side. Answers, for each
 * owner (a message's index in a batch) with a row in a transaction that failed, why.
 */
async function upsertInTransactions(tableClient: TableClient, rows: readonly { owner: number; row: KeyedRow }[]): Promise<Map<number, unknown>> {
  const byPartition = new Map<string, Map<string, { row: KeyedRow; owners: number[] }>>();
  for (const { owner, row } of rows) {
    const partition = byPartition.get(row.partitionKey) ?? new Map<string, { row: KeyedRow; owners: number[] }>();
    byPartition.set(row.partitionKey, partition);
    // One row twice in a transaction is refused: the same id twice in a batch writes it once.
    const same = partition.get(row.rowKey);
    partition.set(row.rowKey, { row, owners: [...(same?.owners ?? []), owner] });
  }
  const failed = new Map<number, unknown>();
  const chunks = [...byPartition.values()].flatMap((partition) => {
    const all = [...partition.values()];
    return Array.from({ length: Math.ceil(all.length / BATCH_LIMIT) }, (_, n) => all.slice(n * BATCH_LIMIT, (n + 1) * BATCH_LIMIT));
  });
  await Promise.all(
    chunks.map(async (chunk) => {
      try {
        await tableClient.submitTransaction(chunk.map(({ row }): TransactionAction => ['upsert', row, 'Replace']));
      } catch (error) {
        for (const { owners } of chunk) for (const owner of owners) failed.set(owner, error);
      }
    }),
  );
  return failed;
}

/**
 * The queue row just written for a key that was taken: drop it unless it is the existing message's
 * own row. A finished message needs none; an unfinished one has its own (written before its message
 * row), filed under its own due time.
 */
const isSecondHint = (existing: OutboxMessage, attempt: OutboxMessage): boolean =>
  (existing.status !== 'pending' && existing.status !== 'sending') || existing.dueAt !== attempt.dueAt;

export function createOutboxRepository(table: OutboxTable): OutboxRepository {
  const client = (): Promise<TableClient> => table.client();
  const dropQueued = async (entries: readonly DueEntry[]): Promise<void> => deleteQueueRows(await client(), entries);

  async function find(id: string): Promise<OutboxMessage | undefined> {
    try {
      return fromEntity((await (await client()).getEntity<Record<string, unknown>>(messagePartition(id), MESSAGE_ROW)) as Row);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async function writeIndexes(message: OutboxMessage): Promise<void> {
    const tableClient = await client();
    await Promise.all(indexRowsOf(message).map((row) => tableClient.upsertEntity(row, 'Replace')));
  }

  /** Reads the messages an index points at, skipping pointers to messages that never got written. */
  async function resolve(ids: readonly string[]): Promise<OutboxMessage[]> {
    const found = await Promise.all(ids.map((id) => find(id)));
    return found.filter((message): message is OutboxMessage => message !== undefined);
  }

  /**
   * `add` for many messages at once (a job's fan-out), in fewer requests: the queue rows first, in
   * transactions; then the message rows side by side, each insert-if-absent (the id decides, as in
   * `add`); then the index rows of the messages created, in transactions. An index row is written
   * only once its message exists, so a reader of the index always finds the message. A message whose
   * id was taken goes `add`'s way: that message stands and its rows are repaired. Each outcome on
   * its own: a failed transaction fails only the messages with a row in it.
   */
  async function addInTransactions(messages: readonly OutboxMessage[]): Promise<PromiseSettledResult<{ created: boolean; message: OutboxMessage }>[]> {
    const tableClient = await client();
    const outcomes: PromiseSettledResult<{ created: boolean; message: OutboxMessage }>[] = [];
    const entities = new Map<number, KeyedRow>();
    messages.forEach((message, i) => {
      try {
        entities.set(i, toEntity(message));
      } catch (error) {
        outcomes[i] = { status: 'rejected', reason: error };
      }
    });
    const notQueued = await upsertInTransactions(tableClient, [...entities.keys()].map((i) => ({ owner: i, row: queueEntity(entryOf(messages[i]!)) })));
    for (const [i, reason] of notQueued) outcomes[i] = { status: 'rejected', reason };
    const created: number[] = [];
    await Promise.all(
      [...entities].map(async ([i, entity]) => {
        if (notQueued.has(i)) return;
        const message = messages[i]!;
        try {
          const response = await tableClient.createEntity(entity);
          outcomes[i] = { status: 'fulfilled', value: { created: true, message: { ...message, version: response.etag } } };
          created.push(i);
        } catch (error) {
          if (!isConflict(error)) {
            outcomes[i] = { status: 'rejected', reason: error };
            return;
          }
          // Someone enqueued this id before: as `add` does, that message stands.
          try {
            const existing = await find(message.id);
            if (existing === undefined) throw new Error(`outbox: message ${message.id} exists and then does not`);
            await writeIndexes(existing);
            if (isSecondHint(existing, message)) await dropQueued([entryOf(message)]);
            outcomes[i] = { status: 'fulfilled', value: { created: false, message: existing } };
          } catch (repair) {
            outcomes[i] = { status: 'rejected', reason: repair };
          }
        }
      }),
    );
    // Stored but not findable by subject: failed, so the caller tries again and that repairs it.
    const notIndexed = await upsertInTransactions(tableClient, created.flatMap((i) => indexRowsOf(messages[i]!).map((row) => ({ owner: i, row }))));
    for (const [i, reason] of notIndexed) outcomes[i] = { status: 'rejected', reason };
    return outcomes;
  }

  return {
    addMany: addInTransactions,

    async add(message) {
      const entity = toEntity(message);
      const tableClient = await client();
      const queued = entryOf(message);
      await tableClient.upsertEntity(queueEntity(queued), 'Replace');
      // The index rows beside the message row, not after it: an index row whose message never got
      // written is skipped by its readers, and a second message with this key keeps the same rows.
      const [outcome, indexed] = await Promise.allSettled([tableClient.createEntity(entity), writeIndexes(message)]);
      if (outcome.status === 'fulfilled') {
        // Stored but not findable by subject: the caller's retry takes the path below and writes them again.
        if (indexed.status === 'rejected') throw indexed.reason;
        return { created: true, message: { ...message, version: outcome.value.etag } };
      }
      if (!isConflict(outcome.reason)) throw outcome.reason;
      // The key was used before: that message stands, and this call changes nothing about it.
      const existing = await find(message.id);
      if (existing === undefined) throw new Error(`outbox: message ${message.id} exists and then does not`);
      await writeIndexes(existing);
      if (isSecondHint(existing, message)) await dropQueued([queued]);
      return { created: false, message: existing };
    },

    findById: find,

    async update(message) {
      if (message.version === undefined) throw new Error('outbox: update needs the version that was read');
      try {
        const tableClient = await client();
        const entity = toEntity(message);
        // The index row first: a refused update then leaves a row the retention read drops, never a finished message no index names.
        if (filesAsDone(message)) await tableClient.upsertEntity(doneEntity(message), 'Replace');
        const response = await tableClient.updateEntity(entity, 'Replace', { etag: message.version });
        if (waitsForReach(message) && message.recipient.kind === 'user') {
          await tableClient.upsertEntity({ partitionKey: waitingPartition(message.recipient.userId), rowKey: waitingRow(message.id), id: message.id, enqueuedAt: message.enqueuedAt }, 'Replace');
        }
        return { ...message, version: response.etag };
      } catch (error) {
        return mapWriteError(error, { table: OUTBOX_TABLE, key: message.id });
      }
    },

    listDue: async (now, limit) => listDueEverywhere(await client(), now, limit),

    listDueInShard: async (shard, now, limit) => listDueInShard(await client(), shard, now, limit),

    dequeue: dropQueued,

    async requeue(message) {
      await (await client()).upsertEntity(queueEntity(entryOf(message)), 'Replace');
    },

    async reschedule(entry, dueAt) {
      if (entry.shard === undefined) throw new Error('outbox: only a sharded queue row can be rescheduled');
      const moved = { ...entry, shard: entry.shard, dueAt };
      // The new row before the old one goes: a crash in between leaves a duplicate hint, never none.
      await (await client()).upsertEntity(queueEntity(moved), 'Replace');
      await dropQueued([entry]);
      return moved;
    },

    async moveLegacyQueue(limit) {
      const tableClient = await client();
      const rows = await listLegacy(tableClient, limit);
      await Promise.all(
        rows.map(async (row) => {
          const message = await find(row.id);
          // A row whose message never got written, or is finished, has nothing left to move.
          if (message !== undefined && (message.status === 'pending' || message.status === 'sending')) {
            await tableClient.upsertEntity(queueEntity({ ...entryOf(message, row.dueAt), ...hintsOf(message) }), 'Replace');
          }
          await dropQueued([row]);
        }),
      );
      return rows.length;
    },

    shardLeases: createShardLeases(table),

    async listByCauser(userId, limit = 50) {
      const rows = await listUpTo(await client(), odata`PartitionKey eq ${causerPartition(userId)}`, limit);
      return resolve(rows.map((row) => String(row['id'])));
    },

    async listBySubject(subjectType, subjectId, recipientKey) {
      const partition = subjectPartition(subjectType, subjectId);
      let filter = odata`PartitionKey eq ${partition}`;
      if (recipientKey !== undefined) {
        const { from, to } = prefixBounds(joinKey(escapeKey(recipientKey), ''));
        filter = odata`PartitionKey eq ${partition} and RowKey ge ${from} and RowKey lt ${to}`;
      }
      const rows = await listAll(await client(), filter);
      const newestFirst = rows.sort((a, b) => String(b['enqueuedAt']).localeCompare(String(a['enqueuedAt'])));
      return resolve(newestFirst.map((row) => String(row['id'])));
    },

    async listWaiting(userId) {
      const tableClient = await client();
      const partition = waitingPartition(userId);
      const rows = await listAll(tableClient, odata`PartitionKey eq ${partition}`);
      const messages = await resolve(rows.sort((a, b) => String(a['enqueuedAt']).localeCompare(String(b['enqueuedAt']))).map((row) => String(row['id'])));
      const waiting = messages.filter(waitsForReach);
      const stale = rows.filter((row) => !waiting.some((message) => waitingRow(message.id) === row.rowKey));
      await Promise.all(
        stale.map((row) =>
          tableClient.deleteEntity(partition, row.rowKey).catch((error: unknown) => {
            if (!isNotFound(error)) throw error;
          }),
        ),
      );
      return waiting;
    },

    listFinishedBefore: async (before, limit) => listDoneBefore(await client(), find, before, limit),

    indexFinished: async (after, limit) => indexFinishedAfter(await client(), after, limit),

    async listByRecipient(userId) {
      const { from, to } = prefixBounds(joinKey('m', ''));
      const rows = await listAll(await client(), odata`PartitionKey ge ${from} and PartitionKey lt ${to} and RowKey eq ${MESSAGE_ROW} and recipientKey eq ${`user:${userId}`}`);
      return rows.map(fromEntity);
    },

    async removeFinished(messages) {
      const tableClient = await client();
      const gone = (error: unknown): void => {
        if (!isNotFound(error)) throw error;
      };
      // The old layout's rows by id; a sharded row left behind is dropped when the worker next reads it.
      await dropQueued(messages.map((message) => ({ id: message.id, dueAt: message.dueAt })));
      for (const message of messages) {
        // Indexes first, the message last: a crash in between leaves the message for the next run.
        const rows: [string, string][] = [];
        if (message.causedBy !== undefined) {
          const inverted = padNumber(MAX_TIME - Date.parse(message.enqueuedAt), 13);
          rows.push([causerPartition(message.causedBy), joinKey(inverted, escapeKey(message.id))]);
        }
        if (message.subject !== undefined) rows.push([subjectPartition(message.subject.type, message.subject.id), joinKey(escapeKey(message.recipientKey), escapeKey(message.id))]);
        if (message.recipient.kind === 'user') rows.push([waitingPartition(message.recipient.userId), waitingRow(message.id)]);
        rows.push(doneKeyOf(message));
        await Promise.all(rows.map(([partition, row]) => tableClient.deleteEntity(partition, row).catch(gone)));
        await tableClient.deleteEntity(messagePartition(message.id), MESSAGE_ROW).catch(gone);
      }
    },
  };
}
