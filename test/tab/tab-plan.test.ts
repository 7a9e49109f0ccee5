import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Initiative } from '../../domain/plan/initiative';
import { organisationOf } from '../../domain/plan/organisation';
import { PlanRecord } from '../../domain/plan/plan';
import { openTestStorage, type TestStorage } from '../storage/storage-kit';
import { launchBrowser, startTabBot, TAB_ARTIFACTS, type TabBot } from './support/tab-harness';
import { seedTabWorld, type TabWorld } from './support/tab-world';

// The published plan in the tab, local mode (development identity), against Azurite and Chromium.
let storage: TestStorage;
let bot: TabBot;
let browser: Browser;
let world: TabWorld;

const year = new Date().getFullYear();
const approvedAt = new Date(Date.now() - 30 * 86_400_000).toISOString();
const adjustedAt = new Date(Date.now() - 2 * 86_400_000).toISOString();

async function seedPlan(): Promise<void> {
  const s = storage.storage;
  const now = new Date().toISOString();
  const initiative = (over: Partial<Initiative>): Initiative =>
    Initiative.parse({ id: `i-${Math.random().toString(36).slice(2, 10)}`, focusArea: 'Tryghed', purpose: 'Forebygge uro.', fromYear: year - 1, toYear: year + 1, targetGroup: 'Unge 14–17 år', forumId: world.forum.id, status: 'running', createdAt: now, updatedAt: now, ...over });
  const initiatives = [
    initiative({ project: 'Natteravne ved stationen' }),
    initiative({ focusArea: 'Skole', project: 'Trivselsforløb i 7. klasse', status: 'planned', purpose: 'Styrke fællesskabet.' }),
    initiative({ project: 'Hemmelig indsats i Infohus', forumId: world.sensitive.id }),
    initiative({ project: 'Åben indsats fra Infohus', forumId: world.sensitive.id, public: true }),
    initiative({ project: 'Gammel indsats', fromYear: 2016, toYear: 2017 }),
  ];
  const saved = await Promise.all(initiatives.map((i) => s.initiatives.save(i)));
  // After approval the school initiative started and the station one ended: adjustments, shown with the status now.
  await s.initiatives.save({ ...saved[1]!, status: 'running' });
  await s.initiatives.save({ ...saved[0]!, status: 'ended' });
  const [fora, members] = await Promise.all([s.fora.list(), Promise.all([world.forum, world.sensitive, world.other].map(async (f) => [f.id, await s.members.listByForum(f.id)] as const))]);
  const content = { basis: 'SSP-samarbejdet i Ishøj skal forebygge kriminalitet.', strategy: 'Tidlig og tværfaglig indsats.', organisation: organisationOf(fora, new Map(members)), initiatives: saved };
  await s.plans.addVersion({ number: 1, content, sentAt: approvedAt, sentBy: world.people.consultant.userId, approvedAt, approvedBy: world.people.chair.userId });
  await s.plans.save(
    PlanRecord.parse({
      ownerForumId: world.forum.id,
      steeringForumId: world.other.id,
      basis: content.basis,
      strategy: content.strategy,
      state: 'approved',
      approvedVersion: 1,
      adjustments: [
        { at: approvedAt, initiativeId: saved[1]!.id, project: saved[1]!.project, from: 'planned', to: 'running' },
        { at: adjustedAt, initiativeId: saved[0]!.id, project: saved[0]!.project, from: 'running', to: 'ended' },
      ],
    }),
  );
}

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

const day = (iso: string, locale = 'da-DK'): string =>
  new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date(iso))}T00:00:00Z`));

describe('the local action plan in the tab', () => {
  test('given no approved plan yet, then the page says so and shows no initiatives', async () => {
    const page = await open(`/tab/plan.html?devUser=${world.people.chair.userId}`);
    await page.getByRole('heading', { level: 1, name: 'Den lokale handlingsplan' }).waitFor();
    await page.locator('#plan-state').waitFor();
    expect(await page.locator('#plan-state').innerText()).toBe('Styregruppen har endnu ikke godkendt en handlingsplan.');
    await page.close();
    await seedPlan();
  }, 30_000);

  test('given the personal tab, then it links to the plan page, which shows the published plan by focus area with its approval and adjustment', async () => {
    const personal = await open(`/tab/personal.html?devUser=${world.people.chair.userId}`);
    await personal.getByRole('link', { name: 'Se den lokale handlingsplan' }).click();
    await personal.getByRole('heading', { level: 2, name: 'Indsatser efter fokusområde' }).waitFor();
    const text = await personal.locator('main').innerText();
    expect(text).toContain(`Version 1, godkendt ${day(approvedAt)} · senest justeret ${day(adjustedAt)}`);
    expect(text).toMatch(/Grundlag og formål\s+SSP-samarbejdet i Ishøj skal forebygge kriminalitet\./);
    expect(text).toMatch(/Strategi\s+Tidlig og tværfaglig indsats\./);
    // The organisation from the approved version: members of an ordinary forum, none of the sealed one.
    expect(text).toMatch(/SSP-NU u18 · .*Mette Holm/);
    expect(text).toContain('Infohus · lukket forum');
    expect(text).not.toContain('Ib Infohus');
    // Grouped by focus area (alphabetically), each initiative with its time frame, status now and forum.
    expect(text).toMatch(/Skole\s[\s\S]*Trivselsforløb i 7\. klasse · \d{4}–\d{4} · i gang · SSP-NU u18[\s\S]*Tryghed\s+Åben indsats fra Infohus · \d{4}–\d{4} · i gang · Infohus/);
    // Ended since approval: the rule leaves it out of the published plan at once.
    expect(text).not.toContain('Natteravne ved stationen');
    expect(text).toContain('Åben indsats fra Infohus');
    expect(text).toContain('Målgruppe: Unge 14–17 år');
    // Outside the plan's years: not in the published plan; sealed: not for the chair.
    expect(text).not.toContain('Gammel indsats');
    expect(text).not.toContain('Hemmelig indsats i Infohus');
    await personal.screenshot({ path: path.join(TAB_ARTIFACTS, 'plan-local-da.png'), fullPage: true });
    await personal.close();
  }, 30_000);

  test('given the sensitive forum’s member, then the sealed initiative is shown to him', async () => {
    const page = await open(`/tab/plan.html?devUser=${world.people.infohus.userId}`);
    await page.getByRole('heading', { level: 2, name: 'Indsatser efter fokusområde' }).waitFor();
    expect(await page.locator('main').innerText()).toContain('Hemmelig indsats i Infohus');
    await page.close();
  }, 30_000);

  test('given an outsider and English, then the plan speaks English and the sealed initiative is not in the page or the API', async () => {
    const page = await open(`/tab/plan.html?devUser=${world.people.outsider.userId}&lang=en`);
    await page.getByRole('heading', { level: 2, name: 'Initiatives by focus area' }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toContain(`Version 1, approved ${day(approvedAt, 'en-GB')}`);
    expect(text).toMatch(/Trivselsforløb i 7\. klasse · \d{4}–\d{4} · running/);
    expect(text).not.toContain('Hemmelig indsats');
    await page.close();
    const response = await fetch(`${bot.baseUrl}/api/tab/plan`, { headers: { 'x-forumbot-dev-user': world.people.outsider.userId } });
    expect(response.status).toBe(200);
    expect(await response.text()).not.toContain('Hemmelig');
  }, 30_000);

  test('given no identity, then the plan API answers 401', async () => {
    expect((await fetch(`${bot.baseUrl}/api/tab/plan`)).status).toBe(401);
  });
});
