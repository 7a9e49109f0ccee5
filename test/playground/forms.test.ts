/**
 * Forms that forgive, in the Agents Playground in Chromium: a refused submit gives the same card
 * back with everything typed still in the fields and the reason written beside the field, for the
 * agenda editor, the consultant's input card and the action-item form. Screenshots in
 * test-results/playground/forms-*.png.
 */
import type { Locator } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Agenda } from '../../domain/agendas/agenda';
import { TestClock } from '../bot/agendas/agenda-harness';
import { aForum, aMember } from '../storage/storage.mothers';
import { PlaygroundHarness, WORLD } from './support/playground';

const TENANT = '7c1e4a52-3d9b-4f60-8a21-5b0c9e7d3f14';
const METTE = { userId: WORLD.userId, name: 'Mette Holm' };
const CPR_MESSAGE = 'Teksten ligner et CPR-nummer: fjern nummeret, og send igen.';

/** The Playground's date picker takes a typed date (month first, as in en-US). */
async function pickDate(card: Locator, label: string, typed: string): Promise<void> {
  const field = card.getByRole('combobox', { name: label });
  await field.click();
  await field.page().keyboard.press('Escape');
  await field.fill(typed);
  await field.press('Tab');
}

describe('Playground: a refused form keeps what was typed', () => {
  let pg: PlaygroundHarness;
  const clock = new TestClock();

  beforeAll(async () => {
    clock.set('2030-03-01T08:00:00.000Z');
    pg = await PlaygroundHarness.start({ storageConnectionString: inject('storageConnectionString'), clock, startOutbox: true });
    const kreds = await pg.storage.fora.save(
      aForum({ id: 'kredsraad', name: 'Kredsråd', level: 'strategic', escalatesTo: undefined, teams: { conversationId: WORLD.kredsraadChannelId, serviceUrl: pg.connectorUrl, tenantId: TENANT, channelName: 'Kredsråd' } }),
    );
    const below = await pg.storage.fora.save(aForum({ id: 'ssp-netvaerk', name: 'SSP-netværk', level: 'strategic', escalatesTo: kreds.id }));
    await pg.storage.members.save(kreds.id, aMember({ userId: METTE.userId, displayName: METTE.name, roles: ['chair'] }));
    await pg.storage.members.save(below.id, aMember({ userId: METTE.userId, displayName: METTE.name, roles: ['consultant'] }));
  }, 120_000);

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await pg.screenshot(`forms-failed-${task.name}`);
  });

  afterAll(async () => {
    await pg?.close();
  });

  it('given the chair adds an item whose title holds a CPR number then the editor comes back with title and description typed and the reason under the title', async () => {
    await pg.openChannel('Kredsråd'); // the bot learns the channel's address
    await pg.openPersonalChat();
    await pg.send('dagsorden Kredsråd');
    let card = await pg.nextCard('Ny dagsorden – Kredsråd');
    await pickDate(card, 'Mødets dato', '3.12.2030');
    card = await pg.clickCardAction('Opret dagsorden', card);
    await card.getByText('Dagsordenen er oprettet som kladde.').waitFor();

    await card.getByLabel('Titel', { exact: true }).last().fill('Drengen 010203-1234 og hans venner');
    await card.getByLabel('Kort beskrivelse', { exact: true }).last().fill('Politiet orienterer om gruppen ved stationen.');
    card = await pg.clickCardAction('Tilføj punkt', card);
    await card.getByText(CPR_MESSAGE, { exact: false }).first().waitFor();
    expect(await card.getByLabel('Titel', { exact: true }).last().inputValue()).toBe('Drengen ••••••-•••• og hans venner');
    expect(await card.getByLabel('Kort beskrivelse', { exact: true }).last().inputValue()).toBe('Politiet orienterer om gruppen ved stationen.');
    await pg.screenshot('forms-agenda-editor-refused');
    expect((await pg.storage.agendas.listByForum('kredsraad'))[0]?.items).toEqual([]);

    // Corrected, the same card saves it.
    await card.getByLabel('Titel', { exact: true }).last().fill('Gruppen ved stationen');
    await card.getByText('Input ønskes fra konsulenterne', { exact: true }).last().click();
    card = await pg.clickCardAction('Tilføj punkt', card);
    await card.getByText('1. Gruppen ved stationen').waitFor();
    await card.getByLabel('Titel', { exact: true }).last().fill('Tryghedsmåling');
    await card.getByText('Input ønskes fra konsulenterne', { exact: true }).last().click();
    card = await pg.clickCardAction('Tilføj punkt', card);
    await card.getByText('2. Tryghedsmåling').waitFor();
    card = await pg.clickCardAction('Offentliggør i kanalen', card);
    await card.getByText('Dagsordenen er offentliggjort i forummets kanal.').waitFor();
  }, 120_000);

  it('given the consultant answers two items and one holds a CPR number then her input card comes back with both texts and the reason under that item', async () => {
    await pg.openPersonalChat();
    await pg.send('dagsorden Kredsråd');
    let editor = await pg.nextCard('Input fra SSP-konsulenterne');
    await pickDate(editor, 'Frist (dato)', '3.5.2030');
    editor = await pg.clickCardAction('Send til konsulenterne', editor);
    await editor.getByText(/^Indhentning af input er startet\./).waitFor();
    let mine = await pg.nextCard('Frist for input');

    await mine.getByLabel('Dit input').nth(0).fill('Flere unge samles ved stationen efter kl. 22.');
    await mine.getByLabel('Dit input').nth(1).fill('Vi kender drengen 010203-1234 fra skolen.');
    mine = await pg.clickCardAction('Send input', mine);
    await mine.getByText(CPR_MESSAGE, { exact: false }).first().waitFor();
    expect(await mine.getByLabel('Dit input').nth(0).inputValue()).toBe('Flere unge samles ved stationen efter kl. 22.');
    expect(await mine.getByLabel('Dit input').nth(1).inputValue()).toBe('Vi kender drengen ••••••-•••• fra skolen.');
    await pg.screenshot('forms-input-card-refused');
    const [agenda] = (await pg.storage.agendas.listByForum('kredsraad')) as [Agenda];
    expect(await pg.storage.agendaInputs.listByAgenda(agenda.id)).toEqual([]);

    // The consultant removes the number and sends again from the same card.
    await mine.getByLabel('Dit input').nth(1).fill('Vi kender drengen fra skolen.');
    mine = await pg.clickCardAction('Send input', mine);
    await mine.getByText('Dit input er gemt.').waitFor();
    expect((await pg.storage.agendaInputs.listByAgenda(agenda.id)).map((i) => i.text).sort()).toEqual(['Flere unge samles ved stationen efter kl. 22.', 'Vi kender drengen fra skolen.']);
  }, 120_000);

  it('given the chair records two items and one title holds a CPR number then the form comes back with both rows and the reason under that title', async () => {
    await pg.openChannel('Kredsråd');
    await pg.sendWithMention('handlinger ny');
    let form = await pg.nextCard('Registrér handlinger');
    await form.getByLabel('Hvad skal gøres?').nth(0).fill('Ring til 010203-1234s forældre');
    await pg.choose(form.getByRole('combobox', { name: 'Ansvarlig', exact: true }).nth(0), 'Mette Holm');
    await form.getByLabel('Hvad skal gøres?').nth(1).fill('Send tal for hærværk');
    await pg.choose(form.getByRole('combobox', { name: 'Ansvarlig', exact: true }).nth(1), 'Mette Holm');
    form = await pg.clickCardAction('Gem handlinger', form);
    await form.getByText(CPR_MESSAGE, { exact: false }).first().waitFor();
    expect(await form.getByLabel('Hvad skal gøres?').nth(0).inputValue()).toBe('Ring til ••••••-••••s forældre');
    expect(await form.getByLabel('Hvad skal gøres?').nth(1).inputValue()).toBe('Send tal for hærværk');
    await pg.screenshot('forms-action-record-refused');
    expect(await pg.storage.actionItems.listByForum('kredsraad')).toEqual([]);
  }, 120_000);
});
