import { actionExportCard } from '../../cards/action-export.card';
import { actionFollowUpCard, carryInput, FOLLOW_UP_MAX_ITEMS, ItemCarryData } from '../../cards/action-follow-up.card';
import {
  ACTION_VERBS,
  actionItemCard,
  BLOCK_REASON_INPUT,
  ESCALATION_NOTE_INPUT,
  ItemBlockData,
  ItemDecideData,
  ItemEscalateData,
  ItemProposeData,
  ItemShowData,
  type ListBack,
  ItemStatusData,
  PROPOSED_DATE_INPUT,
} from '../../cards/action-item.card';
import { actionRecordCard, RecordData } from '../../cards/action-record.card';
import { BoardPageData, ForumRefData } from '../../cards/action-board.card';
import { MinePageData } from '../../cards/action-mine.card';
import type { AdaptiveCard } from '../../cards/card-kit';
import { canRecordActionItems, isOpen, isOverdue } from '../../domain/actions/action-item.rules';
import { byUrgency } from '../../domain/actions/action-views';
import { addDays, danishDate } from '../../domain/actions/local-date';
import type { Forum, Member } from '../../domain/fora/forum';
import { canSeeContent } from '../../domain/fora/forum.rules';
import { assertAllowed, DomainError } from '../../domain/shared/domain-error';
import { LocalDate } from '../../domain/shared/time';
import { forumAccess, itemAccess } from '../core/access';
import { cardAction, type ActionInput, type CardAction } from '../core/card-action';
import type { BotServices } from '../core/services';
import type { Lang } from '../i18n';
import { actionItemsTexts } from './action-items.texts';
import { boardCardOf, changeItem, escalateItem, myActionsCardOf, recordItems, requireItem, SUBJECT, todayOf, type ChangeOutcome, type KnownForChange } from './action-items.service';
import { deliveryReport } from '../reach/delivery-report';
import { NOUNS } from '../reach/delivery.texts';
import { requireForum } from '../core/require-forum';
import { itemView } from './action-views';
import { linkKeyring } from '../signed-links';
import { signedExportPath } from './export-link';
import { recordFieldOf, rowsOf } from './record-form';
import { formAction, type FormSpec } from '../core/form-action';

const actorOf = (input: ActionInput): string => {
  const actor = input.info.actor;
  if (actor === undefined) throw new DomainError('BOT.USER_UNKNOWN');
  return actor.userId;
};

/** The forum and the viewer's membership; only members see a forum's items. */
export async function viewForum(services: BotServices, forumId: string, userId: string): Promise<{ forum: Forum; member: Member | undefined }> {
  const [forum, member] = await Promise.all([requireForum(services, forumId), services.members.find(forumId, userId)]);
  assertAllowed(canSeeContent(forum, member));
  return { forum, member };
}

/** What an item's access check read (forum, membership, item), so a change reads none of it again. */
function knownFor(input: ActionInput, forumId: string): KnownForChange {
  const { forum, member } = grantedForum(input, forumId);
  return { forum, actor: member, ...(input.granted.item === undefined ? {} : { item: input.granted.item }) };
}

/** The forum and membership the access check established (item access: always a member). */
function grantedForum(input: ActionInput, forumId: string): { forum: Forum; member: Member | undefined } {
  const { forum, member } = input.granted;
  if (forum?.id !== forumId) throw new DomainError('BOT.FORUM_UNKNOWN');
  assertAllowed(canSeeContent(forum, member));
  return { forum, member };
}

const itemCardFor = (input: ActionInput, outcome: ChangeOutcome, back?: ListBack): AdaptiveCard =>
  actionItemCard(actionItemsTexts[input.t.lang].item, { ...itemView(outcome.item, outcome.forum, actorOf(input), outcome.actor, todayOf(input.services)), ...(back === undefined ? {} : { back }) });

async function followUpCard(input: ActionInput, forumId: string): Promise<AdaptiveCard> {
  const { services, t } = input;
  const userId = actorOf(input);
  const { forum, member } = await viewForum(services, forumId, userId);
  assertAllowed(canRecordActionItems(member));
  const today = todayOf(services);
  const open = (await services.actionItems.listByForum(forumId)).filter(isOpen).sort(byUrgency(today));
  return actionFollowUpCard(actionItemsTexts[t.lang].followUp, {
    forumId,
    forumName: forum.name,
    items: open.slice(0, FOLLOW_UP_MAX_ITEMS).map((i) => ({ id: i.id, title: i.title, ownerName: i.owner.displayName, due: danishDate(i.dueDate), overdue: isOverdue(i, today) })),
    total: open.length,
    carryDefault: addDays(today, 28),
  });
}

/** A meeting held longer ago than this is not "the meeting just held" whose items the form offers. */
const JUST_HELD_WITHIN_MS = 31 * 86_400_000;

/** The recording form for the chair or secretary, with the items of the meeting just held (if it had an agenda). */
export async function recordFormCard(services: BotServices, lang: Lang, forum: Forum, member: Member | undefined): Promise<AdaptiveCard> {
  assertAllowed(canRecordActionItems(member));
  // The meeting just held (or being held): the latest agenda whose meeting starts by tomorrow, of
  // the last few weeks (not the forum's whole history of agendas).
  const since = new Date(services.clock.now().getTime() - JUST_HELD_WITHIN_MS);
  const [members, agendas] = await Promise.all([services.members.listByForum(forum.id), services.agendas.listFrom(forum.id, since)]);
  const horizon = new Date(services.clock.now().getTime() + 24 * 3600 * 1000).toISOString();
  const agenda = agendas.filter((a) => a.meetingStart <= horizon).sort((a, b) => b.meetingStart.localeCompare(a.meetingStart))[0];
  return actionRecordCard(actionItemsTexts[lang].record, {
    forumId: forum.id,
    forumName: forum.name,
    members: members.map((m) => ({ userId: m.userId, displayName: m.displayName })).sort((a, b) => a.displayName.localeCompare(b.displayName, 'da')),
    agendaItems: (agenda?.items ?? []).map((i) => ({ id: i.id, title: i.title })),
    ...(agenda?.meetingId === undefined ? {} : { meetingId: agenda.meetingId }),
    defaultDue: addDays(todayOf(services), 14),
    today: todayOf(services),
  });
}

/**
 * An item card whose note or date was refused: the card comes back (never disappears) with the
 * typed text in `field` and the reason beside it.
 */
const itemForm = (field: string): FormSpec<{ forumId: string; itemId: string }> => ({
  async render(input, data) {
    const userId = actorOf(input);
    const { forum, member } = await viewForum(input.services, data.forumId, userId);
    const item = input.granted.item ?? (await requireItem(input.services, data.forumId, data.itemId));
    return actionItemCard(actionItemsTexts[input.t.lang].item, itemView(item, forum, userId, member, todayOf(input.services)));
  },
  fieldOf: () => field,
});

/** The recording form given back after a refusal: all rows as typed, each reason beside its field. */
const recordForm: FormSpec<RecordData> = {
  async render(input, data) {
    const { forum, member } = await viewForum(input.services, data.forumId, actorOf(input));
    return recordFormCard(input.services, input.t.lang, forum, member);
  },
  fieldOf: recordFieldOf,
};

const dateOrRefuse = (value: string | undefined): string => {
  const parsed = LocalDate.safeParse((value ?? '').trim());
  if (!parsed.success) throw new DomainError('INPUT.EMPTY');
  return parsed.data;
};

export const actionItemActions: readonly CardAction[] = [
  cardAction(ACTION_VERBS.show, ItemShowData, itemAccess, async (input, data) => {
    const userId = actorOf(input);
    // The access check has read the forum, the membership and the item side by side: nothing is left to read.
    const { forum, member } = grantedForum(input, data.forumId);
    const item = input.granted.item ?? (await requireItem(input.services, data.forumId, data.itemId));
    return actionItemCard(actionItemsTexts[input.t.lang].item, { ...itemView(item, forum, userId, member, todayOf(input.services)), ...(data.back === undefined ? {} : { back: data.back }) });
  }),

  cardAction(ACTION_VERBS.status, ItemStatusData, itemAccess, async (input, data) => {
    const outcome = await changeItem(input.services, { ...data, actorId: actorOf(input), change: { kind: 'status', to: data.to }, known: knownFor(input, data.forumId) });
    return data.from === 'followUp' ? followUpCard(input, data.forumId) : itemCardFor(input, outcome, data.back);
  }),

  formAction(ACTION_VERBS.block, ItemBlockData, itemAccess, itemForm(BLOCK_REASON_INPUT), async (input, data) =>
    itemCardFor(input, await changeItem(input.services, { ...data, actorId: actorOf(input), change: { kind: 'status', to: 'blocked', reason: data[BLOCK_REASON_INPUT] ?? '' }, known: knownFor(input, data.forumId) })),
  ),

  formAction(ACTION_VERBS.propose, ItemProposeData, itemAccess, itemForm(PROPOSED_DATE_INPUT), async (input, data) =>
    itemCardFor(input, await changeItem(input.services, { ...data, actorId: actorOf(input), change: { kind: 'proposeDueDate', date: dateOrRefuse(data[PROPOSED_DATE_INPUT]) }, known: knownFor(input, data.forumId) })),
  ),

  cardAction(ACTION_VERBS.decide, ItemDecideData, forumAccess('editor'), async (input, data) =>
    itemCardFor(input, await changeItem(input.services, { ...data, actorId: actorOf(input), change: { kind: data.accept ? 'acceptProposal' : 'rejectProposal' } })),
  ),

  cardAction(ACTION_VERBS.carry, ItemCarryData, itemAccess, async (input, data) => {
    const date = dateOrRefuse(data[carryInput(data.itemId)]);
    await changeItem(input.services, { forumId: data.forumId, itemId: data.itemId, actorId: actorOf(input), change: { kind: 'carryOver', date } });
    return followUpCard(input, data.forumId);
  }),

  formAction(ACTION_VERBS.escalate, ItemEscalateData, forumAccess('editor'), itemForm(ESCALATION_NOTE_INPUT), async (input, data) => {
    const note = data[ESCALATION_NOTE_INPUT];
    const name = input.actor.name;
    const outcome = await escalateItem(input.services, {
      forumId: data.forumId,
      itemId: data.itemId,
      actorId: actorOf(input),
      ...(name === undefined ? {} : { actorName: name }),
      ...(note === undefined ? {} : { note }),
    });
    return itemCardFor(input, outcome);
  }),

  cardAction(ACTION_VERBS.recordForm, ForumRefData, forumAccess('editor'), async (input, data) => {
    const { forum, member } = await viewForum(input.services, data.forumId, actorOf(input));
    return recordFormCard(input.services, input.t.lang, forum, member);
  }),

  formAction(ACTION_VERBS.record, RecordData, forumAccess('editor'), recordForm, async (input, data) => {
    const { services, t } = input;
    const actorId = actorOf(input);
    const forum = await requireForum(services, data.forumId);
    const saved = await recordItems(services, { forum, actorId, inputs: rowsOf(data, todayOf(services)), ...(data.meetingId === undefined ? {} : { meetingId: data.meetingId }) });
    const texts = actionItemsTexts[t.lang];
    const by = (await services.members.find(forum.id, actorId))?.displayName ?? input.actor.name ?? '';
    // Who really got their item card: the recorder reads deliveries, not intentions.
    const owners = [...new Map(saved.flatMap((item) => (item.owner.kind === 'member' ? [[item.owner.userId, item.owner.displayName] as const] : []))).entries()];
    const report =
      owners.length === 0
        ? undefined
        : await deliveryReport({
            outbox: services.outbox,
            fanOut: saved.map((item) => ({ subject: { type: SUBJECT.item, id: item.id }, idPrefix: `action:${item.id}:assigned` })),
            people: owners.map(([userId, name]) => ({ userId, name })),
            lang: t.lang,
            noun: NOUNS.owners[t.lang],
            settleMs: 2_000,
          });
    const intro = [texts.recordedIntro(saved.length, by), report?.section.headline, ...(report?.section.problems.slice(0, 3).map((p) => p.explanation) ?? [])].filter((x) => x !== undefined).join(' ');
    return boardCardOf(services, texts, forum, todayOf(services), { intro });
  }),

  cardAction(ACTION_VERBS.board, BoardPageData, forumAccess('member'), async (input, data) => {
    const { forum } = grantedForum(input, data.forumId);
    const page = { ...(data.after === undefined ? {} : { after: data.after }), ...(data.from === undefined ? {} : { from: data.from }) };
    return boardCardOf(input.services, actionItemsTexts[input.t.lang], forum, todayOf(input.services), page);
  }),

  // Only ever the clicker's own items (in fora they are still in): anyone may ask for their own page.
  cardAction(ACTION_VERBS.mine, MinePageData, { kind: 'anyone', why: "only the clicker's own open items" }, async (input, data) =>
    myActionsCardOf(input.services, actionItemsTexts[input.t.lang], actorOf(input), data.from ?? 1),
  ),

  cardAction(ACTION_VERBS.followUp, ForumRefData, forumAccess('editor'), async (input, data) => followUpCard(input, data.forumId)),

  cardAction(ACTION_VERBS.export, ForumRefData, forumAccess('member'), async (input, data) => {
    const { services, t } = input;
    const userId = actorOf(input);
    const { forum } = await viewForum(services, data.forumId, userId);
    const link = signedExportPath(linkKeyring(services.config.linkKeys), forum.id, userId, services.clock.now());
    const validUntil = new Intl.DateTimeFormat(t.lang === 'da' ? 'da-DK' : 'en-GB', { timeZone: services.config.timeZone, hour: '2-digit', minute: '2-digit' }).format(link.expires);
    return actionExportCard(actionItemsTexts[t.lang].export, { forumName: forum.name, url: `${services.config.publicUrl}${link.path}`, validUntil });
  }),
];
