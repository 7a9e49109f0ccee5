/** A bare HTTP client for the emulator's own tests: no SDK in between, so the tests see the wire. */
export interface WireResponse {
  status: number;
  retryAfter: string | null;
  body: unknown;
}

export async function call(serviceUrl: string, method: string, path: string, body?: unknown): Promise<WireResponse> {
  const response = await fetch(new URL(path, serviceUrl), {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: text.length > 0 ? (JSON.parse(text) as unknown) : undefined };
}

export const activitiesPath = (conversationId: string, activityId?: string): string =>
  `v3/conversations/${encodeURIComponent(conversationId)}/activities${activityId === undefined ? '' : `/${encodeURIComponent(activityId)}`}`;

export const send = (serviceUrl: string, conversationId: string, text = 'hej'): Promise<WireResponse> =>
  call(serviceUrl, 'POST', activitiesPath(conversationId), { type: 'message', text });

/** A clock the test moves by hand, so window edges are exact. */
export function manualClock(start = 1_700_000_000_000): { now: () => number; advance: (ms: number) => void } {
  let current = start;
  return { now: () => current, advance: (ms) => (current += ms) };
}
