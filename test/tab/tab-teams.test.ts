import path from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestStorage, type TestStorage } from '../storage/storage-kit';
import { startFakeEntra, type FakeEntra, type TokenOptions } from './support/fake-entra';
import { launchBrowser, startTabBot, TAB_ARTIFACTS, type TabBot } from './support/tab-harness';
import { routeTeamsHost, teamsContext } from './support/teams-host';
import { seedTabWorld, type TabWorld } from './support/tab-world';

// Teams mode: an app id is configured, so only a valid SSO token identifies the user.
const TENANT = '6f1c2d3e-0000-4000-8000-0000000000aa';
const APP_ID = '0b5e2a11-1111-4111-8111-1111111111aa';
const HOST = 'forumbot.ishoj.dk';
const TEAM_ID = '19:ssp-team@thread.tacv2';
const CHANNEL_ID = '19:ssp-nu-kanal@thread.tacv2';

let storage: TestStorage;
let entra: FakeEntra;
let bot: TabBot;
let browser: Browser;
let world: TabWorld;

beforeAll(async () => {
  storage = openTestStorage();
  world = await seedTabWorld(storage.storage);
  entra = await startFakeEntra({ tenantId: TENANT, appId: APP_ID, host: HOST });
  bot = await startTabBot(
    storage.storage,
    { credentials: { appId: APP_ID, appPassword: 'not-used-here', appType: 'SingleTenant', tenantId: TENANT }, publicUrl: `https://${HOST}` },
    entra.jwksUrl,
  );
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await bot?.close();
  await entra?.close();
  await storage?.storage.dropAll();
});

/** Opens a tab page framed by the simulated Teams host, signed in as `oid` (or with a token as given). */
async function inTeams(tabPath: string, token: TokenOptions | undefined, context: Record<string, unknown> = {}, frameContext: 'content' | 'settings' = 'content') {
  const browserContext = await browser.newContext({ viewport: { width: 1100, height: 1500 } });
  const url = await routeTeamsHost(browserContext, {
    tabUrl: `${bot.baseUrl}${tabPath}`,
    ...(token === undefined ? {} : { token: await entra.token(token) }),
    context: teamsContext({ tid: TENANT, ...context }),
    frameContext,
  });
  const page = await browserContext.newPage();
  page.on('pageerror', (error) => console.error('page error', error));
  await page.goto(url);
  return { page, tab: page.frameLocator('#tab'), close: () => browserContext.close() };
}

const mainText = (tab: FrameLocator) => tab.locator('main').innerText();

describe('the tab inside a (simulated) Teams client with Entra sign-in', () => {
  test('given a forum member with a valid SSO token, then the channel tab shows the forum without any development identity', async () => {
    const { page, tab, close } = await inTeams(`/tab/channel.html?forumId=${world.forum.id}`, { oid: world.people.member.userId, name: 'Søren Ærø' });
    await tab.getByRole('heading', { level: 1, name: 'SSP-NU u18' }).waitFor({ timeout: 15_000 });
    const text = await mainText(tab);
    expect(text).toContain('Uro ved Ishøj Station');
    expect(text).toContain('Kortlæg tryghedsvandringer');
    expect(text).toContain('Søren Ærø (dig)'); // his own group of action items, marked from the token's identity
    expect(text).toContain('Grupper samles ved stationen om aftenen');
    expect(text).not.toContain('uden for Microsoft Teams');
    expect(await tab.locator('.dev-banner').count()).toBe(0);
    // The agenda card the bot posts, rendered by the adaptivecards library inside the tab.
    const card = tab.locator('#agenda .ac-adaptiveCard');
    await card.waitFor();
    expect(await card.innerText()).toContain('Uro ved Ishøj Station');
    // Its Markdown is rendered as Teams does (bold item titles), not shown as asterisks.
    expect(await card.locator('strong', { hasText: '2. Uro ved Ishøj Station' }).count()).toBe(1);
    expect(await card.innerText()).not.toContain('**');
    await page.screenshot({ path: path.join(TAB_ARTIFACTS, 'channel-in-teams-da.png'), fullPage: true });
    await close();
  }, 40_000);

  test('given a valid token of someone who is not a member, then the tab shows the Danish refusal', async () => {
    const { tab, close } = await inTeams(`/tab/channel.html?forumId=${world.forum.id}`, { oid: world.people.outsider.userId });
    await tab.getByRole('alert').waitFor({ timeout: 15_000 });
    expect(await tab.getByRole('alert').innerText()).toBe('Du er ikke medlem af forummet.');
    expect(await mainText(tab)).not.toContain('Uro ved Ishøj Station');
    await close();
  }, 40_000);

  test('given an English Teams locale, then the member sees the tab in English', async () => {
    const { tab, close } = await inTeams(`/tab/channel.html?forumId=${world.forum.id}`, { oid: world.people.chair.userId }, { locale: 'en-US' });
    await tab.getByRole('heading', { level: 2, name: 'Open action items' }).waitFor({ timeout: 15_000 });
    expect(await tab.locator('html').getAttribute('lang')).toBe('en');
    expect(await mainText(tab)).toContain('Mette Holm');
    await close();
  }, 40_000);

  test('given a token for another audience, then nothing is shown and the user is told the sign-in could not be verified', async () => {
    const { tab, close } = await inTeams(`/tab/channel.html?forumId=${world.forum.id}`, { oid: world.people.chair.userId, aud: 'api://elsewhere.example/abc' });
    await tab.getByRole('alert').waitFor({ timeout: 15_000 });
    expect(await tab.getByRole('alert').innerText()).toContain('Teams-login kunne ikke bekræftes');
    expect(await mainText(tab)).not.toContain('Uro ved Ishøj Station');
    await close();
  }, 40_000);

  test('given the personal tab in Teams, then the consultant sees her fora and the circulation waiting for her input', async () => {
    const { page, tab, close } = await inTeams('/tab/personal.html', { oid: world.people.consultant.userId });
    await tab.getByRole('heading', { level: 2, name: 'Dagsordener der venter på dit input' }).waitFor({ timeout: 15_000 });
    const text = await mainText(tab);
    expect(text).toMatch(/Mine fora\s+SSP-NU u18 · koordinerende · konsulent/);
    expect(text).toMatch(/Dagsordener der venter på dit input\s+SSP-NU u18, møde/);
    expect(text).not.toContain('Infohus');
    await page.screenshot({ path: path.join(TAB_ARTIFACTS, 'personal-in-teams-da.png'), fullPage: true });
    await close();
  }, 40_000);

  test('given a Teams client that cannot give a token (no consent), then the tab says sign-in failed and shows nothing', async () => {
    const { tab, close } = await inTeams(`/tab/channel.html?forumId=${world.forum.id}`, undefined);
    await tab.getByRole('alert').waitFor({ timeout: 15_000 });
    expect(await tab.getByRole('alert').innerText()).toBe('Teams kunne ikke logge dig ind i fanen.');
    expect(await mainText(tab)).not.toContain('Uro ved Ishøj Station');
    await close();
  }, 40_000);

  test('given the configuration page, when the chair links the channel and presses Save, then the forum is linked and the tab saved with its URL', async () => {
    await storage.storage.conversations.save({
      conversationId: TEAM_ID,
      kind: 'channel',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      tenantId: TENANT,
      botId: `28:${APP_ID}`,
      teamId: TEAM_ID,
      active: true,
      installedAt: new Date().toISOString(),
    });
    const { page, tab, close } = await inTeams(
      '/tab/config.html',
      { oid: world.people.chair.userId },
      { frameContext: 'settings', channelId: CHANNEL_ID, channelName: 'SSP-NU', teamId: TEAM_ID, teamName: 'SSP Ishøj' },
      'settings',
    );
    await tab.getByLabel('Forum').selectOption(world.forum.id);
    // Fora she does not chair are not offered.
    expect(await tab.locator('#forum option').allInnerTexts()).toEqual(['Vælg et forum …', 'SSP-NU u18']);
    await tab.getByRole('button', { name: 'Knyt kanalen' }).click();
    await tab.getByText('Kanalen er knyttet til SSP-NU u18').waitFor({ timeout: 15_000 });
    const linked = await storage.storage.fora.findById(world.forum.id);
    expect(linked?.teams).toMatchObject({ conversationId: CHANNEL_ID, teamId: TEAM_ID, tenantId: TENANT, serviceUrl: 'https://smba.trafficmanager.net/emea/' });

    await page.evaluate(() => (window as unknown as { pressSave(): void }).pressSave());
    await expect
      .poll(async () => (await page.evaluate(() => (window as unknown as { hostLog: { func: string; args: unknown[] }[] }).hostLog)).map((m) => m.func))
      .toContain('settings.save.success');
    const log = await page.evaluate(() => (window as unknown as { hostLog: { func: string; args: unknown[] }[] }).hostLog);
    const saved = log.find((m) => m.func === 'settings.setSettings')?.args[0] as { contentUrl: string };
    expect(saved.contentUrl).toBe(`${bot.baseUrl}/tab/channel.html?forumId=${world.forum.id}`);
    await close();
  }, 40_000);

  test('given a member who is not chair or secretary, then the configuration page offers no forum to link', async () => {
    const { tab, close } = await inTeams('/tab/config.html', { oid: world.people.member.userId }, { frameContext: 'settings', channelId: CHANNEL_ID, teamId: TEAM_ID }, 'settings');
    await tab.getByText('Du er ikke formand eller sekretær i noget forum').waitFor({ timeout: 15_000 });
    await close();
  }, 40_000);

  test('given a coordinating forum’s chair signed in by SSO, then the half-yearly picture shows its charts; a member of an executing forum only is refused in Danish', async () => {
    const chair = await inTeams('/tab/picture.html', { oid: world.people.chair.userId, name: 'Mette Holm' });
    await chair.tab.getByRole('heading', { level: 1, name: 'Halvårsbilledet' }).waitFor({ timeout: 15_000 });
    expect(await chair.tab.locator('img.chart').count()).toBe(4);
    expect(await chair.tab.locator('.dev-banner').count()).toBe(0);
    await chair.close();
    const outsider = await inTeams('/tab/picture.html', { oid: world.people.outsider.userId });
    await outsider.tab.getByRole('alert').waitFor({ timeout: 15_000 });
    expect(await outsider.tab.getByRole('alert').innerText()).toContain('Halvårsbilledet kan kun ses af medlemmer af Lokalrådet og de koordinerende fora');
    expect(await outsider.tab.locator('img.chart').count()).toBe(0);
    await outsider.close();
  }, 60_000);
});

describe('the tab outside Teams when an app id is configured', () => {
  test('given a plain browser, then the page says so and offers no development identity, not even when asked for one', async () => {
    const page: Page = await browser.newPage({ locale: 'da-DK' });
    await page.goto(`${bot.baseUrl}/tab/channel.html?forumId=${world.forum.id}&devUser=${world.people.chair.userId}`);
    await page.getByText('Åbn Forumbot-fanen i Teams for at se dine fora.').waitFor();
    expect(await page.locator('main').innerText()).toContain('Du har åbnet fanen uden for Microsoft Teams.');
    expect(await page.locator('select, .dev-banner').count()).toBe(0);
    expect(await page.locator('main').innerText()).not.toContain('Uro ved Ishøj Station');
    await page.close();
  }, 30_000);

  test('given the development header instead of a token, then the API refuses it', async () => {
    const response = await fetch(`${bot.baseUrl}/api/tab/forum/${world.forum.id}`, { headers: { 'x-forumbot-dev-user': world.people.chair.userId } });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('TAB.DEV_IDENTITY_OFF');
    const session = (await (await fetch(`${bot.baseUrl}/api/tab/session`)).json()) as Record<string, unknown>;
    expect(session).toEqual({ mode: 'teams', timeZone: 'Europe/Copenhagen' });
  });

  test('given expired, forged and foreign-tenant tokens, then the API refuses each with 401', async () => {
    const tokens = [
      await entra.token({ oid: world.people.chair.userId, expiresIn: -600 }),
      await entra.token({ oid: world.people.chair.userId, forged: true }),
      await entra.token({ oid: world.people.chair.userId, tid: '11111111-2222-4333-8444-555555555555' }),
      await entra.token({ oid: world.people.chair.userId, scp: 'User.Read' }),
    ];
    const codes = [];
    for (const token of tokens) {
      const response = await fetch(`${bot.baseUrl}/api/tab/forum/${world.forum.id}`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(401);
      codes.push(((await response.json()) as { error: { code: string } }).error.code);
    }
    expect(codes).toEqual(['TAB.TOKEN_EXPIRED', 'TAB.TOKEN_INVALID', 'TAB.TOKEN_INVALID', 'TAB.TOKEN_INVALID']);
    const ok = await fetch(`${bot.baseUrl}/api/tab/forum/${world.forum.id}`, { headers: { authorization: `Bearer ${await entra.token({ oid: world.people.chair.userId })}` } });
    expect(ok.status).toBe(200);
  });
});
