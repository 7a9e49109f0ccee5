import type { Agenda } from '../domain/agendas/agenda';
import { adaptiveCard, asText, heading, markdownLink, paragraph, type AdaptiveCard, type CardElement, type CardLang } from './card-kit';
import { formatDateTime } from './dates';

export interface AgendaCardText {
  lang: CardLang;
  title: (forum: string) => string;
  meeting: (when: string) => string;
  draft: string;
  updated: (when: string, by: string) => string;
  presenter: (name: string) => string;
  documents: string;
  inputWanted: string;
  noItems: string;
}

export interface AgendaView {
  forumName: string;
  agenda: Agenda;
  timeZone: string;
}

/** The items of an agenda, numbered, as every card that shows an agenda lists them. */
export function agendaItemBlocks(text: Pick<AgendaCardText, 'presenter' | 'documents' | 'inputWanted'>, agenda: Agenda): CardElement[] {
  return agenda.items.map((item, index) => {
    const lines: CardElement[] = [paragraph(`**${index + 1}. ${asText(item.title)}**`)];
    if (item.description !== '') lines.push(paragraph(asText(item.description), { spacing: 'None' }));
    const facts = [
      item.presenter === undefined ? undefined : text.presenter(asText(item.presenter)),
      item.documentUrl === undefined ? undefined : markdownLink(text.documents, item.documentUrl),
      item.inputWanted ? text.inputWanted : undefined,
    ].filter((f): f is string => f !== undefined);
    if (facts.length > 0) lines.push(paragraph(facts.join(' · '), { spacing: 'None', isSubtle: true, size: 'Small' }));
    return { type: 'Container', separator: index > 0, items: lines };
  });
}

/** The agenda as posted in the forum's channel; an edit replaces this card in place ("opdateret"). */
export function agendaCard(text: AgendaCardText, view: AgendaView): AdaptiveCard {
  const { agenda } = view;
  const when = (instant: string): string => formatDateTime(instant, text.lang, view.timeZone);
  const body: CardElement[] = [heading(text.title(asText(view.forumName))), paragraph(text.meeting(when(agenda.meetingStart)), { spacing: 'None' })];
  if (agenda.state === 'draft') body.push(paragraph(text.draft, { color: 'Warning' }));
  if (agenda.publishedAt !== undefined && agenda.updatedAt !== undefined && agenda.updatedAt > agenda.publishedAt) {
    body.push(paragraph(text.updated(when(agenda.updatedAt), asText(agenda.updatedByName ?? '–')), { isSubtle: true, size: 'Small', spacing: 'None' }));
  }
  body.push(...(agenda.items.length === 0 ? [paragraph(text.noItems)] : agendaItemBlocks(text, agenda)));
  return adaptiveCard(text.lang, body);
}
