import { describe, expect, test } from 'vitest';
import { adaptiveCardsProblems as problemsOf } from '../../cards/support/adaptive-cards-renderer';
import { entryPoints } from '../../../bot/features';

const cardActions = entryPoints.actions;
import { escalationTexts } from '../../../bot/escalations/escalations.texts';
import type { AdaptiveCard } from '../../../cards/card-kit';
import { escalationDecisionCard } from '../../../cards/escalation-decision.card';
import { escalationFormCard, escalationListCard } from '../../../cards/escalation-form.card';
import { escalationCard, type EscalationCardView } from '../../../cards/escalation.card';


const LONG = 'x'.repeat(3990);
const fullView: EscalationCardView = {
  id: 'e1',
  step: 3,
  title: 'Flere unge samles ved stationen',
  description: LONG,
  category: 'Tendens',
  urgency: 'high',
  state: 'acknowledged',
  holdingForum: 'Koordinationsgruppen',
  path: ['SSP-netværk', 'Koordinationsgruppen'],
  raisedBy: 'Konsulent Åse',
  decision: LONG,
  history: Array.from({ length: 30 }, (_, i) => ({ at: '01.02.2026 09.00', text: `Skridt ${i}`, note: LONG })),
  seen: { seen: ['Åse'], missing: Array.from({ length: 60 }, (_, i) => `Leder ${i}`) },
  notice: 'Gemt.',
  can: ['ask', 'put_on_agenda', 'resolve', 'escalate', 'return', 'share'],
  refreshUserIds: Array.from({ length: 80 }, (_, i) => `u${i}`),
};

function cards(lang: 'da' | 'en'): [string, AdaptiveCard][] {
  const t = escalationTexts[lang];
  return [
    ['case (largest)', escalationCard(t.card, fullView)],
    ['case, hidden description', escalationCard(t.card, { ...fullView, description: undefined as unknown as string, can: [] })],
    ['decision', escalationDecisionCard(t.decision, { id: 'e1', title: 'T', decidedBy: 'Lokalråd', decision: LONG, task: 'Opgave', seen: false })],
    ['form', escalationFormCard(t.form, { fora: [{ id: 'ssp', name: 'SSP-netværk', escalatesToName: 'Koordinationsgruppen' }], forumId: 'ssp', title: 'Uro' })],
    ['list', escalationListCard(t.list, { raised: [{ id: 'e1', line: 'Uro · Kvitteret' }], waiting: [] })],
  ];
}

const executes = (node: unknown): Record<string, unknown>[] => {
  if (Array.isArray(node)) return node.flatMap(executes);
  if (node === null || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  return [...(record['type'] === 'Action.Execute' ? [record] : []), ...Object.values(record).flatMap(executes)];
};

describe.each(['da', 'en'] as const)('escalation cards in %s', (lang) => {
  test.each(cards(lang))('given the %s card then it is valid 1.5, under 80 KB, and every button has a handler', (_name, card) => {
    expect(problemsOf(card)).toEqual([]);
    expect(card.lang).toBe(lang);
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(80 * 1024);
    const verbs = new Set(cardActions.map((a) => a.verb));
    for (const action of executes(card)) expect(verbs).toContain(action['verb']);
  });

  test('given more than 60 participants then the refresh names at most 60', () => {
    const card = escalationCard(escalationTexts[lang].card, fullView) as AdaptiveCard & { refresh: { userIds: string[] } };
    expect(card.refresh.userIds).toHaveLength(60);
  });
});
