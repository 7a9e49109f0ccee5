/**
 * The half-yearly picture in the tab, local mode (development identity), against Azurite and a real
 * Chromium. The cells come from a generated year of cases; every number the page should show is
 * counted here from the generated cases themselves, not from the cells.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Forum } from '../../domain/fora/forum';
import { caseContribution } from '../../domain/picture/contributions';
import { lastHalfYear, monthsOf } from '../../domain/picture/months';
import { differenceOf } from '../../domain/picture/picture-cell';
import { summaryOf } from '../../domain/picture/record-contribution';
import { generateCases, monthsBack, randomOf, type GeneratedCase } from '../domain/picture/history.generator';
import { openTestStorage, uniqueId, type TestStorage } from '../storage/storage-kit';
import { aMember } from '../storage/storage.mothers';
import { launchBrowser, startTabBot, TAB_ARTIFACTS, type TabBot } from './support/tab-harness';

let storage: TestStorage;
let bot: TabBot;
let browser: Browser;

const PERIOD = lastHalfYear(new Date());
const CURRENT = monthsOf(PERIOD.current);
const AREAS = [
  { id: 'vejleaaparken', name: 'Vejleåparken' },
  { id: 'strandgaardskolen', name: 'Strandgårdskolen' },
  { id: 'ishoej-landsby', name: 'Ishøj Landsby' },
];
const forum = (name: string, level: Forum['level'], escalatesTo?: string, sensitive = false): Forum => ({
  id: uniqueId(name.toLowerCase().replace(/[^a-z]/g, '')),
  name,
  level,
  sensitive,
  areas: AREAS,
  ...(escalatesTo === undefined ? {} : { escalatesTo }),
});
const lokalraad = forum('Lokalrådet', 'strategic');
const koordination = forum('Koordinationsgruppen', 'coordinating', lokalraad.id);
const infohus = forum('Infohus', 'coordinating', lokalraad.id, true);
const netvaerk = forum('SSP-netværk', 'executing', koordination.id);
const FORA = [lokalraad, koordination, infohus, netvaerk];
const BY_ID = new Map(FORA.map((f) => [f.id, f]));

const people = {
  lokalraad: aMember({ userId: uniqueId('aad-lone'), displayName: 'Lone Lokalråd', roles: ['member'] }),
  infohus: aMember({ userId: uniqueId('aad-ib'), displayName: 'Ib Infohus', roles: ['member'] }),
  netvaerk: aMember({ userId: uniqueId('aad-nina'), displayName: 'Nina Netværk', roles: ['member'] }),
};

const random = randomOf(2019);
const months = monthsBack(PERIOD.current.to, 12);
const cases: GeneratedCase[] = [
  ...generateCases({ random, months, count: 160, origins: [netvaerk, koordination, infohus], fora: BY_ID, areas: ['', 'vejleaaparken', 'strandgaardskolen'] }),
  // Two cases in a small area this half-year: the page must say "under 3", not 2.
  ...generateCases({ random, months: [CURRENT[2]!], count: 2, origins: [netvaerk], fora: BY_ID, areas: ['ishoej-landsby'], idPrefix: 'rare' }),
];

async function seed(): Promise<void> {
  const s = storage.storage;
  await Promise.all(FORA.map((f) => s.fora.save(f)));
  await Promise.all([s.members.save(lokalraad.id, people.lokalraad), s.members.save(infohus.id, people.infohus), s.members.save(netvaerk.id, people.netvaerk)]);
  const cells = differenceOf([], cases.flatMap((c) => caseContribution(c.escalation, c.history, BY_ID, c.reading)));
  await s.picture.add(cells);
  await s.picture.add(summaryOf(cells, new Set([infohus.id])), 'summary');
}

beforeAll(async () => {
  storage = openTestStorage();
  await seed();
  bot = await startTabBot(storage.storage);
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await bot?.close();
  await storage?.storage.dropAll();
});

// ---- what the page should show, counted from the cases ----
const shown = (n: number): string => (n > 0 && n < 3 ? 'under 3' : n.toLocaleString('da-DK'));
const inCurrent = (c: GeneratedCase): boolean => CURRENT.includes(c.facts.month);
const CATEGORY_NAMES: Record<string, string> = { trend: 'Tendens', problem: 'Problem', resources: 'Ressourcer', cooperation: 'Samarbejde', other: 'Andet' };
/** The category table's current column as [name, shown count] for cases passing `keep`, categories with a case in either half-year. */
function categoryRows(keep: (c: GeneratedCase) => boolean): [string, string][] {
  const both = cases.filter(keep).filter((c) => CURRENT.includes(c.facts.month) || monthsOf(PERIOD.previous).includes(c.facts.month));
  const ids = [...new Set(both.map((c) => c.escalation.category))].sort();
  return ids.map((id) => [CATEGORY_NAMES[id] ?? id, shown(both.filter((c) => c.escalation.category === id && inCurrent(c)).length)]);
}
const open$ = (c: GeneratedCase): boolean => c.escalation.originForumId !== infohus.id;

async function open(url: string): Promise<Page> {
  const page = await browser.newPage({ locale: 'da-DK', viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => console.error('page error', error));
  await page.goto(`${bot.baseUrl}${url}`);
  return page;
}

/** A table's body as rows of cell texts. */
const tableRows = (page: Page, sectionId: string): Promise<string[][]> =>
  page.locator(`#${sectionId} table tbody tr`).evaluateAll((rows) => rows.map((r) => Array.from(r.children).map((c) => (c as HTMLElement).innerText.trim())));
const figure = async (page: Page, name: string): Promise<string | undefined> => (await tableRows(page, 'picture-figures')).find((r) => r[0] === name)?.[1];

describe('the half-yearly picture in the tab', () => {
  test('given a Lokalråd member, then the page shows the charts and tables of the last half-year, and each filter changes the figures as counted from the cases', async () => {
    const page = await open(`/tab/picture.html?devUser=${people.lokalraad.userId}`);
    await page.getByRole('heading', { level: 1, name: 'Halvårsbilledet' }).waitFor();
    const half = PERIOD.current.from.endsWith('-01') ? 1 : 2;
    expect(await page.locator('#picture-period').innerText()).toBe(`${half}. halvår ${PERIOD.current.from.slice(0, 4)} sammenlignet med ${half === 1 ? 2 : 1}. halvår ${PERIOD.previous.from.slice(0, 4)}`);

    // Everything raised counts in the total, Infohus's too; the breakdowns leave the sealed forum out.
    expect(await figure(page, 'Sager rejst')).toBe(shown(cases.filter(inCurrent).length));
    expect((await tableRows(page, 'picture-by-category')).map((r) => [r[0], r[1]])).toEqual(categoryRows(open$));
    const areaRows = await tableRows(page, 'picture-by-area');
    expect(areaRows.find((r) => r[0] === 'Ishøj Landsby')?.[1]).toBe('under 3');
    expect(areaRows.find((r) => r[0] === 'Vejleåparken')?.[1]).toBe(shown(cases.filter((c) => open$(c) && inCurrent(c) && c.escalation.area === 'vejleaaparken').length));
    await expect.poll(() => page.locator('#picture-notices, .picture-note').allInnerTexts(), { timeout: 15_000 }).toContain('Ét følsomt forum tæller kun med i det samlede antal sager.');

    // Four charts, drawn by the server, each an image the browser could decode.
    const charts = page.locator('img.chart');
    expect(await charts.count()).toBe(4);
    await page.waitForFunction(() => Array.from(document.querySelectorAll('img.chart')).every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 600));
    expect(await charts.first().getAttribute('alt')).toContain('Sager rejst efter kategori');

    // The sealed forum is not offered as a filter.
    const forumOptions = await page.locator('#filter-forum option').allInnerTexts();
    expect(forumOptions).toEqual(['Alle', 'Koordinationsgruppen', 'Lokalrådet', 'SSP-netværk']);

    // Category: the total follows, without the sealed cases (a filter would single them out).
    await page.locator('#filter-category').selectOption('problem');
    const problems = cases.filter((c) => open$(c) && inCurrent(c) && c.escalation.category === 'problem').length;
    await expect.poll(() => figure(page, 'Sager rejst'), { timeout: 15_000 }).toBe(shown(problems));
    expect(new URL(page.url()).searchParams.get('category')).toBe('problem');
    // Filtered, the sealed forum is not in the total either, so the page no longer says it is.
    expect(await page.locator('.picture-note').allInnerTexts()).toEqual(['Tal under 3 vises som "under 3", så ingen enkeltsag kan genkendes.']);

    // Area on top of category.
    await page.locator('#filter-area').selectOption('vejleaaparken');
    const problemsThere = cases.filter((c) => open$(c) && inCurrent(c) && c.escalation.category === 'problem' && c.escalation.area === 'vejleaaparken').length;
    await expect.poll(() => figure(page, 'Sager rejst'), { timeout: 15_000 }).toBe(shown(problemsThere));

    // One forum, everything else back to all.
    await page.locator('#filter-category').selectOption('');
    await page.locator('#filter-area').selectOption('');
    await page.locator('#filter-forum').selectOption(netvaerk.id);
    const fromNetvaerk = (c: GeneratedCase) => c.escalation.originForumId === netvaerk.id;
    await expect.poll(() => figure(page, 'Sager rejst'), { timeout: 15_000 }).toBe(shown(cases.filter((c) => fromNetvaerk(c) && inCurrent(c)).length));
    expect((await tableRows(page, 'picture-by-category')).map((r) => [r[0], r[1]])).toEqual(categoryRows(fromNetvaerk));

    // The half-year before: its cases become the current column.
    const previousValue = `${PERIOD.previous.from}_${PERIOD.previous.to}`;
    await page.locator('#filter-period').selectOption(previousValue);
    const earlier = monthsOf(PERIOD.previous);
    await expect.poll(() => figure(page, 'Sager rejst'), { timeout: 15_000 }).toBe(shown(cases.filter((c) => fromNetvaerk(c) && earlier.includes(c.facts.month)).length));

    const file = path.join(TAB_ARTIFACTS, 'picture-lokalraad-da.png');
    await page.locator('#filter-forum').selectOption('');
    await page.locator('#filter-period').selectOption(`${PERIOD.current.from}_${PERIOD.current.to}`);
    await expect.poll(() => figure(page, 'Sager rejst'), { timeout: 15_000 }).toBe(shown(cases.filter(inCurrent).length));
    await page.waitForFunction(() => Array.from(document.querySelectorAll('img.chart')).every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0));
    await page.screenshot({ path: file, fullPage: true });
    const png = PNG.sync.read(await readFile(file));
    const fullHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(png.width).toBe(1280);
    expect(png.height).toBe(fullHeight);
    // Four charts of 320 px and their tables: far taller than one screen.
    expect(png.height).toBeGreaterThan(4 * 320);
    await page.close();
  }, 90_000);

  test('given Infohus’s own member, then Infohus is a filter and its cases are in the breakdowns', async () => {
    const page = await open(`/tab/picture.html?devUser=${people.infohus.userId}`);
    await page.getByRole('heading', { level: 1, name: 'Halvårsbilledet' }).waitFor();
    expect(await page.locator('#filter-forum option').allInnerTexts()).toContain('Infohus');
    expect((await tableRows(page, 'picture-by-category')).map((r) => [r[0], r[1]])).toEqual(categoryRows(() => true));
    expect(await page.locator('.picture-note').allInnerTexts()).not.toContain('Ét følsomt forum tæller kun med i det samlede antal sager.');
    await page.close();
  }, 60_000);

  test('given English, then the page and its tables speak English', async () => {
    const page = await open(`/tab/picture.html?devUser=${people.lokalraad.userId}&lang=en`);
    await page.getByRole('heading', { level: 1, name: 'The half-yearly picture' }).waitFor();
    expect((await tableRows(page, 'picture-figures'))[0]?.[0]).toBe('Cases raised');
    expect(await page.locator('label[for="filter-area"]').innerText()).toBe('Area');
    await page.close();
  }, 60_000);

  test('given a member of an executing forum only, then the page refuses in Danish and the API answers 403 without figures', async () => {
    const page = await open(`/tab/picture.html?devUser=${people.netvaerk.userId}`);
    const refusal = page.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.innerText()).toBe(
      'Halvårsbilledet kan kun ses af medlemmer af Lokalrådet og de koordinerende fora samt forummernes formænd. Mener du, at du skal have adgang, så kontakt formanden for dit forum.',
    );
    expect(await page.locator('img.chart').count()).toBe(0);
    await page.close();
    const response = await fetch(`${bot.baseUrl}/api/tab/picture`, { headers: { 'x-forumbot-dev-user': people.netvaerk.userId } });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: { code: 'PICTURE.VIEW_NOT_ALLOWED', message: expect.stringContaining('Halvårsbilledet kan kun ses') } });
  }, 60_000);

  test('given a sealed forum or a malformed period in the address, then the API refuses them (400) for an outsider', async () => {
    const ask = (query: string) => fetch(`${bot.baseUrl}/api/tab/picture?${query}`, { headers: { 'x-forumbot-dev-user': people.lokalraad.userId } });
    expect((await ask(`forum=${infohus.id}`)).status).toBe(400);
    expect((await ask('from=2026-07&to=2026-01')).status).toBe(400);
    expect((await ask('from=2020-01&to=2026-06')).status).toBe(400);
    expect((await ask('from=2026-01')).status).toBe(400);
    const fine = await ask(`from=${PERIOD.current.from}&to=${PERIOD.current.to}&forum=${netvaerk.id}`);
    expect(fine.status).toBe(200);
    // A combination not asked before draws its four charts; asked again, they come from the cache.
    const timed = async (): Promise<number> => {
      const started = performance.now();
      expect((await ask(`forum=${koordination.id}&category=trend`)).status).toBe(200);
      return performance.now() - started;
    };
    const [drawn, cached] = [await timed(), await timed()];
    console.info(`picture tab API, four charts drawn: ${drawn.toFixed(0)} ms; the same again: ${cached.toFixed(0)} ms`);
    expect(await fine.text()).not.toContain('Infohus');
  });
});
