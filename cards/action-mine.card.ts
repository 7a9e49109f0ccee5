import type { ActionStatus } from '../domain/actions/action-item';
import { ACTION_VERBS } from './action-item.card';
import { adaptiveCard, asText, executeAction, heading, paragraph, type AdaptiveCard, type CardElement, type CardLang } from './card-kit';

export interface MyActionsCardText {
  lang: CardLang;
  title: string;
  empty: string;
  statuses: Record<ActionStatus, string>;
  due: string;
  overdue: string;
  shown: (shown: number, total: number) => string;
}

export interface MyActionView {
  forumId: string;
  forumName: string;
  id: string;
  title: string;
  due: string;
  overdue: boolean;
  status: ActionStatus;
}

export const MINE_MAX_ITEMS = 40;

/** "My action items" across my fora, overdue first; each opens its own card. */
export function myActionsCard(text: MyActionsCardText, items: readonly MyActionView[]): AdaptiveCard {
  const body: CardElement[] = [heading(text.title)];
  if (items.length === 0) body.push(paragraph(text.empty));
  for (const item of items.slice(0, MINE_MAX_ITEMS)) {
    body.push({
      type: 'Container',
      separator: true,
      selectAction: executeAction(item.title, ACTION_VERBS.show, { forumId: item.forumId, itemId: item.id }),
      items: [
        paragraph(asText(item.title), { weight: 'Bolder', spacing: 'None' }),
        paragraph(`${asText(item.forumName)} · ${text.due} ${item.due}${item.overdue ? ` · **${text.overdue}**` : ''} · ${text.statuses[item.status]}`, {
          isSubtle: true,
          size: 'Small',
          spacing: 'None',
          color: item.overdue ? 'Attention' : 'Default',
        }),
      ],
    });
  }
  if (items.length > MINE_MAX_ITEMS) body.push(paragraph(text.shown(MINE_MAX_ITEMS, items.length), { isSubtle: true, size: 'Small' }));
  return adaptiveCard(text.lang, body);
}
