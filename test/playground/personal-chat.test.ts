/**
 * The bot in a personal chat, through Microsoft 365 Agents Playground in Chromium. One Playground
 * and one browser for the file; the tests run in order (the first sees the first page load).
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { aForum, aMeetingSeries, aMember } from '../storage/storage.mothers';
import { expectEnglishOverviewInPlace } from './support/language-switch';
import { installEventIn, PlaygroundHarness, WORLD } from './support/playground';

describe('Playground: personal chat', () => {
  let pg: PlaygroundHarness;

  beforeAll(async () => {
    pg = await PlaygroundHarness.start({ storageConnectionString: inject('storageConnectionString') });
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await pg.screenshot(`personal-${task.name}`);
  });

  afterAll(async () => {
    await pg?.close();
  });

  it('given the first visit then the bot greets once with a Danish welcome card, and not again after a page reload re-sends the install events', async () => {
    const welcome = await pg.nextCard('Velkommen til Forumbot');
    expect(await welcome.textContent()).toContain('hjælp');
    await welcome.getByRole('button', { name: 'Vis kommandoer', exact: true }).waitFor();
    await pg.screenshot('personal-welcome');
    const installs = pg.forwarded.filter(installEventIn(WORLD.personalChatId)).length;
    expect(installs).toBeGreaterThanOrEqual(1);
    expect(await pg.page.locator('.ac-adaptiveCard', { hasText: 'Velkommen til Forumbot' }).count()).toBe(1);

    await pg.reload();
    // The reload makes the Playground send installationUpdate and conversationUpdate again; wait until the bot has answered both.
    await pg.waitForForwarded(installEventIn(WORLD.personalChatId), installs + 2);
    await pg.send('hjælp');
    await pg.nextCard('Det kan jeg');
    // Had the bot greeted again, its card would have arrived before the answer to "hjælp".
    expect(await pg.page.locator('.ac-adaptiveCard', { hasText: 'Velkommen til Forumbot' }).count()).toBe(0);
    expect(await pg.page.locator('.ac-adaptiveCard').count()).toBe(1);
  });

  it('given "hjælp" then the bot answers with the Danish command overview', async () => {
    await pg.send('hjælp');
    const card = await pg.nextCard('Det kan jeg');
    for (const command of ['hjælp', 'fora', 'tilknyt [forum]', 'møder', 'dagsorden', 'handlinger', 'eskaler']) {
      await card.getByText(command, { exact: true }).waitFor();
    }
    await card.getByRole('button', { name: 'Show in English', exact: true }).waitFor();
  });

  it('given an unknown command then the bot says so and lists the commands', async () => {
    await pg.send('lav kaffe');
    const reply = await pg.nextText('Den kommando kender jeg ikke.');
    const text = await reply.textContent();
    expect(text).toContain('Du kan skrive:');
    expect(text).toContain('hjælp');
    expect(text).toContain('eskaler');
  });

  it('given the command overview when "Show in English" is clicked then the card is replaced in place by the English one', async () => {
    await pg.send('help');
    await expectEnglishOverviewInPlace(pg, 'personal-action-execute');
  });

  it('given the chair of one forum types "dagsorden" with no name then she gets that forum\'s new-agenda card with its next meeting picked, creates the draft and, typing it again, its editor', async () => {
    const forum = await pg.storage.fora.save(aForum({ id: 'lokalraad-vest', name: 'Lokalråd Vest', level: 'coordinating', escalatesTo: undefined }));
    await pg.storage.members.save(forum.id, aMember({ userId: WORLD.userId, displayName: 'Mette Holm', roles: ['chair'] }));
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await pg.storage.meetingSeries.save(aMeetingSeries(forum.id, { title: 'Lokalrådsmøde', firstDate: tomorrow, rrule: 'FREQ=WEEKLY' }));

    await pg.send('dagsorden');
    let card = await pg.nextCard('Ny dagsorden – Lokalråd Vest');
    // The forum's meetings, as kept for her: the first is picked.
    const picked = card.getByRole('combobox', { name: 'Hvilket møde?' });
    expect(await picked.evaluate((el) => (el instanceof HTMLInputElement ? el.value : (el.textContent ?? '')).trim())).toMatch(/^Lokalrådsmøde – \S+ \d+\. \S+ \d{4} kl\. 09\.00$/);
    await pg.screenshot('personal-agenda-new');
    card = await pg.clickCardAction('Opret dagsorden', card);
    await card.getByText('Dagsordenen er oprettet som kladde.').waitFor();
    expect((await pg.storage.agendas.listByForum(forum.id)).map((a) => a.state)).toEqual(['draft']);

    await pg.send('dagsorden');
    card = await pg.nextCard('Dagsorden – Lokalråd Vest');
    await card.getByRole('button', { name: 'Tilføj punkt', exact: true }).waitFor();
  });
});
