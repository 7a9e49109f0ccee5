import { describe, expect, test } from 'vitest';
import { adaptiveCardsProblems as problemsOf } from '../cards/support/adaptive-cards-renderer';
import type { AdaptiveCard } from '../../cards/card-kit';
import { errorCard } from '../../cards/error.card';
import { foraCard } from '../../cards/fora.card';
import { helpCard } from '../../cards/help.card';
import { noticeCard } from '../../cards/notice.card';
import { welcomeCard } from '../../cards/welcome.card';
import { entryPoints } from '../../bot/features';

const cardActions = entryPoints.actions;
import { commandOverview } from '../../bot/help/help.command';
import { messagesFor, type Lang } from '../../bot/i18n';


function cardsIn(lang: Lang): [string, AdaptiveCard][] {
  const t = messagesFor(lang);
  const fora = [
    { id: 'ssp-netvaerk', name: 'SSP-netværk', level: 'executing' as const, sensitive: false, linkedHere: true },
    { id: 'infohus', name: 'Infohus', level: 'coordinating' as const, sensitive: true, linkedHere: false },
  ];
  return [
    ['welcome', welcomeCard(t.cards.welcome, { commands: commandOverview(t).map((c) => c.usage) })],
    ['help', helpCard(t.cards.help, { commands: commandOverview(t) })],
    ['error', errorCard(t.cards.error, t.errors['FORUM.NOT_CHAIR']({}))],
    ['fora in a chat', foraCard(t.cards.fora, { fora, offerLink: false })],
    ['fora in a channel', foraCard(t.cards.fora, { fora, offerLink: true })],
    ['fora, none yet', foraCard(t.cards.fora, { fora: [], offerLink: true })],
    ['notice', noticeCard(lang, t.replies.linkedTitle, t.replies.linked('SSP-netværk'))],
  ];
}

const actionsOf = (card: AdaptiveCard): Record<string, unknown>[] => (card.actions ?? []) as Record<string, unknown>[];

describe.each(['da', 'en'] as const)('cards in %s', (lang) => {
  test.each(cardsIn(lang))('given the %s card then it is valid Adaptive Card 1.5 in the right language and well under 80 KB', (_name, card) => {
    expect(problemsOf(card)).toEqual([]);
    expect(card.version).toBe('1.5');
    expect(card.lang).toBe(lang);
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(80 * 1024);
  });

  test.each(cardsIn(lang))('given the %s card then every button is an Action.Execute whose verb has a handler', (_name, card) => {
    const verbs = new Set(cardActions.map((a) => a.verb));
    for (const action of actionsOf(card)) {
      expect(action['type']).toBe('Action.Execute');
      expect(verbs.has(String(action['verb']))).toBe(true);
    }
  });
});

test('given a problem the checker knows then it is reported (the check above can fail)', () => {
  const broken = { ...helpCard(messagesFor('da').cards.help, { commands: [] }), body: [{ type: 'Input.ChoiceSet', choices: [] }] } as AdaptiveCard;
  expect(problemsOf(broken).length).toBeGreaterThan(0);
});
