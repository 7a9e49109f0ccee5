import { describe, expect, test } from 'vitest';
import { adaptiveCardsProblems as problemsOf } from '../../cards/support/adaptive-cards-renderer';
import type { AdaptiveCard } from '../../../cards/card-kit';
import { scheduleSeriesCard } from '../../../cards/meeting-schedule.card';
import { withFormState } from '../../../cards/form-state';
import { meetingsCard, type MeetingItemView } from '../../../cards/meetings.card';
import { meetingsTexts } from '../../../bot/meetings/meetings.texts';
import { entryPoints } from '../../../bot/features';

const cardActions = entryPoints.actions;
import type { Lang } from '../../../bot/i18n';

// The adaptivecards object model parses and validates without a browser.

const item = (i: number, over: Partial<MeetingItemView> = {}): MeetingItemView => ({
  key: `series-${i}@2026-0${(i % 9) + 1}-13T08:00:00.000Z`,
  forumId: 'koordinationsgruppen',
  forumName: 'Koordinationsgruppen',
  title: 'Koordinationsmøde',
  when: 'tirsdag 13. januar 2026 kl. 09.00 (09.00–10.30)',
  status: 'scheduled',
  location: 'Ishøj Rådhus, mødelokale 2',
  onlineMeetingUrl: 'https://teams.microsoft.com/l/meetup-join/abc',
  calendarUrl: `https://forumbot.example/calendar/koordinationsgruppen/series-${i}.ics?token=${'a'.repeat(22)}`,
  canChange: true,
  localDate: '2026-01-13',
  localTime: '09:00',
  ...over,
});

describe.each(['da', 'en'] as Lang[])('meetings cards (%s)', (lang) => {
  const texts = meetingsTexts[lang];
  const cards: [string, AdaptiveCard][] = [
    ['empty list', meetingsCard(texts.list, { scope: 'Infohus', items: [], schedulable: [], showForum: false })],
    [
      'full list for a chair',
      meetingsCard(texts.list, {
        scope: 'dine fora',
        notice: texts.scheduled('tirsdag 13. januar 2026 kl. 09.00'),
        items: Array.from({ length: 10 }, (_, i) => item(i, i === 2 ? { status: 'cancelled' } : i === 3 ? { status: 'moved' } : {})),
        schedulable: [
          { forumId: 'a', forumName: 'Koordinationsgruppen', currentSeriesId: 's1' },
          { forumId: 'b', forumName: 'SSP-netværk' },
        ],
        showForum: true,
      }),
    ],
    ['schedule form', scheduleSeriesCard(texts.schedule, { forumId: 'a', forumName: 'Koordinationsgruppen' })],
    ['change form with an error', withFormState(scheduleSeriesCard(texts.schedule, { forumId: 'a', forumName: 'Koordinationsgruppen', replacesSeriesId: 's1' }), { values: { title: 'X', firstDate: '2026-01-13' }, errors: { title: 'Titlen mangler' } })],
  ];

  test.each(cards)('given the %s card then it validates as Adaptive Card 1.5 and stays under 80 KB', (_name, card) => {
    expect(problemsOf(card)).toEqual([]);
    expect(card.lang).toBe(lang);
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(80 * 1024);
  });

  test('given every button on the cards then its verb is one the bot answers', () => {
    const verbs = new Set(cardActions.map((a) => a.verb));
    const used = JSON.stringify(cards.map(([, c]) => c)).matchAll(/"verb":"([^"]+)"/g);
    for (const [, verb] of used) expect(verbs.has(verb!)).toBe(true);
  });
});
