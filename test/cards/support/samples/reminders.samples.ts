import { remindersTexts } from '../../../../bot/reminders/reminders.texts';
import type { CardLang } from '../../../../cards/card-kit';
import { reminderSettingsCard } from '../../../../cards/reminder-settings.card';
import { reminderCard } from '../../../../cards/reminder.card';
import { DEFAULT_REMINDER_SETTINGS, REMINDER_LIMITS } from '../../../../domain/reminders/reminder-settings';
import { sample, type CardSample } from '../sample';

const t = (lang: CardLang) => remindersTexts[lang];

const meeting = {
  forumId: 'ssp-nu-u18',
  forumName: 'SSP-NU u18',
  meetingTitle: 'SSP-NU u18 – december',
  start: '2026-12-08T08:00:00Z',
  end: '2026-12-08T10:00:00Z',
  location: 'Ishøj Rådhus, mødelokale 2',
  onlineMeetingUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_example%40thread.v2/0',
  timeZone: 'Europe/Copenhagen',
};

/** Twelve is the most the card shows; the longest agenda titles seen in the fora. */
const agendaItems = Array.from({ length: 12 }, (_, i) => `Punkt ${i + 1}: Status på tryghedsindsatsen i boligområderne og samarbejdet med politiets forebyggelsesenhed`);

/** Reminders: the chair's agenda deadline and follow-up, the members' reminder, and the settings. */
export const remindersSamples: readonly CardSample[] = [
  sample(reminderCard, (lang) => ({
    'agenda deadline': reminderCard(t(lang).reminder, { ...meeting, kind: 'agenda-deadline', dueAt: '2026-11-28T08:00:00Z', late: false }),
    'members, with agenda, sent late': reminderCard(t(lang).reminder, { ...meeting, kind: 'members', dueAt: '2026-12-07T08:00:00Z', late: true, agendaItems }),
    'members, no agenda, no place': reminderCard(t(lang).reminder, {
      ...meeting,
      location: undefined,
      onlineMeetingUrl: undefined,
      kind: 'members',
      dueAt: '2026-12-07T08:00:00Z',
      late: false,
    }),
    'follow-up': reminderCard(t(lang).reminder, { ...meeting, kind: 'follow-up', dueAt: '2026-12-08T11:00:00Z', late: false }),
  })),
  sample(reminderSettingsCard, (lang) => ({
    defaults: reminderSettingsCard(t(lang).settings, { forumId: 'ssp-nu-u18', forumName: 'SSP-NU u18', settings: DEFAULT_REMINDER_SETTINGS, limits: REMINDER_LIMITS }),
    'just saved, all off': reminderSettingsCard(t(lang).settings, {
      forumId: 'ssp-nu-u18',
      forumName: 'SSP-NU u18',
      settings: { ...DEFAULT_REMINDER_SETTINGS, agendaDeadlineEnabled: false, memberReminderEnabled: false, followUpEnabled: false },
      limits: REMINDER_LIMITS,
      saved: true,
    }),
  })),
];
