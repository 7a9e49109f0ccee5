import type { ScheduleCardText } from '../../cards/meeting-schedule.card';
import type { MeetingsCardText } from '../../cards/meetings.card';
import type { Lang } from '../i18n/lang';

export interface MeetingsTexts {
  list: MeetingsCardText;
  schedule: ScheduleCardText;
  summary: string;
  scopeAll: string;
  notLinked: string;
  noFora: string;
  scheduled: (next: string) => string;
  changed: (dropped: number) => string;
  movedNotice: (when: string) => string;
  cancelledNotice: (when: string) => string;
  /** Why a form value was refused: the fields to check. */
  oneOffTitle: string;
}

const da: MeetingsTexts = {
  list: {
    lang: 'da',
    title: (scope) => `Næste møder — ${scope}`,
    empty: 'Der er ingen planlagte møder.',
    cancelled: 'aflyst',
    moved: 'flyttet',
    addToCalendar: 'Tilføj til kalender',
    move: 'Flyt',
    moveDate: 'Ny dato',
    moveTime: 'Nyt tidspunkt',
    moveSubmit: 'Flyt mødet',
    cancel: 'Aflys',
    schedule: 'Planlæg mødeserie',
    changeSeries: 'Ændr mødeserien',
    reminderSettings: 'Påmindelser',
    online: 'Onlinemøde',
  },
  schedule: {
    lang: 'da',
    title: (forum) => `Planlæg mødeserie for ${forum}`,
    changeTitle: (forum) => `Ændr mødeserien for ${forum}`,
    changeNote: 'Møder før den nye første dato bliver stående. Flytninger og aflysninger efter den bevares, hvis den nye serie har et møde på samme tidspunkt; ellers bortfalder de.',
    fields: {
      title: 'Titel',
      firstDate: 'Første dato',
      startTime: 'Tidspunkt',
      durationMinutes: 'Varighed (minutter)',
      location: 'Sted',
      onlineMeetingUrl: 'Link til onlinemøde',
      kind: 'Gentagelse',
      interval: 'Antal uger mellem møderne',
      nth: 'Hvilken ugedag i måneden',
      quarterlyOn: 'Kvartalsvis på',
      rrule: 'Egen gentagelsesregel (RRULE)',
    },
    kinds: {
      weekly: 'Hver uge',
      everyNWeeks: 'Hver N. uge',
      monthlyNthWeekday: 'Månedligt på samme ugedag (fx 2. tirsdag)',
      quarterly: 'Kvartalsvis',
    },
    nths: { auto: 'Som første dato', '1': '1.', '2': '2.', '3': '3.', '4': '4.', '-1': 'Sidste' },
    quarterlyOn: { nthWeekday: 'Samme ugedag (fx 2. tirsdag)', sameDay: 'Samme dato i måneden' },
    hints: {
      interval: 'Kun for "Hver N. uge".',
      nth: 'For månedligt og kvartalsvis; ugedagen er den første datos.',
      rrule: 'Kun hvis ingen af valgene ovenfor passer: en gentagelsesregel efter RFC 5545, fx FREQ=MONTHLY;BYDAY=-1TU (sidste tirsdag). Den erstatter "Gentagelse".',
    },
    submit: 'Gem mødeserien',
    advanced: 'Avanceret',
    submitAdvanced: 'Gem med egen regel',
    back: 'Tilbage',
  },
  summary: 'Næste møder',
  scopeAll: 'dine fora',
  notLinked: 'Kanalen er ikke knyttet til et forum. Skriv **tilknyt <forum>** først, eller skriv **møder** til mig i en personlig chat.',
  noFora: 'Du er ikke medlem af noget forum endnu.',
  scheduled: (next) => `Mødeserien er gemt. Første møde: ${next}.`,
  changed: (dropped) => (dropped === 0 ? 'Mødeserien er ændret. Tidligere møder står uændret.' : `Mødeserien er ændret. Tidligere møder står uændret; ${dropped} flytning(er) eller aflysning(er) bortfaldt, fordi den nye serie ikke har de møder.`),
  movedNotice: (when) => `Mødet er flyttet til ${when}.`,
  cancelledNotice: (when) => `Mødet ${when} er aflyst.`,
  oneOffTitle: 'Møde',
};

const en: MeetingsTexts = {
  list: {
    lang: 'en',
    title: (scope) => `Next meetings — ${scope}`,
    empty: 'There are no meetings scheduled.',
    cancelled: 'cancelled',
    moved: 'moved',
    addToCalendar: 'Add to calendar',
    move: 'Move',
    moveDate: 'New date',
    moveTime: 'New time',
    moveSubmit: 'Move the meeting',
    cancel: 'Cancel',
    schedule: 'Schedule meeting series',
    changeSeries: 'Change the series',
    reminderSettings: 'Reminders',
    online: 'Online meeting',
  },
  schedule: {
    lang: 'en',
    title: (forum) => `Schedule the meeting series of ${forum}`,
    changeTitle: (forum) => `Change the meeting series of ${forum}`,
    changeNote: 'Meetings before the new first date stay. Moves and cancellations after it are kept when the new series has a meeting at the same time; otherwise they lapse.',
    fields: {
      title: 'Title',
      firstDate: 'First date',
      startTime: 'Time',
      durationMinutes: 'Duration (minutes)',
      location: 'Location',
      onlineMeetingUrl: 'Online meeting link',
      kind: 'Repeats',
      interval: 'Weeks between meetings',
      nth: 'Which weekday of the month',
      quarterlyOn: 'Quarterly on',
      rrule: 'Own recurrence rule (RRULE)',
    },
    kinds: {
      weekly: 'Every week',
      everyNWeeks: 'Every N weeks',
      monthlyNthWeekday: 'Monthly on the same weekday (e.g. 2nd Tuesday)',
      quarterly: 'Quarterly',
    },
    nths: { auto: 'As the first date', '1': '1st', '2': '2nd', '3': '3rd', '4': '4th', '-1': 'Last' },
    quarterlyOn: { nthWeekday: 'Same weekday (e.g. 2nd Tuesday)', sameDay: 'Same day of the month' },
    hints: {
      interval: 'Only for "Every N weeks".',
      nth: "For monthly and quarterly; the weekday is the first date's.",
      rrule: 'Only if none of the choices above fits: a recurrence rule after RFC 5545, e.g. FREQ=MONTHLY;BYDAY=-1TU (last Tuesday). It replaces "Repeats".',
    },
    submit: 'Save the series',
    advanced: 'Advanced',
    submitAdvanced: 'Save with own rule',
    back: 'Back',
  },
  summary: 'Next meetings',
  scopeAll: 'your fora',
  notLinked: 'This channel is not linked to a forum. Type **link <forum>** first, or send me **meetings** in a personal chat.',
  noFora: 'You are not a member of any forum yet.',
  scheduled: (next) => `The series is saved. First meeting: ${next}.`,
  changed: (dropped) => (dropped === 0 ? 'The series is changed. Earlier meetings are unchanged.' : `The series is changed. Earlier meetings are unchanged; ${dropped} move(s) or cancellation(s) lapsed because the new series has no such meeting.`),
  movedNotice: (when) => `The meeting is moved to ${when}.`,
  cancelledNotice: (when) => `The meeting on ${when} is cancelled.`,
  oneOffTitle: 'Meeting',
};

export const meetingsTexts: Record<Lang, MeetingsTexts> = { da, en };
