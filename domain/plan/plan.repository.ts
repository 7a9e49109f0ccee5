import type { Initiative, InitiativeChange } from './initiative';
import type { PlanRecord, PlanVersion } from './plan';

export interface InitiativeRepository {
  findById(id: string): Promise<Initiative | undefined>;
  list(): Promise<Initiative[]>;
  /** Creates (no version) or replaces with If-Match (a stale version is a ConcurrencyError). */
  save(initiative: Initiative): Promise<Initiative>;
  /** The initiative's history, oldest first. */
  history(id: string): Promise<InitiativeChange[]>;
  appendHistory(change: InitiativeChange): Promise<void>;
  /** Every history line one person made, across initiatives (an access request). */
  historyByActor(actorId: string): Promise<InitiativeChange[]>;
  /** Writes another actor on every history line one person made (a person who left); the lines themselves stay. Returns how many. */
  replaceHistoryActor(actorId: string, newActorId: string): Promise<number>;
}

export interface PlanRepository {
  /** The working copy and settings; undefined before anyone opened the plan. */
  find(): Promise<PlanRecord | undefined>;
  /** Creates (no version) or replaces with If-Match. */
  save(record: PlanRecord): Promise<PlanRecord>;
  /** Read-change-write, retried on a conflict; `change` may run more than once. */
  update(change: (current: PlanRecord) => PlanRecord): Promise<PlanRecord>;
  /** Stores an approved version; a number is written once (AlreadyExistsError otherwise). */
  addVersion(version: PlanVersion): Promise<void>;
  findVersion(number: number): Promise<PlanVersion | undefined>;
  /** Every approved version, oldest first. */
  listVersions(): Promise<PlanVersion[]>;
  /**
   * Rewrites an approved version that exists (NotFoundError otherwise). Only for a person who left:
   * the version stays the record of what was approved and when, with the pseudonym in their place.
   */
  replaceVersion(version: PlanVersion): Promise<void>;
}
