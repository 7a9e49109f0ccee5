/**
 * The analyst's commentary on the half-yearly picture in Microsoft 365 Agents Playground in
 * Chromium. The Playground has one user (Mette Holm): she chairs Koordinationsgruppen, so she is the
 * analyst by default. She opens the commentary card from `halvår`, types, saves, gets a refusal with
 * her texts kept and the reason beside the field, publishes after confirming, and the Lokalråd's
 * channel (the Playground's second channel) shows the report card with her commentary.
 * Screenshots in test-results/playground/picture-*.png.
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { emptyCounters, type PictureCell } from '../../domain/picture/picture-cell';
import { lastHalfYear, monthsOf } from '../../domain/picture/months';
import { PlaygroundHarness, WORLD } from './support/playground';

const TENANT = '7c1e4a52-3d9b-4f60-8a21-5b0c9e7d3f14';
const METTE = WORLD.userId;
const LOKAL = 'lokalraad-billede';
const KOORD = 'koordinationsgruppen-billede';
const CPR_MESSAGE = 'Teksten ligner et CPR-nummer: fjern nummeret, og send igen.';
const CASES = 'Flere sager om utryghed ved stationen; især om aftenen.';

describe('Playground: the analyst comments on the half-yearly picture and publishes it to the Lokalråd', () => {
  let pg: PlaygroundHarness;

  beforeAll(async () => {
    pg = await PlaygroundHarness.start({ storageConnectionString: inject('storageConnectionString'), startOutbox: true });
    const { fora, members, picture } = pg.storage;
    // The Lokalråd lives in the Playground's second channel (named "Kredsråd" in its world file).
    await fora.save({ id: LOKAL, name: 'Lokalråd', level: 'strategic', sensitive: false, teams: { conversationId: WORLD.kredsraadChannelId, serviceUrl: pg.connectorUrl, tenantId: TENANT, channelName: 'Kredsråd' } });
    await fora.save({ id: KOORD, name: 'Koordinationsgruppen', level: 'coordinating', escalatesTo: LOKAL, sensitive: false });
    await members.save(KOORD, { userId: METTE, displayName: 'Mette Holm', roles: ['chair'] });
    const [m1, m2] = monthsOf(lastHalfYear(new Date()).current);
    const cell = (month: string, category: string, raised: number): PictureCell => ({ month, forumId: '*', category, area: '', counters: { ...emptyCounters(), raised, meetingsHeld: 3 } });
    await picture.add([cell(m1!, 'trend', 8), cell(m2!, 'problem', 6)], 'summary');
  }, 120_000);

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await pg.screenshot(`picture-failed-${task.name}`);
  });

  afterAll(async () => {
    await pg?.close();
  });

  it('given the analyst types, saves, is refused with her text kept and publishes then the Lokalråd\'s channel shows the report card once', async () => {
    await pg.openChannel('Kredsråd'); // the bot learns the channel's address
    await pg.openPersonalChat();
    await pg.send('halvår');
    const figures = await pg.nextCard('Halvårsbilledet: nøgletal');
    let card = await pg.clickCardAction('Kommentér og offentliggør til Lokalrådet', figures);
    await card.getByText('Gem kladde', { exact: true }).waitFor();
    expect(await card.textContent()).toContain('14 (0)');

    await card.getByLabel('Kommentar: Sager rejst', { exact: false }).fill(CASES);
    card = await pg.clickCardAction('Gem kladde', card);
    await card.getByText('Kladden er gemt. Lokalrådet ser intet, før du offentliggør.').waitFor();
    expect(await card.getByLabel('Kommentar: Sager rejst', { exact: false }).inputValue()).toBe(CASES);
    expect((await pg.storage.pictureReports.find(LOKAL, lastHalfYear(new Date()).current))?.commentary).toEqual({ cases: CASES });

    // A CPR number in another section: the card comes back with both texts and the reason under the field.
    await card.getByLabel('Kommentar: Beslutninger og handlinger', { exact: false }).fill('Sagen om 010203-1234 er afsluttet.');
    card = await pg.clickCardAction('Gem kladde', card);
    await card.getByText(CPR_MESSAGE, { exact: false }).first().waitFor();
    expect(await card.getByLabel('Kommentar: Sager rejst', { exact: false }).inputValue()).toBe(CASES);
    expect(await card.getByLabel('Kommentar: Beslutninger og handlinger', { exact: false }).inputValue()).toBe('Sagen om ••••••-•••• er afsluttet.');
    await pg.screenshot('picture-commentary-refused');
    expect((await pg.storage.pictureReports.find(LOKAL, lastHalfYear(new Date()).current))?.commentary).toEqual({ cases: CASES });

    await card.getByLabel('Kommentar: Beslutninger og handlinger', { exact: false }).fill('Handlingerne blev løst til tiden.');
    card = await pg.clickCardAction('Offentliggør til Lokalrådet', card);
    await card.getByText('Offentliggør til Lokalrådet?', { exact: true }).waitFor();
    card = await pg.clickCardAction('Ja, offentliggør', card);
    await card.getByText('Offentliggjort: Teams har modtaget kortet i 1 kanal (Lokalråd).').waitFor();
    await card.getByText('Offentliggjort: Teams har modtaget kortet i 1 kanal (Lokalråd).').scrollIntoViewIfNeeded();
    await pg.screenshot('picture-commentary-published');

    const report = await pg.storage.pictureReports.find(LOKAL, lastHalfYear(new Date()).current);
    expect(report).toMatchObject({ status: 'published', commentary: { cases: CASES, decisions: 'Handlingerne blev løst til tiden.' } });

    await pg.openChannel('Kredsråd');
    const posted = pg.page.locator('.ac-adaptiveCard', { hasText: 'Halvårsbilledet for Lokalråd' });
    await posted.first().waitFor();
    expect(await posted.count()).toBe(1);
    const text = await posted.first().textContent();
    expect(text).toContain('Analytikerens kommentarer');
    expect(text).toContain(CASES);
    expect(text).toContain('Handlingerne blev løst til tiden.');
    expect(text).toContain('Offentliggjort af Mette Holm');
    await posted.first().getByText('Hent rapporten (Word)', { exact: true }).waitFor();
    await posted.first().getByText('Offentliggjort af Mette Holm').scrollIntoViewIfNeeded();
    await pg.screenshot('picture-report-in-channel');
  }, 180_000);
});
