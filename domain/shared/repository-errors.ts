import { DomainError } from './domain-error';

/** Someone else changed the entity since it was read; the change was not written. */
export class ConcurrencyError extends DomainError {
  constructor(context: Record<string, unknown>) {
    super('STORAGE.CONFLICT', context);
    this.name = 'ConcurrencyError';
  }
}

/** An entity with that key exists already; nothing was written. */
export class AlreadyExistsError extends DomainError {
  constructor(context: Record<string, unknown>) {
    super('STORAGE.EXISTS', context);
    this.name = 'AlreadyExistsError';
  }
}

/** The entity to change or delete is not there. */
export class NotFoundError extends DomainError {
  constructor(context: Record<string, unknown>) {
    super('STORAGE.NOT_FOUND', context);
    this.name = 'NotFoundError';
  }
}

/** Text or an entity beyond what Table storage holds; refused whole, never truncated. */
export class TooLargeError extends DomainError {
  constructor(context: { property?: string; bytes: number; limit: number; table: string }) {
    super('STORAGE.TOO_LARGE', context);
    this.name = 'TooLargeError';
  }
}
