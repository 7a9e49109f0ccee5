import dc from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
/**
 * How long one storage round trip takes here: from a request to Azurite starting until its response
 * arrives (Node's `http.client.request.start` / `http.client.response.finish` channels). Time lone
 * requests with it (one after another): requests sent side by side queue in Azurite and each looks
 * longer than a round trip is.
 */
export interface RoundTripTimer {
  /** Forget the durations so far. */
  reset(): void;
  /** Durations (ms) of the round trips since `reset`, in the order they finished. */
  samples(): number[];
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
    samples: () => [...durations],
    close() {
      dc.unsubscribe('http.client.request.start', onStart);
      dc.unsubscribe('http.client.response.finish', onFinish);
    },
  };
}
