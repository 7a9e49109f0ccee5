import { z } from 'zod';
import { EntityId } from '../domain/shared/ids';
import { adaptiveCard, asText, executeAction, heading, paragraph, type AdaptiveCard, type CardElement, type CardLang, noticeBlock } from './card-kit';

export const REMINDER_SETTINGS_VERBS = { show: 'reminders.settings.show', save: 'reminders.settings.save' } as const;

/** `reminders.settings.show`: open a forum's reminder settings (a button on the meetings card or a reminder). */
export const ReminderSettingsShowData = z.object({ forumId: EntityId });
export type ReminderSettingsShowData = z.infer<typeof ReminderSettingsShowData>;

// Teams sends input values as text: "true"/"false" from a toggle, digits from a number input.
const toggle = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);
// Loose on purpose: the bot reads each number and marks a wrong one beside its field.
const whole = z.union([z.number(), z.string().max(50)]).optional();

/** `reminders.settings.save`: the inputs below plus the forum; numbers and ranges are checked by the bot. */
export const ReminderSettingsSaveData = z.object({
  forumId: EntityId,
  agendaDeadlineEnabled: toggle,
  agendaDeadlineDaysBefore: whole,
  memberReminderEnabled: toggle,
  memberReminderHoursBefore: whole,
  followUpEnabled: toggle,
  followUpHoursAfter: whole,
});
export type ReminderSettingsSaveData = z.infer<typeof ReminderSettingsSaveData>;

export interface ReminderSettingsCardText {
  lang: CardLang;
  title: (forum: string) => string;
  intro: string;
  agendaDeadline: { toggle: string; label: string };
  memberReminder: { toggle: string; label: string };
  followUp: { toggle: string; label: string };
  range: (min: number, max: number) => string;
  save: string;
  saved: string;
}

type Range = { min: number; max: number };

export interface ReminderSettingsCardView {
  forumId: string;
  forumName: string;
  settings: {
    agendaDeadlineEnabled: boolean;
    agendaDeadlineDaysBefore: number;
    memberReminderEnabled: boolean;
    memberReminderHoursBefore: number;
    followUpEnabled: boolean;
    followUpHoursAfter: number;
  };
  limits: { agendaDeadlineDaysBefore: Range; memberReminderHoursBefore: Range; followUpHoursAfter: Range };
  /** Just saved: say so at the top. */
  saved?: boolean;
}

function pair(text: { toggle: string; label: string }, range: (min: number, max: number) => string, ids: [string, string], on: boolean, value: number, limits: Range): CardElement[] {
  return [
    { type: 'Input.Toggle', id: ids[0], title: text.toggle, value: String(on), valueOn: 'true', valueOff: 'false', spacing: 'Medium' },
    {
      type: 'Input.Number',
      id: ids[1],
      label: `${text.label} (${range(limits.min, limits.max)})`,
      min: limits.min,
      max: limits.max,
      value,
      isRequired: true,
      errorMessage: range(limits.min, limits.max),
    },
  ];
}

/** For the chair or secretary: which reminders the forum's meetings get, and how long before (or after). */
export function reminderSettingsCard(text: ReminderSettingsCardText, view: ReminderSettingsCardView): AdaptiveCard {
  const { settings: s, limits } = view;
  const body: CardElement[] = [heading(text.title(asText(view.forumName)))];
  if (view.saved === true) body.push(noticeBlock(text.saved));
  body.push(
    paragraph(text.intro),
    ...pair(text.agendaDeadline, text.range, ['agendaDeadlineEnabled', 'agendaDeadlineDaysBefore'], s.agendaDeadlineEnabled, s.agendaDeadlineDaysBefore, limits.agendaDeadlineDaysBefore),
    ...pair(text.memberReminder, text.range, ['memberReminderEnabled', 'memberReminderHoursBefore'], s.memberReminderEnabled, s.memberReminderHoursBefore, limits.memberReminderHoursBefore),
    ...pair(text.followUp, text.range, ['followUpEnabled', 'followUpHoursAfter'], s.followUpEnabled, s.followUpHoursAfter, limits.followUpHoursAfter),
  );
  return adaptiveCard(text.lang, body, [executeAction(text.save, REMINDER_SETTINGS_VERBS.save, { forumId: view.forumId })]);
}
