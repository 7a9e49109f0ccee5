import type { Verdict } from '../shared/domain-error';

export type Refusal = Extract<Verdict, { ok: false }>;

/** Narrows `refused(...)` for functions that return a result or a refusal. */
export function refusal(verdict: Verdict): Refusal {
  if (verdict.ok) throw new Error('refusal() needs a refused verdict');
  return verdict;
}
