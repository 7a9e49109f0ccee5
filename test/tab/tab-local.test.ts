import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestStorage, type TestStorage } from '../storage/storage-kit';
import { launchBrowser, startTabBot, TAB_ARTIFACTS, type TabBot } from './support/tab-harness';
import { seedTabWorld, type TabWorld } from './support/tab-world';

// Local mode: no app id, so the tab offers a clearly marked development identity.
let storage: TestStorage;
let bot: TabBot;
let browser: Browser;
let world: TabWorld;

beforeAll(async () => {
  storage = openTestStorage();
  world = await seedTabWorld(storage.storage);
  bot = await startTabBot(storage.storage);
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await bot?.close();
  await storage?.storage.dropAll();
});

async function open(url: string): Promise<Page> {
  const page = await browser.newPage({ locale: 'da-DK' });
  page.on('pageerror', (error) => console.error('page error', error));
  await page.goto(`${bot.baseUrl}${url}`);
  return page;
}

describe('the tab outside Teams in local mode', () => {
  test('given a plain browser, then the page says it is outside Teams and offers the development identity, and a chosen member sees the forum', async () => {
    const page = await open(`/tab/channel.html?forumId=${world.forum.id}`);
    await page.getByText('Du har åbnet fanen uden for Microsoft Teams.').waitFor();
    // Nothing of the forum is shown before someone is chosen.
    expect(await page.getByRole('heading', { name: 'SSP-NU u18' }).count()).toBe(0);
    const picker = page.getByLabel('Vis fanen som');
    await picker.selectOption(world.people.chair.userId);
    await page.getByRole('button', { name: 'Vis' }).click();

    await page.getByRole('heading', { level: 1, name: 'SSP-NU u18' }).waitFor();
    await expect.poll(() => page.locator('.dev-banner').innerText()).toContain('Udviklingsidentitet — kun lokalt: Mette Holm');
    expect(await page.locator('html').getAttribute('lang')).toBe('da');
    const text = await page.locator('main').innerText();
    expect(text).toContain('Næste møder');
    expect(text).toContain('Ishøj Rådhus, mødelokale 2');
    expect(text).toContain('Uro ved Ishøj Station');
    expect(text).toContain('1 af 2 konsulenter har svaret');
    expect(text).toContain('1 kommentar');
    expect(text).toContain('Indkald natteravnene');
    expect(text).toMatch(/Indkald natteravnene · frist .* \(overskredet\)/);
    expect(text).toContain('Kortlæg tryghedsvandringer');
    expect(text).not.toContain('Afsluttet opgave');
    expect(text).toContain('Grupper samles ved stationen om aftenen');
    expect(text).not.toContain('Hemmelig sag i Infohus');
    await page.screenshot({ path: path.join(TAB_ARTIFACTS, 'channel-local-da.png'), fullPage: true });
    await page.close();
  }, 30_000);

  test('given a development identity who is not a member, then the page shows the Danish refusal and no forum content', async () => {
    const page = await open(`/tab/channel.html?forumId=${world.forum.id}&devUser=${world.people.outsider.userId}`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toBe('Du er ikke medlem af forummet.');
    expect(await page.locator('main').innerText()).not.toContain('Uro ved Ishøj Station');
    await page.close();
  }, 30_000);

  test('given the channel page without a forum outside Teams, then it says what the address lacks instead of telling the person to re-add a tab', async () => {
    const page = await open(`/tab/channel.html?devUser=${world.people.chair.userId}`);
    const notice = page.getByText('Adressen mangler forummet (forumId).', { exact: false });
    await notice.waitFor();
    expect(await notice.innerText()).toBe('Adressen mangler forummet (forumId). Åbn fanen fra forummets kanal i Teams, eller brug fanen Mine fora.');
    expect(await page.locator('main').innerText()).not.toContain('Fjern den');
    await page.close();
  }, 30_000);

  test('given a member of another forum opening the sensitive forum, then the one refusal says nothing about what exists', async () => {
    const page = await open(`/tab/channel.html?forumId=${world.sensitive.id}&devUser=${world.people.chair.userId}`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').innerText()).toBe('Det kan du ikke åbne. Enten findes det ikke, eller også er det kun for forummets medlemmer.');
    expect(await page.locator('main').innerText()).not.toContain('Hemmelig sag');
    await page.close();
  }, 30_000);

  test('given the personal tab for a consultant, then her fora, her pending circulation and the fora card rendered by adaptivecards are shown', async () => {
    const page = await open(`/tab/personal.html?devUser=${world.people.consultant.userId}`);
    await page.getByRole('heading', { level: 2, name: 'Mine fora' }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toContain('SSP-NU u18');
    expect(text).toContain('konsulent');
    expect(text).toMatch(/Dagsordener der venter på dit input\s+SSP-NU u18, møde/);
    await page.locator('.ac-adaptiveCard').waitFor();
    expect(await page.locator('.ac-adaptiveCard').innerText()).toContain('SSP-NU u18');
    await page.screenshot({ path: path.join(TAB_ARTIFACTS, 'personal-local-da.png'), fullPage: true });
    await page.close();
  }, 30_000);

  test('given the personal tab for the chair, then her overdue action item is listed and the circulation is not hers', async () => {
    const page = await open(`/tab/personal.html?devUser=${world.people.chair.userId}`);
    await page.getByRole('heading', { level: 2, name: 'Mine handlinger' }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toContain('Indkald natteravnene');
    expect(text).not.toContain('Kortlæg tryghedsvandringer');
    expect(text).toContain('Ingen dagsordener venter på dit input.');
    // She chairs the forum that holds the case: it waits for her.
    expect(text).toMatch(/Grupper samles ved stationen om aftenen · SSP-NU u18 · rejst · skal behandles/);
    await page.close();
  }, 30_000);

  test('given an English locale, then the page speaks English', async () => {
    const page = await open(`/tab/channel.html?forumId=${world.forum.id}&devUser=${world.people.chair.userId}&lang=en`);
    await page.getByRole('heading', { level: 2, name: 'Next meetings' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('main').innerText()).toContain('1 of 2 consultants have answered');
    await page.close();
  }, 30_000);
});

describe('the tab API in local mode', () => {
  test('given no development identity, then the API answers 401 with a Danish text', async () => {
    const response = await fetch(`${bot.baseUrl}/api/tab/forum/${world.forum.id}`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: 'TAB.NOT_SIGNED_IN', message: 'Du er ikke logget ind. Åbn fanen i Microsoft Teams.' } });
  });

  test('given a blank forum id, then the API answers 400 and reads nothing', async () => {
    const response = await fetch(`${bot.baseUrl}/api/tab/forum/%20%20`, { headers: { 'x-forumbot-dev-user': world.people.chair.userId } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('TAB.BAD_REQUEST');
  });

  test('given an unknown forum, then the API answers with the same 403 as a forum one may not see', async () => {
    const response = await fetch(`${bot.baseUrl}/api/tab/forum/findes-ikke`, { headers: { 'x-forumbot-dev-user': world.people.chair.userId } });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('ACCESS.DENIED');
  });

  test('given a path that climbs out of the tab folder, then nothing is served', async () => {
    for (const p of ['/tab/..%2Fpackage.json', '/tab/%2e%2e/bot/config.ts', '/tab/vendor/other.js']) {
      expect((await fetch(`${bot.baseUrl}${p}`)).status, p).toBe(404);
    }
    const page = await fetch(`${bot.baseUrl}/tab/channel.html`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain('frame-ancestors');
  });
});
