/**
 * Test harness 1: the real bot (createBotApp on Azurite) behind Microsoft 365 Agents Playground,
 * driven through Debian's Chromium with playwright-core, as a person would use it.
 *
 * Facts about the Playground UI this relies on (version 0.2.28, tried):
 * - Conversations are `treeitem`s: "Personal Chat", the group chat's name, "<team> - <channel>".
 * - The message box is a Lexical editor, `[role="textbox"][data-lexical-editor="true"]`. In chats
 *   Enter sends; a channel has a "Start a new post" editor (the first one) with a Post button, and a
 *   reply editor under every post.
 * - Typing "@" and part of the bot's name opens a menu; its `menuitem` inserts a real mention.
 * - Adaptive Cards render as `.ac-adaptiveCard`; an `Action.Execute` answer re-renders the card in
 *   place: the element stays and its content changes. Bot text arrives as markdown rendered into
 *   `<p>` elements.
 * - A channel shows the newest post first, so the DOM order is not the arrival order: the page
 *   stamps every card and paragraph with an arrival number as it appears (a MutationObserver), and
 *   the helpers wait for things that arrived after the last action. Opening a conversation renders
 *   its history anew, so the numbers count from there.
 * - Every page load forgets the conversation history and sends installationUpdate and
 *   conversationUpdate again for each conversation the moment it is opened.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { createBotApp, type BotApp } from '../../../bot/app';
import { loadConfig } from '../../../bot/config';
import { createLogger } from '../../../bot/logger';
import { startLocaleProxy, type ForwardedActivity, type LocaleProxy } from '../../../playground/locale-proxy';
import { startPlayground, type RunningPlayground } from '../../../playground/playground-process';
import { freePort } from '../../../storage/azurite';
import { systemClock, type Clock } from '../../../domain/shared/time';
import { createStorage, type Storage } from '../../../storage/index';
import { chromiumPath } from '../../support/browser';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const PLAYGROUND_CONFIG = path.join(ROOT, 'playground', '.m365agentsplayground.yml');
const SCREENSHOTS = path.join(ROOT, 'test-results', 'playground');

/** The names in playground/.m365agentsplayground.yml that the tests use. */
export const WORLD = {
  botName: 'Forumbot',
  teamName: 'SSP Ishøj',
  personalChatId: 'a:demo-personal-mette-holm',
  generalChannelId: '19:demo-ssp-general@thread.tacv2',
  kredsraadChannelId: '19:demo-kredsraad@thread.tacv2',
  /** The Playground's one user (Mette Holm), by Entra object id. */
  userId: '0d4f8b1e-6a2c-4e57-9b13-000000000001',
} as const;

/** The browser: `CHROMIUM_PATH`, or Debian's /usr/bin/chromium (see test/support/browser.ts). */
export const CHROMIUM = chromiumPath();
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/**
 * How long to wait for something the bot or the UI should do (a turn takes well under a second;
 * on a loaded machine, with several Chromiums and Azurites sharing two cores, far longer).
 * PLAYGROUND_WAIT_MS sets it.
 */
const WAIT_MS = Number(process.env['PLAYGROUND_WAIT_MS'] ?? 20_000);

declare global {
  interface Window {
    __fbLastId?: () => number;
  }
}

/**
 * Runs in the page before its scripts: every card and text paragraph gets an arrival number
 * (`data-fb-id`) when its element appears. A card answered by Action.Execute keeps its element
 * (and number) and changes inside. A string, so that no transpiler helper ends up in code that runs
 * in the browser.
 */
const STAMP_ARRIVALS = `(() => {
  let ids = 0;
  const stamp = (node) => {
    if (!(node instanceof Element)) return;
    for (const el of [node, ...node.querySelectorAll('.ac-adaptiveCard, p')]) {
      if (el.hasAttribute('data-fb-id')) continue;
      const isCard = el.matches('.ac-adaptiveCard');
      // Paragraphs inside cards and editors are not messages of their own.
      if (!isCard && (!el.matches('p') || el.closest('.ac-adaptiveCard, [contenteditable="true"]') !== null)) continue;
      el.setAttribute('data-fb-id', String(++ids));
    }
  };
  new MutationObserver((mutations) => {
    for (const mutation of mutations) mutation.addedNodes.forEach(stamp);
  }).observe(document, { childList: true, subtree: true });
  window.__fbLastId = () => ids;
})();`;

export interface HarnessOptions {
  /** Azurite's connection string (the test run's, from `inject`). */
  storageConnectionString: string;
  /** The locale the simulated Teams client sends (default da-DK); undefined keeps the Playground's en-US. */
  locale?: string | undefined;
  /** The bot's clock (default the system clock); tests of deadlines move it. */
  clock?: Clock;
  /** Start the bot's outbox (proactive posts, e.g. agendas in a channel); default off, as before. */
  startOutbox?: boolean;
}

export class PlaygroundHarness {
  /** The arrival number of the newest card or paragraph before the last action. */
  private mark = 0;
  /** Set when the harness started the bot's outbox (option `startOutbox`). */
  private outboxStarted = false;

  private constructor(
    readonly page: Page,
    readonly storage: Storage,
    private readonly browser: Browser,
    private readonly playground: RunningPlayground,
    private readonly proxy: LocaleProxy,
    private readonly bot: BotApp,
    private readonly workDir: string,
  ) {}

  static async start(options: HarnessOptions): Promise<PlaygroundHarness> {
    const cleanups: (() => Promise<unknown>)[] = [];
    try {
      const storage = createStorage(options.storageConnectionString, { tablePrefix: `pg${Math.random().toString(36).slice(2, 10)}` });
      cleanups.push(() => storage.dropAll());
      const bot = createBotApp({
        config: loadConfig({ LOG_LEVEL: 'warn' }),
        logger: createLogger('warn'),
        storage,
        ...(options.clock === undefined ? {} : { clock: options.clock, outbox: { clock: systemClock, pollIntervalMs: 100 } }),
      });
      if (options.startOutbox === true) {
        bot.outbox.start();
        cleanups.push(() => bot.outbox.stop({ timeoutMs: 2_000 }));
      }
      const botPort = await bot.listen(0, '127.0.0.1');
      cleanups.push(() => bot.close());
      const proxy = await startLocaleProxy({
        target: `http://127.0.0.1:${botPort}/api/messages`,
        ...('locale' in options ? (options.locale === undefined ? {} : { locale: options.locale }) : { locale: 'da-DK' }),
      });
      cleanups.push(() => proxy.close());
      const workDir = await mkdtemp(path.join(os.tmpdir(), 'forumbot-playground-'));
      cleanups.push(() => rm(workDir, { recursive: true, force: true }));
      const playground = await startPlayground({
        botEndpoint: proxy.endpoint,
        port: await freePort(),
        workDir,
        config: await readFile(PLAYGROUND_CONFIG, 'utf8'),
      });
      cleanups.push(() => playground.stop());
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      cleanups.push(() => browser.close());
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
      // Offline: the Playground's page asks a CDN for fonts and animations; refuse at once instead of waiting.
      await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => route.abort());
      await context.addInitScript({ content: STAMP_ARRIVALS });
      const page = await context.newPage();
      page.setDefaultTimeout(WAIT_MS);
      const harness = new PlaygroundHarness(page, storage, browser, playground, proxy, bot, workDir);
      harness.outboxStarted = options.startOutbox === true;
      await harness.load();
      return harness;
    } catch (error) {
      for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
      throw error;
    }
  }

  /** The bot behind the Playground (its services, outbox and scheduler), for tests that need them. */
  get app(): BotApp {
    return this.bot;
  }

  /** The Playground's mock Teams connector: the serviceUrl of its conversations. */
  get connectorUrl(): string {
    return this.playground.connectorUrl;
  }

  /** Activities the bot has answered so far (with its status code). */
  get forwarded(): readonly ForwardedActivity[] {
    return this.proxy.forwarded;
  }

  private textbox(): Locator {
    return this.page.locator('[role="textbox"][data-lexical-editor="true"]').first();
  }

  private postButton(): Locator {
    return this.page.getByRole('button', { name: 'Post', exact: true });
  }

  /** Opens (or re-opens) the Playground; it starts in the personal chat. */
  async load(): Promise<void> {
    await this.page.goto(this.playground.url);
    await this.textbox().waitFor();
    this.mark = 0;
  }

  /** A page reload: the Playground forgets the history and re-sends the install events. */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.textbox().waitFor();
    this.mark = 0;
  }

  private async setMark(): Promise<void> {
    this.mark = await this.page.evaluate(() => window.__fbLastId?.() ?? 0);
  }

  async openPersonalChat(): Promise<void> {
    await this.setMark();
    await this.page.getByRole('treeitem', { name: 'Personal Chat', exact: true }).click();
    await this.postButton().waitFor({ state: 'hidden' });
    await this.textbox().waitFor();
  }

  /** A channel of the team by its name ("General", "Kredsråd"). */
  async openChannel(name: string): Promise<void> {
    await this.setMark();
    await this.page.getByRole('treeitem', { name: `${WORLD.teamName} - ${name}`, exact: true }).click();
    await this.postButton().waitFor();
  }

  private async inChannel(): Promise<boolean> {
    return (await this.postButton().count()) > 0;
  }

  /** Types a message and sends it: Enter in a chat, a new post in a channel. */
  async send(text: string): Promise<void> {
    await this.setMark();
    await this.textbox().click();
    await this.page.keyboard.type(text);
    await this.submit();
  }

  /** "@Forumbot <text>" with a real mention picked from the Playground's menu. */
  /** The Playground renders a choice set (and a time input) as a Fluent combobox: open it, pick the option. */
  async choose(combobox: Locator, option: string): Promise<void> {
    await combobox.click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async sendWithMention(text: string): Promise<void> {
    await this.setMark();
    await this.textbox().click();
    await this.page.keyboard.type(`@${WORLD.botName.slice(0, 5)}`);
    await this.page.getByRole('menuitem', { name: WORLD.botName }).click();
    await this.page.keyboard.type(` ${text}`);
    await this.submit();
  }

  private async submit(): Promise<void> {
    if (await this.inChannel()) await this.postButton().click();
    else await this.page.keyboard.press('Enter');
  }

  /** The card whose element appeared last (a card replaced by Action.Execute keeps its place). */
  async lastCard(): Promise<Locator> {
    const id = await this.page.evaluate(() =>
      Math.max(0, ...Array.from(document.querySelectorAll('.ac-adaptiveCard[data-fb-id]'), (el) => Number(el.getAttribute('data-fb-id')))),
    );
    if (id === 0) throw new Error('no card on the page');
    return this.page.locator(`.ac-adaptiveCard[data-fb-id="${id}"]`);
  }

  /** Waits for a card that appeared after the last action (and contains `text`, if given). */
  async nextCard(text?: string): Promise<Locator> {
    return this.next('.ac-adaptiveCard', text);
  }

  /** Waits for a text message (not a card) that appeared after the last action and contains `text`. */
  async nextText(text: string): Promise<Locator> {
    return this.next('p', text);
  }

  private async next(selector: string, text: string | undefined): Promise<Locator> {
    const handle = await this.page.waitForFunction(
      ({ selector, mark, text }) => {
        for (const el of Array.from(document.querySelectorAll(`${selector}[data-fb-id]`))) {
          const id = Number(el.getAttribute('data-fb-id'));
          if (id > mark && (text === undefined || (el.textContent ?? '').includes(text))) return id;
        }
        return 0;
      },
      { selector, mark: this.mark, text },
      { timeout: WAIT_MS, polling: 50 },
    );
    return this.page.locator(`${selector}[data-fb-id="${String(await handle.jsonValue())}"]`);
  }

  /**
   * Clicks a button on a card (default: the newest card) and waits until the bot's answer has
   * replaced the card's content; resolves with the same card, now showing the answer.
   */
  async clickCardAction(title: string, card?: Locator): Promise<Locator> {
    const target = card ?? (await this.lastCard());
    const id = await target.getAttribute('data-fb-id');
    const before = await target.textContent();
    await this.setMark();
    await target.getByRole('button', { name: title, exact: true }).click();
    await this.page.waitForFunction(
      ({ id, before }) => {
        const el = document.querySelector(`.ac-adaptiveCard[data-fb-id="${id}"]`);
        return el !== null && el.textContent !== before;
      },
      { id, before },
      { timeout: WAIT_MS, polling: 50 },
    );
    return this.page.locator(`.ac-adaptiveCard[data-fb-id="${id}"]`);
  }

  /** Resolves once the bot has answered `count` activities matching `match` (counted since the start). */
  async waitForForwarded(match: (activity: ForwardedActivity) => boolean, count: number): Promise<void> {
    const deadline = Date.now() + WAIT_MS;
    while (this.forwarded.filter(match).length < count) {
      if (Date.now() > deadline) throw new Error(`the bot answered ${this.forwarded.filter(match).length} of ${count} expected activities`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async screenshot(name: string): Promise<string> {
    await mkdir(SCREENSHOTS, { recursive: true });
    const file = path.join(SCREENSHOTS, `${name.replace(/[^\w.-]+/g, '-')}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  async close(): Promise<void> {
    const steps: (() => Promise<unknown>)[] = [
      () => this.browser.close(),
      () => this.playground.stop(),
      () => this.proxy.close(),
      () => (this.outboxStarted ? this.bot.outbox.stop({ timeoutMs: 2_000 }) : Promise.resolve()),
      () => this.bot.close(),
      () => this.storage.dropAll(),
      () => rm(this.workDir, { recursive: true, force: true }),
    ];
    const errors: unknown[] = [];
    for (const step of steps) await step().catch((error: unknown) => errors.push(error));
    if (errors.length > 0) throw new AggregateError(errors, 'closing the Playground harness failed');
  }
}

/** True for the install events the Playground sends when a conversation is opened. */
export const installEventIn =
  (conversationId: string) =>
  (activity: ForwardedActivity): boolean =>
    (activity.type === 'installationUpdate' || activity.type === 'conversationUpdate') && activity.conversationId === conversationId && activity.status === 200;
