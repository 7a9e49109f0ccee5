import { odata, type TransactionAction } from '@azure/data-tables';
import { z } from 'zod';
import type { BudgetLoan, BudgetNote } from '../domain/outbox/budget-lending';
import type { OutboxShardLeases, ShardLease, WorkerBeat } from '../domain/outbox/outbox-shards';
import { isConflict, isNotFound, isPreconditionFailed } from './table-errors';
import { checkKey, escapeKey, joinKey, padNumber, unescapeKey } from './table-keys';
import { listAll } from './table-query';
import { OUTBOX_TABLE, type OutboxTable } from './table-outbox.table';

/**
 * Shard leases and worker beats, partition `leases` of the outbox table: row `shard~{nn}` (holder,
 * until) and row `worker~{id}` (until; `wants`, and a budget loan as `loanFrom`, `loanUntil` and
 * `loanTo`, JSON). All in one small partition, so an instance reads the whole picture in one query
 * each round. A lease is taken with a conditional write: create when there is none (409 when
 * another instance was quicker), replace with If-Match otherwise (412).
 */
const PARTITION = 'leases';
const shardRow = (shard: number): string => joinKey('shard', padNumber(shard, 2));
const workerRow = (worker: string): string => checkKey(OUTBOX_TABLE, 'RowKey', joinKey('worker', escapeKey(worker)));

const LoanTo = z.record(z.string(), z.number().min(0).max(1));

/** The loan in a beat row; one that does not parse is read as none (it lends nothing). */
function loanOf(row: Record<string, unknown>): BudgetLoan | undefined {
  const { loanFrom: from, loanUntil: until, loanTo } = row;
  if (typeof from !== 'string' || typeof until !== 'string' || typeof loanTo !== 'string') return undefined;
  try {
    const to = LoanTo.safeParse(JSON.parse(loanTo));
    return to.success ? { from, until, to: to.data } : undefined;
  } catch {
    return undefined;
  }
}

/** The budget note of a beat row: none when it neither wants nor lends. */
function noteOf(row: Record<string, unknown>): BudgetNote | undefined {
  const wants = row['wants'] === true;
  const loan = loanOf(row);
  if (!wants && loan === undefined) return undefined;
  return { wants, ...(loan === undefined ? {} : { loan }) };
}

export function createShardLeases(table: OutboxTable): OutboxShardLeases {
  const lost = (error: unknown): boolean => isConflict(error) || isPreconditionFailed(error) || isNotFound(error);
  const leases: OutboxShardLeases = {
    async read() {
      const rows = await listAll(await table.client(), odata`PartitionKey eq ${PARTITION}`);
      const leases: ShardLease[] = [];
      const workers: WorkerBeat[] = [];
      for (const row of rows) {
        const [kind, name = ''] = row.rowKey.split('~');
        if (kind === 'shard') leases.push({ shard: Number(name), holder: String(row['holder']), until: String(row['until']), version: row.etag });
        else if (kind === 'worker') {
          const note = noteOf(row);
          workers.push({ worker: unescapeKey(name), until: String(row['until']), ...(note === undefined ? {} : { note }) });
        }
      }
      return { leases, workers };
    },

    async claim(shard, holder, until, current) {
      const client = await table.client();
      const entity = { partitionKey: PARTITION, rowKey: shardRow(shard), holder, until: until.toISOString() };
      try {
        if (current === undefined) await client.createEntity(entity);
        else await client.updateEntity(entity, 'Replace', { etag: current.version ?? '*' });
        return true;
      } catch (error) {
        if (lost(error)) return false;
        throw error;
      }
    },

    async renew(held, holder, until) {
      if (held.length === 0) return [];
      const client = await table.client();
      const entity = (shard: number): { partitionKey: string; rowKey: string; holder: string; until: string } => ({ partitionKey: PARTITION, rowKey: shardRow(shard), holder, until: until.toISOString() });
      try {
        // One partition, so one transaction (at most 100 rows; the shard count is far below that).
        await client.submitTransaction(held.map((lease): TransactionAction => ['update', entity(lease.shard), 'Replace', { etag: lease.version ?? '*' }]));
        return held.map((lease) => lease.shard);
      } catch (error) {
        if (!lost(error)) throw error;
        // One was taken meanwhile (the whole transaction fails): renew one by one.
        const won = await Promise.all(held.map(async (lease) => ((await leases.claim(lease.shard, holder, until, lease)) ? [lease.shard] : [])));
        return won.flat();
      }
    },

    async release(lease) {
      try {
        await (await table.client()).deleteEntity(PARTITION, shardRow(lease.shard), { etag: lease.version ?? '*' });
      } catch (error) {
        if (!lost(error)) throw error;
      }
    },

    async beat(worker, until, note) {
      const loan = note?.loan === undefined ? {} : { loanFrom: note.loan.from, loanUntil: note.loan.until, loanTo: JSON.stringify(note.loan.to) };
      await (await table.client()).upsertEntity({ partitionKey: PARTITION, rowKey: workerRow(worker), until: until.toISOString(), wants: note?.wants === true, ...loan }, 'Replace');
    },

    async leave(worker) {
      await (await table.client()).deleteEntity(PARTITION, workerRow(worker)).catch((error: unknown) => {
        if (!isNotFound(error)) throw error;
      });
    },
  };
  return leases;
}
