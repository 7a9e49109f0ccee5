/**
 * VTIMEZONE components for the zones the bot schedules in. RFC 5545 wants one for every TZID
 * used; the EU rule (since 1996): summer time from the last Sunday of March 01:00 UTC to the last
 * Sunday of October 01:00 UTC. Other zones get none (calendars fall back to the IANA name).
 */
const EU_CENTRAL = (tzid: string, standardName: string, daylightName: string): string =>
  [
    'BEGIN:VTIMEZONE',
    `TZID:${tzid}`,
    `X-LIC-LOCATION:${tzid}`,
    'BEGIN:DAYLIGHT',
    'TZOFFSETFROM:+0100',
    'TZOFFSETTO:+0200',
    `TZNAME:${daylightName}`,
    'DTSTART:19700329T020000',
    'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
    'END:DAYLIGHT',
    'BEGIN:STANDARD',
    'TZOFFSETFROM:+0200',
    'TZOFFSETTO:+0100',
    `TZNAME:${standardName}`,
    'DTSTART:19701025T030000',
    'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
    'END:STANDARD',
    'END:VTIMEZONE',
  ].join('\r\n');

const KNOWN: Record<string, string> = {
  'Europe/Copenhagen': EU_CENTRAL('Europe/Copenhagen', 'CET', 'CEST'),
};

export const vtimezone = (tzid: string): string | null => KNOWN[tzid] ?? null;
