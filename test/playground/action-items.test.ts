/**
 * Action items through Microsoft 365 Agents Playground in Chromium. The Playground has one user
 * (Mette Holm), so she is the chair who records the items and the owner of one of them; the other
 * is Jonas Berg's, who cannot act here (the emulator tests cover other people's clicks).
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { PlaygroundHarness, WORLD } from './support/playground';

const METTE = WORLD.userId;
const JONAS = '0d4f8b1e-6a2c-4e57-9b13-000000000002';
const FORUM = 'ssp-netvaerk-pg';

describe('Playground: action items', () => {
  let pg: PlaygroundHarness;

  beforeAll(async () => {
    pg = await PlaygroundHarness.start({ storageConnectionString: inject('storageConnectionString') });
    await pg.storage.fora.save({ id: FORUM, name: 'SSP-netværk', level: 'executing', escalatesTo: 'koordinationsgruppen', sensitive: false });
    await pg.storage.members.save(FORUM, { userId: METTE, displayName: 'Mette Holm', roles: ['chair', 'member'] });
    await pg.storage.members.save(FORUM, { userId: JONAS, displayName: 'Jonas Berg', roles: ['member'] });
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await pg.screenshot(`action-items-${task.name}`);
  });

  afterAll(async () => {
    // The outbox started below must stop before the harness closes.
    await pg?.app.outbox.stop({ timeoutMs: 2_000 });
    await pg?.close();
  });

  it('given the chair records two items in the channel, marks her own done from her personal card, then "handlinger" in the channel shows only the other', async () => {
    await pg.openChannel('General');
    await pg.sendWithMention('tilknyt SSP-netværk');
    await pg.nextText('SSP-netværk');

    await pg.sendWithMention('handlinger ny');
    const form = await pg.nextCard('Registrér handlinger');
    await form.getByLabel('Hvad skal gøres?').nth(0).fill('Kontakt boligselskabet om belysning');
    await pg.choose(form.getByRole('combobox', { name: 'Ansvarlig', exact: true }).nth(0), 'Mette Holm');
    await form.getByLabel('Hvad skal gøres?').nth(1).fill('Send tal for hærværk');
    await pg.choose(form.getByRole('combobox', { name: 'Ansvarlig', exact: true }).nth(1), 'Jonas Berg');
    const board = await pg.clickCardAction('Gem handlinger', form);
    await board.getByText('Send tal for hærværk').waitFor();
    expect(await board.textContent()).toContain('Kontakt boligselskabet om belysning');
    expect((await pg.storage.actionItems.listByForum(FORUM)).map((i) => i.owner.displayName).sort()).toEqual(['Jonas Berg', 'Mette Holm']);

    // Her card comes proactively, through the outbox, into her personal chat.
    await pg.openPersonalChat();
    pg.app.outbox.start();
    const mine = await pg.nextCard('Ny handling til dig');
    expect(await mine.textContent()).toContain('Kontakt boligselskabet om belysning');
    const done = await pg.clickCardAction('Udført', mine);
    await done.getByText('Udført', { exact: true }).first().waitFor();
    expect((await pg.storage.actionItems.listByForum(FORUM)).find((i) => i.owner.kind === 'member' && i.owner.userId === METTE)?.status).toBe('done');
    await pg.screenshot('action-items-owner-done');

    await pg.openChannel('General');
    await pg.sendWithMention('handlinger');
    const list = await pg.nextCard('Handlinger · SSP-netværk');
    await list.getByText('Send tal for hærværk').waitFor();
    expect(await list.textContent()).not.toContain('Kontakt boligselskabet om belysning');
    await pg.screenshot('action-items-board');
  });
});
