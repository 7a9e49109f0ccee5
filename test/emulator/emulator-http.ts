import type { IncomingMessage, ServerResponse } from 'node:http';

/** Reads a body up to `limit` bytes; past it, resolves `tooLarge` without buffering the rest. */
export async function readBody(req: IncomingMessage, limit: number): Promise<{ text: string; bytes: number; tooLarge: boolean }> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    bytes += buffer.length;
    if (bytes <= limit) chunks.push(buffer);
  }
  return { text: Buffer.concat(chunks).toString('utf8'), bytes, tooLarge: bytes > limit };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** The connector's error shape: `{ error: { code, message } }`. */
export const errorBody = (code: string, message: string): { error: { code: string; message: string } } => ({ error: { code, message } });

/** Retry-After in seconds: whole seconds at real scale (as Teams sends), decimals when time is scaled. */
export function retryAfterHeader(ms: number, timeScale: number): string {
  if (timeScale === 1) return String(Math.max(1, Math.ceil(ms / 1000)));
  return (Math.ceil(ms) / 1000).toFixed(3);
}

/** Small seeded PRNG (mulberry32) so fault patterns repeat for a given seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
