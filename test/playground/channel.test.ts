/**
 * The bot in a team channel, through Microsoft 365 Agents Playground in Chromium: it is spoken to
 * with an @mention in a new post and answers in the post's thread. One Playground and one browser
 * for the file; the tests run in order (the first opens the channel for the first time).
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectEnglishOverviewInPlace } from './support/language-switch';
import { installEventIn, PlaygroundHarness, WORLD } from './support/playground';

describe('Playground: channel', () => {
  let pg: PlaygroundHarness;

  beforeAll(async () => {
    pg = await PlaygroundHarness.start({ storageConnectionString: inject('storageConnectionString') });
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await pg.screenshot(`channel-${task.name}`);
  });

  afterAll(async () => {
    await pg?.close();
  });

  it('given the channel is opened for the first time then the bot posts its welcome card once, and not again after a page reload re-sends the install events', async () => {
    await pg.openChannel('General');
    const welcome = await pg.nextCard('Velkommen til Forumbot');
    expect(await welcome.textContent()).toContain('@Forumbot hjælp');
    await pg.screenshot('channel-welcome');
    const installs = pg.forwarded.filter(installEventIn(WORLD.generalChannelId)).length;
    expect(installs).toBeGreaterThanOrEqual(1);
    expect(await pg.page.locator('.ac-adaptiveCard', { hasText: 'Velkommen til Forumbot' }).count()).toBe(1);

    await pg.reload();
    await pg.openChannel('General');
    await pg.waitForForwarded(installEventIn(WORLD.generalChannelId), installs + 2);
    await pg.sendWithMention('hjælp');
    await pg.nextCard('Det kan jeg');
    // Had the bot greeted again, its post would have arrived before the answer to "hjælp".
    expect(await pg.page.locator('.ac-adaptiveCard', { hasText: 'Velkommen til Forumbot' }).count()).toBe(0);
    expect(await pg.page.locator('.ac-adaptiveCard').count()).toBe(1);
  });

  it('given "@Forumbot hjælp" then the bot answers in the thread with the Danish command overview', async () => {
    await pg.sendWithMention('hjælp');
    const card = await pg.nextCard('Det kan jeg');
    for (const command of ['hjælp', 'fora', 'tilknyt [forum]', 'møder', 'dagsorden', 'handlinger', 'eskaler']) {
      await card.getByText(command, { exact: true }).waitFor();
    }
    expect(await card.textContent()).toContain('nævn mig først');
  });

  it('given "@Forumbot" with an unknown command then the bot says so and lists the commands', async () => {
    await pg.sendWithMention('lav kaffe');
    const reply = await pg.nextText('Den kommando kender jeg ikke.');
    const text = await reply.textContent();
    expect(text).toContain('Du kan skrive:');
    expect(text).toContain('tilknyt [forum]');
  });

  it('given the command overview in the channel when "Show in English" is clicked then the card is replaced in place by the English one', async () => {
    await pg.sendWithMention('hjælp');
    await expectEnglishOverviewInPlace(pg, 'channel-action-execute');
  });
});
