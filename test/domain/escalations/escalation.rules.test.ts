import { describe, expect, it } from 'vitest';
import { ESCALATION_ACTIONS, ESCALATION_STATES, type EscalationAction, type EscalationState } from '../../../domain/escalations/escalation';
import { applyEscalationAction, checkEscalationAction, type EscalationContext } from '../../../domain/escalations/escalation.rules';
import type { Role } from '../../../domain/fora/forum';
import { aMember, anEscalation, RAISER } from '../support/mothers';

const NOW = new Date('2026-02-03T09:30:00.000Z');
const MANAGER = { userId: 'mgr', displayName: 'Leder' };
const KOORDINATION = { id: 'koordinationsgruppen', escalatesTo: 'lokalraad' };

/** The one who may take each action: the raiser answers, the system escalates on a deadline, managers do the rest. */
function rightActor(action: EscalationAction): Pick<EscalationContext, 'actor' | 'actorMembership'> {
  if (action === 'answer') return { actor: RAISER };
  if (action === 'auto_escalate') return {};
  return { actor: MANAGER, actorMembership: aMember(MANAGER.userId, 'manager') };
}

const ctxFor = (action: EscalationAction, overrides: Partial<EscalationContext> = {}): EscalationContext => ({
  holdingForum: KOORDINATION,
  now: NOW,
  note: 'Drøftet på mødet',
  ...rightActor(action),
  ...overrides,
});

type Expected = 'ok' | 'ESCALATION.NOT_NOW' | 'ESCALATION.CLOSED';
const ok = 'ok' as const;
const no = 'ESCALATION.NOT_NOW' as const;
const closed = 'ESCALATION.CLOSED' as const;

// The state machine, written out by hand: every state × every action.
const EXPECTED: Record<EscalationState, Record<EscalationAction, Expected>> = {
  raised: { acknowledge: ok, ask: ok, answer: no, put_on_agenda: no, resolve: no, escalate: ok, return: no, auto_escalate: ok },
  acknowledged: { acknowledge: no, ask: ok, answer: no, put_on_agenda: ok, resolve: ok, escalate: ok, return: ok, auto_escalate: no },
  awaiting_answer: { acknowledge: no, ask: no, answer: ok, put_on_agenda: no, resolve: no, escalate: no, return: no, auto_escalate: no },
  on_agenda: { acknowledge: no, ask: ok, answer: no, put_on_agenda: no, resolve: ok, escalate: ok, return: ok, auto_escalate: no },
  resolved: { acknowledge: closed, ask: closed, answer: closed, put_on_agenda: closed, resolve: closed, escalate: closed, return: closed, auto_escalate: closed },
  returned: { acknowledge: closed, ask: closed, answer: closed, put_on_agenda: closed, resolve: closed, escalate: closed, return: closed, auto_escalate: closed },
};

const NEXT_STATE: Record<EscalationAction, EscalationState> = {
  acknowledge: 'acknowledged',
  ask: 'awaiting_answer',
  answer: 'acknowledged',
  put_on_agenda: 'on_agenda',
  resolve: 'resolved',
  escalate: 'raised',
  return: 'returned',
  auto_escalate: 'raised',
};

const PAIRS = ESCALATION_STATES.flatMap((state) => ESCALATION_ACTIONS.map((action) => [state, action, EXPECTED[state][action]] as const));

describe('escalation state machine: every state × action', () => {
  it('given the tables then they cover all states and actions (6 × 8)', () => {
    expect(PAIRS).toHaveLength(ESCALATION_STATES.length * ESCALATION_ACTIONS.length);
    expect(PAIRS).toHaveLength(48);
  });

  it.each(PAIRS)('given state %s and action %s then %s', (state, action, expected) => {
    const escalation = anEscalation({ state });
    const verdict = checkEscalationAction(escalation, action, ctxFor(action));
    const result = applyEscalationAction(escalation, action, ctxFor(action));
    if (expected === 'ok') {
      expect(verdict).toEqual({ ok: true });
      expect(result.ok && result.escalation.state).toBe(NEXT_STATE[action]);
    } else {
      expect(verdict).toMatchObject({ ok: false, code: expected });
      expect(result).toMatchObject({ ok: false, code: expected });
    }
  });
});

describe('who may act', () => {
  const raised = anEscalation({ state: 'raised' });

  it.each([
    ['manager', true],
    ['chair', true],
    ['secretary', false],
    ['member', false],
    ['consultant', false],
  ] as [Role, boolean][])('given a %s of the holding forum acknowledging then allowed=%s', (role, allowed) => {
    const verdict = checkEscalationAction(raised, 'acknowledge', ctxFor('acknowledge', { actor: MANAGER, actorMembership: aMember('mgr', role) }));
    expect(verdict).toEqual(allowed ? { ok: true } : { ok: false, code: 'ESCALATION.NOT_MANAGER' });
  });

  it('given someone outside the holding forum then refused with ESCALATION.NOT_MANAGER', () => {
    expect(checkEscalationAction(raised, 'escalate', ctxFor('escalate', { actorMembership: undefined }))).toEqual({ ok: false, code: 'ESCALATION.NOT_MANAGER' });
  });

  it('given the raiser answering a question then allowed, and anyone else (even a manager) refused with ESCALATION.NOT_RAISER', () => {
    const waiting = anEscalation({ state: 'awaiting_answer' });
    expect(checkEscalationAction(waiting, 'answer', ctxFor('answer')).ok).toBe(true);
    expect(checkEscalationAction(waiting, 'answer', ctxFor('answer', { actor: MANAGER, actorMembership: aMember('mgr', 'manager') }))).toEqual({
      ok: false,
      code: 'ESCALATION.NOT_RAISER',
    });
  });

  it('given a person (even a manager) trying auto_escalate then refused with ESCALATION.SYSTEM_ONLY', () => {
    expect(checkEscalationAction(raised, 'auto_escalate', ctxFor('auto_escalate', { actor: MANAGER, actorMembership: aMember('mgr', 'manager') }))).toEqual({
      ok: false,
      code: 'ESCALATION.SYSTEM_ONLY',
    });
  });

  it('given the system (no actor) taking a manager action then refused with ESCALATION.NOT_MANAGER', () => {
    expect(checkEscalationAction(raised, 'acknowledge', { holdingForum: KOORDINATION, now: NOW })).toEqual({ ok: false, code: 'ESCALATION.NOT_MANAGER' });
  });

  it('given a forum that does not hold the case then refused with ESCALATION.NOT_HOLDING_FORUM', () => {
    const ctx = ctxFor('acknowledge', { holdingForum: { id: 'lokalraad', escalatesTo: 'kredsraad' } });
    expect(checkEscalationAction(raised, 'acknowledge', ctx)).toEqual({ ok: false, code: 'ESCALATION.NOT_HOLDING_FORUM' });
  });
});

describe('top level', () => {
  const atTop = anEscalation({ currentForumId: 'kredsraad', path: ['ssp-netvaerk', 'koordinationsgruppen', 'lokalraad', 'kredsraad'] });
  const KREDSRAAD = { id: 'kredsraad' };

  it.each([['escalate'], ['auto_escalate']] as const)('given a case at the top of the chain then %s is refused with ESCALATION.TOP_LEVEL', (action) => {
    expect(checkEscalationAction(atTop, action, ctxFor(action, { holdingForum: KREDSRAAD }))).toEqual({ ok: false, code: 'ESCALATION.TOP_LEVEL' });
  });

  it('given a case at the top then it can still be acknowledged', () => {
    expect(checkEscalationAction(atTop, 'acknowledge', ctxFor('acknowledge', { holdingForum: KREDSRAAD })).ok).toBe(true);
  });
});

describe('notes', () => {
  it.each([['ask'], ['answer'], ['resolve'], ['escalate'], ['return']] as const)('given %s with a blank note then refused with ESCALATION.NOTE_REQUIRED', (action) => {
    const state: EscalationState = action === 'answer' ? 'awaiting_answer' : 'acknowledged';
    expect(checkEscalationAction(anEscalation({ state }), action, ctxFor(action, { note: '  ' }))).toEqual({
      ok: false,
      code: 'ESCALATION.NOTE_REQUIRED',
      context: { action },
    });
  });

  it.each([['acknowledge', 'raised'], ['put_on_agenda', 'acknowledged'], ['auto_escalate', 'raised']] as const)(
    'given %s without a note then allowed',
    (action, state) => {
      expect(checkEscalationAction(anEscalation({ state }), action, ctxFor(action, { note: undefined })).ok).toBe(true);
    },
  );
});

describe('transitions and history', () => {
  it('given an escalate in Koordinationsgruppen then the case moves to Lokalråd, raised again, with the path extended', () => {
    const result = applyEscalationAction(anEscalation({ state: 'acknowledged' }), 'escalate', ctxFor('escalate', { note: 'Kræver beslutning' }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.escalation).toMatchObject({
      state: 'raised',
      currentForumId: 'lokalraad',
      path: ['ssp-netvaerk', 'koordinationsgruppen', 'lokalraad'],
      stepCount: 3,
      updatedAt: NOW.toISOString(),
    });
    expect(result.step).toEqual({
      seq: 2,
      at: NOW.toISOString(),
      action: 'escalate',
      fromState: 'acknowledged',
      toState: 'raised',
      fromForumId: 'koordinationsgruppen',
      toForumId: 'lokalraad',
      actor: MANAGER,
      note: 'Kræver beslutning',
    });
  });

  it('given a return in Lokalråd then the case goes to the forum below it in the path, closed with the decision', () => {
    const inLokalraad = anEscalation({ state: 'on_agenda', currentForumId: 'lokalraad', path: ['ssp-netvaerk', 'koordinationsgruppen', 'lokalraad'], stepCount: 5 });
    const result = applyEscalationAction(inLokalraad, 'return', ctxFor('return', { holdingForum: { id: 'lokalraad', escalatesTo: 'kredsraad' }, note: 'Løses lokalt' }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.escalation).toMatchObject({ state: 'returned', currentForumId: 'koordinationsgruppen', decision: 'Løses lokalt', stepCount: 6 });
    expect(result.step).toMatchObject({ seq: 5, action: 'return', fromForumId: 'lokalraad', toForumId: 'koordinationsgruppen', toState: 'returned' });
  });

  it('given a case held where it was raised (path of one) then return is refused with ESCALATION.NOTHING_BELOW', () => {
    const atOrigin = anEscalation({ state: 'acknowledged', originForumId: 'koordinationsgruppen', path: ['koordinationsgruppen'] });
    expect(checkEscalationAction(atOrigin, 'return', ctxFor('return'))).toEqual({ ok: false, code: 'ESCALATION.NOTHING_BELOW' });
  });

  it('given a resolve then the decision is kept and the case stays in its forum', () => {
    const result = applyEscalationAction(anEscalation({ state: 'acknowledged' }), 'resolve', ctxFor('resolve', { note: 'Ekstra gadeplansindsats i uge 10' }));
    expect(result).toMatchObject({ ok: true, escalation: { state: 'resolved', currentForumId: 'koordinationsgruppen', decision: 'Ekstra gadeplansindsats i uge 10' } });
  });

  it('given an automatic escalation then the history step has no actor', () => {
    const result = applyEscalationAction(anEscalation(), 'auto_escalate', ctxFor('auto_escalate', { note: undefined }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.step).not.toHaveProperty('actor');
    expect(result.step).not.toHaveProperty('note');
    expect(result.step).toMatchObject({ action: 'auto_escalate', fromForumId: 'koordinationsgruppen', toForumId: 'lokalraad' });
  });

  it('given an ask then answer then the case is acknowledged again and no decision is recorded', () => {
    const asked = applyEscalationAction(anEscalation(), 'ask', ctxFor('ask', { note: 'Hvor mange unge?' }));
    if (!asked.ok) throw new Error(asked.code);
    const answered = applyEscalationAction(asked.escalation, 'answer', ctxFor('answer', { note: 'Omkring 15' }));
    expect(answered).toMatchObject({ ok: true, escalation: { state: 'acknowledged', stepCount: 4 }, step: { seq: 3, actor: RAISER, note: 'Omkring 15' } });
    if (answered.ok) expect(answered.escalation).not.toHaveProperty('decision');
  });

  it('given an action then the case passed in is left unchanged', () => {
    const before = anEscalation({ state: 'acknowledged' });
    const copy = structuredClone(before);
    applyEscalationAction(before, 'escalate', ctxFor('escalate'));
    expect(before).toEqual(copy);
  });
});

describe('closed cases', () => {
  it.each([['resolved'], ['returned']] as const)('given a %s case then every action is refused with ESCALATION.CLOSED, before any other check', (state) => {
    const closedCase = anEscalation({ state });
    for (const action of ESCALATION_ACTIONS) {
      // Wrong forum and no actor: the closed state is still what is reported.
      expect(checkEscalationAction(closedCase, action, { holdingForum: { id: 'elsewhere' }, now: NOW })).toEqual({ ok: false, code: 'ESCALATION.CLOSED', context: { state } });
    }
  });
});
