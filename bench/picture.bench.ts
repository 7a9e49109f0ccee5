/**
 * The half-yearly picture for 1,000 fora with a history of one, two and four years, on Azurite.
 *
 *   npx tsx bench/picture.bench.ts [fora=1000] [casesPerForumPerMonth=1.5]
 *
 * Seeds the monthly cells of a generated history (cases with their steps, action items, circulations)
 * in batches, both layers, then times a view: reading the twelve months of this half-year and the one
 * before and building the picture — all fora from the summary layer, for an outsider and for a member
 * of the sensitive forum; three chosen fora from the detail layer — with the storage requests made.
 * Also times one case's change kept up to date (read its old contribution, add the difference).
 * Target: a view under 1 s, and about the same whatever the length of the history.
 */
import { randomUUID } from 'node:crypto';
import { TableClient } from '@azure/data-tables';
import type { Forum } from '../domain/fora/forum';
import { actionItemContribution, caseContribution, circulationContribution } from '../domain/picture/contributions';
import { lastHalfYear, monthsOf } from '../domain/picture/months';
import { differenceOf } from '../domain/picture/picture-cell';
import { buildPicture } from '../domain/picture/picture';
import { recordContribution, summaryOf } from '../domain/picture/record-contribution';
import { startAzurite } from '../storage/azurite';
import { createStorage } from '../storage';
import { pictureCellEntity } from '../storage/table-picture.repository';
import { generateCases, generateItems, monthsBack, randomOf } from '../test/domain/picture/history.generator';
import { countRequestsTo } from './storage-round-trips';

const FORA_COUNT = Number(process.argv[2] ?? 1000);
const RATE = Number(process.argv[3] ?? 1.5);
const HISTORIES = [12, 24, 48];
const NOW = new Date('2026-07-15T10:00:00.000Z');
const TARGET_MS = 1000;

function foraOf(count: number): Forum[] {
  const fora: Forum[] = [{ id: 'lokalraad', name: 'Lokalråd', level: 'strategic', sensitive: false }];
  const middles = Math.max(1, Math.round(count / 100));
  for (let i = 0; i < middles; i++) fora.push({ id: `koord-${i}`, name: `Koordinering ${i}`, level: 'coordinating', escalatesTo: 'lokalraad', sensitive: i === 0 });
  for (let i = fora.length; i < count; i++) fora.push({ id: `forum-${i}`, name: `Forum ${i}`, level: 'executing', escalatesTo: `koord-${i % middles}`, sensitive: false });
  return fora;
}

const azurite = await startAzurite();
const trips = countRequestsTo(azurite.port);
const fora = foraOf(FORA_COUNT);
const byId = new Map(fora.map((f) => [f.id, f]));
const period = lastHalfYear(NOW);
const sensitive = new Set(fora.filter((f) => f.sensitive).map((f) => f.id));
let worst = 0;
try {
  for (const months of HISTORIES) {
    const prefix = `p${randomUUID().replaceAll('-', '').slice(0, 10)}`;
    const storage = createStorage(azurite.connectionString, { tablePrefix: prefix });
    const random = randomOf(months);
    const history = monthsBack('2026-06', months);
    let started = performance.now();
    const cases = generateCases({ random, months: history, count: Math.round(FORA_COUNT * months * RATE), origins: fora.filter((f) => f.escalatesTo !== undefined), fora: byId, areas: ['', 'hele-kommunen', 'vejleaaparken', 'strandgaardskolen', 'vibeholmskolen'] });
    const items = generateItems(random, history, fora.map((f) => f.id), Math.round(FORA_COUNT * months));
    // Every forum circulates its agenda every other month: the rates per forum are a row per forum.
    const circulations = history.flatMap((month, m) => fora.filter((_, i) => (i + m) % 2 === 0).flatMap((f) => circulationContribution(f.id, `${month}-10T15:00:00.000Z`, 6, Math.floor(random() * 7))));
    const cells = differenceOf([], [...cases.flatMap((c) => caseContribution(c.escalation, c.history, byId, c.reading)), ...items.flatMap(actionItemContribution), ...circulations]);
    const summary = summaryOf(cells, sensitive);
    const generated = performance.now() - started;

    // Seed in batches of 100 per month (partition): the same rows the repository writes one by one.
    started = performance.now();
    await storage.picture.listMonths([]); // creates nothing; the client below creates the table
    const client = TableClient.fromConnectionString(azurite.connectionString, `${prefix}picturecells`, { allowInsecureConnection: true });
    await client.createTable();
    const summaryClient = TableClient.fromConnectionString(azurite.connectionString, `${prefix}picturesummary`, { allowInsecureConnection: true });
    await summaryClient.createTable();
    for (const [target, list] of [[client, cells], [summaryClient, summary]] as const) {
      const byPartition = new Map<string, ReturnType<typeof pictureCellEntity>[]>();
      for (const e of list.map((c) => pictureCellEntity(c))) byPartition.set(e.partitionKey, [...(byPartition.get(e.partitionKey) ?? []), e]);
      const batches: ReturnType<typeof pictureCellEntity>[][] = [];
      for (const rows of byPartition.values()) for (let i = 0; i < rows.length; i += 100) batches.push(rows.slice(i, i + 100));
      for (let i = 0; i < batches.length; i += 8) await Promise.all(batches.slice(i, i + 8).map((b) => target.submitTransaction(b.map((e) => ['upsert', e, 'Replace'] as const))));
    }
    const seeded = performance.now() - started;

    // All fora: the summary layer. Some fora chosen: their key ranges in the detail layer.
    const view = async (forumIds: string[], chosen?: string[]): Promise<{ ms: number; requests: number; rows: number; raised: unknown }> => {
      const before = trips.count();
      const t = performance.now();
      const months = [...monthsOf(period.previous), ...monthsOf(period.current)];
      const rows = await storage.picture.listMonths(months, chosen === undefined ? { layer: 'summary' } : { forumIds: chosen });
      const picture = buildPicture(rows, fora, { forumIds }, period, '2026-07-15', chosen === undefined ? {} : { forumIds: chosen });
      return { ms: performance.now() - t, requests: trips.count() - before, rows: rows.length, raised: picture.raised.current };
    };
    await view(['forum-5']); // warm the connection and the table client
    const outsider = await view(['forum-5']);
    const insider = await view(['koord-0']);
    const threeFora = await view(['forum-5'], ['forum-5', 'forum-6', 'koord-1']);
    worst = Math.max(worst, outsider.ms, insider.ms, threeFora.ms);

    // One case's change: its contribution read, the difference added, the contribution remembered.
    const one = cases[0]!;
    await recordContribution(storage.picture, 'case', one.escalation.id, caseContribution(one.escalation, one.history.slice(0, 1), byId), sensitive);
    const before = trips.count();
    started = performance.now();
    await recordContribution(storage.picture, 'case', one.escalation.id, caseContribution(one.escalation, one.history, byId, one.reading), sensitive);
    const change = { ms: performance.now() - started, requests: trips.count() - before };

    console.log(
      `history ${String(months).padStart(2)} months: ${cases.length} cases, ${items.length} items, ${circulations.length} circulations → ${cells.length} detail + ${summary.length} summary cells (generated ${generated.toFixed(0)} ms, seeded ${(seeded / 1000).toFixed(1)} s)\n` +
        `  view of all fora (12 months, ${outsider.rows} summary cells): outsider ${outsider.ms.toFixed(0)} ms / ${outsider.requests} requests, member of the sensitive forum ${insider.ms.toFixed(0)} ms / ${insider.requests} requests\n` +
        `  view of 3 fora (${threeFora.rows} detail cells): ${threeFora.ms.toFixed(0)} ms / ${threeFora.requests} requests\n  ` +
        `one case changed: ${change.ms.toFixed(0)} ms / ${change.requests} requests`,
    );
    await storage.dropAll();
    await client.deleteTable();
    await summaryClient.deleteTable();
  }
  console.log(`${FORA_COUNT} fora: slowest view ${worst.toFixed(0)} ms (target under ${TARGET_MS} ms): ${worst < TARGET_MS ? 'target met' : 'TARGET MISSED'}`);
  process.exitCode = worst < TARGET_MS ? 0 : 1;
} finally {
  trips.close();
  await azurite.stop();
}
