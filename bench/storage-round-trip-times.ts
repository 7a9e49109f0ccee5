import dc from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { percentile } from './latency-stats';

/**
 * How long one storage round trip takes here: from a request to Azurite starting until its response
 * arrives (Node's `http.client.request.start` / `http.client.response.finish` channels). Its median
 * is the unit in which a turn's waiting for storage is judged ("echo + 2 round trips").
 */
export interface RoundTripTimer {
  /** Forget the durations so far. */
  reset(): void;
  /** Median duration (ms) of the round trips since `reset`; NaN when there were none. */
  medianMs(): number;
  count(): number;
  close(): void;
}

export function timeRequestsTo(port: number, host = '127.0.0.1'): RoundTripTimer {
  const target = `${host}:${port}`;
  const startedAt = new WeakMap<ClientRequest, number>();
  let durations: number[] = [];
  const onStart = (message: unknown): void => {
    const request = (message as { request?: ClientRequest }).request;
    if (request?.getHeader('host') === target) startedAt.set(request, performance.now());
  };
  const onFinish = (message: unknown): void => {
    const request = (message as { request?: ClientRequest }).request;
    const started = request === undefined ? undefined : startedAt.get(request);
    if (started !== undefined) durations.push(performance.now() - started);
  };
  dc.subscribe('http.client.request.start', onStart);
  dc.subscribe('http.client.response.finish', onFinish);
  return {
    reset: () => void (durations = []),
    medianMs: () => percentile([...durations].sort((a, b) => a - b), 50),
    count: () => durations.length,
    close() {
      dc.unsubscribe('http.client.request.start', onStart);
      dc.unsubscribe('http.client.response.finish', onFinish);
    },
  };
}
