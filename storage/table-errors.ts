import { RestError } from '@azure/data-tables';
import { AlreadyExistsError, ConcurrencyError, NotFoundError } from '../domain/shared/repository-errors';
import { countStorageConflict } from './storage-metrics';

/** The HTTP status of a failed table request, or undefined for anything else. */
export const statusOf = (error: unknown): number | undefined => (error instanceof RestError ? error.statusCode : undefined);

/**
 * The service's error code. Entity operations leave `RestError.code` empty and put it in the OData
 * body; batch (transaction) failures set `code` instead.
 */
export function serviceCodeOf(error: unknown): string | undefined {
  if (!(error instanceof RestError)) return undefined;
  const details = error.details as { odataError?: { code?: unknown } } | undefined;
  const code = details?.odataError?.code;
  return typeof code === 'string' && code.length > 0 ? code : error.code;
}

export const isNotFound = (error: unknown): boolean => statusOf(error) === 404;
export const isConflict = (error: unknown): boolean => statusOf(error) === 409;
export const isPreconditionFailed = (error: unknown): boolean => statusOf(error) === 412;

/**
 * Turns the three statuses a write can meet into the domain's errors: 404 → NotFoundError,
 * 409 → AlreadyExistsError, 412 → ConcurrencyError. Everything else propagates unchanged.
 */
export function mapWriteError(error: unknown, context: Record<string, unknown>): never {
  const status = statusOf(error);
  const code = serviceCodeOf(error);
  if (status === 404) throw new NotFoundError({ ...context, code });
  if (status === 409) throw new AlreadyExistsError({ ...context, code });
  if (status === 412) {
    countStorageConflict(context['table']);
    throw new ConcurrencyError({ ...context, code });
  }
  throw error;
}
