import { describe, expect, it } from 'vitest';
import { ESCALATION_STATES } from '../../../domain/escalations/escalation';
import { newEscalation } from '../../../domain/escalations/escalation-raise';
import { canSeeCase, canSeeDescription, checkShareDescription, shareDescription } from '../../../domain/escalations/escalation-visibility';
import type { DomainError } from '../../../domain/shared/domain-error';
import { aMember, anEscalation, RAISER } from '../support/mothers';

const NOW = new Date('2026-02-03T09:30:00.000Z');
const infohusCase = anEscalation({ originForumId: 'infohus', path: ['infohus', 'lokalraad'], currentForumId: 'lokalraad', sensitive: true });
const lokalraadManager = { userId: 'mgr', forumIds: ['lokalraad'] };
const infohusMember = { userId: 'pet', forumIds: ['infohus'] };
const outsider = { userId: 'x', forumIds: ['ssp-netvaerk'] };

describe('sensitive fora (Infohus)', () => {
  it('given a case from Infohus then the forum above sees it exists and its title, not its description', () => {
    expect(canSeeCase(infohusCase, lokalraadManager).ok).toBe(true);
    expect(canSeeDescription(infohusCase, lokalraadManager)).toBe(false);
  });

  it('given a member of Infohus or the raiser then the description is visible', () => {
    expect(canSeeDescription(infohusCase, infohusMember)).toBe(true);
    expect(canSeeDescription(infohusCase, { userId: RAISER.userId, forumIds: [] })).toBe(true);
  });

  it('given someone outside every forum of the path then the case is refused with FORUM.SENSITIVE', () => {
    expect(canSeeCase(infohusCase, outsider)).toEqual({ ok: false, code: 'FORUM.SENSITIVE', context: { forumId: 'infohus' } });
    expect(canSeeDescription(infohusCase, outsider)).toBe(false);
  });

  it('given a member shares the description then the forum above sees it, and sharing twice is refused', () => {
    expect(checkShareDescription(infohusCase, true)).toEqual({ ok: true });
    const { escalation, step } = shareDescription(infohusCase, { userId: 'pet', displayName: 'PET' }, NOW);
    expect(canSeeDescription(escalation, lokalraadManager)).toBe(true);
    expect(step).toMatchObject({ action: 'share', seq: infohusCase.stepCount, fromState: 'raised', toState: 'raised' });
    expect(escalation.stepCount).toBe(infohusCase.stepCount + 1);
    expect(checkShareDescription(escalation, true)).toEqual({ ok: false, code: 'ESCALATION.ALREADY_SHARED' });
  });

  it.each(ESCALATION_STATES.map((state) => [state] as const))('given a sensitive case in state %s then sharing is allowed while open and refused with ESCALATION.CLOSED once closed', (state) => {
    const verdict = checkShareDescription({ ...infohusCase, state }, true);
    expect(verdict).toEqual(state === 'resolved' || state === 'returned' ? { ok: false, code: 'ESCALATION.CLOSED', context: { state } } : { ok: true });
  });

  it('given a manager above who is not an Infohus member then sharing is refused with FORUM.SENSITIVE', () => {
    expect(checkShareDescription(infohusCase, false)).toMatchObject({ ok: false, code: 'FORUM.SENSITIVE' });
  });

  it('given an ordinary case then members of every forum on its path see everything, outsiders nothing', () => {
    const ordinary = anEscalation();
    expect(canSeeDescription(ordinary, { userId: 'k', forumIds: ['koordinationsgruppen'] })).toBe(true);
    expect(canSeeCase(ordinary, { userId: 'x', forumIds: ['kredsraad'] })).toMatchObject({ ok: false, code: 'FORUM.NOT_MEMBER' });
    expect(checkShareDescription(ordinary, true)).toEqual({ ok: false, code: 'ESCALATION.NOT_SENSITIVE' });
  });
});

describe('raising a case', () => {
  const ssp = { id: 'ssp-netvaerk', escalatesTo: 'koordinationsgruppen', sensitive: false };
  const input = { title: 'Uro ved stationen', description: 'Tendens', originForumId: 'ssp-netvaerk', raisedBy: RAISER };

  it('given a member of SSP-netværk then the case is held one level up (never further), raised, with a first step', () => {
    const { escalation, firstStep } = newEscalation(input, ssp, aMember(RAISER.userId, 'consultant'), 'e9', NOW);
    expect(escalation).toMatchObject({ currentForumId: 'koordinationsgruppen', path: ['ssp-netvaerk', 'koordinationsgruppen'], state: 'raised', stepCount: 1, category: 'trend', urgency: 'normal' });
    expect(escalation).not.toHaveProperty('sensitive');
    expect(firstStep).toMatchObject({ seq: 0, action: 'raise', toForumId: 'koordinationsgruppen', actor: RAISER });
  });

  it.each([
    ['a CPR number in the description', { ...input, description: 'Drengen 010203-1234 ses ofte' }, ssp, true, 'INPUT.CPR_NUMBER'],
    ['a person outside the forum', input, ssp, false, 'FORUM.NOT_MEMBER'],
    ['the top of the chain', input, { id: 'kredsraad', sensitive: false }, true, 'ESCALATION.TOP_LEVEL'],
    ['an empty title', { ...input, title: '  ' }, ssp, true, 'INPUT.EMPTY'],
    ['a title over 200 characters', { ...input, title: 'x'.repeat(201) }, ssp, true, 'INPUT.TOO_LONG'],
  ] as const)('given %s then refused with %s', (_case, raise, origin, member, code) => {
    const membership = member ? aMember(RAISER.userId, 'member') : undefined;
    expect(() => newEscalation(raise, origin, membership, 'e9', NOW)).toThrow(expect.objectContaining({ code }) as DomainError);
  });

  it('given a case raised in a sensitive forum then it is marked sensitive', () => {
    expect(newEscalation({ ...input, originForumId: 'infohus' }, { id: 'infohus', escalatesTo: 'lokalraad', sensitive: true }, aMember(RAISER.userId, 'member'), 'e9', NOW).escalation.sensitive).toBe(true);
  });
});
