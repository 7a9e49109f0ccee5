import { describe, expect, test } from 'vitest';
import { FORA_VERBS } from '../../../cards/fora.card';
import { aForum } from '../../storage/storage.mothers';
import { clickCard } from '../support/card-clicks';
import { cardTexts } from '../support/card-reading';
import { useRunningBot } from '../support/bot-harness';
import { sayTo } from '../support/conversation';
import { aChannel, aPerson, aPersonalChat } from '../support/teams-activities';

/**
 * A deployment may serve a thousand fora: the list of all of them (for someone in none, and the
 * channel's `tilknyt`) comes 20 at a time, alphabetically, with the total and "Vis flere"; a name
 * nobody knows offers the first 20 and says how to find the rest.
 */
const running = useRunningBot();

type Card = { body: Record<string, unknown>[]; actions?: { title: string; verb: string; data: Record<string, unknown> }[] };
const cardOf = (reply: Record<string, unknown>): Card => (reply['attachments'] as { content: Card }[])[0]!.content;
/** The fora listed: each forum's container, its name first. */
const namesIn = (card: unknown): string[] => (card as Card).body.filter((e) => e['type'] === 'Container').map((c) => (c['items'] as { text: string }[])[0]!.text);
const buttons = (card: Card) => (card.actions ?? []).map((a) => ({ title: a.title, verb: a.verb, data: a.data }));
const names = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => `Forum ${String(from + i).padStart(2, '0')}`);

describe('the list of all fora, in pages', () => {
  test('given 45 fora and someone in none then 20 at a time alphabetically with the total; "Vis flere" to the end and back', async () => {
    // Saved in reverse, so the order shown is the names', not the storage's.
    for (let i = 45; i >= 1; i--) await running.storage.storage.fora.save(aForum({ id: `forum-${String(i).padStart(2, '0')}-x`, name: `Forum ${String(i).padStart(2, '0')}` }));
    const stranger = aPerson('Ny medarbejder');
    const chat = aPersonalChat();
    const first = cardOf(await sayTo(running, chat, stranger, 'fora'));
    expect(namesIn(first)).toEqual(names(1, 20));
    expect(cardTexts(first)).toContain('Viser 1–20 af 45 fora.');
    expect(buttons(first)).toEqual([{ title: 'Vis flere', verb: FORA_VERBS.page, data: { from: 21 } }]);

    const second = await clickCard(running, chat, stranger, FORA_VERBS.page, { from: 21 });
    expect(namesIn(second)).toEqual(names(21, 40));
    const third = await clickCard(running, chat, stranger, FORA_VERBS.page, { from: 41 });
    expect(namesIn(third)).toEqual(names(41, 45));
    expect(cardTexts(third)).toContain('Viser 41–45 af 45 fora.');
    expect(buttons(third as Card).map((b) => b.title)).toEqual(['Til første side']);
    // A page past the end (fora deleted meanwhile) shows the last page there is.
    expect(namesIn(await clickCard(running, chat, stranger, FORA_VERBS.page, { from: 500 }))).toEqual(names(41, 45));

    // In a channel, `tilknyt` alone: the page's fora to choose from, the link button first, and how to name one not shown.
    const chair = aPerson('Formand');
    const inChannel = cardOf(await sayTo(running, aChannel(), chair, 'tilknyt'));
    const choice = inChannel.body.find((e) => e['type'] === 'Input.ChoiceSet') as { choices: { title: string }[] };
    expect(choice.choices.map((c) => c.title)).toEqual(names(1, 20));
    expect(cardTexts(inChannel)).toContain('Står forummet ikke her, kan du skrive @Forumbot tilknyt og forummets navn.');
    expect(buttons(inChannel).map((b) => b.title)).toEqual(['Knyt kanalen', 'Vis flere']);
    // Paging takes no choice (the choice is required for linking only).
    expect((inChannel.actions ?? []).find((a) => a.verb === FORA_VERBS.page)).toMatchObject({ associatedInputs: 'none' });

    // Page 2 in the channel: its own choice id (a renderer keeping page 1's choice by id showed page 1's fora), and linking from it works.
    const channel = aChannel();
    const page2 = await clickCard(running, channel, chair, FORA_VERBS.page, { from: 21 });
    const choice2 = (page2 as Card).body.find((e) => e['type'] === 'Input.ChoiceSet') as { id: string; choices: { title: string; value: string }[] };
    expect(choice2.id).toBe('forumId_21');
    expect(choice2.choices.map((c) => c.title)).toEqual(names(21, 40));
    await running.storage.storage.members.save(choice2.choices[0]!.value, { userId: chair.aadObjectId, displayName: chair.name, roles: ['chair'] });
    const linked = await clickCard(running, channel, chair, FORA_VERBS.link, { forumId_21: choice2.choices[0]!.value });
    expect(cardTexts(linked)).toContain('Kanalen er nu knyttet til **Forum 21**. Forummets dagsordener og påmindelser bliver sendt hertil.');

    // A name nobody knows: the first 20, and how to narrow them.
    const unknown = cardOf(await sayTo(running, aChannel(), chair, 'tilknyt Intet sådant forum'));
    const offered = unknown.body.find((e) => e['type'] === 'Input.ChoiceSet') as { choices: { title: string }[] };
    expect(offered.choices).toHaveLength(20);
    expect(cardTexts(unknown)).toContain('Viser de første 20 af 45 fora (alfabetisk). Skriv mere af navnet for at finde andre: @Forumbot tilknyt og navnet.');
  });
});
