/**
 * A failure the domain knows about. `code` is stable (e.g. `AGENDA.CLOSED`); bot/ turns codes into
 * Danish or English text in one place, so the domain never writes user-facing prose.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly context: Readonly<Record<string, unknown>> = {},
  ) {
    super(`${code} ${JSON.stringify(context)}`);
    this.name = 'DomainError';
  }
}

/** The result of a rule: allowed, or refused with a stable code and context. */
export type Verdict = { ok: true } | { ok: false; code: string; context?: Record<string, unknown> };

export const allowed: Verdict = { ok: true };
export const refused = (code: string, context?: Record<string, unknown>): Verdict =>
  context === undefined ? { ok: false, code } : { ok: false, code, context };

/** Throws the refusal of a verdict as a DomainError; for callers that cannot go on without permission. */
export function assertAllowed(verdict: Verdict): void {
  if (!verdict.ok) throw new DomainError(verdict.code, verdict.context ?? {});
}
