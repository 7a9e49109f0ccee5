import { describe, expect, it } from 'vitest';
import { applyActionChange, type ActionChange, type ChangeContext } from '../../../domain/actions/action-item.changes';
import { aMember, anActionItem } from '../support/mothers';

const now = new Date('2026-03-05T09:00:00.000Z');
const asOwner: ChangeContext = { actorId: 'owner', actor: aMember('owner', 'member'), todayLocal: '2026-03-05', now };
const asChair: ChangeContext = { actorId: 'chair', actor: aMember('chair', 'chair'), todayLocal: '2026-03-05', now };
const asOther: ChangeContext = { actorId: 'x', actor: aMember('x', 'consultant'), todayLocal: '2026-03-05', now };

const apply = (change: ActionChange, ctx: ChangeContext, over = {}) => applyActionChange(anActionItem(over), change, ctx);

describe('applyActionChange: status', () => {
  it('given the owner marks it started then status started and updatedAt is now', () => {
    const result = apply({ kind: 'status', to: 'started' }, asOwner);
    expect(result).toMatchObject({ ok: true, item: { status: 'started', updatedAt: now.toISOString() } });
  });

  it('given blocked with a reason then the reason is kept; moving on clears it', () => {
    const blocked = apply({ kind: 'status', to: 'blocked', reason: '  Venter på skolen ' }, asOwner);
    expect(blocked).toMatchObject({ ok: true, item: { status: 'blocked', blockedReason: 'Venter på skolen' } });
    if (!blocked.ok) return;
    const started = applyActionChange(blocked.item, { kind: 'status', to: 'started' }, asOwner);
    expect(started.ok && started.item.blockedReason).toBe(undefined);
  });

  it('given a blocked reason with a CPR number then refused with INPUT.CPR_NUMBER', () => {
    expect(apply({ kind: 'status', to: 'blocked', reason: 'Drengen 010203-1234' }, asOwner)).toMatchObject({ ok: false, code: 'INPUT.CPR_NUMBER' });
  });

  it('given done then closedAt is set, and reopening clears it', () => {
    const done = apply({ kind: 'status', to: 'done' }, asOwner);
    expect(done).toMatchObject({ ok: true, item: { status: 'done', closedAt: now.toISOString() } });
    if (!done.ok) return;
    const reopened = applyActionChange(done.item, { kind: 'status', to: 'open' }, asChair);
    expect(reopened.ok && reopened.item.closedAt).toBe(undefined);
  });

  it('given the owner cancels then refused: cancelling is for the chair or secretary', () => {
    expect(apply({ kind: 'status', to: 'cancelled' }, asOwner)).toMatchObject({ ok: false, code: 'FORUM.NOT_CHAIR_OR_SECRETARY' });
    expect(apply({ kind: 'status', to: 'cancelled' }, asChair).ok).toBe(true);
  });

  it('given another member then refused with ACTION.NOT_OWNER_OR_CHAIR', () => {
    expect(apply({ kind: 'status', to: 'done' }, asOther)).toMatchObject({ ok: false, code: 'ACTION.NOT_OWNER_OR_CHAIR' });
  });
});

describe('applyActionChange: due dates', () => {
  it('given the owner proposes a later date then it is a proposal, the due date stays', () => {
    expect(apply({ kind: 'proposeDueDate', date: '2026-04-01' }, asOwner)).toMatchObject({ ok: true, item: { dueDate: '2026-03-10', proposedDueDate: '2026-04-01' } });
  });

  it('given a proposal in the past then refused with ACTION.DUE_IN_PAST', () => {
    expect(apply({ kind: 'proposeDueDate', date: '2026-03-04' }, asOwner)).toMatchObject({ ok: false, code: 'ACTION.DUE_IN_PAST' });
  });

  it('given the chair accepts the proposal then the due date moves and the proposal is gone', () => {
    const result = apply({ kind: 'acceptProposal' }, asChair, { proposedDueDate: '2026-04-01' });
    expect(result.ok && [result.item.dueDate, result.item.proposedDueDate]).toEqual(['2026-04-01', undefined]);
  });

  it('given the chair rejects the proposal then the due date stays and the proposal is gone', () => {
    const result = apply({ kind: 'rejectProposal' }, asChair, { proposedDueDate: '2026-04-01' });
    expect(result.ok && [result.item.dueDate, result.item.proposedDueDate]).toEqual(['2026-03-10', undefined]);
  });

  it('given the owner tries to accept their own proposal then refused', () => {
    expect(apply({ kind: 'acceptProposal' }, asOwner, { proposedDueDate: '2026-04-01' })).toMatchObject({ ok: false, code: 'FORUM.NOT_CHAIR_OR_SECRETARY' });
  });

  it('given no proposal then accepting is refused with ACTION.NO_PROPOSAL', () => {
    expect(apply({ kind: 'acceptProposal' }, asChair)).toMatchObject({ ok: false, code: 'ACTION.NO_PROPOSAL' });
  });

  it('given the chair carries an item over twice then the due date moves and the count is 2', () => {
    const once = apply({ kind: 'carryOver', date: '2026-04-14' }, asChair);
    if (!once.ok) throw new Error('expected ok');
    const twice = applyActionChange(once.item, { kind: 'carryOver', date: '2026-05-12' }, asChair);
    expect(twice).toMatchObject({ ok: true, item: { dueDate: '2026-05-12', carriedOver: 2 } });
  });

  it('given a done item then a new due date is refused with ACTION.NOT_OPEN', () => {
    expect(apply({ kind: 'setDueDate', date: '2026-04-14' }, asChair, { status: 'done' })).toMatchObject({ ok: false, code: 'ACTION.NOT_OPEN' });
  });
});

describe('applyActionChange: escalation link', () => {
  it('given an item already escalated then a second link is refused with ACTION.ALREADY_ESCALATED', () => {
    expect(apply({ kind: 'linkEscalation', escalationId: 'e2' }, asChair, { escalationId: 'e1' })).toMatchObject({ ok: false, code: 'ACTION.ALREADY_ESCALATED' });
  });

  it('given the owner (no chair) then linking is refused', () => {
    expect(apply({ kind: 'linkEscalation', escalationId: 'e1' }, asOwner).ok).toBe(false);
  });
});
