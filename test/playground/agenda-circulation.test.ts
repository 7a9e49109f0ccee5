/**
 * The Kredsråd agenda flow in Microsoft 365 Agents Playground, driven in Chromium as the chair
 * would: build and publish an agenda with three items, circulate it, answer (and change the answer)
 * from the consultant card, remind the missing, and read the briefing after the deadline.
 *
 * The Playground has one current user (Mette Holm) and no way to switch: so Mette is the
 * Kredsråd's chair AND an SSP consultant in the forum below (her own card arrives in her chat).
 * The other consultants' clicks are made in-process through the same card actions the invoke
 * handler routes to (their views are covered over HTTP in test/bot/agendas/).
 */
import type { Locator } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { agendasFeature } from '../../bot/agendas/agendas.feature';
import { messagesFor } from '../../bot/i18n';
import type { Agenda } from '../../domain/agendas/agenda';
import { aForum, aMember } from '../storage/storage.mothers';
import { TestClock } from '../bot/agendas/agenda-harness';
import { PlaygroundHarness, WORLD } from './support/playground';

const TENANT = '7c1e4a52-3d9b-4f60-8a21-5b0c9e7d3f14';
const METTE = { userId: WORLD.userId, name: 'Mette Holm' };
const JONAS = { userId: '0d4f8b1e-6a2c-4e57-9b13-000000000002', name: 'Jonas Berg', teamsId: '29:demo-jonas-berg' };
const ALI = { userId: '0d4f8b1e-6a2c-4e57-9b13-000000000004', name: 'Ali Demir', teamsId: '29:demo-ali-demir' };
const KAREN = { userId: '0d4f8b1e-6a2c-4e57-9b13-000000000005', name: 'Karen Friis', teamsId: '29:demo-karen-friis' };

/** The Playground renders Input.Date as a Fluent date picker (a combobox that also takes typed dates, read month first as in en-US). */
async function pickDate(card: Locator, label: string, typed: string): Promise<void> {
  const field = card.getByRole('combobox', { name: label });
  await field.click();
  await field.page().keyboard.press('Escape');
  await field.fill(typed);
  await field.press('Tab');
}

const ITEMS = ['Lukketider for udskænkningssteder', 'Tryghedsmåling 2026', 'Eventuelt'];

describe('Playground: the Kredsråd agenda circulated for input', () => {
  let pg: PlaygroundHarness;
  const clock = new TestClock();
  let agenda: Agenda;

  /** A consultant's click outside the browser: the same action the invoke handler would route to. */
  async function clickAs(person: { userId: string; name: string }, verb: string, data: Record<string, unknown>): Promise<void> {
    const action = agendasFeature.actions?.find((a) => a.verb === verb);
    const info = { serviceUrl: pg.connectorUrl, botId: '28:forumbot-demo', actor: { userId: person.userId, teamsId: `29:${person.userId}`, name: person.name }, place: { conversationId: `a:${person.userId}`, kind: 'personal' as const } };
    await action!.handle({ info, actor: info.actor, t: messagesFor('da'), services: pg.app.services }, data);
  }

  beforeAll(async () => {
    clock.set('2030-03-01T08:00:00.000Z');
    pg = await PlaygroundHarness.start({ storageConnectionString: inject('storageConnectionString'), clock, startOutbox: true });
    const { storage } = pg;
    const kreds = await storage.fora.save(
      aForum({ id: 'kredsraad', name: 'Kredsråd', level: 'strategic', escalatesTo: undefined, teams: { conversationId: WORLD.kredsraadChannelId, serviceUrl: pg.connectorUrl, tenantId: TENANT, channelName: 'Kredsråd' } }),
    );
    const below = await storage.fora.save(aForum({ id: 'ssp-netvaerk', name: 'SSP-netværk', level: 'strategic', escalatesTo: kreds.id }));
    await storage.members.save(kreds.id, aMember({ userId: METTE.userId, displayName: METTE.name, roles: ['chair'] }));
    for (const person of [METTE, JONAS, ALI, KAREN]) await storage.members.save(below.id, aMember({ userId: person.userId, displayName: person.name, roles: ['consultant'] }));
    // The others are known to the bot, so the outbox can open their 1:1 chats.
    for (const person of [JONAS, ALI, KAREN]) {
      await storage.knownUsers.save({ userId: person.userId, teamsId: person.teamsId, tenantId: TENANT, serviceUrl: pg.connectorUrl, seenAt: clock.now().toISOString() });
    }
  }, 120_000);

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await pg.screenshot(`agenda-${task.name}`);
  });

  afterAll(async () => {
    await pg?.close();
  });

  it('given the chair types "dagsorden Kredsråd" then she creates the agenda, adds three items and publishes it in the channel', async () => {
    await pg.openChannel('Kredsråd'); // the bot learns the channel's address
    await pg.openPersonalChat();
    await pg.send('dagsorden Kredsråd');
    let card = await pg.nextCard('Ny dagsorden – Kredsråd');
    await pickDate(card, 'Mødets dato', '3.12.2030');
    card = await pg.clickCardAction('Opret dagsorden', card);
    await card.getByText('Dagsordenen er oprettet som kladde.').waitFor();
    for (const [i, title] of ITEMS.entries()) {
      await card.getByLabel('Titel', { exact: true }).last().fill(title);
      await card.getByLabel('Kort beskrivelse', { exact: true }).last().fill(`Beskrivelse ${i + 1}`);
      if (i < 2) await card.getByText('Input ønskes fra konsulenterne', { exact: true }).last().click();
      card = await pg.clickCardAction('Tilføj punkt', card);
      await card.getByText(`${i + 1}. ${title}`).waitFor();
    }
    card = await pg.clickCardAction('Offentliggør i kanalen', card);
    await card.getByText('Dagsordenen er offentliggjort i forummets kanal.').waitFor();
    [agenda] = (await pg.storage.agendas.listByForum('kredsraad')) as [Agenda];
    expect(agenda.items.map((i) => [i.title, i.inputWanted])).toEqual([[ITEMS[0], true], [ITEMS[1], true], [ITEMS[2], false]]);
    expect(agenda.meetingStart).toBe('2030-03-12T08:00:00.000Z'); // 09.00 in Copenhagen
    await pg.screenshot('agenda-editor-published');

    await pg.openChannel('Kredsråd');
    const posted = await pg.nextCard('Dagsorden – Kredsråd');
    for (const [i, title] of ITEMS.entries()) await posted.getByText(`${i + 1}. ${title}`).waitFor();
    await pg.screenshot('agenda-in-channel');
  });

  it('given the published agenda then the chair circulates it to the consultants below with a deadline, and her own consultant card arrives', async () => {
    await pg.openPersonalChat();
    await pg.send('dagsorden Kredsråd');
    let card = await pg.nextCard('Input fra SSP-konsulenterne');
    await pickDate(card, 'Frist (dato)', '3.5.2030');
    card = await pg.clickCardAction('Send til konsulenterne', card);
    await card.getByText(/^Indhentning af input er startet\. Sendt til \d af 4 konsulenter/).waitFor();
    agenda = (await pg.storage.agendas.findById('kredsraad', agenda.id))!;
    expect(agenda.circulation?.deadline).toBe('2030-03-05T11:00:00.000Z');
    expect(agenda.circulation?.consultantIds.sort()).toEqual([METTE, JONAS, ALI, KAREN].map((p) => p.userId).sort());
    const mine = await pg.nextCard('Frist for input');
    await mine.getByText('Frist for input: tirsdag 5. marts 2030 kl. 12.00').waitFor();
    await pg.screenshot('agenda-consultant-card');
  });

  it('given her consultant card then she answers, comes back and changes the answer; the others answer from theirs (one "no comments")', async () => {
    let mine = await pg.page.locator('.ac-adaptiveCard', { hasText: 'Frist for input' }).last();
    await mine.getByLabel('Dit input').nth(0).fill('Flere unge samles ved stationen efter kl. 22.');
    mine = await pg.clickCardAction('Send input', mine);
    await mine.getByText('Dit input er gemt.').waitFor();
    await mine.getByLabel('Dit input').nth(1).fill('Trygheden falder i Vejleåparken.');
    // The answer card looks the same after a second save (the texts are in the fields), so wait on what is stored.
    await mine.getByRole('button', { name: 'Gem ændringer', exact: true }).click();
    await vi.waitFor(
      async () =>
        expect((await pg.storage.agendaInputs.listByAuthor(agenda.id, METTE.userId)).map((i) => i.text).sort()).toEqual([
          'Flere unge samles ved stationen efter kl. 22.',
          'Trygheden falder i Vejleåparken.',
        ]),
      { timeout: 15_000, interval: 100 },
    );
    await mine.getByText('Dit input er gemt.').waitFor();
    await pg.screenshot('agenda-consultant-saved');

    const [first, second] = agenda.items as [Agenda['items'][number], Agenda['items'][number]];
    const ref = { forumId: 'kredsraad', agendaId: agenda.id, revision: agenda.revision };
    await clickAs(JONAS, 'agenda.input.submit', { ...ref, [`input.${first.id}`]: 'Lukketider hjælper ikke alene.', [`input.${second.id}`]: '', noComments: 'false' });
    await clickAs(ALI, 'agenda.input.submit', { ...ref, noComments: 'true' });
    expect(new Set((await pg.storage.agendaInputs.listByAgenda(agenda.id)).map((i) => i.authorId))).toEqual(new Set([METTE.userId, JONAS.userId, ALI.userId]));
  });

  it('given the progress card in the channel then "remind the missing" reaches only the one who has not answered', async () => {
    await pg.openChannel('Kredsråd');
    let status = await pg.nextCard('Mangler svar fra');
    status = await pg.clickCardAction('Påmind dem, der mangler', status);
    await status.getByText('Påmindelse: Sendt til 1 af 1 konsulent.').waitFor();
    await status.getByText('3 af 4 har svaret').waitFor();
    await pg.screenshot('agenda-progress-reminded');
    const day = '2030-03-01';
    // Delivered through the Playground's connector, which opens Karen's 1:1 chat (not visible in Mette's browser).
    await vi.waitFor(async () => expect((await pg.app.outbox.findById(`agenda:${agenda.id}:remind:${day}:${KAREN.userId}`))?.status).toBe('sent'), { timeout: 15_000, interval: 100 });
    for (const other of [METTE, JONAS, ALI]) expect(await pg.app.outbox.findById(`agenda:${agenda.id}:remind:${day}:${other.userId}`)).toBeUndefined();
  });

  it('given the deadline has passed then the chair gets the briefing in her chat with exactly those inputs', async () => {
    clock.set('2030-03-05T11:00:01.000Z');
    await pg.openPersonalChat();
    await pg.app.scheduler.runAll();
    const briefing = await pg.nextCard('Briefing – Kredsråd');
    const text = (await briefing.textContent()) ?? '';
    expect(text).toContain('Mette Holm (SSP-netværk): Flere unge samles ved stationen efter kl. 22.');
    expect(text).toContain('Mette Holm (SSP-netværk): Trygheden falder i Vejleåparken.');
    expect(text).toContain('Jonas Berg (SSP-netværk): Lukketider hjælper ikke alene.');
    expect(text).toContain('Ingen kommentarer: Ali Demir (SSP-netværk)');
    expect(text).toContain('Svarede ikke: Karen Friis');
    expect(text).toContain('3 af 4 konsulenter har svaret.');
    await briefing.getByText('Hent som Word', { exact: true }).waitFor();
    await pg.screenshot('agenda-briefing');
  });
});
