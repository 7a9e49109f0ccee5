/**
 * Cards show what people typed as text, checked where it matters: in the Agents Playground, whose
 * card renderer turns Markdown into links and images as Teams does. A forum name pasted with a
 * link and an image must render as those characters, never as an <a> or an <img>.
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { PlaygroundHarness, WORLD } from './support/playground';

const FORUM = 'markdown-forum';
const NAME = 'Net ![logo](https://evil.example/t.png) [klik](https://evil.example/login)';

describe('Playground: typed Markdown on cards', () => {
  let pg: PlaygroundHarness;

  beforeAll(async () => {
    pg = await PlaygroundHarness.start({ storageConnectionString: inject('storageConnectionString') });
    await pg.storage.fora.save({ id: FORUM, name: NAME, level: 'executing', sensitive: false });
    await pg.storage.members.save(FORUM, { userId: WORLD.userId, displayName: 'Mette **Holm**', roles: ['chair'] });
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await pg.screenshot(`user-text-${task.name}`);
  });

  afterAll(async () => {
    await pg?.close();
  });

  it('given a forum name with a Markdown link and image then the forum list shows the characters and no link or image to the address', async () => {
    await pg.openPersonalChat();
    await pg.send('fora');
    const card = await pg.nextCard('klik');
    expect(await card.locator('a[href*="evil.example"]').count()).toBe(0);
    expect(await card.locator('img[src*="evil.example"]').count()).toBe(0);
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('[klik](https://evil.example/login)');
    expect(text).toContain('![logo](https://evil.example/t.png)');
  });
});
