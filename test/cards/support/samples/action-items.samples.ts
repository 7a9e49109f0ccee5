import { actionItemsTexts } from '../../../../bot/action-items/action-items.texts';
import { actionBoardCard } from '../../../../cards/action-board.card';
import { actionExportCard } from '../../../../cards/action-export.card';
import { actionFollowUpCard } from '../../../../cards/action-follow-up.card';
import { actionItemCard } from '../../../../cards/action-item.card';
import { myActionsCard } from '../../../../cards/action-mine.card';
import { actionRecordCard } from '../../../../cards/action-record.card';
import type { CardLang } from '../../../../cards/card-kit';
import { sample, type CardSample } from '../sample';

const t = (lang: CardLang) => actionItemsTexts[lang];

const owners = ['Proaktiv konsulent', 'Familierådgiver (CBF)', 'Lokalbetjent', 'Skoleleder', 'Koordinator for det opsøgende arbejde'];
/** Forty open items over five owners: more than a card shows. */
const boardGroups = owners.map((ownerName, o) => ({
  ownerName,
  items: Array.from({ length: 8 }, (_, i) => ({
    id: `action-${o}-${i}`,
    title: `Kontakt boligforeningen om belysning og tryghedsvandring i område ${i + 1}`,
    due: `${String(10 + i).padStart(2, '0')}.12.2026`,
    overdue: i < 2,
    status: (['open', 'started', 'blocked'] as const)[i % 3]!,
  })),
}));

const item = {
  id: 'action-1',
  forumId: 'koordinationsgruppen',
  forumName: 'Koordinationsgruppen',
  title: 'Planlæg aftenvandringer med gadeplan og politiet',
  ownerName: 'Koordinator for det opsøgende arbejde',
  due: '15.01.2027',
  overdue: false,
  status: 'open',
  escalated: false,
  canWork: true,
  canManage: true,
  canEscalate: true,
} as const;

const members = owners.map((displayName, i) => ({ userId: `member-${i}`, displayName }));

/** Action items: one item, the forum's board, my items, recording after a meeting, follow-up and the export link. */
export const actionItemsSamples: readonly CardSample[] = [
  sample(actionItemCard, (lang) => ({
    'chair, open': actionItemCard(t(lang).item, item),
    'owner, blocked, due date proposed, carried over': actionItemCard(t(lang).item, {
      ...item,
      status: 'blocked',
      blockedReason: 'Venter på svar fra boligforeningen om belysningen.',
      proposedDue: '01.02.2027',
      carriedOver: 2,
      overdue: true,
      canManage: false,
      canEscalate: false,
      banner: lang === 'da' ? 'Fristen er om 2 dage.' : 'Due in 2 days.',
    }),
    'reader, done, escalated': actionItemCard(t(lang).item, { ...item, status: 'done', escalated: true, canWork: false, canManage: false, canEscalate: false }),
  })),
  sample(actionBoardCard, (lang) => ({
    'board with buttons': actionBoardCard(t(lang).board, { forumId: 'koordinationsgruppen', title: 'Koordinationsgruppen', groups: boardGroups, total: 40, overdue: 10, withActions: true }),
    'digest, nothing open': actionBoardCard(t(lang).board, { forumId: 'koordinationsgruppen', title: 'Koordinationsgruppen', intro: 'Ugens overblik', groups: [], total: 0, overdue: 0, withActions: false }),
  })),
  sample(myActionsCard, (lang) => {
    const items = ['Koordinationsgruppen', 'SSP-NU u18', 'SSP-netværk'].flatMap((forumName, f) => boardGroups[f]!.items.map((i) => ({ ...i, forumId: `forum-${f}`, forumName })));
    return {
      none: myActionsCard(t(lang).mine, { items: [], total: 0, from: 1 }),
      'items in three fora': myActionsCard(t(lang).mine, { items, total: items.length, from: 1 }),
      'a middle page of many': myActionsCard(t(lang).mine, { items, total: items.length + 40, from: 21 }),
    };
  }),
  sample(actionRecordCard, (lang) => ({
    'after a meeting': actionRecordCard(t(lang).record, {
      forumId: 'koordinationsgruppen',
      forumName: 'Koordinationsgruppen',
      members,
      agendaItems: [
        { id: 'item-1', title: 'Tryghedsindsatsen i boligområderne' },
        { id: 'item-2', title: 'Unge og bander' },
      ],
      meetingId: 'meeting-1',
      defaultDue: '2027-01-15',
    }),
    'no agenda': actionRecordCard(t(lang).record, { forumId: 'koordinationsgruppen', forumName: 'Koordinationsgruppen', members, agendaItems: [], defaultDue: '2027-01-15' }),
  })),
  sample(actionFollowUpCard, (lang) => ({
    'open items to carry over': actionFollowUpCard(t(lang).followUp, {
      forumId: 'koordinationsgruppen',
      forumName: 'Koordinationsgruppen',
      items: boardGroups.flatMap((g) => g.items.slice(0, 3).map((i) => ({ id: i.id, title: i.title, ownerName: g.ownerName, due: i.due, overdue: i.overdue }))),
      total: 15,
      carryDefault: '2027-01-15',
    }),
  })),
  sample(actionExportCard, (lang) => ({
    'download link': actionExportCard(t(lang).export, {
      forumName: 'Koordinationsgruppen',
      url: 'https://forumbot.ishoj.dk/actions/koordinationsgruppen.csv?sig=abc',
      validUntil: '23.11.2026 kl. 14.00',
    }),
  })),
];
