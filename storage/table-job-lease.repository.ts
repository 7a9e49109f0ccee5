import { JobLease, mayTakeLease, type JobLeaseRepository } from '../domain/jobs/job-lease';
import { compact, dataOf } from './entity-codec';
import type { TableSet } from './table-client';
import { isConflict, isNotFound, isPreconditionFailed } from './table-errors';
import { checkKey, escapeKey } from './table-keys';

/**
 * `jobleases`: partition `lease`, row = job name. A lease is taken with a conditional write: create
 * when there is none (409 if another instance was quicker), replace with If-Match otherwise (412 if
 * another instance wrote in between). Whoever loses does not run the job this time.
 */
const TABLE = 'jobleases';
const PARTITION = 'lease';

const rowKeyOf = (job: string): string => checkKey(TABLE, 'RowKey', escapeKey(job));

export function createJobLeaseRepository(tables: TableSet): JobLeaseRepository {
  async function find(job: string): Promise<JobLease | undefined> {
    const client = await tables.client(TABLE);
    try {
      const row = await client.getEntity<Record<string, unknown>>(PARTITION, rowKeyOf(job));
      return JobLease.parse({ ...dataOf(row), version: row.etag });
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  return {
    find,

    async tryAcquire(job, holder, now, until) {
      const current = await find(job);
      if (!mayTakeLease(current, holder, now)) return false;
      const client = await tables.client(TABLE);
      const entity = { partitionKey: PARTITION, rowKey: rowKeyOf(job), ...compact({ job, holder, until: until.toISOString() }) };
      try {
        if (current === undefined) await client.createEntity(entity);
        else await client.updateEntity(entity, 'Replace', { etag: current.version ?? '*' });
        return true;
      } catch (error) {
        if (isConflict(error) || isPreconditionFailed(error)) return false;
        throw error;
      }
    },

    async release(job, holder) {
      const current = await find(job);
      if (current?.holder !== holder) return;
      const client = await tables.client(TABLE);
      try {
        await client.deleteEntity(PARTITION, rowKeyOf(job), { etag: current.version ?? '*' });
      } catch (error) {
        if (!isNotFound(error) && !isPreconditionFailed(error)) throw error;
      }
    },
  };
}
