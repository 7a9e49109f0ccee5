import type { ReminderCardKind, ReminderCardText } from '../../cards/reminder.card';
import type { ReminderSettingsCardText } from '../../cards/reminder-settings.card';
import type { Lang } from '../i18n/lang';

export interface RemindersTexts {
  reminder: ReminderCardText;
  settings: ReminderSettingsCardText;
  /** The notification line (activity `summary`): forum and the meeting's date and time. */
  summaries: Record<ReminderCardKind, (forum: string, when: string) => string>;
}

export const remindersTexts: Record<Lang, RemindersTexts> = {
  da: {
    reminder: {
      lang: 'da',
      titles: {
        'agenda-deadline': (forum) => `Dagsorden til ${forum}`,
        members: (forum) => `Påmindelse: møde i ${forum}`,
        'follow-up': (forum) => `Handlinger fra mødet i ${forum}`,
      },
      intros: {
        'agenda-deadline': (meeting, when) => `Dagsordenen til **${meeting}** ${when} er ikke offentliggjort endnu. Det er tid til at lægge den, så medlemmerne kan nå at forberede sig. Skriv **dagsorden** for at gå i gang.`,
        members: (meeting, when) => `Du har **${meeting}** ${when}.`,
        'follow-up': (meeting, when) => `Mødet **${meeting}** ${when} er slut. Husk at registrere de handlinger, I aftalte, med ansvarlig og frist. Skriv **handlinger** for at se listen.`,
      },
      meetingLabel: 'Møde',
      timeLabel: 'Tidspunkt',
      placeLabel: 'Sted',
      onlineLabel: 'Deltag online',
      agendaHeading: 'Dagsorden',
      noAgenda: 'Der er endnu ingen dagsorden til mødet.',
      moreItems: (count) => `… og ${count} punkter mere (skriv **dagsorden**).`,
      late: (dueAt) => `Denne påmindelse skulle være sendt ${dueAt}, men kommer først nu.`,
      settingsButton: 'Indstil påmindelser',
    },
    settings: {
      lang: 'da',
      title: (forum) => `Påmindelser for ${forum}`,
      intro: 'Vælg hvilke påmindelser forummets møder får, og hvornår. Tiderne regnes i dansk tid.',
      agendaDeadline: { toggle: 'Påmind formand og sekretær om dagsordenen', label: 'Dage før mødet' },
      memberReminder: { toggle: 'Påmind alle medlemmer om mødet (med dagsorden)', label: 'Timer før mødet' },
      followUp: { toggle: 'Bed formand og sekretær registrere handlinger efter mødet', label: 'Timer efter mødets slutning' },
      range: (min, max) => `mellem ${min} og ${max}`,
      save: 'Gem',
      saved: 'Indstillingerne er gemt.',
    },
    summaries: {
      'agenda-deadline': (forum, when) => `Dagsorden til ${forum} ${when} mangler`,
      members: (forum, when) => `Påmindelse: ${forum} ${when}`,
      'follow-up': (forum, when) => `Registrér handlinger fra ${forum} ${when}`,
    },
  },
  en: {
    reminder: {
      lang: 'en',
      titles: {
        'agenda-deadline': (forum) => `Agenda for ${forum}`,
        members: (forum) => `Reminder: ${forum} meeting`,
        'follow-up': (forum) => `Action items from the ${forum} meeting`,
      },
      intros: {
        'agenda-deadline': (meeting, when) => `The agenda for **${meeting}** on ${when} is not published yet. It is time to post it so members can prepare. Type **agenda** to start.`,
        members: (meeting, when) => `You have **${meeting}** on ${when}.`,
        'follow-up': (meeting, when) => `The meeting **${meeting}** on ${when} is over. Remember to record the action items you agreed on, with owner and due date. Type **actions** to see the list.`,
      },
      meetingLabel: 'Meeting',
      timeLabel: 'Time',
      placeLabel: 'Place',
      onlineLabel: 'Join online',
      agendaHeading: 'Agenda',
      noAgenda: 'There is no agenda for the meeting yet.',
      moreItems: (count) => `… and ${count} more items (type **agenda**).`,
      late: (dueAt) => `This reminder was due ${dueAt} and comes only now.`,
      settingsButton: 'Reminder settings',
    },
    settings: {
      lang: 'en',
      title: (forum) => `Reminders for ${forum}`,
      intro: 'Choose which reminders the forum\'s meetings get, and when. Times are Danish time.',
      agendaDeadline: { toggle: 'Remind the chair and secretary of the agenda', label: 'Days before the meeting' },
      memberReminder: { toggle: 'Remind all members of the meeting (with the agenda)', label: 'Hours before the meeting' },
      followUp: { toggle: 'Ask the chair and secretary to record action items after the meeting', label: 'Hours after the meeting ends' },
      range: (min, max) => `between ${min} and ${max}`,
      save: 'Save',
      saved: 'The settings are saved.',
    },
    summaries: {
      'agenda-deadline': (forum, when) => `Agenda for ${forum} on ${when} is missing`,
      members: (forum, when) => `Reminder: ${forum} on ${when}`,
      'follow-up': (forum, when) => `Record action items from ${forum} on ${when}`,
    },
  },
};
