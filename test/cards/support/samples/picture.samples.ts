import { pictureTexts } from '../../../../bot/picture/picture.texts';
import type { CardLang } from '../../../../cards/card-kit';
import { pictureFiguresCard, pictureReportCard } from '../../../../cards/picture-figures.card';
import { emptyCounters, type CellCounters, type PictureCell } from '../../../../domain/picture/picture-cell';
import { buildPicture } from '../../../../domain/picture/picture';
import { sample, type CardSample } from '../sample';

const period = { current: { from: '2026-01', to: '2026-06' }, previous: { from: '2025-07', to: '2025-12' } };
const fora = [
  { id: 'skole', sensitive: false },
  { id: 'infohus', sensitive: true },
];
const cell = (month: string, forumId: string, counters: Partial<CellCounters>): PictureCell => ({ month, forumId, category: 'trend', area: '', counters: { ...emptyCounters(), ...counters } });
const cells: PictureCell[] = [
  cell('2026-02', 'skole', { raised: 14, acknowledged: 12, acknowledgedInTime: 10, ackMinutes: { 30: 4, 600: 5, 3000: 3 }, decided: 4, decisionMinutes: { 2000: 2, 9000: 2 }, autoEscalations: 2, decisionsSent: 4, decisionAudience: 20, decisionReaders: 15, itemsOpened: 9, itemsDoneOnTime: 6, itemsDoneLate: 1, itemsOpenByDue: { '2026-03-01': 2 }, meetingsHeld: 5 }),
  cell('2025-09', 'skole', { raised: 9, itemsOpened: 4, meetingsHeld: 6, meetingsCancelled: 1 }),
  cell('2026-04', 'infohus', { raised: 4, autoEscalations: 1 }),
];
const texts = (lang: CardLang) => ({ ...pictureTexts[lang].figures, monthName: pictureTexts[lang].labels.monthName });

export const pictureSamples: readonly CardSample[] = [
  sample(pictureFiguresCard, (lang) => ({
    'outside the seal': pictureFiguresCard(buildPicture(cells, fora, { forumIds: [] }, period, '2026-07-15'), texts(lang)),
    'inside the seal': pictureFiguresCard(buildPicture(cells, fora, { forumIds: ['infohus'] }, period, '2026-07-15'), texts(lang)),
    'nothing recorded': pictureFiguresCard(buildPicture([], fora, { forumIds: [] }, period, '2026-07-15'), texts(lang)),
  })),

  sample(pictureReportCard, (lang) => {
    const picture = buildPicture(cells, fora, { forumIds: ['lokalraad'] }, period, '2026-07-15');
    const chartUrl = 'https://forumbot.example/picture/chart.png?f=lokalraad&from=2026-01&to=2026-06&exp=1&k=k1&sig=x';
    const wordUrl = 'https://forumbot.example/picture/halvaarsbillede.docx?f=lokalraad&from=2026-01&to=2026-06&exp=1&k=k1&sig=x';
    const long = 'Analytikerens vurdering af udviklingen i området, med forbehold for de små tal. '.repeat(50);
    const sections = ['Sager rejst', 'Tid til kvittering og beslutning', 'Beslutninger', 'Handlinger', 'Cirkulation', 'Møder'];
    return {
      'without commentary': pictureReportCard(picture, texts(lang), pictureTexts[lang].report, { forumName: 'Lokalråd', chartUrl, commentary: [] }),
      'every section commented, with the Word file': pictureReportCard(picture, texts(lang), pictureTexts[lang].report, { forumName: 'Lokalråd', chartUrl, wordUrl, commentary: sections.map((title) => ({ title, text: long })), publishedBy: 'Analytiker Anna' }),
    };
  }),
];
