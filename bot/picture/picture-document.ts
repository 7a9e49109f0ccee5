import { Document, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { pictureChartSpecs } from '../../cards/picture-charts';
import type { Picture } from '../../domain/picture/picture';
import { shownText, type Shown } from '../../domain/picture/small-numbers';
import type { PictureSection } from '../../domain/picture/report-draft';
import type { Lang } from '../i18n';
import { chartPng, chartSvg } from './chart-render';
import { chartLabels, pictureTexts } from './picture.texts';

// The sections are the domain's (the analyst's draft is kept per section); re-exported for the document's callers.
export { PICTURE_SECTIONS, type PictureSection } from '../../domain/picture/report-draft';

const WORDS = {
  da: {
    title: (from: string, to: string) => `Det halvårlige billede ${from} – ${to}`,
    intro: 'Hvad forummerne har rejst, besluttet og gjort, sammenlignet med halvåret før. Tal under 3 vises som "under 3", og sager fra lukkede fora tælles kun med i det samlede antal.',
    sections: { cases: 'Sager rejst', levels: 'Niveau og område', times: 'Tid til kvittering og afgørelse', decisions: 'Beslutninger og handlinger', cooperation: 'Cirkulation og møder' },
    commentary: 'Analytikerens kommentar',
    noCommentary: '(Ingen kommentar)',
    columns: ['', 'Dette halvår', 'Halvåret før'],
    rows: {
      raised: 'Sager rejst i alt',
      ackMedian: 'Kvittering, median (timer)',
      ackP90: 'Kvittering, 90 % inden for (timer)',
      ackInTime: 'Kvitteret inden fristen (%)',
      decisionMedian: 'Afgørelse, median (timer)',
      decisionP90: 'Afgørelse, 90 % inden for (timer)',
      auto: 'Sendt automatisk videre',
      sent: 'Beslutninger sendt ned',
      read: 'Beslutninger markeret "Læst" (%)',
      opened: 'Handlinger oprettet',
      onTime: 'Udført til tiden',
      late: 'Udført for sent',
      overdue: 'Over fristen nu',
      held: 'Møder holdt',
      moved: 'Møder flyttet',
      cancelled: 'Møder aflyst',
      circulation: (forum: string) => `Svar på cirkulation: ${forum} (%)`,
    },
    allFora: 'alle åbne fora',
    none: '—',
  },
  en: {
    title: (from: string, to: string) => `The half-yearly picture ${from} – ${to}`,
    intro: 'What the fora raised, decided and did, compared with the half-year before. Numbers under 3 are shown as "under 3", and cases from closed fora count only in the total.',
    sections: { cases: 'Cases raised', levels: 'Level and area', times: 'Time to acknowledgement and decision', decisions: 'Decisions and action items', cooperation: 'Circulation and meetings' },
    commentary: "The analyst's commentary",
    noCommentary: '(No commentary)',
    columns: ['', 'This half-year', 'The half-year before'],
    rows: {
      raised: 'Cases raised in all',
      ackMedian: 'Acknowledgement, median (hours)',
      ackP90: 'Acknowledgement, 90% within (hours)',
      ackInTime: 'Acknowledged within the deadline (%)',
      decisionMedian: 'Decision, median (hours)',
      decisionP90: 'Decision, 90% within (hours)',
      auto: 'Sent on automatically',
      sent: 'Decisions sent down',
      read: 'Decisions marked "Read" (%)',
      opened: 'Action items opened',
      onTime: 'Done on time',
      late: 'Done late',
      overdue: 'Overdue now',
      held: 'Meetings held',
      moved: 'Meetings moved',
      cancelled: 'Meetings cancelled',
      circulation: (forum: string) => `Circulation answered: ${forum} (%)`,
    },
    allFora: 'all open fora',
    none: '—',
  },
};

export interface PictureDocumentInput {
  picture: Picture;
  lang: Lang;
  areas: readonly { id: string; name: string }[];
  foraNames: ReadonlyMap<string, string>;
  commentary: Partial<Record<PictureSection, string>>;
}

/** The Word report: per section its charts (PNG at twice their size, shown at their own), a table and the commentary. */
export async function pictureDocument(input: PictureDocumentInput): Promise<Buffer> {
  const { picture, lang } = input;
  const w = WORDS[lang];
  const number = (n: number | undefined): string => (n === undefined ? w.none : n.toLocaleString(lang === 'da' ? 'da-DK' : 'en-GB'));
  const count = (s: Shown): string => shownText(s, lang);
  const specs = pictureChartSpecs(picture, chartLabels(lang, input.areas), pictureTexts[lang].chart);
  const image = async (name: keyof typeof specs): Promise<Paragraph> => {
    const svg = await chartSvg(specs[name]);
    const { png, width, height } = chartPng(svg, 2);
    return new Paragraph({ children: [new ImageRun({ type: 'png', data: png, transformation: { width: Math.round(width / 2), height: Math.round(height / 2) }, altText: { name, title: name, description: name } })] });
  };
  const table = (rows: readonly [string, string, string][]): Table =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [w.columns as [string, string, string], ...rows].map(
        (cells, i) => new TableRow({ children: cells.map((text) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold: i === 0 })] })] })) }),
      ),
    });
  const both = <T>(c: { current: T; previous: T }, f: (v: T) => string): [string, string] => [f(c.current), f(c.previous)];
  const section = async (id: PictureSection, content: (Paragraph | Table)[]): Promise<(Paragraph | Table)[]> => [
    new Paragraph({ text: w.sections[id], heading: HeadingLevel.HEADING_1 }),
    ...content,
    new Paragraph({ text: w.commentary, heading: HeadingLevel.HEADING_2 }),
    ...(input.commentary[id]?.trim() ? input.commentary[id]!.trim().split(/\n+/).map((line) => new Paragraph({ text: line })) : [new Paragraph({ children: [new TextRun({ text: w.noCommentary, italics: true })] })]),
  ];
  const r = w.rows;
  const circulationRows = picture.circulation.map((c): [string, string, string] => [r.circulation(c.forumId === '*' ? w.allFora : (input.foraNames.get(c.forumId) ?? c.forumId)), number(c.rate), w.none]);
  const children = [
    new Paragraph({ text: w.title(picture.period.from, picture.period.to), heading: HeadingLevel.TITLE }),
    new Paragraph({ text: w.intro }),
    ...(await section('cases', [table([[r.raised, ...both(picture.raised, count)]]), await image('byCategory'), await image('byMonth')])),
    ...(await section('levels', [await image('byLevel'), await image('byArea')])),
    ...(await section('times', [
      table([
        [r.ackMedian, ...both(picture.acknowledgement, (s) => number(s.medianHours))],
        [r.ackP90, ...both(picture.acknowledgement, (s) => number(s.p90Hours))],
        [r.ackInTime, ...both(picture.acknowledgement, (s) => number(s.inTimeShare))],
        [r.decisionMedian, ...both(picture.decision, (s) => number(s.medianHours))],
        [r.decisionP90, ...both(picture.decision, (s) => number(s.p90Hours))],
        [r.auto, ...both(picture.autoEscalations, count)],
      ]),
    ])),
    ...(await section('decisions', [
      table([
        [r.sent, ...both(picture.decisions, (d) => count(d.sent))],
        [r.read, ...both(picture.decisions, (d) => number(d.readShare))],
        [r.opened, ...both(picture.actionItems, (a) => number(a.opened))],
        [r.onTime, ...both(picture.actionItems, (a) => number(a.doneOnTime))],
        [r.late, ...both(picture.actionItems, (a) => number(a.doneLate))],
        [r.overdue, ...both(picture.actionItems, (a) => number(a.overdue))],
      ]),
    ])),
    ...(await section('cooperation', [
      table([
        [r.held, ...both(picture.meetings, (m) => number(m.held))],
        [r.moved, ...both(picture.meetings, (m) => number(m.moved))],
        [r.cancelled, ...both(picture.meetings, (m) => number(m.cancelled))],
        ...circulationRows,
      ]),
    ])),
  ];
  return Packer.toBuffer(new Document({ creator: 'Forumbot', title: w.title(picture.period.from, picture.period.to), sections: [{ children }] }));
}
