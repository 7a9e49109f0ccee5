/**
 * A generated history of cases and action items with what happened to them, for the picture's tests
 * and benchmark. Each record keeps the raw facts (minutes to acknowledgement, …) so a test can work
 * out the answers itself instead of trusting the aggregates.
 */
import type { ActionItem } from '../../../domain/actions/action-item';
import type { Escalation, EscalationStep, Urgency } from '../../../domain/escalations/escalation';
import type { Forum } from '../../../domain/fora/forum';

export interface GeneratedCase {
  escalation: Escalation;
  history: EscalationStep[];
  reading?: { audience: number; readers: number };
  /** The raw facts, for independent answers. */
  facts: { month: string; ackMinutes?: number; autoBeforeAck: boolean; decisionMinutes?: number; autos: number; reached: Forum['level'] };
}

/** A small deterministic generator (mulberry32), so every run sees the same history. */
export function randomOf(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const CATEGORY_IDS = ['trend', 'problem', 'resources', 'cooperation', 'other'] as const;
const URGENCY_IDS: Urgency[] = ['low', 'normal', 'high'];

/** `months` months ending with `lastMonth` ("2026-06"), oldest first. */
export function monthsBack(lastMonth: string, months: number): string[] {
  const [y, m] = lastMonth.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let i = months - 1; i >= 0; i--) {
    const index = y * 12 + (m - 1) - i;
    out.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
/** Noon UTC on a day 1–28: the same month in UTC and in Copenhagen, so the test's months need no time zone. */
const instantIn = (random: () => number, month: string): Date => new Date(`${month}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}T12:00:00.000Z`);
const plus = (at: Date, minutes: number): string => new Date(at.getTime() + minutes * 60_000).toISOString();

export interface CaseOptions {
  random: () => number;
  months: readonly string[];
  count: number;
  /** Fora a case can start in; each must escalate somewhere. */
  origins: readonly Forum[];
  fora: ReadonlyMap<string, Forum>;
  areas: readonly string[];
  idPrefix?: string;
}

export function generateCases(o: CaseOptions): GeneratedCase[] {
  const out: GeneratedCase[] = [];
  for (let i = 0; i < o.count; i++) {
    const origin = pick(o.random, o.origins);
    const month = pick(o.random, o.months);
    const raisedAt = instantIn(o.random, month);
    const urgency = pick(o.random, URGENCY_IDS);
    const holder = origin.escalatesTo!;
    const path = [origin.id, holder];
    const person = { userId: `u${i % 17}`, displayName: 'SSP-konsulent' };
    const history: EscalationStep[] = [{ seq: 0, at: raisedAt.toISOString(), actor: person, action: 'raise', toState: 'raised', fromForumId: origin.id, toForumId: holder }];
    const step = (action: EscalationStep['action'], minutes: number, toState: EscalationStep['toState'], toForumId: string): void => {
      history.push({ seq: history.length, at: plus(raisedAt, minutes), action, toState, toForumId, ...(action === 'auto_escalate' ? {} : { actor: person }) });
    };
    let autos = 0;
    let autoBeforeAck = false;
    let ackMinutes: number | undefined;
    let decisionMinutes: number | undefined;
    let current = holder;
    const above = o.fora.get(holder)?.escalatesTo;
    if (above !== undefined && o.random() < 0.15) {
      step('auto_escalate', 60 * 24 * 6, 'raised', above);
      path.push(above);
      current = above;
      autos = 1;
      autoBeforeAck = true;
    }
    if (o.random() < 0.8) {
      ackMinutes = (autoBeforeAck ? 60 * 24 * 6 : 0) + 1 + Math.floor(o.random() * 60 * 24 * 8);
      step('acknowledge', ackMinutes, 'acknowledged', current);
      if (o.random() < 0.7) {
        decisionMinutes = ackMinutes + 1 + Math.floor(o.random() * 60 * 24 * 40);
        step('resolve', decisionMinutes, 'resolved', current);
      }
    }
    const last = history.at(-1)!;
    const escalation: Escalation = {
      id: `${o.idPrefix ?? 'case'}-${i}`,
      title: `Sag ${i}`,
      description: '',
      category: pick(o.random, CATEGORY_IDS),
      urgency,
      originForumId: origin.id,
      currentForumId: current,
      path,
      state: last.toState,
      raisedBy: person,
      raisedAt: raisedAt.toISOString(),
      updatedAt: last.at,
      stepCount: history.length,
      ...(origin.sensitive ? { sensitive: true } : {}),
    };
    const area = pick(o.random, o.areas);
    if (area !== '') escalation.area = area;
    const audience = 1 + Math.floor(o.random() * 5);
    const reading = decisionMinutes === undefined ? undefined : { audience, readers: Math.floor(o.random() * (audience + 1)) };
    const levels = path.map((id) => o.fora.get(id)!.level);
    const reached = levels.includes('strategic') ? 'strategic' : levels.includes('coordinating') ? 'coordinating' : 'executing';
    out.push({
      escalation,
      history,
      ...(reading === undefined ? {} : { reading }),
      facts: { month, autoBeforeAck, autos, reached, ...(ackMinutes === undefined ? {} : { ackMinutes }), ...(decisionMinutes === undefined ? {} : { decisionMinutes }) },
    });
  }
  return out;
}

export function generateItems(random: () => number, months: readonly string[], forumIds: readonly string[], count: number): ActionItem[] {
  const statuses: ActionItem['status'][] = ['open', 'started', 'blocked', 'done', 'done', 'done', 'cancelled'];
  return Array.from({ length: count }, (_, i) => {
    const created = instantIn(random, pick(random, months));
    const due = new Date(created.getTime() + (1 + Math.floor(random() * 60)) * 86_400_000).toISOString().slice(0, 10);
    const status = pick(random, statuses);
    const closed = new Date(created.getTime() + Math.floor(random() * 80) * 86_400_000);
    return {
      id: `item-${i}`,
      forumId: pick(random, forumIds),
      title: `Handling ${i}`,
      owner: { kind: 'member', userId: 'u1', displayName: 'Ejer' },
      dueDate: due,
      status,
      ...(status === 'done' || status === 'cancelled' ? { closedAt: closed.toISOString() } : {}),
      createdBy: 'u1',
      createdAt: created.toISOString(),
      updatedAt: created.toISOString(),
    };
  });
}
