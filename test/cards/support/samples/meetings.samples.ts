import { meetingsTexts } from '../../../../bot/meetings/meetings.texts';
import type { CardLang } from '../../../../cards/card-kit';
import { formatDateTime } from '../../../../cards/dates';
import { scheduleSeriesCard } from '../../../../cards/meeting-schedule.card';
import { withFormState } from '../../../../cards/form-state';
import { meetingsCard, type MeetingItemView } from '../../../../cards/meetings.card';
import { sample, type CardSample } from '../sample';

const t = (lang: CardLang) => meetingsTexts[lang];

/** A year of the coordinating fora's meetings: four fora, monthly, as the chair of two sees them. */
const items = (lang: CardLang): MeetingItemView[] =>
  ['Koordinationsgruppen', 'SSP-NU u18', 'SSP-NU o18', 'Infohus'].flatMap((forumName, f) =>
    Array.from({ length: 6 }, (_, m): MeetingItemView => {
      const start = `2027-${String(m + 1).padStart(2, '0')}-1${f}T08:00:00Z`;
      return {
        key: `forum-${f}:${start}`,
        forumId: `forum-${f}`,
        forumName,
        title: `${forumName} – møde`,
        when: formatDateTime(start, lang, 'Europe/Copenhagen'),
        status: m === 2 ? 'moved' : m === 4 ? 'cancelled' : 'scheduled',
        location: 'Ishøj Rådhus, mødelokale 2',
        onlineMeetingUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_example%40thread.v2/0',
        calendarUrl: `https://forumbot.ishoj.dk/calendar/forum-${f}.ics`,
        canChange: f < 2,
        localDate: start.slice(0, 10),
        localTime: '09:00',
      };
    }),
  );

/** Meetings: the list of next meetings and the form for a recurring series. */
export const meetingsSamples: readonly CardSample[] = [
  sample(meetingsCard, (lang) => ({
    'no meetings': meetingsCard(t(lang).list, { scope: 'SSP-netværk', items: [], schedulable: [], showForum: false }),
    'all my fora, chair of two': meetingsCard(t(lang).list, {
      scope: lang === 'da' ? 'Dine fora' : 'Your fora',
      notice: lang === 'da' ? 'Mødeserien er planlagt.' : 'The meeting series is scheduled.',
      items: items(lang),
      schedulable: [
        { forumId: 'forum-0', forumName: 'Koordinationsgruppen', currentSeriesId: 'series-0' },
        { forumId: 'forum-1', forumName: 'SSP-NU u18' },
      ],
      showForum: true,
    }),
  })),
  sample(scheduleSeriesCard, (lang) => ({
    'new series': scheduleSeriesCard(t(lang).schedule, { forumId: 'forum-0', forumName: 'Koordinationsgruppen' }),
    'replacing, back with an error': withFormState(scheduleSeriesCard(t(lang).schedule, { forumId: 'forum-0', forumName: 'Koordinationsgruppen', replacesSeriesId: 'series-0' }), {
      values: { title: 'Koordinationsgruppen', firstDate: '2027-01-12', startTime: '25:00', durationMinutes: '120', kind: 'monthlyNthWeekday', rrule: 'FREQ=MONTHLY;FOO=1' },
      errors: {
        startTime: lang === 'da' ? 'Klokkeslættet skal skrives som tt:mm, fx 09:00.' : 'Write the time as hh:mm, e.g. 09:00.',
        rrule: lang === 'da' ? 'Gentagelsesreglen kan ikke læses.' : 'The recurrence rule cannot be read.',
      },
    }),
  })),
];
