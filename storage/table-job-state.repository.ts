import type { JobStateRepository } from '../domain/jobs/job-state';
import type { TableSet } from './table-client';
import { isNotFound } from './table-errors';
import { checkKey, escapeKey } from './table-keys';

/**
 * Job cursors live beside the leases: table `jobleases`, partition `state`, row = job name, the
 * state as JSON text. Only the lease holder writes it, so a plain upsert is enough.
 */
const TABLE = 'jobleases';
const PARTITION = 'state';

const rowKeyOf = (job: string): string => checkKey(TABLE, 'RowKey', escapeKey(job));

export function createJobStateRepository(tables: TableSet): JobStateRepository {
  return {
    async find(job) {
      try {
        const row = await (await tables.client(TABLE)).getEntity<{ state?: unknown }>(PARTITION, rowKeyOf(job));
        return typeof row.state === 'string' ? (JSON.parse(row.state) as unknown) : undefined;
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },
    async save(job, state) {
      await (await tables.client(TABLE)).upsertEntity({ partitionKey: PARTITION, rowKey: rowKeyOf(job), state: JSON.stringify(state) }, 'Replace');
    },
  };
}
