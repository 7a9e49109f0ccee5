/**
 * The report card in the Lokalråd's channel: key figures and one chart linked by a signed URL (not
 * inlined; the card under 80 KB), posted through the outbox; the chart served over real HTTP as a
 * PNG only for a genuine link, drawn with the seal as the Lokalråd's members see it.
 */
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { publishPictureReport } from '../../../bot/picture/picture-report';
import { emptyCounters, type CellCounters, type PictureCell } from '../../../domain/picture/picture-cell';
import { lastHalfYear, monthsOf } from '../../../domain/picture/months';
import { DomainError } from '../../../domain/shared/domain-error';
import { aForum } from '../../storage/storage.mothers';
import { useRunningBot } from '../support/bot-harness';
import { cardTexts } from '../support/card-reading';
import { outboxDrained } from '../support/outbox-drained';
import { aChain, sentCards, type Chain } from '../escalations/escalations.support';
import { readZip } from '../../manifest/support/read-zip';

const running = useRunningBot();
beforeAll(() => running.bot.app.outbox.start());
afterAll(async () => {
  await running.bot.app.outbox.stop({ timeoutMs: 2_000 });
});

const MAX_CARD_BYTES = 80 * 1024;
const cell = (month: string, forumId: string, category: string, counters: Partial<CellCounters>): PictureCell => ({ month, forumId, category, area: '', counters: { ...emptyCounters(), ...counters } });
/** The path and query of a link the card carries, asked of the running bot instead of the public host. */
const local = (url: string): string => `${running.bot.baseUrl}${new URL(url).pathname}${new URL(url).search}`;

describe('the report card for the Lokalråd', () => {
  let chain: Chain;
  const { current } = lastHalfYear(new Date());

  test('given figures and commentary then the card reaches the Lokalråd\'s channel through the outbox, small, with the chart linked', async () => {
    chain = await aChain(running);
    const [m1, m2] = monthsOf(current);
    await running.storage.storage.picture.add(
      [cell(m1!, '*', 'trend', { raised: 7, itemsOpened: 4, meetingsHeld: 3 }), cell(m2!, '*', 'problem', { raised: 5 }), cell(m2!, 'infohus-x', 'problem', { raised: 4 })],
      'summary',
    );
    const top = chain.top.forum;
    await publishPictureReport(running.bot.app.services, 'da', {
      forumId: top.id,
      period: current,
      actorId: chain.topManager.aadObjectId,
      actorName: 'Analytiker Anna',
      commentary: [
        { title: 'Sager rejst', text: 'Flere sager om **utryghed** ved stationen.' },
        { title: 'Handlinger', text: '' },
      ],
    });
    await outboxDrained(running.storage.storage);
    const cards = sentCards(running, top.teams!.conversationId);
    expect(cards).toHaveLength(1);
    const card = cards[0]!;
    const json = JSON.stringify(card);
    expect(Buffer.byteLength(json)).toBeLessThan(MAX_CARD_BYTES);
    expect(json).not.toContain('data:image');
    const texts = cardTexts(card);
    expect(texts).toContain(`Halvårsbilledet for ${top.name}`);
    expect(texts).toEqual(expect.arrayContaining(['Sager rejst', '16', 'Handlinger oprettet', '4', 'Analytikerens kommentarer']));
    expect(texts).toContain('Flere sager om \\*\\*utryghed\\*\\* ved stationen.');
    expect(texts).not.toContain('Handlinger');
    expect(texts).toContain('Offentliggjort af Analytiker Anna');

    const image = (card.body as Record<string, unknown>[]).find((e) => e['type'] === 'Image') as { url: string };
    expect(image.url.startsWith('http://localhost:3978/picture/chart.png?')).toBe(true);
    const response = await fetch(local(image.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    const png = PNG.sync.read(Buffer.from(await response.arrayBuffer()));
    expect(png.width).toBeGreaterThanOrEqual(1280);
    expect(png.height).toBeGreaterThan(200);
  });

  test('given a tampered, foreign or widened link then the chart is refused', async () => {
    const card = sentCards(running, chain.top.forum.teams!.conversationId)[0]!;
    const url = new URL(((card.body as Record<string, unknown>[]).find((e) => e['type'] === 'Image') as { url: string }).url);
    const variants = [
      (u: URL) => u.searchParams.set('sig', `${u.searchParams.get('sig')!.slice(0, -2)}xx`),
      (u: URL) => u.searchParams.set('f', chain.origin.forum.id),
      (u: URL) => u.searchParams.set('from', '2000-01'),
      (u: URL) => u.searchParams.set('exp', String(Date.now() + 10 ** 12)),
      (u: URL) => u.searchParams.delete('k'),
    ];
    for (const change of variants) {
      const u = new URL(url);
      change(u);
      expect((await fetch(local(u.toString()))).status).toBe(403);
    }
  });

  test('given the Word file offered then its signed link downloads the report with its charts, and only for that link', async () => {
    const top = chain.top.forum;
    await publishPictureReport(running.bot.app.services, 'da', { forumId: top.id, period: current, actorId: chain.topManager.aadObjectId, commentary: [], withWord: true });
    await outboxDrained(running.storage.storage);
    const card = sentCards(running, top.teams!.conversationId).at(-1)!;
    const word = (card.actions as { title: string; url: string }[]).find((a) => a.title === 'Hent rapporten (Word)')!;
    expect(word.url.startsWith('http://localhost:3978/picture/halvaarsbillede.docx?')).toBe(true);
    const response = await fetch(local(word.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(`halvaarsbillede-${current.from}-${current.to}.docx`);
    const files = await readZip(Buffer.from(await response.arrayBuffer()));
    expect(files.get('word/document.xml')!.toString('utf8')).toContain('Sager rejst');
    expect([...files.keys()].filter((name) => name.startsWith('word/media/')).length).toBeGreaterThan(0);
    const chartUrl = new URL(word.url);
    chartUrl.pathname = '/picture/chart.png';
    // A Word link does not open the chart, nor the other way round: the kind is signed too.
    expect((await fetch(local(chartUrl.toString()))).status).toBe(403);
  });

  test('given a forum without a channel then publishing is refused and nothing is queued', async () => {
    const unlinked = await running.storage.storage.fora.save(aForum({ name: 'Lokalråd uden kanal', level: 'strategic' }));
    const before = running.emulator.sent().length;
    await expect(publishPictureReport(running.bot.app.services, 'da', { forumId: unlinked.id, period: current, actorId: 'u', commentary: [] })).rejects.toThrow(DomainError);
    await outboxDrained(running.storage.storage);
    expect(running.emulator.sent().length).toBe(before);
  });
});
