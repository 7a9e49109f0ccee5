/**
 * A case placed in an area of the municipality, over real HTTP: the form offers the fora file's
 * areas, the case keeps and shows the chosen one, an unknown area gives the form back with the reason
 * beside the field and nothing stored, and a sensitive case's area stays with its origin forum.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ESCALATION_VERBS } from '../../../cards/escalation.card';
import { fieldMessage, inputValue } from '../support/card-reading';
import { useRunningBot } from '../support/bot-harness';
import { aChain, cardTexts, click, isErrorCard, personalChatOf, sentCards } from './escalations.support';

const running = useRunningBot();
beforeAll(() => running.bot.app.outbox.start());
afterAll(async () => {
  await running.bot.app.outbox.stop({ timeoutMs: 2_000 });
});

const AREAS = [
  { id: 'hele-kommunen', name: 'Hele kommunen' },
  { id: 'vejleaaparken', name: 'Vejleåparken' },
];
const RAISE = { title: 'Knallertkørsel på stierne', description: 'Flere henvendelser fra beboere.', category: 'problem', urgency: 'normal' };

/** The choices of the card input with this id, as `value`s. */
function choicesOf(card: unknown, id: string): string[] {
  let found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record['id'] === id && Array.isArray(record['choices'])) found = (record['choices'] as { value: string }[]).map((c) => c.value);
      else Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return found;
}

describe('the area of a case', () => {
  test('given the fora file has areas when a consultant raises a case in Vejleåparken then the form offered the areas and the case shows "Område: Vejleåparken"', async () => {
    const chain = await aChain(running, { areas: AREAS });
    const form = await click(running, personalChatOf(chain, chain.raiser), chain.raiser, ESCALATION_VERBS.form, { forumId: chain.origin.forum.id });
    expect(choicesOf(form, 'area')).toEqual(['hele-kommunen', 'vejleaaparken']);

    const card = await click(running, personalChatOf(chain, chain.raiser), chain.raiser, ESCALATION_VERBS.raise, { ...RAISE, area: 'vejleaaparken', originForumId: chain.origin.forum.id });
    expect(isErrorCard(card)).toBe(false);
    expect(JSON.stringify(card)).toContain('"title":"Område","value":"Vejleåparken"');
    const [stored] = await running.storage.storage.escalations.listByOriginForum(chain.origin.forum.id);
    expect(stored?.area).toBe('vejleaaparken');
  });

  test('given an area that is not on the list when the case is raised then the form comes back with the typed title and the reason beside the area, and no case is stored', async () => {
    const chain = await aChain(running, { areas: AREAS });
    const card = await click(running, personalChatOf(chain, chain.raiser), chain.raiser, ESCALATION_VERBS.raise, { ...RAISE, area: 'atlantis', originForumId: chain.origin.forum.id });
    expect(fieldMessage(card, 'area')).toContain('Området findes ikke i kommunens liste');
    expect(inputValue(card, 'title')).toBe(RAISE.title);
    expect(await running.storage.storage.escalations.listByOriginForum(chain.origin.forum.id)).toEqual([]);
  });

  test('given a case from a sensitive forum with an area then the managers above see the case without its area', async () => {
    const chain = await aChain(running, { sensitive: true, areas: AREAS });
    const card = await click(running, personalChatOf(chain, chain.raiser), chain.raiser, ESCALATION_VERBS.raise, { ...RAISE, area: 'vejleaaparken', originForumId: chain.origin.forum.id });
    expect(cardTexts(card).join(' ')).toContain('Vejleåparken');
    const manager = chain.managers[0]!;
    await running.emulator.waitFor(() => running.emulator.sent(personalChatOf(chain, manager).conversationId).length === 1, 10_000);
    const managersCard = sentCards(running, personalChatOf(chain, manager).conversationId)[0]!;
    expect(JSON.stringify(managersCard)).toContain('Knallertkørsel');
    expect(JSON.stringify(managersCard)).not.toContain('Vejleåparken');
  });
});
