import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { aForum, anAuditEvent } from '../storage/storage.mothers';
import { openTestStorage, type TestStorage } from '../storage/storage-kit';
import { launchBrowser, startTabBot, TAB_ARTIFACTS, type TabBot } from './support/tab-harness';

// Local mode: the development identity stands in for Teams SSO; the page and the API are the real ones.
let storage: TestStorage;
let bot: TabBot;
let browser: Browser;
const people = { chair: 'chair-audit-1', member: 'member-audit-1', outsider: 'outsider-audit-1', analyst: 'analyst-audit-1' };
const fora = { ordinary: '', sensitive: '' };

beforeAll(async () => {
  storage = openTestStorage();
  const s = storage.storage;
  const ordinary = await s.fora.save(aForum({ name: 'SSP-netværk' }));
  const sensitive = await s.fora.save(aForum({ name: 'Infohus', sensitive: true }));
  fora.ordinary = ordinary.id;
  fora.sensitive = sensitive.id;
  await s.members.save(ordinary.id, { userId: people.chair, displayName: 'Formand Fie', roles: ['chair'] });
  await s.members.save(ordinary.id, { userId: people.member, displayName: 'Medlem Mads', roles: ['member'] });
  await s.members.save(sensitive.id, { userId: people.analyst, displayName: 'Analytiker Ane', roles: ['chair'] });
  for (let i = 0; i < 55; i += 1) {
    await s.audit.append(anAuditEvent(ordinary.id, { actorId: people.member, action: 'actions.update', subject: `handling ${i}`, at: new Date(Date.UTC(2026, 2, 1 + (i % 20), 9, i)).toISOString() }));
  }
  await s.audit.append(anAuditEvent(ordinary.id, { actorId: people.chair, action: 'agenda.publish', subject: 'dagsorden marts', at: '2026-03-25T10:00:00.000Z' }));
  await s.audit.append(anAuditEvent(sensitive.id, { actorId: people.analyst, action: 'escalation.raise', subject: 'Forseglet Infohus-sag' }));
  bot = await startTabBot(s);
  browser = await launchBrowser();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await bot?.close();
  await storage?.storage.dropAll();
});

async function open(forumId: string | undefined, user: string): Promise<Page> {
  const page = await browser.newPage({ locale: 'da-DK' });
  page.on('pageerror', (error) => console.error('page error', error));
  const forum = forumId === undefined ? '' : `forumId=${encodeURIComponent(forumId)}&`;
  await page.goto(`${bot.baseUrl}/tab/audit.html?${forum}devUser=${user}`);
  return page;
}

describe('the audit page in Chromium', () => {
  test('given the chair then the forum\'s audit shows newest first, pages on, and filters by person, kind and date', async () => {
    const page = await open(fora.ordinary, people.chair);
    await page.getByRole('heading', { level: 1, name: 'Log: SSP-netværk' }).waitFor();
    await expect.poll(() => page.locator('#results').innerText()).toContain('Side 1 af 2 · 56 hændelser');
    expect(await page.locator('tbody tr').count()).toBe(50);
    expect(await page.locator('tbody tr').first().innerText()).toContain('dagsorden marts');
    await page.screenshot({ path: path.join(TAB_ARTIFACTS, 'audit-chair-da.png'), fullPage: true });

    await page.getByRole('button', { name: 'Næste' }).click();
    await expect.poll(() => page.locator('#results').innerText()).toContain('Side 2 af 2');
    expect(await page.locator('tbody tr').count()).toBe(6);

    await page.getByLabel('Person (objekt-id)').fill(people.chair);
    await page.getByRole('button', { name: 'Vis' }).click();
    await expect.poll(() => page.locator('#results').innerText()).toContain('Side 1 af 1 · 1 hændelse');

    await page.getByLabel('Person (objekt-id)').fill('');
    await page.getByLabel('Handling (fx agenda)').fill('actions');
    await page.getByLabel('Fra dato').fill('2026-03-01');
    await page.getByLabel('Til dato').fill('2026-03-01');
    await page.getByRole('button', { name: 'Vis' }).click();
    // 55 events over 20 days: 1 March holds i = 0, 20, 40.
    await expect.poll(() => page.locator('#results').innerText()).toContain('Side 1 af 1 · 3 hændelser');
    expect(await page.locator('main').innerText()).not.toContain('Forseglet');
    await page.close();
  }, 60_000);

  test('given a member who is no chair, or a chair of another forum opening the sensitive one, then the page shows the refusal and no events', async () => {
    for (const [forumId, user] of [[fora.ordinary, people.member], [fora.sensitive, people.chair]] as const) {
      const page = await open(forumId, user);
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.innerText()).toBe('Det kan du ikke åbne. Enten findes det ikke, eller også er det kun for forummets medlemmer.');
      expect(await page.locator('main').innerText()).not.toMatch(/Forseglet|handling \d/);
      await page.close();
    }
  }, 60_000);

  test('given the "Log" tab opened without a forum then a chair picks among the fora they chair, and the link opens that forum\'s audit; a member who chairs nothing is told why', async () => {
    const page = await open(undefined, people.chair);
    await page.getByRole('heading', { level: 1, name: 'Log' }).waitFor();
    await page.locator('#fora').waitFor();
    expect(await page.locator('#fora li').allInnerTexts()).toEqual(['SSP-netværk']);
    await page.getByRole('link', { name: 'SSP-netværk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Log: SSP-netværk' }).waitFor();
    await expect.poll(() => page.locator('#results').innerText()).toContain('56 hændelser');
    await page.getByRole('link', { name: 'Andre fora' }).click();
    await page.locator('#fora').waitFor();
    await page.close();

    const member = await open(undefined, people.member);
    await member.getByText('Du kan ikke se loggen for noget forum.').waitFor();
    expect(await member.locator('main').innerText()).not.toMatch(/Infohus|SSP-netværk/);
    await member.close();
  }, 60_000);
});
