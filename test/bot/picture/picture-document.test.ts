/**
 * The Word report read back as the zip it is: the sections with their commentary, the tables with
 * the small-number rule, and the four charts embedded as PNG files that decode.
 */
import { PNG } from 'pngjs';
import { describe, expect, test } from 'vitest';
import { pictureDocument } from '../../../bot/picture/picture-document';
import type { Forum } from '../../../domain/fora/forum';
import { caseContribution } from '../../../domain/picture/contributions';
import { differenceOf } from '../../../domain/picture/picture-cell';
import { buildPicture } from '../../../domain/picture/picture';
import { readZip } from '../../manifest/support/read-zip';
import { generateCases, monthsBack, randomOf } from '../../domain/picture/history.generator';

const FORA: Forum[] = [
  { id: 'lokalraad', name: 'Lokalråd', level: 'strategic', sensitive: false },
  { id: 'koordinationsgruppen', name: 'Koordinationsgruppen', level: 'coordinating', escalatesTo: 'lokalraad', sensitive: false },
  { id: 'ssp-netvaerk', name: 'SSP-netværk', level: 'executing', escalatesTo: 'koordinationsgruppen', sensitive: false },
];
const BY_ID = new Map(FORA.map((f) => [f.id, f]));

describe('the Word report', () => {
  test('given a picture and the analyst\'s commentary then the document has every section with its commentary and the four charts as decodable PNGs', async () => {
    const random = randomOf(3);
    // Two cases only in the current half-year: the raised total must read "under 3".
    const cases = [
      ...generateCases({ random, months: monthsBack('2025-12', 6), count: 300, origins: FORA.slice(1), fora: BY_ID, areas: ['', 'vejleaaparken'] }),
      ...generateCases({ random, months: ['2026-03'], count: 2, origins: FORA.slice(2), fora: BY_ID, areas: ['vejleaaparken'], idPrefix: 'now' }),
    ];
    const cells = differenceOf([], cases.flatMap((c) => caseContribution(c.escalation, c.history, BY_ID, c.reading)));
    const picture = buildPicture(cells, FORA, { forumIds: [] }, { current: { from: '2026-01', to: '2026-06' }, previous: { from: '2025-07', to: '2025-12' } }, '2026-07-15');
    const docx = await pictureDocument({
      picture,
      lang: 'da',
      areas: [{ id: 'vejleaaparken', name: 'Vejleåparken' }],
      foraNames: new Map(FORA.map((f) => [f.id, f.name])),
      commentary: { cases: 'Færre sager end sidst, især tendenser.', times: 'Kvitteringerne er blevet hurtigere.\nFristen holdes oftere.' },
    });
    const files = await readZip(docx);
    const xml = files.get('word/document.xml')!.toString('utf8');
    for (const heading of ['Sager rejst', 'Niveau og område', 'Tid til kvittering og afgørelse', 'Beslutninger og handlinger', 'Cirkulation og møder']) expect(xml).toContain(heading);
    expect(xml).toContain('Færre sager end sidst, især tendenser.');
    expect(xml).toContain('Fristen holdes oftere.');
    expect(xml.match(/\(Ingen kommentar\)/g)).toHaveLength(3);
    expect(xml).toMatch(/Sager rejst i alt.*?under 3/s);

    const images = [...files.keys()].filter((name) => name.startsWith('word/media/') && name.endsWith('.png'));
    expect(images).toHaveLength(4);
    for (const name of images) {
      const png = PNG.sync.read(files.get(name)!);
      expect(png.width).toBeGreaterThan(1200);
      expect(png.height).toBeGreaterThan(600);
    }
    expect(xml.match(/<pic:pic/g)?.length).toBe(4);
  });
});
