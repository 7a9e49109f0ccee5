import { refusal, type Refusal } from './refusal';
import { z } from 'zod';
import { GuardedEmail, GuardedText } from '../shared/guarded-text';
import type { Member } from '../fora/forum';
import { containsCprNumber } from '../shared/cpr-guard';
import { refused } from '../shared/domain-error';
import { EntityId, UserId } from '../shared/ids';
import { LocalDate } from '../shared/time';
import { ACTION_TITLE_MAX, type ActionItem } from './action-item';
import { canRecordActionItems, checkDueDate } from './action-item.rules';

/** At most this many items in one recording (one card). */
export const MAX_ITEMS_PER_RECORDING = 10;

/** One item as the chair or secretary enters it; the owner is a member (by id) or a named outsider. */
export const NewActionItem = z.object({
  title: GuardedText.trim().min(1).max(ACTION_TITLE_MAX),
  owner: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('member'), userId: UserId }),
    z.object({ kind: z.literal('external'), displayName: GuardedText.trim().min(1).max(200), email: GuardedEmail }),
  ]),
  dueDate: LocalDate,
  originAgendaItemId: EntityId.optional(),
});
export type NewActionItem = z.infer<typeof NewActionItem>;

export interface RecordContext {
  forumId: string;
  members: readonly Member[];
  actorId: string;
  actor: Member | undefined;
  todayLocal: string;
  now: Date;
  newId: () => string;
  originMeetingId?: string;
}

export type RecordResult = { ok: true; items: ActionItem[] } | Refusal;

/** Checks a recording as a whole (nothing is created if one row is wrong) and builds the items. */
export function buildActionItems(inputs: readonly NewActionItem[], ctx: RecordContext): RecordResult {
  const permission = canRecordActionItems(ctx.actor);
  if (!permission.ok) return permission;
  if (inputs.length === 0) return refusal(refused('ACTION.NO_ITEMS'));
  if (inputs.length > MAX_ITEMS_PER_RECORDING) return refusal(refused('ACTION.TOO_MANY', { max: MAX_ITEMS_PER_RECORDING }));
  const at = ctx.now.toISOString();
  const items: ActionItem[] = [];
  for (const [index, input] of inputs.entries()) {
    const row = index + 1;
    const outsiderName = input.owner.kind === 'external' ? input.owner.displayName : '';
    if (containsCprNumber(input.title) || containsCprNumber(outsiderName)) return refusal(refused('INPUT.CPR_NUMBER', { row }));
    const due = checkDueDate(input.dueDate, ctx.todayLocal);
    if (!due.ok) return refusal(refused('ACTION.DUE_IN_PAST', { row, dueDate: input.dueDate }));
    let owner: ActionItem['owner'];
    if (input.owner.kind === 'member') {
      const ownerId = input.owner.userId;
      const member = ctx.members.find((m) => m.userId === ownerId);
      if (member === undefined) return refusal(refused('ACTION.OWNER_NOT_MEMBER', { row }));
      owner = { kind: 'member', userId: member.userId, displayName: member.displayName };
    } else {
      owner = input.owner;
    }
    items.push({
      id: ctx.newId(),
      forumId: ctx.forumId,
      title: input.title,
      owner,
      dueDate: input.dueDate,
      status: 'open',
      ...(input.originAgendaItemId === undefined ? {} : { originAgendaItemId: input.originAgendaItemId }),
      ...(ctx.originMeetingId === undefined ? {} : { originMeetingId: ctx.originMeetingId }),
      createdBy: ctx.actorId,
      createdAt: at,
      updatedAt: at,
    });
  }
  return { ok: true, items };
}
