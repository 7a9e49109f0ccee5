/**
 * Forms that forgive, part two, in the Agents Playground in Chromium: the agenda draft asked for in
 * the forum's channel is not posted there but arrives in the chair's own chat, and the member form
 * refused for a CPR number and a wrong Entra id comes back with everything typed and each reason
 * under its field. Screenshots in test-results/playground/forms-*.png.
 */
import type { Locator } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { aForum, aMember } from '../storage/storage.mothers';
import { PlaygroundHarness, WORLD } from './support/playground';

const TENANT = '7c1e4a52-3d9b-4f60-8a21-5b0c9e7d3f14';
const METTE = { userId: WORLD.userId, name: 'Mette Holm' };

/** The Playground's date picker takes a typed date (month first, as in en-US). */
async function pickDate(card: Locator, label: string, typed: string): Promise<void> {
  const field = card.getByRole('combobox', { name: label });
  await field.click();
  await field.page().keyboard.press('Escape');
  await field.fill(typed);
  await field.press('Tab');
}

describe('Playground: private drafts and the member form', () => {
  let pg: PlaygroundHarness;

  beforeAll(async () => {
    pg = await PlaygroundHarness.start({ storageConnectionString: inject('storageConnectionString'), startOutbox: true });
    const kreds = await pg.storage.fora.save(
      aForum({ id: 'kredsraad', name: 'Kredsråd', level: 'strategic', escalatesTo: undefined, teams: { conversationId: WORLD.kredsraadChannelId, serviceUrl: pg.connectorUrl, tenantId: TENANT, channelName: 'Kredsråd' } }),
    );
    await pg.storage.members.save(kreds.id, aMember({ userId: METTE.userId, displayName: METTE.name, roles: ['chair'] }));
  }, 120_000);

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await pg.screenshot(`forms-failed-${task.name}`);
  });

  afterAll(async () => {
    await pg?.close();
  });

  it('given the chair types "@Forumbot dagsorden" in the forum channel then the channel gets a note only, and the editor arrives in her personal chat', async () => {
    await pg.openPersonalChat(); // the bot learns her personal chat
    await pg.openChannel('Kredsråd');
    await pg.sendWithMention('dagsorden');
    await pg.nextText('redigeres i din personlige chat med Forumbot');
    await pg.screenshot('forms-draft-note-in-channel');
    expect(await pg.page.locator('.ac-adaptiveCard', { hasText: 'Ny dagsorden' }).count()).toBe(0);

    await pg.openPersonalChat();
    const editor = await pg.nextCard('Ny dagsorden – Kredsråd');
    await editor.getByRole('button', { name: 'Opret dagsorden', exact: true }).waitFor();
    await pg.screenshot('forms-draft-in-personal-chat');
  }, 90_000);

  it('given the chair adds a member with a CPR number in the name and a wrong Entra id then the form comes back with both typed and each reason under its field', async () => {
    await pg.openPersonalChat();
    await pg.send('fora');
    const list = await pg.nextCard('Dine fora');
    const forum = await pg.clickCardAction('Vis forum', list);
    await forum.getByRole('button', { name: 'Tilføj medlem', exact: true }).waitFor();
    let form = await pg.clickCardAction('Tilføj medlem', forum);
    await form.getByText('Tilføj medlem til Kredsråd').waitFor();
    await form.getByLabel('Navn', { exact: true }).fill('Gitte 010203-1234');
    await form.getByLabel('E-mail (valgfri)', { exact: true }).fill('gitte@ishoj.dk');
    await form.getByLabel('Entra-objekt-id', { exact: true }).fill('ikke-et-id');
    form = await pg.clickCardAction('Tilføj', form);
    await form.getByText('Navnet ligner et CPR-nummer. Skriv kun personens navn.', { exact: true }).first().waitFor();
    await form.getByText('Entra-objekt-id skal være et GUID, fx 0f8fad5b-d9cb-469f-a165-70867728950e.', { exact: true }).first().waitFor();
    expect(await form.getByLabel('Navn', { exact: true }).inputValue()).toBe('Gitte ••••••-••••');
    expect(await form.getByLabel('E-mail (valgfri)', { exact: true }).inputValue()).toBe('gitte@ishoj.dk');
    expect(await form.getByLabel('Entra-objekt-id', { exact: true }).inputValue()).toBe('ikke-et-id');
    await pg.screenshot('forms-member-refused');
    expect(await pg.storage.members.listByForum('kredsraad')).toHaveLength(1);

    // Corrected on the same card, the member is added.
    await form.getByLabel('Navn', { exact: true }).fill('Gitte Gadeplan');
    await form.getByLabel('Entra-objekt-id', { exact: true }).fill('0f8fad5b-d9cb-469f-a165-70867728950e');
    form = await pg.clickCardAction('Tilføj', form);
    await form.getByText('Gitte Gadeplan er tilføjet.').waitFor();
    expect((await pg.storage.members.listByForum('kredsraad')).map((m) => m.displayName).sort()).toEqual(['Gitte Gadeplan', METTE.name]);
  }, 90_000);

  it('given the chair saves a series from "Avanceret" with a CPR number in the title then the form comes back with the title and her own rule kept and the reason under the title', async () => {
    await pg.openPersonalChat();
    await pg.send('møder');
    const list = await pg.nextCard('Næste møder');
    let form = await pg.clickCardAction('Planlæg mødeserie', list);
    await form.getByText('Planlæg mødeserie for Kredsråd').waitFor();
    // The simple choices are on the form; the raw rule only after "Avanceret".
    expect(await form.getByLabel('Egen gentagelsesregel (RRULE)').count()).toBe(0);
    await form.getByLabel('Titel').fill('Møde om 010203-1234');
    await pickDate(form, 'Første dato', '3.5.2030');
    await form.getByRole('button', { name: 'Avanceret', exact: true }).click();
    await form.getByLabel('Egen gentagelsesregel (RRULE)').fill('FREQ=WEEKLY;BYDAY=TU');
    form = await pg.clickCardAction('Gem med egen regel', form);
    await form.getByText('Teksten ligner et CPR-nummer', { exact: false }).first().waitFor();
    expect(await form.getByLabel('Titel').inputValue()).toBe('Møde om ••••••-••••');
    await form.getByRole('button', { name: 'Avanceret', exact: true }).click();
    expect(await form.getByLabel('Egen gentagelsesregel (RRULE)').inputValue()).toBe('FREQ=WEEKLY;BYDAY=TU');
    await pg.screenshot('forms-meeting-advanced-refused');
    expect(await pg.storage.meetingSeries.listByForum('kredsraad')).toEqual([]);

    await form.getByLabel('Titel').fill('Kredsrådsmøde');
    form = await pg.clickCardAction('Gem med egen regel', form);
    await form.getByText('Mødeserien er gemt.', { exact: false }).waitFor();
    const [series] = await pg.storage.meetingSeries.listByForum('kredsraad');
    expect(series?.rrule).toBe('FREQ=WEEKLY;BYDAY=TU');
  }, 90_000);
});
