/**
 * Issue 12 in Microsoft 365 Agents Playground, in Chromium: the chair (Mette Holm, the one user a
 * Playground has) links the Kredsråd channel of the team with `tilknyt` and circulates an agenda.
 * The other consultants (Jonas, Sara, Ali) are members of the team who never wrote to the bot: no
 * 1:1 chat and no KnownUser is stored for them. The bot reads the team's roster from the
 * Playground's connector on `tilknyt`, opens their 1:1 chats itself, and the chair is told what was
 * delivered, never more.
 */
import type { Locator } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { Agenda } from '../../domain/agendas/agenda';
import { aForum, aMember } from '../storage/storage.mothers';
import { TestClock } from '../bot/agendas/agenda-harness';
import { PlaygroundHarness, WORLD } from './support/playground';

const METTE = { userId: WORLD.userId, name: 'Mette Holm' };
const JONAS = { userId: '0d4f8b1e-6a2c-4e57-9b13-000000000002', name: 'Jonas Berg' };
const SARA = { userId: '0d4f8b1e-6a2c-4e57-9b13-000000000003', name: 'Sara Lind' };
const ALI = { userId: '0d4f8b1e-6a2c-4e57-9b13-000000000004', name: 'Ali Demir' };
const CONSULTANTS = [METTE, JONAS, SARA, ALI];

async function pickDate(card: Locator, label: string, typed: string): Promise<void> {
  const field = card.getByRole('combobox', { name: label });
  await field.click();
  await field.page().keyboard.press('Escape');
  await field.fill(typed);
  await field.press('Tab');
}

describe('Playground: consultants who never opened Forumbot get their cards through the team roster', () => {
  let pg: PlaygroundHarness;
  const clock = new TestClock();
  let agenda: Agenda;

  beforeAll(async () => {
    clock.set('2030-03-01T08:00:00.000Z');
    pg = await PlaygroundHarness.start({ storageConnectionString: inject('storageConnectionString'), clock, startOutbox: true });
    const { storage } = pg;
    // Not linked yet: the chair links the channel herself.
    const kreds = await storage.fora.save(aForum({ id: 'kredsraad', name: 'Kredsråd', level: 'strategic', escalatesTo: undefined, teams: undefined }));
    const below = await storage.fora.save(aForum({ id: 'ssp-netvaerk', name: 'SSP-netværk', level: 'strategic', escalatesTo: kreds.id }));
    await storage.members.save(kreds.id, aMember({ userId: METTE.userId, displayName: METTE.name, roles: ['chair'] }));
    for (const person of CONSULTANTS) await storage.members.save(below.id, aMember({ userId: person.userId, displayName: person.name, roles: ['consultant'] }));
  }, 120_000);

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await pg.screenshot(`reach-${task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await pg?.app.outbox.stop({ timeoutMs: 2_000 });
    await pg?.close();
  });

  it('given the chair types "tilknyt Kredsråd" in the Kredsråd channel then the forum is linked there and the team roster is read', async () => {
    await pg.openChannel('Kredsråd');
    await pg.sendWithMention('tilknyt Kredsråd');
    await pg.nextText('Kredsråd');
    expect((await pg.storage.fora.findById('kredsraad'))?.teams?.conversationId).toBe(WORLD.kredsraadChannelId);
    for (const person of [JONAS, SARA, ALI]) {
      expect(await pg.storage.knownUsers.findById(person.userId), person.name).toBeUndefined();
      await vi.waitFor(async () => expect(await pg.storage.teamRosters.findMember(person.userId), person.name).toBeDefined(), { timeout: 15_000, interval: 200 });
    }
  });

  it('given the chair publishes and circulates then every consultant gets a card, the agenda is posted in Kredsråd, and she is told only what was delivered', async () => {
    await pg.openPersonalChat();
    await pg.send('dagsorden Kredsråd');
    let card = await pg.nextCard('Ny dagsorden – Kredsråd');
    await pickDate(card, 'Mødets dato', '3.12.2030');
    card = await pg.clickCardAction('Opret dagsorden', card);
    await card.getByText('Dagsordenen er oprettet som kladde.').waitFor();
    await card.getByLabel('Titel', { exact: true }).last().fill('Tryghedsmåling 2026');
    await card.getByText('Input ønskes fra konsulenterne', { exact: true }).last().click();
    card = await pg.clickCardAction('Tilføj punkt', card);
    card = await pg.clickCardAction('Offentliggør i kanalen', card);
    await card.getByText('Dagsordenen er offentliggjort i forummets kanal.').waitFor();

    await pickDate(card, 'Frist (dato)', '3.5.2030');
    card = await pg.clickCardAction('Send til konsulenterne', card);
    const notice = card.getByText(/^Indhentning af input er startet\. Sendt til \d af 4 konsulenter/);
    await notice.waitFor();
    const claimed = Number(/Sendt til (\d)/.exec((await notice.textContent()) ?? '')?.[1]);
    [agenda] = (await pg.storage.agendas.listByForum('kredsraad')) as [Agenda];

    // What the chair was told is no more than what the outbox had delivered; then all four arrive.
    const delivered = async (): Promise<string[]> =>
      (await pg.app.outbox.listBySubject('agenda-input', agenda.id)).filter((m) => m.id.includes(':circulate:') && m.status === 'sent').map((m) => (m.recipient.kind === 'user' ? m.recipient.userId : ''));
    expect(claimed).toBeLessThanOrEqual((await delivered()).length);
    await vi.waitFor(async () => expect((await delivered()).sort()).toEqual(CONSULTANTS.map((p) => p.userId).sort()), { timeout: 20_000, interval: 200 });

    await pg.openChannel('Kredsråd');
    await pg.nextCard('Dagsorden – Kredsråd');
    await pg.screenshot('reach-circulated');
  });

  it('given the progress card in the Kredsråd channel then "remind the missing" shows the chair each consultant\'s real state', async () => {
    await pg.openChannel('Kredsråd');
    let status = pg.page.locator('.ac-adaptiveCard', { hasText: 'Mangler svar fra' }).last();
    await status.waitFor();
    status = await pg.clickCardAction('Påmind dem, der mangler', status);
    await status.getByText(/^Påmindelse: Sendt til \d af 4 konsulenter/).waitFor();
    await status.getByText('Sendt til 4 af 4 konsulenter.', { exact: true }).waitFor();
    await pg.screenshot('reach-progress');
  });
});
