import { expect } from 'vitest';
import type { PlaygroundHarness } from './playground';

/**
 * Clicks "Show in English" on the Danish command overview and checks that the same card element now
 * shows the English one (replaced in place, no new message), then saves a screenshot.
 */
export async function expectEnglishOverviewInPlace(pg: PlaygroundHarness, screenshot: string): Promise<void> {
  const danish = await pg.nextCard('Det kan jeg');
  const cardsBefore = await pg.page.locator('.ac-adaptiveCard').count();

  const english = await pg.clickCardAction('Show in English', danish);

  const text = await english.textContent();
  expect(text).toContain('What I can do');
  expect(text).not.toContain('Det kan jeg');
  await english.getByRole('button', { name: 'Vis på dansk', exact: true }).waitFor();
  expect(await pg.page.locator('.ac-adaptiveCard').count()).toBe(cardsBefore);
  await pg.screenshot(screenshot);
}
