/**
 * Every button of every card sample, clicked in the Agents Playground in Chromium: a button whose
 * data the client cannot prepare (a field named `key` made the Playground throw "Cannot assign to
 * read only property 'key'") does nothing in Teams-like clients, so the test fails on any page
 * error and on any Action.Execute click that neither reached the bot nor was stopped by the
 * card's own input checks.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startPlayground, type RunningPlayground } from '../../playground/playground-process';
import { freePort } from '../../storage/azurite';
import { cardSamples } from '../cards/support/card-samples';
import { CHROMIUM, CHROMIUM_ARGS, PLAYGROUND_CONFIG } from './support/playground';
import { startSampleBot, type SampleBot } from './support/sample-bot';

type Json = Record<string, unknown>;

/** Every Danish sample card, named "builder / variant". */
const samples = cardSamples.flatMap((s) => Object.entries(s.build('da')).map(([variant, card]) => ({ name: `${s.builder.name} / ${variant}`, card: card as Json })))
  // FB_CARDS=10-20 runs a slice while working on a card.
  .slice(...(process.env.FB_CARDS ?? '0-10000').split('-').map(Number));

/** The Action.Execute buttons of a card, ShowCard contents included (what a full click-through must reach). */
function executeButtons(card: Json): number {
  let count = 0;
  const walk = (list: unknown): void => {
    if (!Array.isArray(list)) return;
    for (const e of list as Json[]) {
      if (e.type === 'Action.Execute' || e.type === 'Action.Submit') count++;
      walk(e.items);
      if (Array.isArray(e.columns)) for (const c of e.columns as Json[]) walk(c.items);
      walk(e.actions);
      if (e.type === 'Action.ShowCard') {
        walk((e.card as Json).body);
        walk((e.card as Json).actions);
      }
    }
  };
  walk(card.body);
  walk(card.actions);
  return count;
}

describe('Playground: every button of every card sample', () => {
  let bot: SampleBot;
  let playground: RunningPlayground;
  let browser: Browser;
  let page: Page;
  let workDir: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    bot = await startSampleBot(samples.map((s) => s.card));
    workDir = await mkdtemp(path.join(os.tmpdir(), 'forumbot-buttons-'));
    playground = await startPlayground({ botEndpoint: bot.endpoint, port: await freePort(), workDir, config: await readFile(PLAYGROUND_CONFIG, 'utf8') });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
    await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => route.abort());
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && !/Failed to load resource|net::ERR_|Network error/.test(message.text())) pageErrors.push(message.text());
    });
    await page.goto(playground.url);
    await page.locator('[role="textbox"][data-lexical-editor="true"]').first().waitFor();
  }, 120_000);

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await page?.screenshot({ path: path.join('test-results', 'playground', 'every-button-failed.png') });
  });

  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
    await bot?.close();
    if (workDir !== undefined) await rm(workDir, { recursive: true, force: true });
  });

  /** The card's own buttons (adaptivecards' `ac-pushButton`), not the Fluent pickers of its inputs. */
  const visibleButtons = (card: Locator): Locator => card.locator('button:has(> .ac-pushButton-content):visible');

  const toggles = (card: Locator): Locator => card.locator('button:has(> .ac-pushButton-content)[aria-expanded]:visible');

  /**
   * Collapses every open ShowCard, marks the card's top-level buttons, then opens toggle `open`
   * (an index among the visible toggles), if any. Resolves with the buttons to click: the
   * top-level ones that are no toggles, or those inside the opened ShowCard.
   */
  async function prepare(card: Locator, open?: number): Promise<Locator> {
    for (;;) {
      const expanded = card.locator('button:has(> .ac-pushButton-content)[aria-expanded="true"]:visible');
      if ((await expanded.count()) === 0) break;
      // A DOM click: a notice of the Playground may lie over a toggle ("Your response was sent").
      await expanded.last().evaluate((el: HTMLElement) => el.click());
    }
    await visibleButtons(card).evaluateAll((els) => els.forEach((e) => e.setAttribute('data-top', '1')));
    if (open === undefined) return card.locator('button:has(> .ac-pushButton-content)[data-top]:not([aria-expanded]):visible');
    await toggles(card).nth(open).evaluate((el: HTMLElement) => el.click());
    return card.locator('button:has(> .ac-pushButton-content):not([data-top]):visible');
  }

  it('given each sample shown in the personal chat then every button can be clicked without a page error, and every Action.Execute reaches the bot or is stopped by the card\'s own checks', async () => {
    const textbox = page.locator('[role="textbox"][data-lexical-editor="true"]').first();
    const failures: string[] = [];
    let clicked = 0;
    let reached = 0;
    // Retries per card on a fresh page: a click racing the re-render of a big card can time out.
    const work = samples.flatMap((sample, index) => [{ sample, index, attempt: 1 }]);
    for (let w = 0; w < work.length; w++) {
      const { sample, index, attempt } = work[w]!;
      const errorsBefore = pageErrors.length;
      const started = Date.now();
      // The chat may drop old messages from the page, so new cards are found by a mark, not by counting.
      await page.locator('.ac-adaptiveCard').evaluateAll((els) => els.forEach((e) => e.setAttribute('data-seen', '1')));
      // A fresh page for each card: the Playground forgets the history on load, so the page stays
      // small (a chat of 60 big cards slows every click) and nothing of the last card is left open.
      if (index % 5 === 0 || attempt > 1) {
        await page.reload();
        await textbox.waitFor();
      }
      await page.keyboard.press('Escape');
      await textbox.click();
      await page.keyboard.type(String(index));
      await page.waitForFunction((el) => el?.textContent === String(el?.getAttribute('data-want')), await textbox.evaluateHandle((el, want) => (el.setAttribute('data-want', want), el), String(index)));
      await page.keyboard.press('Enter');
      const card = page.locator('.ac-adaptiveCard:not([data-seen])').first();
      await card.waitFor();
      let executes = 0;

      /** Clicks each button `prepare(card, open)` offers, preparing again before each click (an answer re-renders the card). */
      const clickAll = async (open?: number): Promise<void> => {
        const count = await (await prepare(card, open)).count();
        for (let i = 0; i < count; i++) {
          // The answer to the last click re-renders the card; a click on the element being replaced
          // can miss, so the button is found afresh and clicked again (at most three times).
          let button = (await prepare(card, open)).nth(i);
          // Action.OpenUrl would leave the page; it carries no data to prepare.
          if ((await button.getAttribute('role')) === 'link') continue;
          const actionsBefore = bot.actions.length;
          for (let attempt = 1; ; attempt++) {
            try {
              // A person's click; the last attempt clicks in the DOM, past anything lying over the button.
              if (attempt < 3) await button.click({ timeout: 5_000 });
              else await button.evaluate((el: HTMLElement) => el.click());
              break;
            } catch (error) {
              if (attempt === 3) throw error;
              await page.waitForTimeout(500);
              button = (await prepare(card, open)).nth(i);
            }
          }
          clicked++;
          executes++;
          const outcome = await Promise.race([
            (async () => {
              while (bot.actions.length === actionsBefore) await new Promise((r) => setTimeout(r, 25));
              return 'reached';
            })(),
            // The card's own checks (isRequired, regex) mark the input and keep the card.
            // (the Playground shows the input's errorMessage in an element its aria-labelledby names).
            page
              .waitForFunction(
                (el) => Array.from(el.querySelectorAll('[aria-labelledby]'), (i) => i.getAttribute('aria-labelledby')!.split(' ').slice(1)).flat().some((id) => document.getElementById(id) !== null),
                await card.elementHandle(),
                { timeout: 5_000 },
              )
              .then(() => 'checked', () => 'nothing'),
          ]);
          if (outcome === 'reached') reached++;
          else if (outcome === 'nothing') failures.push(`${sample.name}: ${await button.textContent()} did nothing`);
        }
      };
      const explore = async (): Promise<void> => {
        await clickAll();
        await prepare(card);
        const toggleCount = await toggles(card).count();
        for (let t = 0; t < toggleCount; t++) await clickAll(t);
      };
      try {
        await explore();
        // A button the page did not offer this time (a long card still re-rendering) is tried again on a fresh page.
        if (executes < executeButtons(sample.card) && attempt < 3) throw new Error(`clicked ${executes} of ${executeButtons(sample.card)} Action.Execute buttons`);
      } catch (error) {
        // Under a loaded machine a re-render can outlast a wait: the card gets two more tries on a fresh page.
        if (attempt < 3) {
          work.splice(w + 1, 0, { sample, index, attempt: attempt + 1 });
          continue;
        }
        failures.push(`${sample.name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      }
      if (process.env.FB_DUMP !== undefined) console.info(`${sample.name}: ${executes} clicks in ${Date.now() - started} ms`);
      if (executes < executeButtons(sample.card)) failures.push(`${sample.name}: clicked ${executes} of ${executeButtons(sample.card)} Action.Execute buttons`);
      if (pageErrors.length > errorsBefore) failures.push(`${sample.name}: ${pageErrors.slice(errorsBefore).join(' | ')}`);
    }
    await page.screenshot({ path: path.join('test-results', 'playground', 'every-button-last.png') });
    console.info(`every-button: ${samples.length} cards, ${clicked} Action.Execute clicks, ${reached} reached the bot`);
    expect(failures).toEqual([]);
    expect(reached).toBeGreaterThan(samples.length);
  }, 900_000);
});
