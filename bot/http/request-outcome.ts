/**
 * What to answer when processing a request failed, without ever showing the error itself: a token
 * that cannot be verified is 401; a dependency we cannot reach (the token keys, storage) is 503;
 * anything else is 500. Bodies are short and fixed.
 */
export type FailureStatus = 401 | 503 | 500;

export const GENERIC_BODIES: Readonly<Record<number, { error: string }>> = {
  400: { error: 'Bad request' },
  401: { error: 'Unauthorized' },
  403: { error: 'Forbidden' },
  404: { error: 'Not found' },
  405: { error: 'Method not allowed' },
  413: { error: 'Payload too large' },
  415: { error: 'Unsupported media type' },
  500: { error: 'Internal error' },
  503: { error: 'Service unavailable' },
};

export const genericBody = (status: number): { error: string } =>
  GENERIC_BODIES[status] ?? (status >= 500 ? { error: 'Internal error' } : { error: 'Bad request' });

const NETWORK_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET']);
// jsonwebtoken's failures: the token itself is wrong (bad signature, expired, not yet valid, malformed).
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  statusCode?: unknown;
  type?: unknown;
  cause?: unknown;
  message?: unknown;
}

function unreachable(error: ErrorLike, depth = 0): boolean {
  if (depth > 3 || typeof error !== 'object' || error === null) return false;
  if (typeof error.code === 'string' && NETWORK_CODES.has(error.code)) return true;
  // node-fetch's FetchError of type 'system' is a failed connection; undici says "fetch failed".
  if (error.name === 'FetchError' && error.type === 'system') return true;
  if (error.name === 'TypeError' && error.message === 'fetch failed') return true;
  return unreachable(error.cause as ErrorLike, depth + 1);
}

/**
 * The status for an error thrown while the adapter authenticated or ran a turn; `tokenStatus` is
 * the status botframework gave it when it is one of its authentication errors.
 */
export function failureStatus(error: unknown, tokenStatus?: number): FailureStatus {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  if (unreachable(e)) return 503;
  if (tokenStatus !== undefined) {
    // botframework-connector reports a key endpoint that answered with an error as a 500 AuthenticationError.
    return tokenStatus >= 500 ? 503 : 401;
  }
  if (typeof e.name === 'string' && TOKEN_ERRORS.has(e.name)) return 401;
  return 500;
}
