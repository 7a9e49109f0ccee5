import { z } from 'zod';
import { EntityId } from '../domain/shared/ids';
import { TEXT_LIMITS } from '../domain/shared/text-limits';
import { textField } from './form-fields';
import { formTexts } from './form-texts';
import { adaptiveCard, asText, executeAction, heading, paragraph, type AdaptiveCard, type CardElement, type CardLang } from './card-kit';
import { MEETINGS_VERBS } from './meetings.card';

/** The form's input ids; Teams puts each input's value in `data` under its id. */
export const SCHEDULE_INPUTS = {
  title: 'title',
  firstDate: 'firstDate',
  startTime: 'startTime',
  durationMinutes: 'durationMinutes',
  location: 'location',
  onlineMeetingUrl: 'onlineMeetingUrl',
  kind: 'kind',
  interval: 'interval',
  nth: 'nth',
  quarterlyOn: 'quarterlyOn',
  rrule: 'rrule',
} as const;

// Loose on purpose: the bot checks each value (CPR numbers, limits) and marks the field on the form.
const field = z.union([z.string().max(20_000), z.number()]).transform(String).optional();

/**
 * `meetings.schedule`: what the form sends. Only the shape is checked here (Teams sends every input
 * as text, and client-side checks can be skipped); the bot checks the values and answers a wrong
 * one with the form again and a Danish message.
 */
export const ScheduleSeriesData = z.object({
  forumId: EntityId,
  replacesSeriesId: EntityId.optional(),
  title: field,
  firstDate: field,
  startTime: field,
  durationMinutes: field,
  location: field,
  onlineMeetingUrl: field,
  kind: field,
  interval: field,
  nth: field,
  quarterlyOn: field,
  rrule: field,
  /** Sent by the button under "Avanceret": the own rule (RRULE) is the recurrence. */
  advanced: z.union([z.boolean(), z.enum(['true', 'false'])]).optional(),
});
export type ScheduleSeriesData = z.infer<typeof ScheduleSeriesData>;

export interface ScheduleCardText {
  lang: CardLang;
  title: (forumName: string) => string;
  changeTitle: (forumName: string) => string;
  changeNote: string;
  fields: Record<keyof typeof SCHEDULE_INPUTS, string>;
  kinds: Record<'weekly' | 'everyNWeeks' | 'monthlyNthWeekday' | 'quarterly', string>;
  nths: Record<'auto' | '1' | '2' | '3' | '4' | '-1', string>;
  quarterlyOn: Record<'nthWeekday' | 'sameDay', string>;
  hints: { interval: string; nth: string; rrule: string };
  submit: string;
  /** The button that opens the own rule (RRULE), and the one that saves with it. */
  advanced: string;
  submitAdvanced: string;
  back: string;
}

export interface ScheduleCardView {
  forumId: string;
  forumName: string;
  replacesSeriesId?: string;
  /** The series' current values, when it is changed. */
  values?: Partial<Record<keyof typeof SCHEDULE_INPUTS, string>>;
}

const choices = (entries: Record<string, string>): CardElement[] => Object.entries(entries).map(([value, title]) => ({ title, value }));

/** The form to schedule (or change) a forum's meeting series. */
export function scheduleSeriesCard(text: ScheduleCardText, view: ScheduleCardView): AdaptiveCard {
  const v = view.values ?? {};
  const value = (id: keyof typeof SCHEDULE_INPUTS, fallback?: string) => {
    const given = v[id] ?? fallback;
    return given === undefined ? {} : { value: given };
  };
  // Input.Number takes a number (schema 1.5); a typed value that is not one is left out, not echoed.
  const numberValue = (id: keyof typeof SCHEDULE_INPUTS, fallback?: number) => {
    const given = v[id] === undefined || v[id].trim() === '' ? fallback : Number(v[id]);
    return given === undefined || !Number.isFinite(given) ? {} : { value: given };
  };
  const body: CardElement[] = [heading(view.replacesSeriesId === undefined ? text.title(asText(view.forumName)) : text.changeTitle(asText(view.forumName)))];
  if (view.replacesSeriesId !== undefined) body.push(paragraph(text.changeNote, { isSubtle: true }));
  const f = text.fields;
  const required = formTexts[text.lang].required;
  body.push(
    textField(text.lang, { id: SCHEDULE_INPUTS.title, label: f.title, max: TEXT_LIMITS.meetingTitle, required: true, ...value('title') }),
    { type: 'Input.Date', id: SCHEDULE_INPUTS.firstDate, label: f.firstDate, isRequired: true, errorMessage: required(f.firstDate), ...value('firstDate') },
    { type: 'Input.Time', id: SCHEDULE_INPUTS.startTime, label: f.startTime, isRequired: true, errorMessage: required(f.startTime), ...value('startTime', '09:00') },
    { type: 'Input.Number', id: SCHEDULE_INPUTS.durationMinutes, label: f.durationMinutes, min: 5, max: 1440, isRequired: true, errorMessage: formTexts[text.lang].numberBetween(5, 1440), ...numberValue('durationMinutes', 90) },
    textField(text.lang, { id: SCHEDULE_INPUTS.location, label: f.location, max: TEXT_LIMITS.location, ...value('location') }),
    textField(text.lang, { id: SCHEDULE_INPUTS.onlineMeetingUrl, label: f.onlineMeetingUrl, max: TEXT_LIMITS.onlineMeetingUrl, style: 'Url', ...value('onlineMeetingUrl') }),
    { type: 'Input.ChoiceSet', id: SCHEDULE_INPUTS.kind, label: f.kind, isRequired: true, errorMessage: required(f.kind), choices: choices(text.kinds), ...value('kind', 'monthlyNthWeekday') },
    { type: 'Input.Number', id: SCHEDULE_INPUTS.interval, label: f.interval, min: 2, max: 52, ...numberValue('interval') },
    paragraph(text.hints.interval, { isSubtle: true, size: 'Small', spacing: 'None' }),
    { type: 'Input.ChoiceSet', id: SCHEDULE_INPUTS.nth, label: f.nth, choices: choices(text.nths), ...value('nth', 'auto') },
    paragraph(text.hints.nth, { isSubtle: true, size: 'Small', spacing: 'None' }),
    { type: 'Input.ChoiceSet', id: SCHEDULE_INPUTS.quarterlyOn, label: f.quarterlyOn, choices: choices(text.quarterlyOn), ...value('quarterlyOn', 'nthWeekday') },
  );
  const data = { forumId: view.forumId, ...(view.replacesSeriesId === undefined ? {} : { replacesSeriesId: view.replacesSeriesId }) };
  // The raw rule is for the few who know RFC 5545: behind "Avanceret", with its own save button
  // (inputs of a shown card travel with its own buttons; the form's other fields come along).
  const advanced: CardElement = {
    type: 'Action.ShowCard',
    title: text.advanced,
    card: {
      type: 'AdaptiveCard',
      body: [
        textField(text.lang, { id: SCHEDULE_INPUTS.rrule, label: f.rrule, max: TEXT_LIMITS.rrule, placeholder: 'FREQ=MONTHLY;BYDAY=2TU', ...value('rrule') }),
        paragraph(text.hints.rrule, { isSubtle: true, size: 'Small', spacing: 'None' }),
      ],
      actions: [executeAction(text.submitAdvanced, MEETINGS_VERBS.schedule, { ...data, advanced: true })],
    },
  };
  return adaptiveCard(text.lang, body, [executeAction(text.submit, MEETINGS_VERBS.schedule, data), advanced, executeAction(text.back, MEETINGS_VERBS.list, { forumId: view.forumId })]);
}
