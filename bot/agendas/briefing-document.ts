import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { formatDateTime } from '../../cards/dates';
import type { Briefing } from '../../domain/agendas/briefing';
import type { AgendaTexts } from './agendas.texts';

export interface DocumentContext {
  texts: AgendaTexts['document'];
  lang: 'da' | 'en';
  forumName: string;
  timeZone: string;
}

/**
 * People's text never starts a line here (it follows a heading number or a name), so escaping the
 * inline marks and folding line breaks keeps an input from restructuring the document.
 */
const escapeMarkdown = (text: string): string => text.replace(/([\\`*_[\]<>|])/g, '\\$1').replace(/\s*\r?\n\s*/g, ' ');

/** The briefing as Markdown: a heading per item, a bullet per input with author and forum. */
export function briefingMarkdown(briefing: Briefing, context: DocumentContext): string {
  const { texts } = context;
  const when = (instant: string): string => formatDateTime(instant, context.lang, context.timeZone);
  const { agenda } = briefing;
  const lines = [`# ${escapeMarkdown(texts.title(context.forumName))}`, '', texts.meeting(when(agenda.meetingStart))];
  const compiled = agenda.circulation?.briefingCompiledAt;
  if (compiled !== undefined) lines.push('', texts.compiled(when(compiled)));
  lines.push('', texts.answered(briefing.progress.answered, briefing.progress.total));
  briefing.items.forEach(({ item, entries }, index) => {
    lines.push('', `## ${index + 1}. ${escapeMarkdown(item.title)}`, '');
    if (entries.length === 0) lines.push(`_${texts.noInput}_`);
    for (const entry of entries) lines.push(`- **${escapeMarkdown(entry.authorName)}** (${escapeMarkdown(entry.forumName)}): ${escapeMarkdown(entry.text)}`);
  });
  if (briefing.noComments.length > 0) lines.push('', `**${texts.noComments}:** ${briefing.noComments.map((n) => `${escapeMarkdown(n.authorName)} (${escapeMarkdown(n.forumName)})`).join(', ')}`);
  if (briefing.progress.missing.length > 0) lines.push('', `**${texts.missing}:** ${briefing.progress.missing.map((m) => escapeMarkdown(m.name)).join(', ')}`);
  return `${lines.join('\n')}\n`;
}

/** The briefing as a Word document (.docx, Office Open XML), built with the `docx` library. */
export async function briefingDocx(briefing: Briefing, context: DocumentContext): Promise<Buffer> {
  const { texts } = context;
  const when = (instant: string): string => formatDateTime(instant, context.lang, context.timeZone);
  const { agenda } = briefing;
  const children: Paragraph[] = [
    new Paragraph({ text: texts.title(context.forumName), heading: HeadingLevel.TITLE }),
    new Paragraph({ text: texts.meeting(when(agenda.meetingStart)) }),
  ];
  const compiled = agenda.circulation?.briefingCompiledAt;
  if (compiled !== undefined) children.push(new Paragraph({ text: texts.compiled(when(compiled)) }));
  children.push(new Paragraph({ text: texts.answered(briefing.progress.answered, briefing.progress.total) }));
  briefing.items.forEach(({ item, entries }, index) => {
    children.push(new Paragraph({ text: `${index + 1}. ${item.title}`, heading: HeadingLevel.HEADING_1 }));
    if (entries.length === 0) children.push(new Paragraph({ children: [new TextRun({ text: texts.noInput, italics: true })] }));
    for (const entry of entries) {
      children.push(
        new Paragraph({
          bullet: { level: 0 },
          children: [new TextRun({ text: entry.authorName, bold: true }), new TextRun({ text: ` (${entry.forumName}): ` }), new TextRun({ text: entry.text })],
        }),
      );
    }
  });
  if (briefing.noComments.length > 0) {
    children.push(new Paragraph({ children: [new TextRun({ text: `${texts.noComments}: `, bold: true }), new TextRun({ text: briefing.noComments.map((n) => `${n.authorName} (${n.forumName})`).join(', ') })] }));
  }
  if (briefing.progress.missing.length > 0) {
    children.push(new Paragraph({ children: [new TextRun({ text: `${texts.missing}: `, bold: true }), new TextRun({ text: briefing.progress.missing.map((m) => m.name).join(', ') })] }));
  }
  const document = new Document({ creator: 'Forumbot', title: texts.title(context.forumName), sections: [{ children }] });
  return Packer.toBuffer(document);
}
