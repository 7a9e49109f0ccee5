/**
 * `halvår` over real HTTP: the key figures of the last finished half-year against the one before,
 * read from the summary cells; the seal per person (a sensitive forum counts in the total only for
 * those outside it) and the small-number rule on what the card shows.
 */
import { describe, expect, test } from 'vitest';
import { emptyCounters, type CellCounters, type PictureCell } from '../../../domain/picture/picture-cell';
import { lastHalfYear, monthsOf } from '../../../domain/picture/months';
import { aForum, aMember } from '../../storage/storage.mothers';
import { useRunningBot } from '../support/bot-harness';
import { cardTexts } from '../support/card-reading';
import { sayTo } from '../support/conversation';
import { aPersonalChat, aPerson } from '../support/teams-activities';

const running = useRunningBot();

const cell = (month: string, forumId: string, category: string, counters: Partial<CellCounters>): PictureCell => ({ month, forumId, category, area: '', counters: { ...emptyCounters(), ...counters } });

/** The rows of the card as "name | this half-year | the one before". */
function rowsOf(reply: Record<string, unknown>): string[] {
  const card = (reply['attachments'] as { content: { body: Record<string, unknown>[] } }[])[0]!.content;
  return card.body.filter((e) => e['type'] === 'ColumnSet').map((e) => cardTexts({ body: [e] }).join(' | '));
}

describe('the picture command', () => {
  test('given cells in both half-years then each person sees the totals, the sealed forum only in them, and small counts as "under 3"', async () => {
    const { storage } = running.storage;
    const open = aForum({ name: 'Skoleteam Nord' });
    const sealed = aForum({ name: 'Infohus', sensitive: true });
    await Promise.all([storage.fora.save(open), storage.fora.save(sealed)]);
    const insider = aPerson('Infohus-medlem Ida');
    const outsider = aPerson('Skoleleder Søren');
    await storage.members.save(sealed.id, aMember({ userId: insider.aadObjectId, displayName: insider.name }));
    const { current, previous } = lastHalfYear(new Date());
    const [c1, c2] = monthsOf(current);
    const [p1] = monthsOf(previous);
    await storage.picture.add(
      [
        cell(c1!, '*', 'trend', { raised: 4, autoEscalations: 1, itemsOpened: 5, itemsDoneOnTime: 3, meetingsHeld: 2 }),
        cell(c2!, '*', 'problem', { raised: 3, autoEscalations: 1, decisionsSent: 2 }),
        cell(c2!, sealed.id, 'problem', { raised: 5, autoEscalations: 3 }),
        cell(p1!, '*', 'trend', { raised: 2, itemsOpened: 1, itemsDoneLate: 1, meetingsHeld: 4 }),
      ],
      'summary',
    );

    const outside = rowsOf(await sayTo(running, aPersonalChat(), outsider, 'halvår'));
    expect(outside).toContain('Sager rejst | 12 | under 3');
    // 1 + 1 open escalations is under 3; the sealed forum's 3 are not broken out for an outsider.
    expect(outside).toContain('Automatisk løftet | under 3 | 0');
    expect(outside).toContain('Beslutninger sendt ned | under 3 | 0');
    expect(outside).toContain('Handlinger oprettet | 5 | 1');
    expect(outside).toContain('Handlinger løst til tiden | 3 | 0');
    expect(outside).toContain('Handlinger løst for sent | 0 | 1');
    expect(outside).toContain('Møder holdt | 2 | 4');
    expect(outside).toContain('Tid til kvittering (median) | færre end 3 | færre end 3');
    const outsideText = cardTexts((await sayTo(running, aPersonalChat(), outsider, 'picture'))['attachments']).join('\n');
    expect(outsideText).toContain('Ét følsomt forum tæller kun med i det samlede antal sager.');

    const inside = rowsOf(await sayTo(running, aPersonalChat(), insider, 'halvår'));
    expect(inside).toContain('Sager rejst | 12 | under 3');
    expect(inside).toContain('Automatisk løftet | 5 | 0');
    const insideText = cardTexts((await sayTo(running, aPersonalChat(), insider, 'halvår'))['attachments']).join('\n');
    expect(insideText).not.toContain('følsom');
    expect(insideText).toContain('Tal under 3 vises som "under 3"');
  });
});
