import type { ActionItem } from '../../domain/actions/action-item';
import type { Escalation } from '../../domain/escalations/escalation';
import { CLOSED_STATES } from '../../domain/escalations/escalation';
import { actionItemContribution, caseContribution, type DecisionReading } from '../../domain/picture/contributions';
import { recordContribution } from '../../domain/picture/record-contribution';
import type { Repositories } from '../../domain/repositories';
import type { Logger } from '../logger';
import { decidersOf } from '../escalations/escalation-people';
import { foraConcerned } from './fora-concerned';
import { cooperationTracking, type CooperationTracked } from './cooperation-tracking';

type Tracked = Pick<Repositories, 'escalations' | 'actionItems' | 'fora' | 'members' | 'picture'>;
type AllTracked = Tracked & CooperationTracked;

/** Who should press "Læst" on a decided case: the raiser and the deciders of the fora below the deciding one. */
async function readingOf(repos: Tracked, escalation: Escalation): Promise<DecisionReading | undefined> {
  if (escalation.state !== 'resolved') return undefined;
  const history = await repos.escalations.history(escalation.id);
  const decided = history.at(-1)?.fromForumId ?? escalation.currentForumId;
  const expected = new Set([escalation.raisedBy.userId]);
  for (const forumId of escalation.path) if (forumId !== decided) for (const m of await decidersOf(repos, forumId)) expected.add(m.userId);
  const seen = (await repos.escalations.listSeen(escalation.id)).filter((r) => expected.has(r.person.userId)).length;
  return { audience: expected.size, readers: seen };
}

/** Rewrites one case's contribution to the picture from what is stored now. */
export async function trackCase(repos: Tracked, id: string): Promise<void> {
  const escalation = await repos.escalations.findById(id);
  if (escalation === undefined) return;
  // Only the fora the case went through (and its origin) are read, beside its history.
  const concerned = foraConcerned(repos.fora);
  const [history] = await Promise.all([repos.escalations.history(id), concerned.byId([...escalation.path, escalation.currentForumId, escalation.originForumId])]);
  const fora = await concerned.byId([...escalation.path, escalation.currentForumId, ...history.slice(0, 1).map((s) => s.toForumId)]);
  const reading = CLOSED_STATES.includes(escalation.state) ? await readingOf(repos, escalation) : undefined;
  await recordContribution(repos.picture, 'case', id, caseContribution(escalation, history, fora, reading), concerned.sensitiveAmong);
}

/** Rewrites one action item's contribution (an empty one when it was deleted). */
export async function trackItem(repos: Tracked, id: string, item: ActionItem | undefined): Promise<void> {
  await recordContribution(repos.picture, 'item', id, item === undefined ? [] : actionItemContribution(item), foraConcerned(repos.fora).sensitiveAmong);
}

/**
 * The repositories with the picture kept up to date wherever a case, an action item, a circulation
 * or a meeting is written, so no feature has to remember it. The picture is a report: when its update fails, the user's
 * action still stands, the failure is logged, and a rebuild repairs the cells.
 */
export function withPictureTracking<R extends AllTracked>(repos: R, logger: Logger, now: () => Date = () => new Date()): R {
  const quietly = async (what: string, id: string, run: () => Promise<void>): Promise<void> => {
    try {
      await run();
    } catch (error) {
      logger.warn({ err: error, what, id }, 'picture not updated; a rebuild will repair it');
    }
  };
  const escalations: R['escalations'] = {
    ...repos.escalations,
    async create(escalation, firstStep) {
      const created = await repos.escalations.create(escalation, firstStep);
      await quietly('case', created.id, () => trackCase(repos, created.id));
      return created;
    },
    async advance(next, step) {
      const saved = await repos.escalations.advance(next, step);
      await quietly('case', saved.id, () => trackCase(repos, saved.id));
      return saved;
    },
    async markSeen(id, receipt) {
      await repos.escalations.markSeen(id, receipt);
      await quietly('case', id, () => trackCase(repos, id));
    },
  };
  const actionItems: R['actionItems'] = {
    ...repos.actionItems,
    async save(item) {
      const saved = await repos.actionItems.save(item);
      await quietly('item', saved.id, () => trackItem(repos, saved.id, saved));
      return saved;
    },
    // The picture follows beside the lists' update and the caller's own work, not after them.
    update: (forumId, id, change, options = {}) =>
      repos.actionItems.update(forumId, id, change, {
        ...options,
        alongside: async (saved, before) => {
          await Promise.all([options.alongside?.(saved, before), quietly('item', saved.id, () => trackItem(repos, saved.id, saved))]);
        },
      }),
    async delete(forumId, id) {
      await repos.actionItems.delete(forumId, id);
      await quietly('item', id, () => trackItem(repos, id, undefined));
    },
  };
  return { ...repos, escalations, actionItems, ...cooperationTracking(repos, quietly, now) };
}
