import { describe, expect, test } from 'vitest';
import { adaptiveCardsProblems as problemsOf } from '../../cards/support/adaptive-cards-renderer';
import { actionBoardCard } from '../../../cards/action-board.card';
import { actionExportCard } from '../../../cards/action-export.card';
import { actionFollowUpCard } from '../../../cards/action-follow-up.card';
import { actionItemCard, type ActionItemView } from '../../../cards/action-item.card';
import { myActionsCard } from '../../../cards/action-mine.card';
import { actionRecordCard } from '../../../cards/action-record.card';
import type { AdaptiveCard } from '../../../cards/card-kit';
import { entryPoints } from '../../../bot/features';

const cardActions = entryPoints.actions;
import { actionItemsTexts } from '../../../bot/action-items/action-items.texts';
import { boardView } from '../../../bot/action-items/action-views';
import type { Lang } from '../../../bot/i18n';
import { anActionItem } from '../../storage/storage.mothers';


/** Every Action.Execute anywhere in the card (body action sets, show-cards, select actions). */
function executeVerbs(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(executeVerbs);
  if (node === null || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  return [...(record['type'] === 'Action.Execute' ? [String(record['verb'])] : []), ...Object.values(record).flatMap(executeVerbs)];
}

const manyItems = Array.from({ length: 2000 }, (_, i) =>
  anActionItem('kg', { id: `a${i}`, title: `Handling ${i}: en titel af rimelig længde om tryghed ved stationen`, owner: { kind: 'member', userId: `u${i % 40}`, displayName: `Medarbejder ${i % 40}` }, dueDate: i % 3 === 0 ? '2026-02-01' : '2026-04-01' }),
);

function cardsIn(lang: Lang): [string, AdaptiveCard][] {
  const t = actionItemsTexts[lang];
  const view: ActionItemView = {
    id: 'a1', forumId: 'kg', forumName: 'Koordinationsgruppen', title: 'Kontakt boligselskabet', ownerName: 'Jonas Berg', due: '10.03.2026', overdue: true,
    status: 'blocked', blockedReason: 'Venter', proposedDue: '01.04.2026', carriedOver: 2, escalated: false, canWork: true, canManage: true, canEscalate: true, banner: t.overdueBanner,
  };
  return [
    ['item, chair and owner', actionItemCard(t.item, view)],
    ['item, done, owner only', actionItemCard(t.item, { ...view, status: 'done', canManage: false, proposedDue: undefined as never })],
    ['board with 2,000 items', actionBoardCard(t.board, boardView({ id: 'kg' }, manyItems, '2026-03-05', t.boardTitle('Koordinationsgruppen'), { withActions: true }))],
    ['board, empty', actionBoardCard(t.board, boardView({ id: 'kg' }, [], '2026-03-05', t.boardTitle('Koordinationsgruppen'), { withActions: true }))],
    ['mine, a page of 2,000', myActionsCard(t.mine, { items: manyItems.slice(20, 40).map((i) => ({ forumId: 'kg', forumName: 'Koordinationsgruppen', id: i.id, title: i.title, due: '01.04.2026', overdue: false, status: i.status })), total: 2000, from: 21 })],
    ['record', actionRecordCard(t.record, { forumId: 'kg', forumName: 'Koordinationsgruppen', members: [{ userId: 'u1', displayName: 'Jonas' }], agendaItems: [{ id: 'i1', title: 'Punkt 1' }], meetingId: 'm1', defaultDue: '2026-03-19' })],
    ['follow-up', actionFollowUpCard(t.followUp, { forumId: 'kg', forumName: 'Koordinationsgruppen', items: manyItems.slice(0, 30).map((i) => ({ id: i.id, title: i.title, ownerName: 'X', due: '01.04.2026', overdue: true })), total: 30, carryDefault: '2026-04-02' })],
    ['export', actionExportCard(t.export, { forumName: 'Koordinationsgruppen', url: 'https://forumbot.example/forums/kg/actions.csv?u=1', validUntil: '10:00' })],
  ];
}

describe.each(['da', 'en'] as const)('action-item cards in %s', (lang) => {
  test.each(cardsIn(lang))('given the %s card then valid Adaptive Card 1.5 under 80 KB, every button handled by the bot', (_name, card) => {
    expect(problemsOf(card)).toEqual([]);
    expect(card.lang).toBe(lang);
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(80 * 1024);
    const handled = new Set(cardActions.map((a) => a.verb));
    expect(executeVerbs(card).filter((verb) => !handled.has(verb))).toEqual([]);
    expect((card.actions ?? []).length).toBeLessThanOrEqual(6);
  });
});
