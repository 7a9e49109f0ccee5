import { z } from 'zod';
import { GuardedText } from '../domain/shared/guarded-text';
import type { ActionStatus } from '../domain/actions/action-item';
import { EntityId } from '../domain/shared/ids';
import { TEXT_LIMITS } from '../domain/shared/text-limits';
import { textField } from './form-fields';
import { formTexts } from './form-texts';
import { adaptiveCard, asText, executeAction, heading, paragraph, type AdaptiveCard, type CardElement, type CardLang } from './card-kit';

/** Every verb of the action-item cards; the bot routes by these. */
export const ACTION_VERBS = {
  show: 'actions.item.show',
  status: 'actions.item.status',
  block: 'actions.item.block',
  propose: 'actions.item.propose',
  decide: 'actions.item.decide',
  carry: 'actions.item.carry',
  escalate: 'actions.item.escalate',
  record: 'actions.record',
  recordForm: 'actions.record.form',
  board: 'actions.board',
  mine: 'actions.mine',
  followUp: 'actions.followup',
  export: 'actions.export',
} as const;

const ItemRef = z.object({ forumId: EntityId, itemId: EntityId });
/** The list page an item card was opened from ("Mine handlinger", a forum's board), for its "back" button. */
export const ListBack = z.object({
  list: z.enum(['mine', 'board']),
  from: z.number().int().min(1).max(1_000_000).optional(),
  /** The board page's cursor (the board pages by cursor). */
  after: z.string().min(1).max(600).optional(),
});
export type ListBack = z.infer<typeof ListBack>;
export const ItemShowData = ItemRef.extend({ back: ListBack.optional() });
/** `actions.item.status`: started, done, reopened or cancelled (blocked has its own verb: it needs a reason). */
export const ItemStatusData = ItemRef.extend({ to: z.enum(['open', 'started', 'done', 'cancelled']), from: z.enum(['followUp', 'item']).optional(), back: ListBack.optional() });
export const BLOCK_REASON_INPUT = 'blockedReason';
export const ItemBlockData = ItemRef.extend({ [BLOCK_REASON_INPUT]: GuardedText.max(2000).optional() });
export const PROPOSED_DATE_INPUT = 'proposedDueDate';
export const ItemProposeData = ItemRef.extend({ [PROPOSED_DATE_INPUT]: GuardedText.max(20).optional() });
export const ItemDecideData = ItemRef.extend({ accept: z.boolean() });
export const ESCALATION_NOTE_INPUT = 'escalationNote';
export const ItemEscalateData = ItemRef.extend({ [ESCALATION_NOTE_INPUT]: GuardedText.max(5000).optional() });

export interface ActionItemCardText {
  lang: CardLang;
  statuses: Record<ActionStatus, string>;
  owner: string;
  forum: string;
  due: string;
  overdue: string;
  blockedBecause: string;
  proposed: string;
  carriedOver: (n: number) => string;
  escalated: string;
  start: string;
  done: string;
  reopen: string;
  block: string;
  blockReasonLabel: string;
  blockSubmit: string;
  propose: string;
  proposeLabel: string;
  proposeSubmit: string;
  accept: string;
  reject: string;
  cancel: string;
  escalate: string;
  escalateLabel: string;
  escalateSubmit: string;
  backToList: string;
}

export interface ActionItemView {
  id: string;
  forumId: string;
  forumName: string;
  title: string;
  ownerName: string;
  /** Shown as written (dd-mm-yyyy). */
  due: string;
  overdue: boolean;
  status: ActionStatus;
  blockedReason?: string;
  proposedDue?: string;
  carriedOver?: number;
  escalated: boolean;
  /** The viewer is the owner (status buttons) … */
  canWork: boolean;
  /** … or the chair/secretary (everything). */
  canManage: boolean;
  /** Where it can go one level up ("løftes"). */
  canEscalate: boolean;
  /** A line above the title (reminders: "due in 2 days"). */
  banner?: string;
  /** Opened from a list: a button back to that page, kept through status changes. */
  back?: ListBack;
}

/** The list page to go back to: its verb and data. */
function backAction(text: ActionItemCardText, forumId: string, back: ListBack): CardElement {
  const page = { ...(back.from === undefined ? {} : { from: back.from }), ...(back.after === undefined ? {} : { after: back.after }) };
  return back.list === 'mine'
    ? executeAction(text.backToList, ACTION_VERBS.mine, back.from === undefined ? {} : { from: back.from }, { associatedInputs: 'none' })
    : executeAction(text.backToList, ACTION_VERBS.board, { forumId, ...page }, { associatedInputs: 'none' });
}

const showCard = (title: string, body: CardElement[], submit: CardElement): CardElement => ({
  type: 'Action.ShowCard',
  title,
  card: { type: 'AdaptiveCard', body, actions: [submit] },
});

/** One action item with what the viewer may do to it: the owner's personal card, and the chair's view. */
export function actionItemCard(text: ActionItemCardText, view: ActionItemView): AdaptiveCard {
  const ref = { forumId: view.forumId, itemId: view.id };
  // A status change answers with this card again: it keeps the way back.
  const statusRef = view.back === undefined ? ref : { ...ref, back: view.back };
  const facts = [
    { title: text.forum, value: asText(view.forumName) },
    { title: text.owner, value: asText(view.ownerName) },
    { title: text.due, value: view.overdue ? `${view.due} · ${text.overdue}` : view.due },
    ...(view.proposedDue === undefined ? [] : [{ title: text.proposed, value: view.proposedDue }]),
    ...(view.blockedReason === undefined ? [] : [{ title: text.blockedBecause, value: asText(view.blockedReason) }]),
  ];
  const body: CardElement[] = [
    ...(view.banner === undefined ? [] : [paragraph(view.banner, { weight: 'Bolder', color: view.overdue ? 'Attention' : 'Accent' })]),
    heading(asText(view.title)),
    paragraph(text.statuses[view.status], { weight: 'Bolder', color: view.status === 'blocked' || view.overdue ? 'Attention' : view.status === 'done' ? 'Good' : 'Default', spacing: 'None' }),
    { type: 'FactSet', facts },
    ...(view.carriedOver === undefined || view.carriedOver === 0 ? [] : [paragraph(text.carriedOver(view.carriedOver), { isSubtle: true, size: 'Small' })]),
    ...(view.escalated ? [paragraph(text.escalated, { isSubtle: true, size: 'Small' })] : []),
  ];
  const open = view.status !== 'done' && view.status !== 'cancelled';
  const actions: CardElement[] = [];
  if (view.canWork || view.canManage) {
    if (open) {
      if (view.status !== 'started') actions.push(executeAction(text.start, ACTION_VERBS.status, { ...statusRef, to: 'started' }));
      actions.push(executeAction(text.done, ACTION_VERBS.status, { ...statusRef, to: 'done' }, { style: 'positive' }));
      actions.push(
        showCard(text.block, [textField(text.lang, { id: BLOCK_REASON_INPUT, label: text.blockReasonLabel, max: TEXT_LIMITS.blockedReason, multiline: true, required: true })], executeAction(text.blockSubmit, ACTION_VERBS.block, ref)),
      );
      actions.push(showCard(text.propose, [{ type: 'Input.Date', id: PROPOSED_DATE_INPUT, label: text.proposeLabel, isRequired: true, errorMessage: formTexts[text.lang].required(text.proposeLabel) }], executeAction(text.proposeSubmit, ACTION_VERBS.propose, ref)));
    } else {
      actions.push(executeAction(text.reopen, ACTION_VERBS.status, { ...statusRef, to: 'open' }));
    }
  }
  // The chair's buttons sit in the body: Teams shows at most six actions in a row.
  if (view.canManage && open) {
    const manage: CardElement[] = [];
    if (view.proposedDue !== undefined) {
      manage.push(executeAction(text.accept, ACTION_VERBS.decide, { ...ref, accept: true }, { style: 'positive' }));
      manage.push(executeAction(text.reject, ACTION_VERBS.decide, { ...ref, accept: false }));
    }
    if (view.canEscalate && !view.escalated) {
      manage.push(showCard(text.escalate, [textField(text.lang, { id: ESCALATION_NOTE_INPUT, label: text.escalateLabel, max: TEXT_LIMITS.caseText, multiline: true })], executeAction(text.escalateSubmit, ACTION_VERBS.escalate, ref)));
    }
    // Last, and only after a second click: cancelling cannot be undone by the owner.
    manage.push(showCard(text.cancel, [paragraph(`${asText(view.title)}?`, { weight: 'Bolder' })], executeAction(text.cancel, ACTION_VERBS.status, { ...ref, to: 'cancelled' }, { style: 'destructive' })));
    body.push({ type: 'ActionSet', actions: manage });
  }
  if (view.back !== undefined) actions.push(backAction(text, view.forumId, view.back));
  return adaptiveCard(text.lang, body, actions);
}
