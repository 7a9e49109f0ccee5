import type { Escalation, EscalationStep } from './escalation';

export interface EscalationRepository {
  findById(id: string): Promise<Escalation | undefined>;
  /** Cases raised from a forum. */
  listByOriginForum(forumId: string): Promise<Escalation[]>;
  /** Creates the case with its first history step. */
  create(escalation: Escalation, firstStep: EscalationStep): Promise<Escalation>;
  /**
   * Writes the case's next state and appends the step, only if the case is unchanged since it was
   * read (ConcurrencyError otherwise: two managers acting at once never both win).
   */
  advance(next: Escalation, step: EscalationStep): Promise<Escalation>;
  history(id: string): Promise<EscalationStep[]>;
  delete(id: string): Promise<void>;
}
