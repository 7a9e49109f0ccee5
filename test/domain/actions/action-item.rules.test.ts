import { describe, expect, it } from 'vitest';
import { ACTION_STATUSES, type ActionStatus } from '../../../domain/actions/action-item';
import { canChangeActionItem, canMoveStatus, isOpen, isOverdue } from '../../../domain/actions/action-item.rules';
import { aMember, anActionItem } from '../support/mothers';

describe('canChangeActionItem', () => {
  const item = anActionItem({ owner: { kind: 'member', userId: 'owner', displayName: 'Ejer' } });

  it('given the owner, even without a forum role, then allowed', () => {
    expect(canChangeActionItem(item, 'owner', undefined).ok).toBe(true);
  });

  it('given the chair then allowed', () => {
    expect(canChangeActionItem(item, 'c', aMember('c', 'chair')).ok).toBe(true);
  });

  it('given the secretary then allowed', () => {
    expect(canChangeActionItem(item, 's', aMember('s', 'secretary')).ok).toBe(true);
  });

  it.each([['member'], ['consultant'], ['manager']] as const)('given another %s then refused with ACTION.NOT_OWNER_OR_CHAIR', (role) => {
    expect(canChangeActionItem(item, 'x', aMember('x', role))).toEqual({ ok: false, code: 'ACTION.NOT_OWNER_OR_CHAIR' });
  });

  it('given someone outside the forum then refused', () => {
    expect(canChangeActionItem(item, 'x', undefined).ok).toBe(false);
  });

  it('given an external owner then nobody passes as owner by id; only chair or secretary may change it', () => {
    const external = anActionItem({ owner: { kind: 'external', displayName: 'Boligselskabet', email: 'kontakt@example.dk' } });
    expect(canChangeActionItem(external, 'kontakt@example.dk', aMember('kontakt@example.dk', 'member')).ok).toBe(false);
    expect(canChangeActionItem(external, 's', aMember('s', 'secretary')).ok).toBe(true);
  });
});

// Expected moves, written out: from → the statuses it may move to.
const ALLOWED: Record<ActionStatus, ActionStatus[]> = {
  open: ['started', 'blocked', 'done', 'cancelled'],
  started: ['open', 'blocked', 'done', 'cancelled'],
  blocked: ['open', 'started', 'done', 'cancelled'],
  done: ['open'],
  cancelled: ['open'],
};

const MOVES = ACTION_STATUSES.flatMap((from) => ACTION_STATUSES.map((to) => [from, to, ALLOWED[from].includes(to)] as const));

describe('canMoveStatus, every pair', () => {
  it('given the table then it covers all 25 pairs', () => {
    expect(MOVES).toHaveLength(25);
  });

  it.each(MOVES)('given %s → %s then allowed=%s', (from, to, ok) => {
    const verdict = canMoveStatus(from, to, 'Venter på politiet');
    if (ok) expect(verdict).toEqual({ ok: true });
    else expect(verdict).toEqual({ ok: false, code: 'ACTION.BAD_STATUS_CHANGE', context: { from, to } });
  });
});

describe('blocked needs a reason', () => {
  it.each([[undefined], [''], ['   ']])('given reason %j then refused with ACTION.BLOCKED_NEEDS_REASON', (reason) => {
    expect(canMoveStatus('started', 'blocked', reason)).toEqual({ ok: false, code: 'ACTION.BLOCKED_NEEDS_REASON' });
  });

  it('given a reason then open → blocked is allowed', () => {
    expect(canMoveStatus('open', 'blocked', 'Afventer data fra skolerne').ok).toBe(true);
  });

  it('given no reason but a move elsewhere than blocked then no reason is asked', () => {
    expect(canMoveStatus('blocked', 'started').ok).toBe(true);
  });
});

describe('isOpen and isOverdue', () => {
  it.each([
    ['open', true],
    ['started', true],
    ['blocked', true],
    ['done', false],
    ['cancelled', false],
  ] as const)('given status %s then open=%s', (status, open) => {
    expect(isOpen({ status })).toBe(open);
  });

  it('given an open item due yesterday then overdue', () => {
    expect(isOverdue({ status: 'open', dueDate: '2026-03-09' }, '2026-03-10')).toBe(true);
  });

  it('given an open item due today then not overdue yet', () => {
    expect(isOverdue({ status: 'started', dueDate: '2026-03-10' }, '2026-03-10')).toBe(false);
  });

  it('given a blocked item due last year then overdue (string dates compare across months and years)', () => {
    expect(isOverdue({ status: 'blocked', dueDate: '2025-12-31' }, '2026-01-01')).toBe(true);
  });

  it.each([['done'], ['cancelled']] as const)('given a %s item long past its due date then not overdue', (status) => {
    expect(isOverdue({ status, dueDate: '2020-01-01' }, '2026-03-10')).toBe(false);
  });
});
