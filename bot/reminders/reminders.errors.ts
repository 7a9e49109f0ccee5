import type { FeatureErrorTexts } from '../i18n/feature-error-texts';

type Context = Readonly<Record<string, unknown>>;

const FIELDS: Record<'da' | 'en', Record<string, string>> = {
  da: { agendaDeadlineDaysBefore: 'Dage før mødet (dagsorden)', memberReminderHoursBefore: 'Timer før mødet', followUpHoursAfter: 'Timer efter mødets slutning' },
  en: { agendaDeadlineDaysBefore: 'Days before the meeting (agenda)', memberReminderHoursBefore: 'Hours before the meeting', followUpHoursAfter: 'Hours after the meeting ends' },
};

const field = (lang: 'da' | 'en', context: Context): string => (typeof context['field'] === 'string' ? (FIELDS[lang][context['field']] ?? '') : '');
const range = (context: Context, and: string): string =>
  typeof context['min'] === 'number' && typeof context['max'] === 'number' ? ` (${context['min']} ${and} ${context['max']})` : '';

/** Texts for the error codes only this feature raises (the shared ones are in bot/i18n). */
export const remindersErrors: FeatureErrorTexts = {
  da: {
    'REMINDERS.OUT_OF_RANGE': (context) => `${field('da', context) || 'En af tiderne'} skal ligge i det tilladte interval${range(context, 'til')}. Ret den og gem igen.`,
  },
  en: {
    'REMINDERS.OUT_OF_RANGE': (context) => `${field('en', context) || 'One of the times'} must be within the allowed range${range(context, 'to')}. Correct it and save again.`,
  },
};
