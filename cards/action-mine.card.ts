import { z } from 'zod';
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
  /** "Viser 21–40 af 57 åbne handlinger, de mest presserende først." */
  range: (first: number, last: number, total: number) => string;
  more: string;
  firstPage: string;
}

/** `actions.mine`: my open items from the `from`th on (1 when absent). */
export const MinePageData = z.object({ from: z.number().int().min(1).max(1_000_000).optional() });
export type MinePageData = z.infer<typeof MinePageData>;

export interface MyActionView {
  forumId: string;
  forumName: string;
  id: string;
  title: string;
  due: string;
  overdue: boolean;
  status: ActionStatus;
}

/** Items one card shows; "Vis flere" gives the next ones. */
export const MINE_PAGE = 20;

export interface MyActionsView {
  /** The page shown, most urgent first. */
  items: readonly MyActionView[];
  /** All my open items, across my fora. */
  total: number;
  /** The place of the page's first item (1 on the first page). */
  from: number;
}

/** "My action items" across my fora, overdue first, a page at a time; each opens its own card. */
export function myActionsCard(text: MyActionsCardText, view: MyActionsView): AdaptiveCard {
  const body: CardElement[] = [heading(text.title)];
  if (view.total === 0) body.push(paragraph(text.empty));
  for (const item of view.items) {
    body.push({
      type: 'Container',
      separator: true,
      selectAction: executeAction(item.title, ACTION_VERBS.show, { forumId: item.forumId, itemId: item.id, back: { list: 'mine', ...(view.from > 1 ? { from: view.from } : {}) } }),
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
  const shown = view.items.length;
  const paged = view.from > 1 || view.from + shown - 1 < view.total;
  if (shown > 0 && paged) body.push(paragraph(text.range(view.from, view.from + shown - 1, view.total), { isSubtle: true, size: 'Small' }));
  const actions = [
    ...(view.from + shown - 1 < view.total && shown > 0 ? [executeAction(text.more, ACTION_VERBS.mine, { from: view.from + shown })] : []),
    ...(view.from > 1 ? [executeAction(text.firstPage, ACTION_VERBS.mine, {})] : []),
  ];
  return adaptiveCard(text.lang, body, actions);
}
