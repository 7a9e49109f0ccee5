import { describe, expect, test } from 'vitest';
import { adaptiveCardsProblems as problemsOf } from '../../cards/support/adaptive-cards-renderer';
import { entryPoints } from '../../../bot/features';

const cardActions = entryPoints.actions;
import { registryTexts } from '../../../bot/registry/registry.texts';
import type { AdaptiveCard } from '../../../cards/card-kit';
import { forumChoiceCard } from '../../../cards/forum-choice.card';
import { forumListCard } from '../../../cards/forum-list.card';
import { forumCard, type ForumCardView } from '../../../cards/forum.card';
import { memberFormCard } from '../../../cards/member-form.card';
import { memberRemoveCard, memberRolesCard } from '../../../cards/member-roles.card';

// The adaptivecards object model parses and validates without a browser.

/** Every Action.Execute anywhere in the card (actions, ActionSets, refresh). */
function executesIn(node: unknown): Record<string, unknown>[] {
  if (Array.isArray(node)) return node.flatMap(executesIn);
  if (node === null || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  return [...(o['type'] === 'Action.Execute' ? [o] : []), ...Object.values(o).flatMap(executesIn)];
}

const people = Array.from({ length: 60 }, (_, i) => ({ userId: `u${i}`, displayName: `Person Nummer ${i} med et langt navn`, roles: i === 0 ? (['chair'] as const) : (['member', 'consultant'] as const) }));

const forumView = (over: Partial<ForumCardView> = {}): ForumCardView => ({
  id: 'koordinationsgruppen',
  name: 'Koordinationsgruppen',
  level: 'coordinating',
  sensitive: false,
  linked: true,
  channelName: 'Koordination',
  nextMeeting: 'tirsdag 13. januar 2026 kl. 09.00',
  escalatesTo: { id: 'lokalraad', name: 'Lokalråd' },
  escalatedFrom: [{ id: 'ssp-netvaerk', name: 'SSP-netværk' }],
  members: people,
  canManage: true,
  ...over,
});

function cardsIn(lang: 'da' | 'en'): [string, AdaptiveCard][] {
  const t = registryTexts[lang];
  const member = { forumId: 'f', forumName: 'Infohus', userId: 'u1', displayName: 'Åse', email: 'aase@ishoj.dk', roles: ['consultant', 'member'] as const };
  const fora = ['SSP-NU u18', 'SSP-NU o18', 'SSP-netværk', 'Kredsråd', 'Lokalråd', 'Infohus'].map((name, i) => ({ id: `f${i}`, name, level: 'coordinating' as const }));
  return [
    ['forum list', forumListCard(t.list, { fora: [{ id: 'a', name: 'Infohus', level: 'coordinating', sensitive: true, chairs: ['Birgitte'], myRoles: ['chair'], nextMeeting: 'x' }], hiddenNote: t.sensitiveHidden })],
    ['forum, chair view with 60 members', forumCard(t.forum, forumView())],
    ['forum, public view with refresh', forumCard(t.forum, forumView({ canManage: false, sensitive: true, members: undefined, refreshFor: people.map((p) => `29:${p.userId}`) }))],
    ['forum, empty', forumCard(t.forum, forumView({ members: [], escalatesTo: undefined, escalatedFrom: [], linked: false, nextMeeting: undefined }))],
    ['member form', memberFormCard(t.memberForm, { forumId: 'f', forumName: 'Infohus', known: people, error: t.form.nameMissing, values: { name: 'Gitte', roles: 'member' } })],
    ['member roles', memberRolesCard(t.memberRoles, member)],
    ['member remove', memberRemoveCard(t.memberRoles, member)],
    ['choice, few', forumChoiceCard(t.choice, { typed: 'ssp nu', matched: true, fora: fora.slice(0, 2) })],
    ['choice, many', forumChoiceCard(t.choice, { typed: 'xyz', matched: false, fora })],
  ];
}

describe.each(['da', 'en'] as const)('registry cards in %s', (lang) => {
  test.each(cardsIn(lang))('given the %s card then it is valid Adaptive Card 1.5, in the language and under 80 KB', (_name, card) => {
    expect(problemsOf(card)).toEqual([]);
    expect(card.lang).toBe(lang);
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(80 * 1024);
  });

  test.each(cardsIn(lang))('given the %s card then every Action.Execute has a handler', (_name, card) => {
    const verbs = new Set(cardActions.map((a) => a.verb));
    const executes = executesIn(card);
    expect(executes.length).toBeGreaterThan(0);
    for (const action of executes) expect(verbs.has(String(action['verb']))).toBe(true);
  });
});

test('given more than 60 members to refresh then the card lists only 60 (Teams refreshes no more)', () => {
  const card = forumCard(registryTexts.da.forum, forumView({ refreshFor: Array.from({ length: 80 }, (_, i) => `29:${i}`) }));
  expect(card.refresh?.userIds).toHaveLength(60);
});

test('given a sensitive forum the viewer may not see then the card names no member', () => {
  const card = forumCard(registryTexts.da.forum, forumView({ sensitive: true, members: undefined }));
  expect(JSON.stringify(card)).not.toContain('Person Nummer');
  expect(card.actions).toBeUndefined();
});
