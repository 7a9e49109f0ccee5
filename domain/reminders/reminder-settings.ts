import { z } from 'zod';
import { allowed, refused, type Verdict } from '../shared/domain-error';

/** The ranges a chair may choose; the settings card and the domain share them. */
export const REMINDER_LIMITS = {
  agendaDeadlineDaysBefore: { min: 1, max: 60 },
  memberReminderHoursBefore: { min: 1, max: 14 * 24 },
  followUpHoursAfter: { min: 0, max: 48 },
} as const;

export type ReminderLeadField = keyof typeof REMINDER_LIMITS;

const lead = (field: ReminderLeadField, fallback: number) =>
  z.number().int().min(REMINDER_LIMITS[field].min).max(REMINDER_LIMITS[field].max).default(fallback);

/**
 * A forum's reminders. Lead times are wall-clock in the municipality's time zone: "1 day before" a
 * 09:00 meeting is 09:00 the day before, also across a daylight-saving change.
 */
export const ReminderSettings = z.object({
  /** To the chair and secretary: the agenda should be ready this many days before the meeting. */
  agendaDeadlineEnabled: z.boolean().default(true),
  agendaDeadlineDaysBefore: lead('agendaDeadlineDaysBefore', 10),
  /** To every member, with the agenda if one is published. */
  memberReminderEnabled: z.boolean().default(true),
  memberReminderHoursBefore: lead('memberReminderHoursBefore', 24),
  /** To the chair and secretary after the meeting ends: record the action items. */
  followUpEnabled: z.boolean().default(true),
  followUpHoursAfter: lead('followUpHoursAfter', 1),
});
export type ReminderSettings = z.infer<typeof ReminderSettings>;

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = ReminderSettings.parse({});

/** The settings a forum uses: its own, or the defaults. */
export const settingsOf = (forum: { reminders?: ReminderSettings | undefined }): ReminderSettings => forum.reminders ?? DEFAULT_REMINDER_SETTINGS;

/** Checks a chair's choice field by field, so the refusal can say which value is out of range. */
export function checkReminderSettings(settings: ReminderSettings): Verdict {
  for (const field of Object.keys(REMINDER_LIMITS) as ReminderLeadField[]) {
    const { min, max } = REMINDER_LIMITS[field];
    const value = settings[field];
    if (!Number.isInteger(value) || value < min || value > max) return refused('REMINDERS.OUT_OF_RANGE', { field, min, max, value });
  }
  return allowed;
}
