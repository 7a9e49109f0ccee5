import { describe, expect, it } from 'vitest';
import { actionItemsTexts } from '../../bot/action-items/action-items.texts';
import { agendaTexts } from '../../bot/agendas/agendas.texts';
import { escalationTexts } from '../../bot/escalations/escalations.texts';
import { actionItemCard } from '../../cards/action-item.card';
import { agendaCard } from '../../cards/agenda.card';
import { asText, markdownLink } from '../../cards/card-kit';
import { escalationCard } from '../../cards/escalation.card';
import { Agenda } from '../../domain/agendas/agenda';

/** What people paste: a link, a remote image, an autolink, emphasis and a list. */
const LINK = '[klik her](https://evil.example/login)';
const IMAGE = '![logo](https://evil.example/track.png)';
const AUTOLINK = '<https://evil.example/x>';
const hostile = (label: string): string => `${label} ${LINK} ${IMAGE} ${AUTOLINK} **fed** _skrå_\n- punkt`;

/** Every string Teams renders as Markdown: TextBlock text and FactSet titles and values. */
function markdownTexts(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const child of node) markdownTexts(child, out);
  else if (typeof node === 'object' && node !== null) {
    const element = node as Record<string, unknown>;
    if (element['type'] === 'TextBlock' && typeof element['text'] === 'string') out.push(element['text']);
    if (Array.isArray(element['facts'])) for (const fact of element['facts'] as { title: string; value: string }[]) out.push(fact.title, fact.value);
    for (const value of Object.values(element)) if (typeof value === 'object') markdownTexts(value, out);
  }
  return out;
}

/** The text with escaped characters taken out: what is left is what a Markdown renderer acts on. */
const unescapedMarkup = (text: string): string => text.replace(/\\[\s\S]/g, '');
/** What a reader sees once the renderer has applied the escapes. */
const shown = (text: string): string => text.replace(/\\([\s\S])/g, '$1');

function expectNoMarkupFromUsers(card: unknown, ownLinks: readonly string[] = []): void {
  const texts = markdownTexts(card);
  for (const text of texts) {
    let markup = unescapedMarkup(text);
    for (const link of ownLinks) markup = markup.replace(unescapedMarkup(link), '');
    expect(markup, text).not.toMatch(/\]\(|!\[|<https?:/);
  }
  // The typed text is still shown, character for character.
  expect(texts.map(shown).join('\n')).toContain(LINK);
}

describe('cards show what people typed as text', () => {
  it('given Markdown in every part of an agenda item then the agenda card has no link or image but our own documents link', () => {
    const documentUrl = 'https://intra.ishoj.dk/dok/(a)b';
    const agenda = Agenda.parse({
      id: 'a1',
      forumId: 'f1',
      meetingStart: '2026-12-10T13:00:00Z',
      state: 'published',
      revision: 1,
      items: [{ id: 'i1', title: hostile('Titel'), description: hostile('Beskrivelse'), presenter: hostile('Oplæg'), documentUrl }],
      updatedByName: hostile('Sekretær'),
      updatedAt: '2026-11-20T10:00:00Z',
    });
    const card = agendaCard(agendaTexts.da.agenda, { forumName: hostile('Forum'), agenda, timeZone: 'Europe/Copenhagen' });
    const own = markdownLink(agendaTexts.da.agenda.documents, documentUrl);
    expectNoMarkupFromUsers(card, [own]);
    expect(JSON.stringify(card)).toContain('%28a%29b');
  });

  it('given Markdown in a case then the escalation card has no link or image', () => {
    const card = escalationCard(escalationTexts.da.card, {
      id: 'e1',
      step: 1,
      title: hostile('Sag'),
      description: hostile('Beskrivelse'),
      category: hostile('Kategori'),
      urgency: 'normal',
      state: 'resolved',
      holdingForum: hostile('Forum'),
      path: [hostile('Fra'), hostile('Til')],
      raisedBy: hostile('Navn'),
      decision: hostile('Beslutning'),
      task: hostile('Opgave'),
      history: [{ at: '1. dec.', text: 'Løst', note: hostile('Note') }],
      seen: { seen: [hostile('Set')], missing: [hostile('Mangler')] },
      can: [],
    });
    expectNoMarkupFromUsers(card);
  });

  it('given Markdown in an action item then its card has no link or image', () => {
    const card = actionItemCard(actionItemsTexts.da.item, {
      id: 'x1',
      forumId: 'f1',
      forumName: hostile('Forum'),
      title: hostile('Opgave'),
      ownerName: hostile('Ejer'),
      due: '15-01-2027',
      overdue: false,
      status: 'blocked',
      blockedReason: hostile('Grund'),
      escalated: false,
      canWork: true,
      canManage: true,
      canEscalate: false,
    });
    expectNoMarkupFromUsers(card);
  });

  it('given plain Danish text then asText leaves it as it is', () => {
    expect(asText('Tryghedsvandring i Vejleåparken kl. 19.30 (alle er velkomne)!')).toBe('Tryghedsvandring i Vejleåparken kl. 19.30 (alle er velkomne)!');
  });

  it('given a list marker or a heading at a line start then it is escaped; inside a line it is left alone', () => {
    expect(asText('- a\n1. b\n# c\nx - y')).toBe('\\- a\n1\\. b\n\\# c\nx - y');
  });
});
