import type { InitiativeStatus } from '../../domain/plan/initiative';
import type { Organisation } from '../../domain/plan/organisation';
import { byFocusArea, lastAdjusted } from '../../domain/plan/plan.rules';
import type { BotServices } from '../core/services';
import { planDocument, timeFrameOf } from './plan-view';

/** One initiative as the tab's plan page lists it. */
export interface TabInitiative {
  project: string;
  purpose: string;
  timeFrame: string;
  targetGroup: string;
  forumName: string;
  status: InitiativeStatus;
}

/** The published plan for the tab: what the `handlingsplan` card shows as published, as data. */
export interface TabPlan {
  approved?: { number: number; approvedAt: string };
  /** The latest status change since approval (an instant); absent when nothing was adjusted. */
  lastAdjusted?: string;
  basis: string;
  strategy: string;
  organisation: Organisation;
  groups: { focusArea: string; initiatives: TabInitiative[] }[];
}

/**
 * The published plan as this person may see it: always the approved version (the draft belongs in
 * the chat, with its writers' buttons), sealed initiatives only for their forum's members.
 */
export async function tabPlanFor(services: BotServices, userId: string): Promise<TabPlan> {
  // Nobody has opened the plan yet: nothing is approved, and reading it makes no record.
  if ((await services.plans.find()) === undefined) return { basis: '', strategy: '', organisation: [], groups: [] };
  const doc = await planDocument(services, { userId }, 'published');
  const { record, version, foraById } = doc.world;
  const adjusted = record.adjustments.length === 0 ? undefined : lastAdjusted(record, version);
  const rows = doc.initiatives.map((i) => ({
    focusArea: i.focusArea,
    project: i.project,
    purpose: i.purpose,
    timeFrame: timeFrameOf(i),
    targetGroup: i.targetGroup,
    forumName: foraById.get(i.forumId)?.name ?? '',
    status: i.status,
  }));
  return {
    ...(version === undefined ? {} : { approved: { number: version.number, approvedAt: version.approvedAt } }),
    ...(adjusted === undefined ? {} : { lastAdjusted: adjusted }),
    basis: doc.basis,
    strategy: doc.strategy,
    organisation: doc.organisation,
    groups: byFocusArea(rows).map((g) => ({ focusArea: g.focusArea, initiatives: g.initiatives.map(({ focusArea: _f, ...rest }) => rest) })),
  };
}
