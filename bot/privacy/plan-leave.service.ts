import type { Forum } from '../../domain/fora/forum';
import type { ForumWrites } from '../../domain/fora/forum.repository';
import { pseudonymOf, type LeaverTraces } from '../../domain/privacy/leave';
import { forumAfterLeaving, initiativeAfterLeaving, planAfterLeaving, versionAfterLeaving } from '../../domain/privacy/plan-leave';
import { ConcurrencyError } from '../../domain/shared/repository-errors';
import type { BotServices } from '../core/services';

type Services = Pick<BotServices, 'plans' | 'initiatives' | 'fora'>;

/**
 * Writes `next` under the version it was read with (one request); when someone wrote in between,
 * reads again and re-applies the change, a few times before giving up.
 */
async function saveOrReapply<T extends { version?: string | undefined }>(first: T, change: (current: T) => T, reread: () => Promise<T | undefined>, save: (next: T) => Promise<T>): Promise<void> {
  let current: T | undefined = first;
  for (let attempt = 0; current !== undefined; attempt += 1) {
    const next = change(current);
    if (next === current) return;
    try {
      await save(next);
      return;
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= 3) throw error;
      current = await reread();
    }
  }
}

/**
 * The action plan after a person left: as sender of the working copy or of an approved version,
 * approver, member listed in the organisation, contact or last editor of an initiative, they become
 * the pseudonym; the approved versions keep that an approval happened, and by whom in pseudonym.
 * Only rows that name them are written. Returns how many rows were.
 */
export async function pseudonymisePlan(services: Services, traces: LeaverTraces): Promise<number> {
  const [record, versions, initiatives] = await Promise.all([services.plans.find(), services.plans.listVersions(), services.initiatives.list()]);
  let renamed = 0;
  if (record !== undefined && planAfterLeaving(record, traces) !== record) {
    await saveOrReapply(record, (current) => planAfterLeaving(current, traces), () => services.plans.find(), (next) => services.plans.save(next));
    renamed += 1;
  }
  for (const version of versions) {
    const next = versionAfterLeaving(version, traces);
    if (next === version) continue;
    await services.plans.replaceVersion(next);
    renamed += 1;
  }
  for (const initiative of initiatives) {
    if (initiativeAfterLeaving(initiative, traces) === initiative) continue;
    await saveOrReapply(initiative, (current) => initiativeAfterLeaving(current, traces), () => services.initiatives.findById(initiative.id), (next) => services.initiatives.save(next));
    renamed += 1;
  }
  // The history lines stay (a change happened); only who made it changes, in place.
  renamed += await services.initiatives.replaceHistoryActor(traces.userId, pseudonymOf(traces.userId).userId);
  return renamed;
}

/** Fora whose settings name the person as an analyst lose them from that list. Returns how many fora. */
export async function dropAnalyst(services: Services, fora: readonly Forum[], userId: string): Promise<number> {
  const naming = fora.filter((forum) => forumAfterLeaving(forum, userId) !== forum);
  if (naming.length === 0) return 0;
  // One change of the list of fora, however many fora name them (30 fora: 2 list marks, not 60).
  const writeTogether = services.fora.writeTogether?.bind(services.fora) ?? ((run: (fora: ForumWrites) => Promise<void>) => run(services.fora));
  await writeTogether(async (writes) => {
    for (const forum of naming) await saveOrReapply(forum, (current) => forumAfterLeaving(current, userId), () => writes.findById(forum.id), (next) => writes.save(next));
  });
  return naming.length;
}
