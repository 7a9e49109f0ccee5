import { actionBoardCard } from '../../cards/action-board.card';
import { actionItemCard } from '../../cards/action-item.card';
import { MINE_PAGE, myActionsCard } from '../../cards/action-mine.card';
import { pageStart } from '../../domain/shared/paging';
import { byUrgency } from '../../domain/actions/action-views';
import { isOverdue } from '../../domain/actions/action-item.rules';
import type { AdaptiveCard } from '../../cards/card-kit';
import type { ActionItem } from '../../domain/actions/action-item';
import type { OpenBoard } from '../../domain/actions/action-item.repository';
import { applyActionChange, type ActionChange } from '../../domain/actions/action-item.changes';
import { escalationForActionItem } from '../../domain/actions/action-escalation';
import { buildActionItems, type NewActionItem } from '../../domain/actions/new-action-items';
import { danishDate, localDateOf } from '../../domain/actions/local-date';
import type { Forum, Member } from '../../domain/fora/forum';
import { DomainError } from '../../domain/shared/domain-error';
import { newId } from '../../domain/shared/ids';
import { NotFoundError } from '../../domain/shared/repository-errors';
import { announceEscalation } from '../escalations/raise-escalation';
import type { BotServices } from '../core/services';
import { pickLang, type Lang } from '../i18n';
import { actionItemsTexts, type ActionItemsTexts } from './action-items.texts';
import { boardView, itemView } from './action-views';
import { cardMessage } from '../core/card-message';
import { audit } from '../core/audit';
import { requireForum } from '../core/require-forum';

/** Outbox subjects: the forum's board in its channel, and each owner's item card. */
export const SUBJECT = { board: 'action-board', item: 'action-item' } as const;

export const todayOf = (services: Pick<BotServices, 'clock' | 'config'>): string => localDateOf(services.clock.now(), services.config.timeZone);

/** Proactive messages are written in the bot's configured language (Teams tells us nothing else). */
export const defaultTexts = (services: Pick<BotServices, 'config'>): ActionItemsTexts => actionItemsTexts[pickLang(undefined, services.config.locale)];


export async function requireItem(services: BotServices, forumId: string, itemId: string): Promise<ActionItem> {
  const item = await services.actionItems.findById(forumId, itemId);
  if (item === undefined) throw new DomainError('ACTION.NOT_FOUND');
  return item;
}



/** Audit keeps what matters to people, not storage details. */
const auditable = ({ version: _version, ...item }: ActionItem) => item;

/** Open items one board card shows; "Vis flere" gives the next ones. */
export const BOARD_PAGE = 20;

/** One page of a forum's board (most urgent first) with its counts: the first page is one query. */
export function readBoard(services: Pick<BotServices, 'actionItems'>, forumId: string, todayLocal: string, after?: string): Promise<OpenBoard> {
  return services.actionItems.listOpenBoard(forumId, todayLocal, { limit: BOARD_PAGE, ...(after === undefined ? {} : { after }) });
}

/**
 * One page of a forum's board (most urgent first, grouped by owner within the page), with the
 * count of open and overdue items, neither read from closed items. `read`: the page as read already
 * (beside the access check), else it is read here.
 */
export async function boardCardOf(
  services: Pick<BotServices, 'actionItems'>,
  texts: ActionItemsTexts,
  forum: Forum,
  todayLocal: string,
  options: { intro?: string; after?: string; from?: number; read?: OpenBoard } = {},
): Promise<AdaptiveCard> {
  const board = options.read ?? (await readBoard(services, forum.id, todayLocal, options.after));
  const view = boardView(forum, board.items, todayLocal, texts.boardTitle(forum.name), { ...(options.intro === undefined ? {} : { intro: options.intro }), withActions: true });
  return actionBoardCard(texts.board, { ...view, total: board.counts.open, overdue: board.counts.overdue, page: { from: options.after === undefined ? 1 : (options.from ?? 1), ...(options.after === undefined ? {} : { after: options.after }), ...(board.next === undefined ? {} : { next: board.next }) } });
}

/** A notification must not undo a change that is saved: it is logged and the change stands. */
async function notifySafely(services: BotServices, what: string, send: () => Promise<unknown>): Promise<void> {
  try {
    await send();
  } catch (error) {
    services.logger.warn({ err: error, what }, 'action items: a notification could not be queued');
  }
}

/** The board in the forum's channel shows the change (updated in place, if it was posted). */
async function refreshBoard(services: BotServices, forum: Forum, key: string): Promise<void> {
  const conversationId = forum.teams?.conversationId;
  if (conversationId === undefined) return;
  const recipient = { kind: 'conversation' as const, conversationId };
  const delivery = await services.outbox.findDelivery(SUBJECT.board, forum.id, recipient);
  if (delivery === undefined) return;
  const texts = defaultTexts(services);
  await services.outbox.enqueue({
    idempotencyKey: key,
    recipient,
    operation: { kind: 'update', activityId: delivery.activityId },
    activity: cardMessage(texts.summaries.board(forum.name), await boardCardOf(services, texts, forum, todayOf(services))),
    subject: { type: SUBJECT.board, id: forum.id, forumId: forum.id },
  });
}

/** Parses and records a recording; owners get their cards, the forum's channel the board. */
export async function recordItems(
  services: BotServices,
  request: { forum: Forum; actorId: string; inputs: NewActionItem[]; meetingId?: string },
): Promise<ActionItem[]> {
  const { forum, actorId } = request;
  const members = await services.members.listByForum(forum.id);
  const result = buildActionItems(request.inputs, {
    forumId: forum.id,
    members,
    actorId,
    actor: members.find((m) => m.userId === actorId),
    todayLocal: todayOf(services),
    now: services.clock.now(),
    newId,
    ...(request.meetingId === undefined ? {} : { originMeetingId: request.meetingId }),
  });
  if (!result.ok) throw new DomainError(result.code, result.context ?? {});
  const saved = await Promise.all(result.items.map((item) => services.actionItems.save(item)));
  await Promise.all(saved.map((item) => audit(services, { forumId: forum.id, actorId, action: 'action.created', subject: `action:${item.id}`, after: auditable(item) })));

  const texts = defaultTexts(services);
  const today = todayOf(services);
  for (const item of saved) {
    if (item.owner.kind !== 'member') continue;
    const owner = item.owner;
    const view = itemView(item, forum, owner.userId, members.find((m) => m.userId === owner.userId), today, texts.assignedBanner(forum.name));
    await notifySafely(services, 'assigned', () =>
      services.outbox.enqueue({
        idempotencyKey: `action:${item.id}:assigned`,
        recipient: { kind: 'user', userId: owner.userId },
        activity: cardMessage(texts.summaries.assigned(item.title), actionItemCard(texts.item, view)),
        subject: { type: SUBJECT.item, id: item.id, forumId: forum.id },
        causedBy: actorId,
      }),
    );
  }
  const conversationId = forum.teams?.conversationId;
  if (conversationId !== undefined) {
    const by = members.find((m) => m.userId === actorId)?.displayName ?? '';
    const board = await boardCardOf(services, texts, forum, today, { intro: texts.recordedIntro(saved.length, by) });
    await notifySafely(services, 'board', () =>
      services.outbox.enqueue({
        idempotencyKey: `action-board:${forum.id}:${saved[0]?.id ?? newId()}`,
        recipient: { kind: 'conversation', conversationId },
        activity: cardMessage(texts.summaries.board(forum.name), board),
        subject: { type: SUBJECT.board, id: forum.id, forumId: forum.id },
        causedBy: actorId,
      }),
    );
  }
  return saved;
}

export interface ChangeOutcome {
  forum: Forum;
  item: ActionItem;
  actor: Member | undefined;
}

/** What the access check read already: the forum, the actor's membership and the item (a card click). */
export interface KnownForChange {
  forum: Forum;
  actor: Member | undefined;
  item?: ActionItem;
}

/**
 * Changes one item for the actor. The change is re-applied to the newest version if someone wrote
 * in between (owner and chair at once: neither change is lost), and audited from → to. With `known`
 * nothing is read again: the item is written against the version the check read (a conflict reads
 * it anew), and the audit line is written beside the lists' update once the item stands.
 */
export async function changeItem(
  services: BotServices,
  request: { forumId: string; itemId: string; actorId: string; change: ActionChange; known?: KnownForChange },
): Promise<ChangeOutcome> {
  const { forumId, itemId, actorId, change, known } = request;
  const [forum, actor] = known === undefined ? await Promise.all([requireForum(services, forumId), services.members.find(forumId, actorId)]) : [known.forum, known.actor];
  const ctx = { actorId, actor, todayLocal: todayOf(services), now: services.clock.now() };
  let eventId = '';
  let item: ActionItem;
  try {
    item = await services.actionItems.update(
      forumId,
      itemId,
      (current) => {
        const result = applyActionChange(current, change, ctx);
        if (!result.ok) throw new DomainError(result.code, result.context ?? {});
        return result.item;
      },
      {
        ...(known?.item === undefined ? {} : { read: known.item }),
        alongside: async (saved, before) => {
          eventId = await audit(services, {
            forumId,
            actorId,
            action: `action.${change.kind === 'status' ? `status.${change.to}` : change.kind}`,
            subject: `action:${itemId}`,
            before: auditable(before),
            after: auditable(saved),
          });
        },
      },
    );
  } catch (error) {
    if (error instanceof NotFoundError) throw new DomainError('ACTION.NOT_FOUND');
    throw error;
  }
  await notifyChange(services, { forum, item, actorId, change, eventId });
  return { forum, item, actor };
}

async function notifyChange(services: BotServices, event: { forum: Forum; item: ActionItem; actorId: string; change: ActionChange; eventId: string }): Promise<void> {
  const { forum, item, actorId, change, eventId } = event;
  const texts = defaultTexts(services);
  const today = todayOf(services);
  await notifySafely(services, 'board', () => refreshBoard(services, forum, `action-board:${forum.id}:upd:${eventId}`));
  // Someone else changed the owner's item: their card shows it (their own click replaced it already).
  if (item.owner.kind === 'member' && item.owner.userId !== actorId) {
    const recipient = { kind: 'user' as const, userId: item.owner.userId };
    const ownerId = item.owner.userId;
    await notifySafely(services, 'owner card', async () => {
      const delivery = await services.outbox.findDelivery(SUBJECT.item, item.id, recipient);
      if (delivery === undefined) return;
      const view = itemView(item, forum, ownerId, await services.members.find(forum.id, ownerId), today);
      await services.outbox.enqueue({
        idempotencyKey: `action:${item.id}:upd:${eventId}`,
        recipient,
        operation: { kind: 'update', activityId: delivery.activityId },
        activity: cardMessage(item.title, actionItemCard(texts.item, view)),
        subject: { type: SUBJECT.item, id: item.id, forumId: forum.id },
      });
    });
  }
  // A proposed due date waits for the chair or secretary: they get the item with accept/reject.
  if (change.kind === 'proposeDueDate') {
    const managers = (await services.members.listByForum(forum.id)).filter((m) => m.roles.includes('chair') || m.roles.includes('secretary'));
    for (const manager of managers) {
      if (manager.userId === actorId) continue;
      const view = itemView(item, forum, manager.userId, manager, today, texts.proposalBanner(item.owner.displayName, danishDate(change.date)));
      await notifySafely(services, 'proposal', () =>
        services.outbox.enqueue({
          idempotencyKey: `action:${item.id}:proposal:${change.date}:to:${manager.userId}`,
          recipient: { kind: 'user', userId: manager.userId },
          activity: cardMessage(texts.summaries.proposal(item.title), actionItemCard(texts.item, view)),
          subject: { type: SUBJECT.item, id: item.id, forumId: forum.id },
          causedBy: actorId,
        }),
      );
    }
  }
}

/**
 * "Løftes": creates the escalation case (with its first step) held by the forum one level up, then
 * links it to the item and tells that forum's managers and its channel (as `eskaler` does). Should
 * the link lose (someone escalated it at the same moment), the new case is removed again, so one
 * item never has two cases.
 */
export async function escalateItem(services: BotServices, request: { forumId: string; itemId: string; actorId: string; actorName?: string; note?: string }): Promise<ChangeOutcome> {
  const { forumId, itemId, actorId } = request;
  const [forum, actor, item] = await Promise.all([requireForum(services, forumId), services.members.find(forumId, actorId), requireItem(services, forumId, itemId)]);
  const now = services.clock.now();
  const id = newId();
  const permission = applyActionChange(item, { kind: 'linkEscalation', escalationId: id }, { actorId, actor, todayLocal: todayOf(services), now });
  if (!permission.ok) throw new DomainError(permission.code, permission.context ?? {});
  const person = { userId: actorId, displayName: actor?.displayName ?? request.actorName ?? actorId };
  const draft = escalationForActionItem(item, forum, person, request.note, now, id);
  if (!draft.ok) throw new DomainError(draft.code, draft.context ?? {});
  const escalation = await services.escalations.create(draft.escalation, draft.firstStep);
  let outcome: ChangeOutcome;
  try {
    outcome = await changeItem(services, { forumId, itemId, actorId, change: { kind: 'linkEscalation', escalationId: escalation.id } });
  } catch (error) {
    await services.escalations.delete(escalation.id);
    throw error;
  }
  const { version: _version, ...raised } = escalation;
  await audit(services, { forumId, actorId, action: 'escalation.raised', subject: `escalation:${escalation.id}`, after: { ...raised, firstStep: draft.firstStep } });
  // Told only once the case is linked for good (a lost link removes it above); the outbox keys make it once.
  await announceEscalation(services, escalation);
  return outcome;
}

/**
 * A person's open items across their fora: their own list (one query, however many fora), their
 * memberships and the list of fora (kept in the process while it stands), all side by side: one
 * round. Items of a forum they are no longer in are left out.
 */
export async function myOpenItems(services: BotServices, userId: string): Promise<{ forum: Forum; item: ActionItem }[]> {
  const [memberships, items, fora] = await Promise.all([services.members.listMembershipsOfUser(userId), services.actionItems.listOpenOfOwnerEverywhere(userId), services.fora.list()]);
  const mine = new Set(memberships.map((m) => m.forumId));
  const byId = new Map(fora.map((f) => [f.id, f]));
  return items.flatMap((item) => {
    const forum = byId.get(item.forumId);
    return forum === undefined || !mine.has(item.forumId) ? [] : [{ forum, item }];
  });
}

/** My open items, most urgent first, the page from the `from`th on (`handlinger` in a personal chat, "Vis flere"). */
export async function myActionsCardOf(services: BotServices, texts: ActionItemsTexts, userId: string, from = 1): Promise<AdaptiveCard> {
  const today = todayOf(services);
  const mine = await myOpenItems(services, userId);
  const sort = byUrgency(today);
  mine.sort((a, b) => sort(a.item, b.item));
  const start = pageStart(from, mine.length, MINE_PAGE);
  const items = mine.slice(start, start + MINE_PAGE).map(({ forum, item }) => ({
    forumId: forum.id,
    forumName: forum.name,
    id: item.id,
    title: item.title,
    due: danishDate(item.dueDate),
    overdue: isOverdue(item, today),
    status: item.status,
  }));
  return myActionsCard(texts.mine, { items, total: mine.length, from: start + 1 });
}

export const textsFor = (lang: Lang): ActionItemsTexts => actionItemsTexts[lang];
