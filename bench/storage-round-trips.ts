import dc from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { TABLES } from '../storage/table-client';

/**
 * Counts HTTP requests this process makes to one host:port (Azurite), from Node's own
 * `http.client.request.start` diagnostics channel: @azure/data-tables sends through node:http, so
 * every storage round trip shows up, with nothing put in its path. `byKind` says what they were
 * (`point read members`, `query outbox`, `transaction`, …), to see where a job's requests go.
 */
export interface RoundTripCounter {
  count(): number;
  /** Requests since the counter started, by kind, most first. */
  byKind(): [kind: string, count: number][];
  close(): void;
}

// Longest first, so `meetingseries` is not taken for `meetings` and `escalationsbyorigin` for `escalations`.
const NAMES = [...TABLES].sort((a, b) => b.length - a.length);

/** What a Table service request did, from its method and path: `/{account}/{prefix}{table}(keys)?query`. */
export function requestKind(method: string, path: string): string {
  const resource = decodeURIComponent(path.split('?')[0] ?? '').split('/').pop() ?? '';
  if (resource === '$batch') return 'transaction';
  if (resource.startsWith('Tables')) return 'table admin';
  const name = resource.replace(/\(.*$/, '');
  const table = NAMES.find((n) => name.endsWith(n)) ?? name;
  const keyed = resource.includes("PartitionKey='");
  const verb =
    method === 'GET' ? (keyed ? 'point read' : 'query') : method === 'POST' ? 'insert' : method === 'DELETE' ? 'delete' : method === 'PUT' || method === 'MERGE' || method === 'PATCH' ? 'upsert/update' : method;
  return `${verb} ${table}`;
}

export function countRequestsTo(port: number, host = '127.0.0.1'): RoundTripCounter {
  const target = `${host}:${port}`;
  let n = 0;
  const kinds = new Map<string, number>();
  const onStart = (message: unknown): void => {
    const request = (message as { request?: ClientRequest }).request;
    if (request?.getHeader('host') !== target) return;
    n++;
    const kind = requestKind(request.method, request.path);
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  };
  dc.subscribe('http.client.request.start', onStart);
  return {
    count: () => n,
    byKind: () => [...kinds].sort((a, b) => b[1] - a[1]),
    close: () => void dc.unsubscribe('http.client.request.start', onStart),
  };
}
