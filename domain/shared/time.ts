import { z } from 'zod';

/** An instant as an ISO 8601 string in UTC (`2026-01-13T08:00:00.000Z`). */
export const Instant = z.iso.datetime({ offset: true });
export type Instant = z.infer<typeof Instant>;

/** A calendar date without time (`2026-01-13`), read in the municipality's time zone. */
export const LocalDate = z.iso.date();
export type LocalDate = z.infer<typeof LocalDate>;

/** Where "now" comes from, so rules and tests can fix the clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
