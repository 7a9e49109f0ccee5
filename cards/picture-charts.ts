import type { Picture, PictureRow } from '../domain/picture/picture';
import { UNDER_3, shownText, type Shown } from '../domain/picture/small-numbers';
import type { CardLang } from './card-kit';

/**
 * Vega-Lite specifications of the picture's charts: data, not drawing code. Readable in black and
 * white: the current period is solid black, the one before a light grey with a black outline, and
 * every bar carries its number (or "under 3") as a label, so no colour is needed to read it.
 */

export interface ChartTexts {
  lang: CardLang;
  current: string;
  previous: string;
  count: string;
}

export type VegaLiteSpec = Record<string, unknown>;

export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 320;
export const CHART_FONT = 'DejaVu Sans';

const DANISH_NUMBERS = { decimal: ',', thousands: '.', grouping: [3], currency: ['', ' kr.'] };
const ENGLISH_NUMBERS = { decimal: '.', thousands: ',', grouping: [3], currency: ['£', ''] };

/** A bar's height: "under 3" is drawn as nothing, its label says why. */
const heightOf = (value: Shown): number => (value === UNDER_3 ? 0 : value);

function base(title: string, texts: ChartTexts): VegaLiteSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, anchor: 'start', fontSize: 16 },
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    background: 'white',
    config: {
      font: CHART_FONT,
      locale: { number: texts.lang === 'da' ? DANISH_NUMBERS : ENGLISH_NUMBERS },
      axis: { labelFontSize: 12, titleFontSize: 12, labelColor: 'black', titleColor: 'black', gridColor: '#dddddd' },
      legend: { labelFontSize: 12, titleFontSize: 12, orient: 'top' },
      view: { stroke: null },
    },
  };
}

/** Rows compared across two periods: pairs of bars per row, each labelled with its number. */
export function comparedBarsSpec(title: string, rows: readonly { label: string; row: PictureRow }[], texts: ChartTexts): VegaLiteSpec {
  const values = rows.flatMap(({ label, row }) => [
    { label, period: texts.previous, order: 0, value: heightOf(row.previous), text: shownText(row.previous, texts.lang) },
    { label, period: texts.current, order: 1, value: heightOf(row.current), text: shownText(row.current, texts.lang) },
  ]);
  const x = { field: 'label', type: 'nominal', title: null, sort: rows.map((r) => r.label), axis: { labelAngle: 0, labelLimit: 120 } };
  const xOffset = { field: 'period', type: 'nominal', sort: [texts.previous, texts.current] };
  const y = { field: 'value', type: 'quantitative', title: texts.count, axis: { format: ',d', tickMinStep: 1 } };
  return {
    ...base(title, texts),
    data: { values },
    encoding: { x, xOffset, y },
    layer: [
      {
        mark: { type: 'bar', stroke: 'black', strokeWidth: 1 },
        encoding: {
          fill: { field: 'period', type: 'nominal', title: null, scale: { domain: [texts.previous, texts.current], range: ['#d9d9d9', '#000000'] } },
        },
      },
      { mark: { type: 'text', dy: -6, baseline: 'bottom', fontSize: 11, color: 'black' }, encoding: { text: { field: 'text' } } },
    ],
  };
}

/** One series (e.g. cases per month of the period), each bar labelled. */
export function barsSpec(title: string, bars: readonly { label: string; value: Shown }[], texts: ChartTexts): VegaLiteSpec {
  const values = bars.map((b) => ({ label: b.label, value: heightOf(b.value), text: shownText(b.value, texts.lang) }));
  return {
    ...base(title, texts),
    data: { values },
    encoding: {
      x: { field: 'label', type: 'nominal', title: null, sort: bars.map((b) => b.label), axis: { labelAngle: 0 } },
      y: { field: 'value', type: 'quantitative', title: texts.count, axis: { format: ',d', tickMinStep: 1 } },
    },
    layer: [
      { mark: { type: 'bar', fill: '#595959', stroke: 'black', strokeWidth: 1 } },
      { mark: { type: 'text', dy: -6, baseline: 'bottom', fontSize: 11, color: 'black' }, encoding: { text: { field: 'text' } } },
    ],
  };
}

export interface PictureChartLabels {
  categories: Record<string, string>;
  levels: Record<string, string>;
  areaName: (id: string) => string;
  monthName: (month: string) => string;
  titles: { byCategory: string; byMonth: string; byLevel: string; byArea: string };
}

/** The four charts of a picture, by name (the name is also the image's file name). */
export function pictureChartSpecs(picture: Picture, labels: PictureChartLabels, texts: ChartTexts): Record<'byCategory' | 'byMonth' | 'byLevel' | 'byArea', VegaLiteSpec> {
  return {
    byCategory: comparedBarsSpec(labels.titles.byCategory, picture.byCategory.map((row) => ({ label: labels.categories[row.id] ?? row.id, row })), texts),
    byMonth: barsSpec(labels.titles.byMonth, picture.byMonth.map((m) => ({ label: labels.monthName(m.month), value: m.count })), texts),
    byLevel: comparedBarsSpec(labels.titles.byLevel, picture.byLevel.map((row) => ({ label: labels.levels[row.id] ?? row.id, row })), texts),
    byArea: comparedBarsSpec(labels.titles.byArea, picture.byArea.map((row) => ({ label: labels.areaName(row.id), row })), texts),
  };
}
