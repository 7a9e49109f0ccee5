import type { Escalation, EscalationStep, Person } from './escalation';

export interface SeenReceipt {
  person: Person;
  at: string;
}

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
  /** Every case not yet resolved or returned (for deadlines and "waiting for me"). */
  listOpen(): Promise<Escalation[]>;
  /** The newest `limit` cases the person raised (any state, any forum) and how many they raised in all: two rounds whatever the history. */
  listRaisedBy(userId: string, limit: number): Promise<{ cases: Escalation[]; total: number }>;
  /** Writes each case's row in its raiser's list where it is missing (cases from before the list); how many. Reads every case. */
  repairRaisedList(): Promise<number>;
  /** Lists again every open case the open list lacks (cases from before it, a lost mark); how many. Reads every case: the hourly sweep's. */
  repairOpenList(): Promise<number>;
  /**
   * Changes bookkeeping on the case (reminders sent) without a history step, only if the case is
   * unchanged since it was read (ConcurrencyError otherwise).
   */
  update(next: Escalation): Promise<Escalation>;
  /** Records that a person has seen the decision ("Læst"); once per person, however often clicked. */
  markSeen(id: string, receipt: SeenReceipt): Promise<void>;
  listSeen(id: string): Promise<SeenReceipt[]>;
  delete(id: string): Promise<void>;
  /**
   * Replaces a person by `replacement` wherever the case names them: as raiser, as the actor of its
   * steps, on its "Læst" receipts (a person who left becomes their pseudonym). Returns how many
   * stored places changed; a case that does not name them is not written.
   */
  replacePerson(id: string, userId: string, replacement: Person): Promise<number>;
}
