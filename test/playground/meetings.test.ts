/**
 * A forum's recurring meetings through Microsoft 365 Agents Playground in Chromium: the chair
 * (Mette Holm, the Playground's one user) links the team's General channel to Koordinationsgruppen,
 * schedules a monthly series on the 2nd Tuesday from the card and sees `møder` list the next three
 * dates in Danish. The expected dates are worked out here with plain calendar arithmetic, not with
 * the bot's recurrence code. Other people's clicks and refusals are covered over HTTP in test/bot/.
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { PlaygroundHarness, WORLD } from './support/playground';

const METTE = WORLD.userId;
const FORUM = 'koordinationsgruppen';
const ZONE = 'Europe/Copenhagen';

const MONTHS_DA = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
/** The Playground's date picker is in English: its day buttons are named "8, December, 2026". */
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface Day {
  year: number;
  /** 0–11. */
  month: number;
  day: number;
}

/** Today's calendar date in Copenhagen. */
function todayInCopenhagen(): Day {
  const [year, month, day] = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date()).split('-').map(Number);
  return { year: year!, month: month! - 1, day: day! };
}

/** The 2nd Tuesday of a month: the first Tuesday is day 1–7, the second a week later. */
function secondTuesday(year: number, month: number): Day {
  const y = year + Math.floor(month / 12);
  const m = ((month % 12) + 12) % 12;
  const weekdayOfFirst = new Date(Date.UTC(y, m, 1)).getUTCDay();
  return { year: y, month: m, day: 1 + ((2 - weekdayOfFirst + 7) % 7) + 7 };
}

/** The next three 2nd Tuesdays after today (today itself excluded, so the first is in the future). */
function nextThreeSecondTuesdays(today: Day): Day[] {
  const after = (d: Day) => d.year * 10_000 + d.month * 100 + d.day > today.year * 10_000 + today.month * 100 + today.day;
  const first = after(secondTuesday(today.year, today.month)) ? 0 : 1;
  return [0, 1, 2].map((i) => secondTuesday(today.year, today.month + first + i));
}

const danish = (d: Day) => `tirsdag ${d.day}. ${MONTHS_DA[d.month]} ${d.year} kl. 09.00`;
const iso = (d: Day) => `${d.year}-${String(d.month + 1).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
const WHEN = /(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag) \d{1,2}\. [a-zæøå]+ \d{4} kl\. \d{2}\.\d{2}/g;

describe('Playground: recurring meetings', () => {
  let pg: PlaygroundHarness;

  /** Picks a day in the date input's calendar popup, paging forward month by month. */
  async function pickDate(input: Locator, d: Day): Promise<void> {
    await input.click();
    const dialog = pg.page.getByRole('dialog');
    const day = dialog.getByRole('button', { name: `${d.day}, ${MONTHS_EN[d.month]}, ${d.year}`, exact: true });
    for (let page = 0; page < 3 && (await day.count()) === 0; page++) await dialog.locator('button[title^="Next month"]').click();
    await day.click();
    await dialog.waitFor({ state: 'hidden' });
  }

  beforeAll(async () => {
    pg = await PlaygroundHarness.start({ storageConnectionString: inject('storageConnectionString') });
    await pg.storage.fora.save({ id: FORUM, name: 'Koordinationsgruppen', level: 'coordinating', sensitive: false });
    await pg.storage.members.save(FORUM, { userId: METTE, displayName: 'Mette Holm', roles: ['chair', 'manager'] });
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await pg.screenshot(`meetings-${task.name}`);
  });

  afterAll(async () => {
    await pg?.close();
  });

  it('given the chair links the channel and schedules a monthly series on the 2nd Tuesday then "møder" lists the next three dates in Danish', async () => {
    const expected = nextThreeSecondTuesdays(todayInCopenhagen());
    const first = expected[0]!;

    await pg.openChannel('General');
    await pg.sendWithMention('tilknyt Koordinationsgruppen');
    await pg.nextText('Koordinationsgruppen');
    expect((await pg.storage.fora.findById(FORUM))?.teams?.conversationId).toBe(WORLD.generalChannelId);

    await pg.sendWithMention('møder');
    const empty = await pg.nextCard('Næste møder — Koordinationsgruppen');
    expect(await empty.textContent()).toContain('Der er ingen planlagte møder.');

    const form = await pg.clickCardAction('Planlæg mødeserie', empty);
    await form.getByText('Planlæg mødeserie for Koordinationsgruppen').waitFor();
    await form.getByLabel('Titel').fill('Koordinationsmøde');
    await pickDate(form.getByRole('combobox', { name: 'Første dato' }), first);
    await pg.choose(form.getByRole('combobox', { name: 'Tidspunkt' }), '9.00');
    await form.getByRole('spinbutton', { name: 'Varighed (minutter)' }).fill('120');
    await form.getByLabel('Sted').fill('Ishøj Rådhus, mødelokale 2');

    // The 2nd weekday is chosen first; it must survive the refusal below.
    await pg.choose(form.getByRole('combobox', { name: 'Hvilken ugedag i måneden' }), '2.');
    // "Every N weeks" without the number of weeks passes the card's own checks; the bot refuses it and writes nothing.
    await pg.choose(form.getByRole('combobox', { name: 'Gentagelse' }), 'Hver N. uge');
    const refused = await pg.clickCardAction('Gem mødeserien', form);
    // The reason stands right below the field, and what was typed is still there.
    await refused.getByText('Skal udfyldes: skriv her, og send igen.', { exact: true }).first().waitFor();
    await refused.getByText('Antal uger mellem møderne: Skal udfyldes: skriv her, og send igen.', { exact: false }).first().waitFor();
    expect(await pg.storage.meetingSeries.listByForum(FORUM)).toEqual([]);
    await expect.poll(() => refused.getByLabel('Titel').inputValue()).toBe('Koordinationsmøde');
    await expect.poll(() => refused.getByLabel('Sted').inputValue()).toBe('Ishøj Rådhus, mødelokale 2');
    await pg.screenshot('forms-meeting-schedule-refused');

    await pg.choose(refused.getByRole('combobox', { name: 'Gentagelse' }), 'Månedligt på samme ugedag (fx 2. tirsdag)');
    await expect.poll(() => refused.getByRole('combobox', { name: 'Hvilken ugedag i måneden' }).inputValue()).toBe('2.');
    const saved = await pg.clickCardAction('Gem mødeserien', refused);
    await saved.getByText(`Mødeserien er gemt. Første møde: ${danish(first)}.`).waitFor();
    const [series, ...others] = await pg.storage.meetingSeries.listByForum(FORUM);
    expect(others).toEqual([]);
    expect(series).toMatchObject({ title: 'Koordinationsmøde', firstDate: iso(first), startTime: '09:00', durationMinutes: 120, location: 'Ishøj Rådhus, mødelokale 2', timeZone: ZONE });

    await pg.sendWithMention('møder');
    const list = await pg.nextCard('Koordinationsmøde');
    const text = (await list.textContent()) ?? '';
    expect(text).toContain('Næste møder — Koordinationsgruppen');
    expect((text.match(WHEN) ?? []).slice(0, 3)).toEqual(expected.map(danish));
    expect(text).toContain('(09.00–11.00)');
    expect(text).toContain('Ishøj Rådhus, mødelokale 2');
    await list.scrollIntoViewIfNeeded();
    await pg.screenshot('meetings-next-three');
  });
});
