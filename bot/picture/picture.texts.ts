import type { ChartTexts, PictureChartLabels } from '../../cards/picture-charts';
import type { Lang } from '../i18n';

/** The picture's words in Danish (default) and English. */
export interface PictureTexts {
  chart: ChartTexts;
  labels: Omit<PictureChartLabels, 'areaName'> & { noArea: string };
}

const DA_MONTHS = ['jan.', 'feb.', 'mar.', 'apr.', 'maj', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'];
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthName = (names: string[]) => (month: string): string => `${names[Number(month.slice(5, 7)) - 1] ?? month} ${month.slice(0, 4)}`;

export const pictureTexts: Record<Lang, PictureTexts> = {
  da: {
    chart: { lang: 'da', current: 'Dette halvår', previous: 'Halvåret før', count: 'Antal sager' },
    labels: {
      categories: { trend: 'Tendens', problem: 'Problem', resources: 'Ressourcer', cooperation: 'Samarbejde', other: 'Andet' },
      levels: { executing: 'Udførende', coordinating: 'Koordinerende', strategic: 'Strategisk' },
      monthName: monthName(DA_MONTHS),
      noArea: 'Intet område',
      titles: { byCategory: 'Sager rejst efter kategori', byMonth: 'Sager rejst pr. måned', byLevel: 'Sager efter højeste niveau nået', byArea: 'Sager efter område' },
    },
  },
  en: {
    chart: { lang: 'en', current: 'This half-year', previous: 'The half-year before', count: 'Cases' },
    labels: {
      categories: { trend: 'Trend', problem: 'Problem', resources: 'Resources', cooperation: 'Cooperation', other: 'Other' },
      levels: { executing: 'Executing', coordinating: 'Coordinating', strategic: 'Strategic' },
      monthName: monthName(EN_MONTHS),
      noArea: 'No area',
      titles: { byCategory: 'Cases raised by category', byMonth: 'Cases raised per month', byLevel: 'Cases by highest level reached', byArea: 'Cases by area' },
    },
  },
};

/** The chart labels with area names from the municipality's list. */
export function chartLabels(lang: Lang, areas: readonly { id: string; name: string }[]): PictureChartLabels {
  const t = pictureTexts[lang].labels;
  return { ...t, areaName: (id) => (id === '' ? t.noArea : (areas.find((a) => a.id === id)?.name ?? id)) };
}
