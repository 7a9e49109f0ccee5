import { describe, expect, it } from 'vitest';
import { floatingOf, fromFloating, localParts, toFloating, toFloatingFromIntl, zonedInstant } from '../../../domain/meetings/zoned-time';

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

describe('offsets kept per minute', () => {
  it.each(['Europe/Copenhagen', 'Australia/Lord_Howe', 'America/St_Johns', 'Asia/Kathmandu', 'UTC'])(
    'given %s then every 7 minutes around its 2026 transitions toFloating equals Intl read afresh (twice: kept and new)',
    (zone) => {
      const instants: number[] = [];
      for (const day of ['2026-03-29', '2026-04-05', '2026-10-04', '2026-10-25', '2026-11-01', '2026-03-08', '2026-11-08']) {
        const from = Date.parse(`${day}T00:00:00Z`) - 36 * 3_600_000;
        for (let t = from; t < from + 72 * 3_600_000; t += 7 * 60_000 + 1_234) instants.push(t);
      }
      for (let pass = 0; pass < 2; pass++) {
        for (const t of instants) expect(toFloating(new Date(t), zone).getTime()).toBe(toFloatingFromIntl(new Date(t), zone).getTime());
      }
    },
  );
});

