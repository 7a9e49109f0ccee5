import type { CaseButton, EscalationCardView, HistoryLine } from '../../cards/escalation.card';
import type { Escalation, EscalationStep } from '../../domain/escalations/escalation';
import { ESCALATION_ACTIONS, CLOSED_STATES } from '../../domain/escalations/escalation';
import { Category } from '../../domain/escalations/escalation-raise';
import { checkEscalationAction } from '../../domain/escalations/escalation.rules';
import { canSeeDescription, checkShareDescription, seesArea, seesSealedNames, type Viewer } from '../../domain/escalations/escalation-visibility';
import type { Forum } from '../../domain/fora/forum';
import type { BotServices } from '../core/services';
import type { Lang } from '../i18n';
import { decidersOf, forumIdsOf } from './escalation-people';
import { escalationTexts } from './escalations.texts';

/** What every view of one case needs, read once and shared by all the recipients' views. */
export interface CaseContext {
  escalation: Escalation;
  history: EscalationStep[];
  fora: Map<string, Forum>;
  /** For a decided case: who should confirm "Læst", and who has. */
  seen?: { seen: SeenPerson[]; missing: SeenPerson[] };
  /** The people of sensitive fora on the path (the raiser of a sensitive case, those fora's deciders). */
  sealedPeople: Set<string>;
  /** Everyone who takes part: refresh gives each their own view (≤ 60). */
  participants: string[];
}

interface SeenPerson {
  userId: string;
  name: string;
}

const byName = (a: string, b: string): number => a.localeCompare(b, 'da');

export async function loadCaseContext(services: BotServices, escalation: Escalation): Promise<CaseContext> {
  const [history, foraList, deciders] = await Promise.all([
    services.escalations.history(escalation.id),
    services.fora.list(),
    Promise.all(escalation.path.map((forumId) => decidersOf(services, forumId))),
  ]);
  const participants = [...new Set([escalation.raisedBy.userId, ...deciders.flat().map((m) => m.userId)])].slice(0, 60);
  const fora = new Map(foraList.map((f) => [f.id, f]));
  const sealedPeople = new Set<string>(escalation.sensitive === true ? [escalation.raisedBy.userId] : []);
  escalation.path.forEach((forumId, i) => {
    if (fora.get(forumId)?.sensitive === true) for (const m of deciders[i] ?? []) sealedPeople.add(m.userId);
  });
  const context: CaseContext = { escalation, history, fora, participants, sealedPeople };
  if (CLOSED_STATES.includes(escalation.state)) {
    const decided = history.at(-1)?.fromForumId ?? escalation.currentForumId;
    const expected = new Map<string, string>([[escalation.raisedBy.userId, escalation.raisedBy.displayName]]);
    escalation.path.forEach((forumId, i) => {
      if (forumId !== decided) for (const m of deciders[i] ?? []) expected.set(m.userId, m.displayName);
    });
    const receipts = await services.escalations.listSeen(escalation.id);
    const seenIds = new Set(receipts.map((r) => r.person.userId));
    context.seen = {
      seen: receipts.map((r) => ({ userId: r.person.userId, name: r.person.displayName })),
      missing: [...expected].filter(([id]) => !seenIds.has(id)).map(([userId, name]) => ({ userId, name })),
    };
  }
  return context;
}

export const langOf = (services: BotServices): Lang => (services.config.locale.startsWith('en') ? 'en' : 'da');

export function formatInstant(services: BotServices, lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { timeZone: services.config.timeZone, dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}

/** The buttons this person may press now: exactly what the state machine would allow. */
async function buttonsFor(services: BotServices, ctx: CaseContext, userId: string, forumIds: readonly string[]): Promise<CaseButton[]> {
  const { escalation } = ctx;
  const holding = ctx.fora.get(escalation.currentForumId);
  if (holding === undefined) return [];
  const membership = forumIds.includes(holding.id) ? await services.members.find(holding.id, userId) : undefined;
  const actor = { userId, displayName: membership?.displayName ?? userId };
  const buttons: CaseButton[] = ESCALATION_ACTIONS.filter(
    (action): action is Exclude<typeof action, 'auto_escalate'> =>
      action !== 'auto_escalate' &&
      checkEscalationAction(escalation, action, { actor, ...(membership === undefined ? {} : { actorMembership: membership }), holdingForum: holding, now: services.clock.now(), note: '-' }).ok,
  );
  if (checkShareDescription(escalation, forumIds.includes(escalation.originForumId)).ok) buttons.push('share');
  return buttons;
}

/**
 * The case as one viewer sees it. `viewer` absent: the copy posted in a forum's channel, seen by
 * that forum's members (`channelForumId`), without buttons beyond "Opdater".
 */
export async function caseView(
  services: BotServices,
  lang: Lang,
  ctx: CaseContext,
  viewer: { userId: string; forumIds?: string[] } | { channelForumId: string },
  notice?: string,
): Promise<EscalationCardView> {
  const t = escalationTexts[lang];
  const { escalation } = ctx;
  const who: Viewer =
    'channelForumId' in viewer ? { userId: '', forumIds: [viewer.channelForumId] } : { userId: viewer.userId, forumIds: viewer.forumIds ?? (await forumIdsOf(services, viewer.userId)) };
  const seesDescription = canSeeDescription(escalation, who);
  const name = (forumId: string | undefined): string => (forumId === undefined ? '' : (ctx.fora.get(forumId)?.name ?? forumId));
  const sealedName = t.memberOf(name(escalation.originForumId));
  const shown = (person: { userId: string; displayName: string } | undefined): string | undefined =>
    person === undefined ? undefined : !seesSealedNames(escalation, who) && ctx.sealedPeople.has(person.userId) ? sealedName : person.displayName;
  const names = (people: SeenPerson[]): string[] => people.map((p) => shown({ userId: p.userId, displayName: p.name }) ?? p.name).sort(byName);
  const history: HistoryLine[] = ctx.history.map((step) => {
    // In a sensitive case, what the raiser wrote (description, answers) stays with the members.
    const hideNote = !seesDescription && (step.action === 'raise' || step.action === 'answer');
    return {
      at: formatInstant(services, lang, step.at),
      text: t.history[step.action](shown(step.actor) ?? t.system, name(step.toForumId)),
      ...(step.note === undefined || hideNote ? {} : { note: step.note }),
    };
  });
  const category = Category.safeParse(escalation.category);
  // A sensitive case is not placed for outsiders: an area with a date could point at one young person.
  const areaName = escalation.area === undefined || !seesArea(escalation, who) ? undefined : (ctx.fora.get(escalation.originForumId)?.areas?.find((a) => a.id === escalation.area)?.name ?? escalation.area);
  const can = 'channelForumId' in viewer ? [] : await buttonsFor(services, ctx, viewer.userId, who.forumIds);
  return {
    id: escalation.id,
    step: escalation.stepCount,
    title: escalation.title,
    ...(seesDescription ? { description: escalation.description } : {}),
    category: category.success ? t.form.categories[category.data] : escalation.category,
    ...(areaName === undefined ? {} : { area: areaName }),
    urgency: escalation.urgency,
    state: escalation.state,
    holdingForum: name(escalation.currentForumId),
    path: escalation.path.map(name),
    raisedBy: shown(escalation.raisedBy) ?? escalation.raisedBy.displayName,
    ...(escalation.decision === undefined ? {} : { decision: escalation.decision }),
    history,
    ...(ctx.seen === undefined ? {} : { seen: { seen: names(ctx.seen.seen), missing: names(ctx.seen.missing) } }),
    ...(notice === undefined ? {} : { notice }),
    can,
    refreshUserIds: ctx.participants,
  };
}
