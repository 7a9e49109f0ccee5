import { randomUUID } from 'node:crypto';
import { TableClient } from '@azure/data-tables';
import { inject } from 'vitest';
import { createStorage, type Storage } from '../../storage/index';
import { tableName, type TableName } from '../../storage/table-client';

export interface TestStorage {
  storage: Storage;
  prefix: string;
  connectionString: string;
  /** Azurite's port, for meters of the requests sent to it (test/support/storage-depth.ts). */
  port: number;
  /** A plain client on one of this storage's tables, for looking under the repositories. */
  raw(name: TableName): TableClient;
}

/** Repositories on the run's Azurite, with tables of their own (drop them in afterAll). */
export function openTestStorage(connectionString = inject('storageConnectionString')): TestStorage {
  const prefix = `t${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  return {
    storage: createStorage(connectionString, { tablePrefix: prefix }),
    prefix,
    connectionString,
    port: Number(/TableEndpoint=https?:\/\/[^:/]+:(\d+)/.exec(connectionString)?.[1]),
    raw: (name) => TableClient.fromConnectionString(connectionString, tableName(prefix, name), { allowInsecureConnection: true }),
  };
}

export const uniqueId = (label = 'x'): string => `${label}-${randomUUID().slice(0, 8)}`;

/** Settles all promises and counts outcomes, so a test can say "exactly one won". */
export async function outcomes<T>(promises: Promise<T>[]): Promise<{ fulfilled: T[]; rejected: unknown[] }> {
  const settled = await Promise.allSettled(promises);
  return {
    fulfilled: settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : [])),
    rejected: settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : [])),
  };
}
