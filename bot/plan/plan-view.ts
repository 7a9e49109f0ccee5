import type { AdaptiveCard } from '../../cards/card-kit';
import { formatDate } from '../../cards/dates';
import type { PlanCardView, PlanInitiativeView } from '../../cards/plan.card';
import { planCard } from '../../cards/plan.card';
import type { PlanMode } from '../../cards/plan-verbs';
import type { Initiative } from '../../domain/plan/initiative';
import type { Organisation } from '../../domain/plan/organisation';
import { byFocusArea, canEditPlan, inPublishedPlan, lastAdjusted, publishedInitiatives, visibleTo } from '../../domain/plan/plan.rules';
import type { BotServices } from '../core/services';
import type { Lang } from '../i18n';
import { linkKeyring } from '../signed-links';
import { signedPlanPath } from './plan-link';
import { draftContent, loadPlanWorld, planYear, type PlanWorld } from './plan.service';
import { planTexts } from './plan.texts';

/** "2017–2021", or "2016" for one year. */
export const timeFrameOf = (i: Pick<Initiative, 'fromYear' | 'toYear'>): string => (i.fromYear === i.toYear ? String(i.fromYear) : `${i.fromYear}–${i.toYear}`);

/** Who is looking: a person (their fora decide sealed initiatives), or a channel of a forum. */
export type PlanViewer = { userId: string } | { forumId: string };

export interface PlanDocument {
  mode: PlanMode;
  world: PlanWorld;
  basis: string;
  strategy: string;
  organisation: Organisation;
  /** The initiatives this viewer sees, with whether each is in the published plan. */
  initiatives: (Initiative & { outOfPlan: boolean })[];
  editor: boolean;
  /** The owning forum's chair, who may change who writes and approves the plan. */
  ownerChair: boolean;
}

/**
 * The plan as one viewer sees it. Published: the approved version's texts and initiatives with
 * their status now, filtered by the rule. Draft: everything as it stands, the organisation
 * generated from the registry now, initiatives out of the plan marked.
 */
export async function planDocument(services: BotServices, viewer: PlanViewer, mode: PlanMode | undefined): Promise<PlanDocument> {
  const world = await loadPlanWorld(services);
  const forumIds = 'forumId' in viewer ? new Set([viewer.forumId]) : new Set((await services.members.listMembershipsOfUser(viewer.userId)).map((m) => m.forumId));
  const ownMembership = 'userId' in viewer ? await services.members.find(world.record.ownerForumId, viewer.userId) : undefined;
  const editor = canEditPlan(ownMembership).ok;
  const ownerChair = ownMembership?.roles.includes('chair') === true;
  const chosen: PlanMode = mode ?? (editor ? 'draft' : 'published');
  const year = planYear(services);
  const seen = (i: Initiative): boolean => visibleTo(i, world.foraById, forumIds);
  if (chosen === 'published' || !editor) {
    const version = world.version;
    const live = new Map(world.initiatives.map((i) => [i.id, i]));
    const initiatives = version === undefined ? [] : publishedInitiatives(version, live, year).filter(seen).map((i) => ({ ...i, outOfPlan: false }));
    return { mode: 'published', world, basis: version?.content.basis ?? '', strategy: version?.content.strategy ?? '', organisation: version?.content.organisation ?? [], initiatives, editor, ownerChair };
  }
  const content = await draftContent(services, world);
  const initiatives = world.initiatives.filter(seen).map((i) => ({ ...i, outOfPlan: !inPublishedPlan(i, year) }));
  return { mode: 'draft', world, basis: content.basis, strategy: content.strategy, organisation: content.organisation, initiatives, editor, ownerChair };
}

/** The plan card for a person (or a channel), in the bot's language. */
export async function planCardFor(services: BotServices, lang: Lang, viewer: PlanViewer, mode?: PlanMode, notice?: string): Promise<AdaptiveCard> {
  const doc = await planDocument(services, viewer, mode);
  const { record, version, foraById } = doc.world;
  const date = (iso: string): string => formatDate(iso, lang, services.config.timeZone);
  const adjustedAt = lastAdjusted(record, version);
  const rows = (list: typeof doc.initiatives): PlanInitiativeView[] =>
    list.map((i) => ({ id: i.id, focusArea: i.focusArea, project: i.project, purpose: i.purpose, timeFrame: timeFrameOf(i), targetGroup: i.targetGroup, status: i.status, sealed: foraById.get(i.forumId)?.sensitive === true, outOfPlan: i.outOfPlan }));
  const view: PlanCardView = {
    mode: doc.mode,
    state: record.state,
    ...(version === undefined ? {} : { version: { number: version.number, approvedAt: date(version.approvedAt) } }),
    ...(adjustedAt === undefined || record.adjustments.length === 0 ? {} : { lastAdjusted: date(adjustedAt) }),
    ...(record.sentBackComment === undefined ? {} : { sentBackComment: record.sentBackComment }),
    awaitingApproval: record.addedSinceApproval.length,
    adjustments: doc.mode === 'published' ? record.adjustments.slice(-10).map((a) => ({ ...a, at: date(a.at) })) : [],
    basis: doc.basis,
    strategy: doc.strategy,
    organisation: doc.organisation,
    groups: byFocusArea(rows(doc.initiatives)),
    can: { edit: doc.editor, send: doc.editor && record.state !== 'sent', settings: doc.ownerChair },
    ...('userId' in viewer ? { wordUrl: `${services.config.publicUrl}${signedPlanPath(linkKeyring(services.config.linkKeys), doc.mode, viewer.userId, services.clock.now())}` } : {}),
    ...(notice === undefined ? {} : { notice }),
  };
  return planCard(planTexts[lang].plan, view);
}
