import dc from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';

/**
 * Storage round trips of one piece of work, and how many of them had to wait for another: each
 * request to Azurite gets a depth of 1 + the deepest request that had finished before it started
 * (Node's `http.client.request.start` / `http.client.response.finish` channels). Reads run in
 * parallel share a depth; reads one after another add one each. The deepest is the number of
 * sequential round trips, what a turn waits for storage whatever the network's latency.
 */
export interface DepthMeter {
  /** Starts a new measurement (forget what came before). */
  reset(): void;
  /** Requests since `reset` and the sequential round trips among them. */
  read(): { requests: number; depth: number };
  /** Time since `reset` with at least one request in flight: what the work waited for storage. */
  waitedMs(): number;
  close(): void;
}

export function meterDepthTo(port: number, host = '127.0.0.1'): DepthMeter {
  const target = `${host}:${port}`;
  const depthOf = new WeakMap<ClientRequest, number>();
  let finishedDepth = 0;
  let deepest = 0;
  let requests = 0;
  let inFlight = 0;
  let busySince = 0;
  let waited = 0;
  const onStart = (message: unknown): void => {
    const request = (message as { request?: ClientRequest }).request;
    if (request?.getHeader('host') !== target) return;
    const depth = finishedDepth + 1;
    depthOf.set(request, depth);
    requests++;
    if (inFlight++ === 0) busySince = performance.now();
    deepest = Math.max(deepest, depth);
  };
  const onFinish = (message: unknown): void => {
    const request = (message as { request?: ClientRequest }).request;
    const depth = request === undefined ? undefined : depthOf.get(request);
    if (request === undefined || depth === undefined) return;
    finishedDepth = Math.max(finishedDepth, depth);
    depthOf.delete(request);
    if (--inFlight === 0) waited += performance.now() - busySince;
  };
  // A request that fails without an answer ends its wait too.
  const onError = (message: unknown): void => {
    const request = (message as { request?: ClientRequest }).request;
    if (request !== undefined && depthOf.delete(request) && --inFlight === 0) waited += performance.now() - busySince;
  };
  dc.subscribe('http.client.request.start', onStart);
  dc.subscribe('http.client.response.finish', onFinish);
  dc.subscribe('http.client.request.error', onError);
  return {
    reset() {
      finishedDepth = 0;
      deepest = 0;
      requests = 0;
      waited = 0;
      if (inFlight > 0) busySince = performance.now();
    },
    read: () => ({ requests, depth: deepest }),
    waitedMs: () => waited + (inFlight > 0 ? performance.now() - busySince : 0),
    close() {
      dc.unsubscribe('http.client.request.start', onStart);
      dc.unsubscribe('http.client.response.finish', onFinish);
      dc.unsubscribe('http.client.request.error', onError);
    },
  };
}
