/**
 * Every page the manifest points Teams at (website, privacy, terms, tabs) is served by the bot's own
 * server: a broken link there is what a Teams admin sees first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillManifest, readTemplate } from '../../manifest/app-package';
import { startBot, type RunningBot } from '../bot/support/bot-harness';
import { openTestStorage, type TestStorage } from '../storage/storage-kit';

const host = 'forumbot.example.dk';
const manifestText = JSON.stringify(fillManifest(readTemplate(), { appId: '0b5c8e5e-1d2a-4c39-9d8e-2f6f7a1b2c3d', host }));
const pagePaths = [...new Set([...manifestText.matchAll(/"https:\/\/forumbot\.example\.dk(\/[^"?]*)/g)].map((m) => m[1]!))];

describe('manifest links', () => {
  let storage: TestStorage;
  let bot: RunningBot;

  beforeAll(async () => {
    storage = openTestStorage();
    bot = await startBot(storage.storage);
  });
  afterAll(async () => {
    await bot?.close();
    await storage?.storage.dropAll();
  });

  it('given the filled manifest then it names the website, privacy, terms and tab pages on our host', () => {
    expect(pagePaths).toEqual(expect.arrayContaining(['/tab/om.html', '/tab/privatliv.html', '/tab/vilkaar.html', '/tab/config.html', '/tab/personal.html']));
  });

  it('given each page the manifest links to then the bot serves it as an HTML page in Danish', async () => {
    for (const pagePath of pagePaths) {
      const response = await fetch(`${bot.baseUrl}${pagePath}`);
      expect(response.status, pagePath).toBe(200);
      expect(response.headers.get('content-type'), pagePath).toMatch(/^text\/html/);
      expect(await response.text(), pagePath).toMatch(/<html lang="da">/);
    }
  });
});
