import { z } from 'zod';
import type { ActionStatus } from '../domain/actions/action-item';
import { EntityId } from '../domain/shared/ids';
import { ACTION_VERBS } from './action-item.card';
import { adaptiveCard, asText, executeAction, heading, paragraph, type AdaptiveCard, type CardElement, type CardLang } from './card-kit';

/** `actions.board`, `actions.record.form`, `actions.followup`, `actions.export`: a forum's lists and forms. */
export const ForumRefData = z.object({ forumId: EntityId });
/** `actions.board`: a forum's board, from the page after `after` (an opaque cursor) when given; `from` is the first item's place. */
export const BoardPageData = ForumRefData.extend({ after: z.string().min(1).max(600).optional(), from: z.number().int().min(1).max(1_000_000).optional() });

export interface ActionBoardCardText {
  lang: CardLang;
  statuses: Record<ActionStatus, string>;
  due: string;
  overdue: string;
  empty: string;
  shown: (shown: number, total: number) => string;
  /** "Viser 21–40 af 2.000 åbne handlinger." */
  range: (first: number, last: number, total: number) => string;
  more: string;
  firstPage: string;
  overdueCount: (n: number) => string;
  record: string;
  followUp: string;
  export: string;
}

export interface BoardItemView {
  id: string;
  title: string;
  due: string;
  overdue: boolean;
  status: ActionStatus;
}

export interface ActionBoardView {
  forumId: string;
  title: string;
  intro?: string;
  groups: readonly { ownerName: string; items: readonly BoardItemView[] }[];
  /** Open items in all (the card shows a limited number). */
  total: number;
  overdue: number;
  /** Buttons: the forum's board has them, a digest does not. */
  withActions: boolean;
  /** A page of a long board: the place of its first item, the cursor it was read from (not on the first), and the next page's if there is one. */
  page?: { from: number; after?: string; next?: string };
}

/** Most items one card shows; a card must stay well under Teams' 100 KB (the CSV has them all). */
export const BOARD_MAX_ITEMS = 40;

function itemLine(text: ActionBoardCardText, forumId: string, item: BoardItemView, page: ActionBoardView['page']): CardElement {
  // The item card goes back to this page of the board.
  const back = { list: 'board', ...(page?.after === undefined ? {} : { after: page.after, from: page.from }) };
  const due = `${text.due} ${item.due}${item.overdue ? ` · **${text.overdue}**` : ''}`;
  return {
    type: 'Container',
    spacing: 'Small',
    selectAction: executeAction(item.title, ACTION_VERBS.show, { forumId, itemId: item.id, back }),
    items: [paragraph(asText(item.title), { spacing: 'None' }), paragraph(`${due} · ${text.statuses[item.status]}`, { isSubtle: true, size: 'Small', spacing: 'None', color: item.overdue ? 'Attention' : 'Default' })],
  };
}

/** A forum's open action items grouped by owner, overdue first (the order comes from the domain). */
export function actionBoardCard(text: ActionBoardCardText, view: ActionBoardView): AdaptiveCard {
  const body: CardElement[] = [heading(asText(view.title))];
  if (view.intro !== undefined) body.push(paragraph(view.intro));
  if (view.total === 0) body.push(paragraph(text.empty));
  else if (view.overdue > 0) body.push(paragraph(text.overdueCount(view.overdue), { color: 'Attention', weight: 'Bolder' }));
  let shown = 0;
  for (const group of view.groups) {
    if (shown >= BOARD_MAX_ITEMS) break;
    const items = group.items.slice(0, BOARD_MAX_ITEMS - shown);
    shown += items.length;
    body.push({ type: 'TextBlock', text: asText(group.ownerName), weight: 'Bolder', wrap: true, separator: true, spacing: 'Medium' });
    for (const item of items) body.push(itemLine(text, view.forumId, item, view.page));
  }
  const page = view.page;
  if (page !== undefined && shown > 0) body.push(paragraph(text.range(page.from, page.from + shown - 1, view.total), { isSubtle: true, size: 'Small' }));
  else if (shown < view.total) body.push(paragraph(text.shown(shown, view.total), { isSubtle: true, size: 'Small' }));
  const ref = { forumId: view.forumId };
  const paging = [
    ...(page?.next === undefined ? [] : [executeAction(text.more, ACTION_VERBS.board, { ...ref, after: page.next, from: page.from + shown })]),
    ...(page !== undefined && page.from > 1 ? [executeAction(text.firstPage, ACTION_VERBS.board, ref)] : []),
  ];
  const actions = view.withActions
    ? [...paging, executeAction(text.record, ACTION_VERBS.recordForm, ref), executeAction(text.followUp, ACTION_VERBS.followUp, ref), executeAction(text.export, ACTION_VERBS.export, ref)]
    : paging;
  return adaptiveCard(text.lang, body, actions);
}
