/**
 * What a long job remembers between runs (a cursor), one JSON value per job. The job validates what
 * it reads back with its own schema; storage only keeps it.
 */
export interface JobStateRepository {
  find(job: string): Promise<unknown>;
  save(job: string, state: unknown): Promise<void>;
}
