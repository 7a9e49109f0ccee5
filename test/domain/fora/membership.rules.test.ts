import { describe, expect, it } from 'vitest';
import { canSeeMembers } from '../../../domain/fora/forum.rules';
import { applyMemberChange, changesNothing, orderRoles } from '../../../domain/fora/membership.rules';
import { aForum, aMember } from '../support/mothers';

const chair = aMember('chair', 'chair');
const secretary = aMember('sec', 'secretary', 'member');
const consultant = aMember('cons', 'consultant');
const roster = [chair, secretary, consultant];

describe('applyMemberChange', () => {
  it('given the chair adds a new person then the outcome has them after and no before', () => {
    const newcomer = aMember('new', 'member', 'consultant');
    const result = applyMemberChange(roster, chair, { kind: 'add', member: newcomer });
    expect(result).toEqual({ ok: true, after: newcomer, members: [...roster, newcomer] });
  });

  it('given roles in any order then they are kept in the product order, chair first', () => {
    const result = applyMemberChange(roster, chair, { kind: 'add', member: aMember('new', 'manager', 'chair') });
    expect(result.ok && result.after?.roles).toEqual(['chair', 'manager']);
    expect(orderRoles(['member', 'chair', 'member'])).toEqual(['chair', 'member']);
  });

  it.each([
    ['a secretary', secretary],
    ['a consultant', consultant],
    ['someone outside the forum', undefined],
  ])('given %s asks then refused with FORUM.NOT_CHAIR', (_who, actor) => {
    expect(applyMemberChange(roster, actor, { kind: 'remove', userId: 'cons' })).toEqual({ ok: false, code: 'FORUM.NOT_CHAIR' });
    expect(applyMemberChange(roster, actor, { kind: 'add', member: aMember('x', 'member') })).toEqual({ ok: false, code: 'FORUM.NOT_CHAIR' });
  });

  it('given someone already in the forum is added again then refused with MEMBER.ALREADY_MEMBER', () => {
    expect(applyMemberChange(roster, chair, { kind: 'add', member: aMember('cons', 'member') })).toMatchObject({ ok: false, code: 'MEMBER.ALREADY_MEMBER' });
  });

  it('given the chair removes a consultant then the list no longer has them and before is kept for the audit', () => {
    const result = applyMemberChange(roster, chair, { kind: 'remove', userId: 'cons' });
    expect(result).toEqual({ ok: true, before: consultant, members: [chair, secretary] });
  });

  it('given the only chair removes themself then refused with FORUM.LAST_CHAIR', () => {
    expect(applyMemberChange(roster, chair, { kind: 'remove', userId: 'chair' })).toEqual({ ok: false, code: 'FORUM.LAST_CHAIR' });
  });

  it('given the only chair gives up the chair role then refused with FORUM.LAST_CHAIR', () => {
    expect(applyMemberChange(roster, chair, { kind: 'setRoles', userId: 'chair', roles: ['member'] })).toEqual({ ok: false, code: 'FORUM.LAST_CHAIR' });
  });

  it('given two chairs then one of them may step down', () => {
    const two = [...roster, aMember('chair2', 'chair')];
    const result = applyMemberChange(two, chair, { kind: 'setRoles', userId: 'chair', roles: ['member'] });
    expect(result.ok).toBe(true);
  });

  it('given a role change then before and after carry the old and new roles', () => {
    const result = applyMemberChange(roster, chair, { kind: 'setRoles', userId: 'cons', roles: ['consultant', 'secretary'], expectedRoles: ['consultant'] });
    expect(result).toMatchObject({ ok: true, before: { roles: ['consultant'] }, after: { roles: ['secretary', 'consultant'] } });
  });

  it('given the card showed other roles than the current ones then refused with MEMBER.CHANGED_SINCE', () => {
    expect(applyMemberChange(roster, chair, { kind: 'setRoles', userId: 'sec', roles: ['member'], expectedRoles: ['member'] })).toMatchObject({
      ok: false,
      code: 'MEMBER.CHANGED_SINCE',
    });
  });

  it('given no roles then refused with MEMBER.NO_ROLE', () => {
    expect(applyMemberChange(roster, chair, { kind: 'setRoles', userId: 'cons', roles: [] })).toEqual({ ok: false, code: 'MEMBER.NO_ROLE' });
  });

  it('given a person who is not in the forum then remove and role change are refused with MEMBER.NOT_FOUND', () => {
    expect(applyMemberChange(roster, chair, { kind: 'remove', userId: 'ghost' })).toMatchObject({ ok: false, code: 'MEMBER.NOT_FOUND' });
    expect(applyMemberChange(roster, chair, { kind: 'setRoles', userId: 'ghost', roles: ['member'] })).toMatchObject({ ok: false, code: 'MEMBER.NOT_FOUND' });
  });

  it('given the same roles in another order then the change changes nothing', () => {
    const result = applyMemberChange(roster, chair, { kind: 'setRoles', userId: 'sec', roles: ['member', 'secretary'] });
    expect(result.ok && changesNothing(result)).toBe(true);
  });
});

describe('canSeeMembers', () => {
  it('given an ordinary forum then anyone sees its members', () => {
    expect(canSeeMembers(aForum(), undefined).ok).toBe(true);
  });

  it('given a sensitive forum then only its members see them', () => {
    const infohus = aForum({ id: 'infohus', sensitive: true });
    expect(canSeeMembers(infohus, aMember('u', 'consultant')).ok).toBe(true);
    expect(canSeeMembers(infohus, undefined)).toEqual({ ok: false, code: 'FORUM.SENSITIVE', context: { forumId: 'infohus' } });
  });
});
