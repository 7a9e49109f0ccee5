import dc from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';

/**
 * Counts HTTP requests this process makes to one host:port (Azurite), from Node's own
 * `http.client.request.start` diagnostics channel: @azure/data-tables sends through node:http, so
 * every storage round trip shows up, with nothing put in its path.
 */
export interface RoundTripCounter {
  count(): number;
  close(): void;
}

export function countRequestsTo(port: number, host = '127.0.0.1'): RoundTripCounter {
  const target = `${host}:${port}`;
  let n = 0;
  const onStart = (message: unknown): void => {
    const request = (message as { request?: ClientRequest }).request;
    if (request?.getHeader('host') === target) n++;
  };
  dc.subscribe('http.client.request.start', onStart);
  return {
    count: () => n,
    close: () => void dc.unsubscribe('http.client.request.start', onStart),
  };
}
