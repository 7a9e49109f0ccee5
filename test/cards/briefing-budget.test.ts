import { describe, expect, it } from 'vitest';
import { agendaTexts } from '../../bot/agendas/agendas.texts';
import { briefingCard, type BriefingView } from '../../cards/briefing.card';
import type { AdaptiveCard, CardLang } from '../../cards/card-kit';
import { Agenda, AGENDA_INPUT_MAX_LENGTH, AgendaInput } from '../../domain/agendas/agenda';
import { compileBriefing } from '../../domain/agendas/briefing';
import { cardTexts } from '../bot/support/card-reading';
import { schemaProblems } from './support/adaptive-card-1.5.schema';
import { adaptiveCardsProblems } from './support/adaptive-cards-renderer';

/** The project's limit for any card (Teams refuses bot messages near 100 KB). */
const MAX_CARD_BYTES = 80 * 1024;
const bytes = (card: AdaptiveCard): number => Buffer.byteLength(JSON.stringify(card), 'utf8');

interface Consultant {
  userId: string;
  name: string;
  forumId: string;
  forumName: string;
}

const consultantsOf = (count: number, name: (i: number) => string): Consultant[] =>
  Array.from({ length: count }, (_, i) => ({ userId: `c-${i}`, name: name(i), forumId: `forum-${i % 3}`, forumName: `Lokalforum ${i % 3}` }));

function agendaFor(consultants: readonly Consultant[], itemCount: number): Agenda {
  return Agenda.parse({
    id: 'agenda-budget',
    forumId: 'kredsraad',
    meetingStart: '2026-12-10T13:00:00Z',
    state: 'published',
    revision: 1,
    items: Array.from({ length: itemCount }, (_, i) => ({ id: `item-${i}`, title: `Punkt ${i + 1}: tryghed i område ${i + 1}`, inputWanted: true })),
    circulation: { deadline: '2026-12-03T15:00:00Z', consultantIds: consultants.map((c) => c.userId), consultants, sentAt: '2026-11-20T10:05:00Z' },
  });
}

/** Every consultant answers every item with `text(consultant, item)`. */
function inputsFor(agenda: Agenda, consultants: readonly Consultant[], text: (c: number, item: number) => string): AgendaInput[] {
  return consultants.flatMap((c, ci) =>
    agenda.items.map((item, ii) =>
      AgendaInput.parse({ agendaId: agenda.id, itemId: item.id, authorId: c.userId, authorName: c.name, authorForumId: c.forumId, text: text(ci, ii), agendaRevision: 1, savedAt: '2026-11-25T09:00:00Z' }),
    ),
  );
}

function viewOf(agenda: Agenda, inputs: readonly AgendaInput[]): BriefingView {
  return {
    forumName: 'Kredsråd',
    briefing: compileBriefing(agenda, inputs),
    timeZone: 'Europe/Copenhagen',
    viewerId: 'chair',
    links: { docx: 'https://forumbot.example/briefing/a.docx', markdown: 'https://forumbot.example/briefing/a.md' },
    sharedWithNames: [],
  };
}

/** A page per input, each different, as long as the domain allows. */
const page = (c: number, item: number): string =>
  `Konsulent ${c} om punkt ${item}: ${'Vi ser flere unge i grupper ved stationen om aftenen, og skolerne melder om uro i frikvartererne. '.repeat(60)}`.slice(0, AGENDA_INPUT_MAX_LENGTH);

describe('the briefing card within the size budget', () => {
  it.each<CardLang>(['da', 'en'])('given a small briefing (%s) then every input is shown whole and the card says nothing about shortening', (lang) => {
    const consultants = consultantsOf(3, (i) => `Konsulent ${i}`);
    const agenda = agendaFor(consultants, 2);
    const inputs = inputsFor(agenda, consultants, (c, item) => `Kort input fra ${c} om ${item}.`);
    const texts = agendaTexts[lang].briefing;
    const shown = cardTexts(briefingCard(texts, viewOf(agenda, inputs)));
    for (const input of inputs) expect(shown).toContain(`**${input.authorName}** (Lokalforum ${input.authorId.slice(2)}): ${input.text}`);
    expect(shown).not.toContain(texts.shortened);
    expect(shown.join('\n')).not.toContain('…');
  });

  it.each<CardLang>(['da', 'en'])(
    'given twenty consultants with long names writing the longest input on six items (%s) then the card is under 80 KB, valid, names every author on every item, and points to the document',
    (lang) => {
      const consultants = consultantsOf(20, (i) => `SSP-konsulent nummer ${i} ${'med et meget langt navn '.repeat(6)}`.trim());
      const agenda = agendaFor(consultants, 6);
      // Consultant 7 writes one line: short inputs stay whole while the long ones are shortened.
      const inputs = inputsFor(agenda, consultants, (c, item) => (c === 7 ? `Kort svar ${item}.` : page(c, item)));
      const texts = agendaTexts[lang].briefing;
      const card = briefingCard(texts, viewOf(agenda, inputs));

      expect(inputs.reduce((sum, i) => sum + i.text.length, 0)).toBeGreaterThan(400_000);
      expect(bytes(card)).toBeLessThan(MAX_CARD_BYTES);
      expect(adaptiveCardsProblems(card)).toEqual([]);
      expect(schemaProblems(card)).toEqual([]);

      const shown = cardTexts(card);
      expect(shown).toContain(texts.shortened);
      for (const item of agenda.items) expect(shown).toContain(item.title);
      // Each input on its own line with author and forum: whole, or its start followed by "…" (the start names consultant and item).
      const isShownAs = (input: AgendaInput, line: string): boolean => {
        const prefix = `**${input.authorName}** (Lokalforum ${Number(input.authorId.slice(2)) % 3}): `;
        if (!line.startsWith(prefix)) return false;
        const rest = line.slice(prefix.length);
        return rest === input.text || (rest.endsWith('…') && rest.length > 40 && input.text.startsWith(rest.slice(0, -1)));
      };
      for (const input of inputs) expect(shown.filter((t) => isShownAs(input, t)), `${input.authorName} on ${input.itemId}`).toHaveLength(1);
      const entryLines = shown.filter((t) => t.startsWith('**SSP-konsulent'));
      expect(entryLines).toHaveLength(inputs.length);
      for (let item = 0; item < agenda.items.length; item += 1) expect(entryLines).toContain(`**${consultants[7]!.name}** (Lokalforum 1): Kort svar ${item}.`);
      // The long ones end in "…" and show the start of what was written.
      const long = entryLines.filter((t) => !t.includes('Kort svar'));
      expect(long.every((t) => t.endsWith('…'))).toBe(true);
      expect(Math.min(...long.map((t) => t.length))).toBeGreaterThan(300);
      expect(card.actions?.map((a) => a['title'])).toEqual([texts.downloadWord, texts.downloadMarkdown]);
    },
  );

  it('given the same large briefing twice then the card is the same (deterministic)', () => {
    const consultants = consultantsOf(20, (i) => `Konsulent ${i}`);
    const agenda = agendaFor(consultants, 4);
    const inputs = inputsFor(agenda, consultants, page);
    expect(JSON.stringify(briefingCard(agendaTexts.da.briefing, viewOf(agenda, inputs)))).toBe(JSON.stringify(briefingCard(agendaTexts.da.briefing, viewOf(agenda, inputs))));
  });

  it('given so many consultants that their names alone overflow then the card is under 80 KB, names the first of each item and counts the rest', () => {
    const consultants = consultantsOf(600, (i) => `Konsulent ${i} fra et af kommunens lokale SSP-fora`);
    const agenda = agendaFor(consultants, 6);
    const inputs = inputsFor(agenda, consultants, (c, item) => `Input ${c}/${item}`);
    const texts = agendaTexts.da.briefing;
    const card = briefingCard(texts, viewOf(agenda, inputs));

    expect(bytes(card)).toBeLessThan(MAX_CARD_BYTES);
    expect(adaptiveCardsProblems(card)).toEqual([]);
    const shown = cardTexts(card);
    expect(shown).toContain(texts.shortened);
    for (const item of agenda.items) expect(shown).toContain(item.title);
    const named = shown.filter((t) => t.startsWith('**Konsulent'));
    const counted = shown.filter((t) => t.startsWith('… og ')).map((t) => Number(/… og (\d+) input/.exec(t)?.[1]));
    expect(named.length).toBeGreaterThan(0);
    expect(counted).toHaveLength(agenda.items.length);
    expect(named.length + counted.reduce((a, b) => a + b, 0)).toBe(inputs.length);
  });
});
