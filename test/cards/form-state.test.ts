import { describe, expect, it } from 'vitest';
import { agendaEditorCard, itemFieldId, NEW_ITEM_INPUTS } from '../../cards/agenda-editor.card';
import type { AdaptiveCard, CardElement } from '../../cards/card-kit';
import { circulationInputCard, inputFieldId } from '../../cards/circulation-input.card';
import { fieldErrorId, withFormState } from '../../cards/form-state';
import { scheduleSeriesCard } from '../../cards/meeting-schedule.card';
import { Agenda } from '../../domain/agendas/agenda';
import { agendaTexts } from '../../bot/agendas/agendas.texts';
import { meetingsTexts } from '../../bot/meetings/meetings.texts';
import { schemaProblems } from './support/adaptive-card-1.5.schema';
import { adaptiveCardsProblems } from './support/adaptive-cards-renderer';

const timeZone = 'Europe/Copenhagen';
const agenda = Agenda.parse({
  id: 'agenda-1',
  forumId: 'kredsraad',
  meetingStart: '2027-01-14T12:00:00Z',
  state: 'published',
  revision: 2,
  items: [
    { id: 'i1', title: 'Tryghed i boligområderne', inputWanted: true },
    { id: 'i2', title: 'Unge og bander', inputWanted: true },
    { id: 'i3', title: 'Eventuelt', inputWanted: true },
  ],
  circulation: { deadline: '2027-01-12T11:00:00Z', consultantIds: ['c1'], sentAt: '2027-01-02T09:00:00Z' },
});

/** Every element of a card, ShowCard bodies included, in document order. */
function elements(card: { body?: unknown; actions?: unknown }): CardElement[] {
  const out: CardElement[] = [];
  const walk = (list: unknown): void => {
    if (!Array.isArray(list)) return;
    for (const e of list as CardElement[]) {
      out.push(e);
      walk(e.items);
      if (Array.isArray(e.columns)) for (const c of e.columns as CardElement[]) walk(c.items);
      walk(e.actions);
      if (e.type === 'Action.ShowCard') walk((e.card as CardElement).body);
    }
  };
  walk(card.body);
  walk(card.actions);
  return out;
}
const byId = (card: AdaptiveCard, id: string): CardElement | undefined => elements(card).find((e) => e.id === id);
const after = (card: AdaptiveCard, id: string): CardElement | undefined => {
  const all = elements(card);
  return all[all.findIndex((e) => e.id === id) + 1];
};

describe('withFormState: a refused form keeps what was typed', () => {
  const inputCard = circulationInputCard(agendaTexts.da.input, { forumName: 'Kredsråd', agenda, consultantId: 'c1', saved: [], open: true, timeZone });

  it('given the consultant typed three texts and one holds a CPR number then all three come back and the message sits below that field', () => {
    const typed = { forumId: 'kredsraad', agendaId: 'agenda-1', revision: 2, [inputFieldId('i1')]: 'Flere unge ved stationen', [inputFieldId('i2')]: 'Drengen 010203-1234 igen', [inputFieldId('i3')]: 'Intet nyt' };
    const card = withFormState(inputCard, { values: typed, errors: { [inputFieldId('i2')]: 'Teksten ligner et CPR-nummer: fjern nummeret og send igen' } });
    expect(byId(card, inputFieldId('i1'))?.value).toBe('Flere unge ved stationen');
    expect(byId(card, inputFieldId('i2'))?.value).toBe('Drengen 010203-1234 igen');
    expect(byId(card, inputFieldId('i3'))?.value).toBe('Intet nyt');
    expect(after(card, inputFieldId('i2'))).toMatchObject({ id: fieldErrorId(inputFieldId('i2')), color: 'Attention', text: 'Teksten ligner et CPR-nummer: fjern nummeret og send igen' });
    expect(byId(card, fieldErrorId(inputFieldId('i1')))).toBeUndefined();
    // The summary at the top names the field by its label.
    expect(JSON.stringify(card.body[0])).toContain('Dit input: Teksten ligner et CPR-nummer');
    expect(adaptiveCardsProblems(card)).toEqual([]);
    expect(schemaProblems(card)).toEqual([]);
  });

  it('given a text far over its limit then it comes back whole, not cut', () => {
    const long = 'x'.repeat(5000);
    const card = withFormState(inputCard, { values: { [inputFieldId('i1')]: long }, errors: { [inputFieldId('i1')]: 'for lang' } });
    expect(byId(card, inputFieldId('i1'))?.value).toBe(long);
  });

  it('given the refresh and the buttons then they are the same as before (the card is the same card)', () => {
    const card = withFormState(inputCard, { values: {}, errors: {} });
    expect(card).toEqual(inputCard);
    const refused = withFormState(inputCard, { message: 'Fristen er overskredet' }) as AdaptiveCard & { refresh?: unknown };
    expect(refused.refresh).toEqual((inputCard as AdaptiveCard & { refresh?: unknown }).refresh);
    expect(refused.actions).toEqual(inputCard.actions);
    expect(JSON.stringify(refused.body[0])).toContain('Fristen er overskredet');
  });

  it('given an error on a field inside a closed "Rediger" card then the typed value is in it, the message below it and the summary names it', () => {
    const editor = agendaEditorCard(agendaTexts.da.editor, { forumId: 'kredsraad', forumName: 'Kredsråd', agenda: { ...agenda, circulation: undefined }, meetings: [], timeZone, isChair: true, consultantFora: [], defaultConsultantForumIds: [] });
    const titleId = itemFieldId('title', 'i2');
    const card = withFormState(editor, {
      values: { [titleId]: '', [itemFieldId('description', 'i2')]: 'Ny beskrivelse', [NEW_ITEM_INPUTS.title]: 'Halvt skrevet nyt punkt' },
      errors: { [titleId]: 'Titlen mangler' },
    });
    expect(byId(card, titleId)?.value).toBe('');
    expect(byId(card, itemFieldId('description', 'i2'))?.value).toBe('Ny beskrivelse');
    expect(byId(card, NEW_ITEM_INPUTS.title)?.value).toBe('Halvt skrevet nyt punkt');
    expect(after(card, titleId)).toMatchObject({ id: fieldErrorId(titleId), text: 'Titlen mangler' });
    expect(JSON.stringify(card.body[0])).toContain('Titel: Titlen mangler');
    expect(adaptiveCardsProblems(card)).toEqual([]);
    expect(schemaProblems(card)).toEqual([]);
  });

  it('given a number field typed as text then it comes back as a number, and one that is no number is left as the card had it', () => {
    const form = scheduleSeriesCard(meetingsTexts.en.schedule, { forumId: 'f', forumName: 'Kredsråd' });
    expect(byId(withFormState(form, { values: { durationMinutes: '120' } }), 'durationMinutes')?.value).toBe(120);
    expect(byId(withFormState(form, { values: { durationMinutes: 'two hours' } }), 'durationMinutes')?.value).toBe(90);
    expect(schemaProblems(withFormState(form, { values: { durationMinutes: '120', title: 'Møde' }, errors: { firstDate: 'Vælg en dato, der ikke er gået' } }))).toEqual([]);
  });
});
