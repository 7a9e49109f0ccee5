import { describe, expect, test } from 'vitest';
import { borrowedAt, lendingTimesFor, loansFor, planLoan, wantsMore, type BudgetLoan, type LendingBeat } from '../../../domain/outbox/budget-lending';
import { TEAMS_TENANT_WINDOWS } from '../../../domain/outbox/rate-limit.policy';
import { seededRandom } from '../../support/cpr-samples';

const now = new Date('2026-12-05T12:00:00Z');
const at = (ms: number): Date => new Date(now.getTime() + ms);
const times = lendingTimesFor(TEAMS_TENANT_WINDOWS);
const alive = at(30_000).toISOString();
const wanting = (...workers: string[]): LendingBeat[] => workers.map((worker) => ({ worker, until: alive, note: { wants: true } }));
const lending = (worker: string, loan: BudgetLoan): LendingBeat => ({ worker, until: alive, note: { wants: false, loan } });
const held = (entries: Record<string, number>): Map<string, number> => new Map(Object.entries(entries));

describe('lending the tenant budget between outbox instances', () => {
  test('given Teams windows then a loan lasts 6 s, is looked at every second and used until 2 s before its end', () => {
    expect(times).toEqual({ refreshMs: 1_000, loanMs: 6_000, guardMs: 2_000 });
  });

  test('given a share of a third then more than 16 messages waiting is a want, 16 is not', () => {
    expect(wantsMore(17, 1 / 3, TEAMS_TENANT_WINDOWS)).toBe(true);
    expect(wantsMore(16, 1 / 3, TEAMS_TENANT_WINDOWS)).toBe(false);
    expect(wantsMore(2, 0, TEAMS_TENANT_WINDOWS)).toBe(true);
  });

  test('given two live instances wanting more then the share is split by the shards they hold, not given to itself, a dead or a content one', () => {
    const beats = [...wanting('a', 'b', 'self'), { worker: 'dead', until: at(-1).toISOString(), note: { wants: true } }, { worker: 'content', until: alive, note: { wants: false } }];
    const loan = planLoan({ self: 'self', share: 4 / 12, now, lastSlotAt: at(-500).getTime(), times, beats, shardsHeldBy: held({ a: 3, b: 1, dead: 4, content: 4 }) });
    // Usable once our last request has left the window, 2 s after it.
    expect(loan?.from).toBe(at(1_500).toISOString());
    expect(loan?.until).toBe(at(6_000).toISOString());
    expect(loan?.to['a']).toBeCloseTo(3 / 12);
    expect(loan?.to['b']).toBeCloseTo(1 / 12);
    expect(Object.keys(loan?.to ?? {}).sort()).toEqual(['a', 'b']);
  });

  test('given no one wanting, or nothing to lend, then there is no loan', () => {
    expect(planLoan({ self: 's', share: 1 / 3, now, times, beats: [{ worker: 'a', until: alive, note: { wants: false } }], shardsHeldBy: held({}) })).toBeUndefined();
    expect(planLoan({ self: 's', share: 0, now, times, beats: wanting('a'), shardsHeldBy: held({ a: 4 }) })).toBeUndefined();
  });

  test('given wanting instances holding no shard known then they get equal parts', () => {
    const loan = planLoan({ self: 's', share: 0.5, now, times, beats: wanting('a', 'b'), shardsHeldBy: held({}) });
    expect(loan?.to).toEqual({ a: 0.25, b: 0.25 });
  });

  test('given a loan not yet ended then a renewal keeps its split (a newcomer gets nothing), and none is made once one it names no longer wants', () => {
    const previous: BudgetLoan = { from: at(-2_000).toISOString(), until: at(3_000).toISOString(), to: { a: 1 / 6, c: 1 / 6 } };
    const renewed = planLoan({ self: 's', share: 1 / 3, now, times, beats: wanting('a', 'b', 'c'), shardsHeldBy: held({ a: 4, b: 4, c: 4 }), previous });
    expect(renewed).toEqual({ from: previous.from, until: at(6_000).toISOString(), to: { a: 1 / 6, c: 1 / 6 } });
    expect(planLoan({ self: 's', share: 1 / 3, now, times, beats: wanting('a', 'b'), shardsHeldBy: held({ a: 4, b: 4 }), previous })).toBeUndefined();
    // Once it has ended, a new split.
    const fresh = planLoan({ self: 's', share: 1 / 3, now: at(3_000), times, beats: wanting('a', 'b'), shardsHeldBy: held({ a: 4, b: 4 }), previous });
    expect(fresh).toEqual({ from: at(3_000).toISOString(), until: at(9_000).toISOString(), to: { a: 1 / 6, b: 1 / 6 } });
  });

  test('given loans from three lenders then a borrower uses only the parts named for it, each from its start until 2 s before its end', () => {
    const loan = (from: number, until: number, to: Record<string, number>): BudgetLoan => ({ from: at(from).toISOString(), until: at(until).toISOString(), to });
    const beats = [lending('x', loan(0, 6_000, { me: 0.25, other: 0.1 })), lending('y', loan(1_000, 4_000, { me: 0.1 })), lending('z', loan(-3_000, 1_500, { me: 0.3 })), lending('w', loan(0, 6_000, { other: 0.3 }))];
    const mine = loansFor({ self: 'me', now, times, beats });
    // z's loan is past its usable end (1.5 s - 2 s) already.
    expect(mine).toEqual([
      { part: 0.25, from: at(0).getTime(), until: at(4_000).getTime() },
      { part: 0.1, from: at(1_000).getTime(), until: at(2_000).getTime() },
    ]);
    expect(borrowedAt(mine, at(0).getTime())).toBeCloseTo(0.25);
    expect(borrowedAt(mine, at(1_000).getTime())).toBeCloseTo(0.35);
    expect(borrowedAt(mine, at(2_000).getTime())).toBeCloseTo(0.25);
    expect(borrowedAt(mine, at(4_000).getTime())).toBe(0);
  });

  test('given instances lending and borrowing at random with readers seeing old versions of the beats then the shares in use never exceed the whole', () => {
    const random = seededRandom(16);
    for (let trial = 0; trial < 200; trial++) {
      const names = ['a', 'b', 'c', 'd'].slice(0, 2 + Math.floor(random() * 3));
      // Each instance's shards (12 in all) and the history of its beat row.
      const cuts = [0, ...names.slice(1).map(() => Math.floor(random() * 13)).sort((p, q) => p - q), 12];
      const share = new Map(names.map((name, i) => [name, (cuts[i + 1]! - cuts[i]!) / 12]));
      const history = new Map<string, { writtenAt: number; beat: LendingBeat }[]>(names.map((name) => [name, [{ writtenAt: 0, beat: { worker: name, until: alive } }]]));
      const state = new Map(names.map((name) => [name, { lentUntil: 0, last: undefined as BudgetLoan | undefined }]));
      const stale = (name: string, t: number): LendingBeat[] =>
        names.map((other) => {
          const versions = history.get(other)!.filter((version) => version.writtenAt <= t);
          // Anything from the last three seconds may be what this reader last saw.
          const recent = versions.filter((version) => version.writtenAt >= t - 3_000);
          const pool = recent.length > 0 ? recent : versions.slice(-1);
          return name === other ? versions[versions.length - 1]!.beat : pool[Math.floor(random() * pool.length)]!.beat;
        });
      for (let t = 0; t <= 60_000; t += 250) {
        const clock = at(t);
        for (const name of names) {
          if (random() > 0.3) continue;
          const mine = state.get(name)!;
          const idle = random() < 0.5;
          const view = stale(name, t);
          const loan = idle ? planLoan({ self: name, share: share.get(name)!, now: clock, times, beats: view, shardsHeldBy: new Map(), ...(mine.last === undefined ? {} : { previous: mine.last }) }) : undefined;
          if (loan !== undefined) {
            mine.lentUntil = Math.max(mine.lentUntil, Date.parse(loan.until));
            mine.last = loan;
          }
          const note = loan !== undefined ? { wants: false, loan } : { wants: !idle && random() < 0.7 };
          history.get(name)!.push({ writtenAt: t, beat: { worker: name, until: alive, note } });
        }
        // Who may send now: an instance not bound by a loan of its own uses its share and what it borrowed (as its old view says).
        let inUse = 0;
        for (const name of names) {
          if (state.get(name)!.lentUntil > clock.getTime()) continue;
          inUse += share.get(name)! + borrowedAt(loansFor({ self: name, now: clock, times, beats: stale(name, t) }), clock.getTime());
        }
        expect(inUse).toBeLessThanOrEqual(1 + 1e-9);
      }
    }
  });
});
