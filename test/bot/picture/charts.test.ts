/**
 * The picture's charts drawn on the server: every chart is a well-formed SVG with Danish labels and
 * numbers, and its PNG decodes at twice the SVG's size, in black, white and greys only.
 */
import { XMLValidator } from 'fast-xml-parser';
import { PNG } from 'pngjs';
import { describe, expect, test } from 'vitest';
import { chartPng, chartSvg } from '../../../bot/picture/chart-render';
import { chartLabels, pictureTexts } from '../../../bot/picture/picture.texts';
import { pictureChartSpecs } from '../../../cards/picture-charts';
import type { Forum } from '../../../domain/fora/forum';
import { caseContribution } from '../../../domain/picture/contributions';
import { differenceOf } from '../../../domain/picture/picture-cell';
import { buildPicture } from '../../../domain/picture/picture';
import { generateCases, monthsBack, randomOf } from '../../domain/picture/history.generator';

const FORA: Forum[] = [
  { id: 'lokalraad', name: 'Lokalråd', level: 'strategic', sensitive: false },
  { id: 'koordinationsgruppen', name: 'Koordinationsgruppen', level: 'coordinating', escalatesTo: 'lokalraad', sensitive: false },
  { id: 'ssp-netvaerk', name: 'SSP-netværk', level: 'executing', escalatesTo: 'koordinationsgruppen', sensitive: false },
];
const BY_ID = new Map(FORA.map((f) => [f.id, f]));
const AREAS = [{ id: 'vejleaaparken', name: 'Vejleåparken' }, { id: 'hele-kommunen', name: 'Hele kommunen' }];

function aPicture() {
  const random = randomOf(7);
  const cases = generateCases({ random, months: monthsBack('2026-06', 12), count: 1200, origins: FORA.slice(1), fora: BY_ID, areas: ['', 'vejleaaparken', 'hele-kommunen'] });
  // Two cases in one month of a rare area: the chart must say "under 3", not 2.
  cases.push(...generateCases({ random, months: ['2026-02'], count: 2, origins: FORA.slice(2), fora: BY_ID, areas: ['ishoej-landsby'], idPrefix: 'rare' }));
  const cells = differenceOf([], cases.flatMap((c) => caseContribution(c.escalation, c.history, BY_ID, c.reading)));
  return buildPicture(cells, FORA, { forumIds: ['ssp-netvaerk'] }, { current: { from: '2026-01', to: '2026-06' }, previous: { from: '2025-07', to: '2025-12' } }, '2026-07-15');
}

describe('the charts', () => {
  const picture = aPicture();
  const specs = pictureChartSpecs(picture, chartLabels('da', [...AREAS, { id: 'ishoej-landsby', name: 'Ishøj Landsby' }]), pictureTexts.da.chart);

  test.each(Object.keys(specs))('given the %s chart then its SVG is well-formed XML with Danish labels and its PNG decodes at twice its size', async (name) => {
    const svg = await chartSvg(specs[name as keyof typeof specs]);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('Antal sager');
    const width = Number(/<svg[^>]* width="(\d+(?:\.\d+)?)"/.exec(svg)?.[1]);
    const height = Number(/<svg[^>]* height="(\d+(?:\.\d+)?)"/.exec(svg)?.[1]);
    expect(width).toBeGreaterThan(600);

    const { png, width: pw, height: ph } = chartPng(svg, 2);
    const decoded = PNG.sync.read(png);
    expect({ w: decoded.width, h: decoded.height }).toEqual({ w: Math.ceil(width * 2), h: Math.ceil(height * 2) });
    expect({ w: pw, h: ph }).toEqual({ w: decoded.width, h: decoded.height });
    // Black and white: every pixel is a grey (r = g = b), and there is real ink on the page.
    let dark = 0;
    let coloured = 0;
    for (let i = 0; i < decoded.data.length; i += 4) {
      const [r, g, b] = [decoded.data[i]!, decoded.data[i + 1]!, decoded.data[i + 2]!];
      if (Math.abs(r - g) + Math.abs(g - b) > 2) coloured++;
      if (r < 100) dark++;
    }
    expect(coloured).toBe(0);
    expect(dark).toBeGreaterThan(1000);
  });

  test('given the category chart then both periods are labelled with Danish numbers, and the rare area says "under 3"', async () => {
    const svg = await chartSvg(specs.byCategory);
    expect(svg).toContain('Dette halvår');
    expect(svg).toContain('Halvåret før');
    expect(svg).toContain('Tendens');
    const areaSvg = await chartSvg(specs.byArea);
    expect(areaSvg).toContain('Ishøj Landsby');
    expect(areaSvg).toContain('under 3');
    expect(areaSvg).toContain('Vejleåparken');
  });

  test('given counts in the thousands then labels and axis use the Danish thousands point', async () => {
    const spec = pictureChartSpecs({ ...picture, byCategory: [{ id: 'trend', current: 1234, previous: 980 }] }, chartLabels('da', AREAS), pictureTexts.da.chart).byCategory;
    const svg = await chartSvg(spec);
    expect(svg).toContain('1.234');
    expect(svg).toContain('1.000');
  });

  test('given the month chart then the months are named in Danish', async () => {
    expect(typeof picture.raised.current === 'number' && picture.raised.current > 500).toBe(true);
    const svg = await chartSvg(specs.byMonth);
    expect(svg).toMatch(/jan\. 2026/);
  });
});
