import { describe, expect, it } from 'vitest';
import { floatingOf, fromFloating, localParts, zonedInstant } from '../../../domain/meetings/zoned-time';

const CPH = 'Europe/Copenhagen';

describe('zoned time (Europe/Copenhagen)', () => {
  it('given 09:00 local in winter and summer then the instants are 08:00Z and 07:00Z', () => {
    expect(zonedInstant('2026-01-13', '09:00', CPH).toISOString()).toBe('2026-01-13T08:00:00.000Z');
    expect(zonedInstant('2026-07-14', '09:00', CPH).toISOString()).toBe('2026-07-14T07:00:00.000Z');
  });

  it('given 02:30 on the last Sunday of March (skipped) then it is read as 03:30 summer time', () => {
    expect(zonedInstant('2026-03-29', '02:30', CPH).toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('given 02:30 on the last Sunday of October (twice) then the first, summer-time one is meant', () => {
    expect(fromFloating(floatingOf('2026-10-25', '02:30'), CPH).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('given an instant then localParts gives the local date and time', () => {
    expect(localParts(new Date('2026-10-24T22:30:00Z'), CPH)).toEqual({ date: '2026-10-25', time: '00:30' });
  });
});
