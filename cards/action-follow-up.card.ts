import { z } from 'zod';
import { EntityId } from '../domain/shared/ids';
import { ACTION_VERBS } from './action-item.card';
import { adaptiveCard, asText, executeAction, heading, paragraph, type AdaptiveCard, type CardElement, type CardLang } from './card-kit';

/** The date input of one item on the follow-up card. */
export const carryInput = (itemId: string): string => `carry_${itemId}`;

/** `actions.item.carry`: the item, and the card's inputs (its own date among them). */
export const ItemCarryData = z.object({ forumId: EntityId, itemId: EntityId }).catchall(z.string().max(40));

export interface ActionFollowUpCardText {
  lang: CardLang;
  title: string;
  intro: string;
  empty: string;
  due: string;
  overdue: string;
  close: string;
  carry: string;
  carryLabel: string;
  shown: (shown: number, total: number) => string;
}

export interface FollowUpView {
  forumId: string;
  forumName: string;
  items: readonly { id: string; title: string; ownerName: string; due: string; overdue: boolean }[];
  total: number;
  /** Suggested new due date for carried-over items (yyyy-mm-dd). */
  carryDefault: string;
}

export const FOLLOW_UP_MAX_ITEMS = 25;

/** Follow-up at the meeting: each open item can be closed or carried over to a new due date. */
export function actionFollowUpCard(text: ActionFollowUpCardText, view: FollowUpView): AdaptiveCard {
  const body: CardElement[] = [heading(`${text.title} · ${asText(view.forumName)}`), paragraph(text.intro, { isSubtle: true })];
  if (view.items.length === 0) body.push(paragraph(text.empty));
  for (const item of view.items.slice(0, FOLLOW_UP_MAX_ITEMS)) {
    const ref = { forumId: view.forumId, itemId: item.id };
    body.push({
      type: 'Container',
      separator: true,
      items: [
        paragraph(`**${asText(item.title)}** — ${asText(item.ownerName)}`, { spacing: 'None' }),
        paragraph(`${text.due} ${item.due}${item.overdue ? ` · ${text.overdue}` : ''}`, { isSubtle: true, size: 'Small', spacing: 'None', color: item.overdue ? 'Attention' : 'Default' }),
        { type: 'Input.Date', id: carryInput(item.id), label: text.carryLabel, value: view.carryDefault },
        {
          type: 'ActionSet',
          actions: [
            executeAction(text.close, ACTION_VERBS.status, { ...ref, to: 'done', from: 'followUp' }, { style: 'positive' }),
            executeAction(text.carry, ACTION_VERBS.carry, ref),
          ],
        },
      ],
    });
  }
  if (view.total > FOLLOW_UP_MAX_ITEMS) body.push(paragraph(text.shown(FOLLOW_UP_MAX_ITEMS, view.total), { isSubtle: true, size: 'Small' }));
  return adaptiveCard(text.lang, body);
}
