import type { Lang } from '../i18n';

/** The picture page's own words (charts, figures and month names come from the picture's texts). */
export interface PictureTabTexts {
  title: string;
  intro: string;
  halfYear: (half: 1 | 2, year: string) => string;
  filters: { legend: string; period: string; forum: string; category: string; area: string; all: string; show: string };
  tables: {
    figures: string;
    byCategory: string;
    byMonth: string;
    byLevel: string;
    byArea: string;
    circulation: string;
    category: string;
    month: string;
    level: string;
    area: string;
    forum: string;
    asked: string;
    answered: string;
    rate: string;
    count: string;
  };
  extraFigures: {
    ackP90: string;
    decisionP90: string;
    meetingsMoved: string;
    meetingsCancelled: string;
  };
  allOpenFora: string;
  noCirculation: string;
  chartAlt: (title: string) => string;
  tableCaption: (title: string) => string;
}

export const pictureTabTexts: Record<Lang, PictureTabTexts> = {
  da: {
    title: 'Halvårsbilledet',
    intro: 'Hvad forummerne har rejst, besluttet og gjort i perioden, sammenlignet med perioden før.',
    halfYear: (half, year) => `${half}. halvår ${year}`,
    filters: { legend: 'Afgræns billedet', period: 'Periode', forum: 'Forum', category: 'Kategori', area: 'Område', all: 'Alle', show: 'Vis' },
    tables: {
      figures: 'Nøgletal',
      byCategory: 'Sager efter kategori',
      byMonth: 'Sager pr. måned',
      byLevel: 'Sager efter højeste niveau',
      byArea: 'Sager efter område',
      circulation: 'Svar på cirkulation pr. forum',
      category: 'Kategori',
      month: 'Måned',
      level: 'Niveau',
      area: 'Område',
      forum: 'Forum',
      asked: 'Spurgt',
      answered: 'Svaret',
      rate: 'Svarprocent',
      count: 'Antal sager',
    },
    extraFigures: { ackP90: 'Tid til kvittering (90 % inden for)', decisionP90: 'Tid til beslutning (90 % inden for)', meetingsMoved: 'Møder flyttet', meetingsCancelled: 'Møder aflyst' },
    allOpenFora: 'Alle åbne fora',
    noCirculation: 'Ingen cirkulationer i perioden.',
    chartAlt: (title) => `Søjlediagram: ${title}. Tallene står i tabellen under diagrammet.`,
    tableCaption: (title) => `Tabel: ${title}`,
  },
  en: {
    title: 'The half-yearly picture',
    intro: 'What the fora raised, decided and did in the period, compared with the period before.',
    halfYear: (half, year) => `${half === 1 ? 'First' : 'Second'} half of ${year}`,
    filters: { legend: 'Narrow the picture', period: 'Period', forum: 'Forum', category: 'Category', area: 'Area', all: 'All', show: 'Show' },
    tables: {
      figures: 'Key figures',
      byCategory: 'Cases by category',
      byMonth: 'Cases per month',
      byLevel: 'Cases by highest level',
      byArea: 'Cases by area',
      circulation: 'Circulation answered per forum',
      category: 'Category',
      month: 'Month',
      level: 'Level',
      area: 'Area',
      forum: 'Forum',
      asked: 'Asked',
      answered: 'Answered',
      rate: 'Response rate',
      count: 'Cases',
    },
    extraFigures: { ackP90: 'Time to acknowledgement (90% within)', decisionP90: 'Time to decision (90% within)', meetingsMoved: 'Meetings moved', meetingsCancelled: 'Meetings cancelled' },
    allOpenFora: 'All open fora',
    noCirculation: 'No circulations in the period.',
    chartAlt: (title) => `Bar chart: ${title}. The numbers are in the table below the chart.`,
    tableCaption: (title) => `Table: ${title}`,
  },
};
