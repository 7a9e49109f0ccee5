import { BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { formatDate } from '../../cards/dates';
import { byFocusArea, lastAdjusted } from '../../domain/plan/plan.rules';
import type { Lang } from '../i18n';
import type { PlanDocument } from './plan-view';
import { timeFrameOf } from './plan-view';
import { planTexts } from './plan.texts';

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };

/** One label/value row, as the 2017 plan sets "Formål", "Tidsramme" and "Målgruppe" beside their text. */
const row = (label: string, value: string, bold = false): TableRow =>
  new TableRow({
    children: [
      new TableCell({ width: { size: 22, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, children: [new Paragraph({ children: [new TextRun({ text: label, bold: true })] })] }),
      new TableCell({ width: { size: 78, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, children: [new Paragraph({ children: [new TextRun({ text: value, bold })] })] }),
    ],
  });

/**
 * The plan as a Word document laid out like Ishøj's 2017 plan: its sections, then per focus area
 * one block per initiative with Projekt, Formål, Tidsramme and Målgruppe, in that order.
 */
export async function planDocx(doc: PlanDocument, lang: Lang, timeZone: string): Promise<Buffer> {
  const t = planTexts[lang];
  const date = (iso: string): string => formatDate(iso, lang, timeZone);
  const { record, version } = doc.world;
  const children: (Paragraph | Table)[] = [new Paragraph({ text: t.word.title, heading: HeadingLevel.TITLE })];
  children.push(new Paragraph({ text: doc.mode === 'published' && version !== undefined ? t.word.approved(version.number, date(version.approvedAt)) : t.word.draft }));
  const adjusted = lastAdjusted(record, version);
  if (doc.mode === 'published' && adjusted !== undefined && record.adjustments.length > 0) children.push(new Paragraph({ text: t.word.adjusted(date(adjusted)) }));
  const section = (title: string, text: string): void => {
    children.push(new Paragraph({ text: title, heading: HeadingLevel.HEADING_1 }));
    for (const line of (text === '' ? t.plan.empty : text).split(/\r?\n/)) children.push(new Paragraph({ text: line }));
  };
  section(t.plan.labels.basis, doc.basis);
  children.push(new Paragraph({ text: t.plan.labels.organisation, heading: HeadingLevel.HEADING_1 }));
  for (const level of doc.organisation) {
    children.push(new Paragraph({ text: t.plan.levels[level.level], heading: HeadingLevel.HEADING_2 }));
    for (const f of level.fora) {
      const people = f.sensitive ? t.plan.labels.sealed : f.members.map((m) => `${m.name} (${m.roles.map((r) => t.plan.roles[r]).join(', ')})`).join('; ');
      children.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: f.name, bold: true }), new TextRun({ text: `${f.escalatesTo === undefined ? '' : ` → ${f.escalatesTo}`}${people === '' ? '' : `: ${people}`}` })] }));
    }
  }
  section(t.plan.labels.strategy, doc.strategy);
  children.push(new Paragraph({ text: t.plan.labels.initiatives, heading: HeadingLevel.HEADING_1 }));
  for (const group of byFocusArea(doc.initiatives)) {
    children.push(new Paragraph({ text: group.focusArea, heading: HeadingLevel.HEADING_2 }));
    for (const i of group.initiatives) {
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [row(t.word.project, i.project, true), row(t.word.purpose, i.purpose), row(t.word.timeFrame, timeFrameOf(i)), row(t.word.targetGroup, i.targetGroup)],
        }),
        new Paragraph({ text: '' }),
      );
    }
  }
  const document = new Document({ creator: 'Forumbot', title: t.word.title, sections: [{ children }] });
  return Packer.toBuffer(document);
}
