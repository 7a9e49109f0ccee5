import type { ChartTexts, PictureChartLabels } from '../../cards/picture-charts';
import type { PictureFiguresTexts, PictureReportTexts } from '../../cards/picture-figures.card';
import type { Lang } from '../i18n';

/** The picture's words in Danish (default) and English. */
export interface PictureTexts {
  chart: ChartTexts;
  labels: Omit<PictureChartLabels, 'areaName'> & { noArea: string };
  figures: Omit<PictureFiguresTexts, 'monthName'>;
  /** The text beside the card (notifications, screen readers). */
  summary: string;
  report: PictureReportTexts & { summary: string };
  wordFileName: string;
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
    figures: {
      lang: 'da',
      title: 'Halvårsbilledet: nøgletal',
      periods: (current, previous) => `${current} sammenlignet med ${previous}`,
      columns: { figure: 'Nøgletal', current: 'Dette halvår', previous: 'Halvåret før' },
      figures: {
        raised: 'Sager rejst',
        ackMedian: 'Tid til kvittering (median)',
        ackInTime: 'Kvitteret inden fristen',
        decisionMedian: 'Tid til beslutning (median)',
        autoEscalations: 'Automatisk løftet',
        decisionsSent: 'Beslutninger sendt ned',
        decisionsRead: 'Beslutninger læst',
        itemsOpened: 'Handlinger oprettet',
        itemsDoneOnTime: 'Handlinger løst til tiden',
        itemsDoneLate: 'Handlinger løst for sent',
        itemsOverdue: 'Handlinger over fristen',
        meetingsHeld: 'Møder holdt',
      },
      hours: (n) => `${n} t`,
      percent: (n) => `${n} %`,
      tooFew: 'færre end 3',
      sealed: (count) => (count === 1 ? 'Ét følsomt forum tæller kun med i det samlede antal sager.' : `${count} følsomme fora tæller kun med i det samlede antal sager.`),
      smallNumbers: 'Tal under 3 vises som "under 3", så ingen enkeltsag kan genkendes.',
    },
    summary: 'Halvårsbilledet: nøgletal',
    wordFileName: 'halvaarsbillede',
    report: {
      title: (forum) => `Halvårsbilledet for ${forum}`,
      chartAlt: 'Søjlediagram: sager rejst efter kategori, dette halvår mod halvåret før',
      openChart: 'Åbn diagrammet',
      openWord: 'Hent rapporten (Word)',
      commentaryHeading: 'Analytikerens kommentarer',
      publishedBy: (name) => `Offentliggjort af ${name}`,
      summary: 'Halvårsbilledet er offentliggjort',
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
    figures: {
      lang: 'en',
      title: 'The half-yearly picture: key figures',
      periods: (current, previous) => `${current} compared with ${previous}`,
      columns: { figure: 'Figure', current: 'This half-year', previous: 'The one before' },
      figures: {
        raised: 'Cases raised',
        ackMedian: 'Time to acknowledgement (median)',
        ackInTime: 'Acknowledged within the deadline',
        decisionMedian: 'Time to decision (median)',
        autoEscalations: 'Raised automatically',
        decisionsSent: 'Decisions sent down',
        decisionsRead: 'Decisions read',
        itemsOpened: 'Action items opened',
        itemsDoneOnTime: 'Action items done on time',
        itemsDoneLate: 'Action items done late',
        itemsOverdue: 'Action items overdue',
        meetingsHeld: 'Meetings held',
      },
      hours: (n) => `${n} h`,
      percent: (n) => `${n}%`,
      tooFew: 'fewer than 3',
      sealed: (count) => (count === 1 ? 'One sensitive forum counts in the total of cases only.' : `${count} sensitive fora count in the total of cases only.`),
      smallNumbers: 'Numbers below 3 are shown as "under 3", so no single case can be recognised.',
    },
    summary: 'The half-yearly picture: key figures',
    wordFileName: 'half-yearly-picture',
    report: {
      title: (forum) => `The half-yearly picture for ${forum}`,
      chartAlt: 'Bar chart: cases raised by category, this half-year against the one before',
      openChart: 'Open the chart',
      openWord: 'Download the report (Word)',
      commentaryHeading: 'The analyst\'s commentary',
      publishedBy: (name) => `Published by ${name}`,
      summary: 'The half-yearly picture has been published',
    },
  },
};

/** The chart labels with area names from the municipality's list. */
export function chartLabels(lang: Lang, areas: readonly { id: string; name: string }[]): PictureChartLabels {
  const t = pictureTexts[lang].labels;
  return { ...t, areaName: (id) => (id === '' ? t.noArea : (areas.find((a) => a.id === id)?.name ?? id)) };
}
