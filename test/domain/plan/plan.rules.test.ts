import { describe, expect, it } from 'vitest';
import type { Forum, Member } from '../../../domain/fora/forum';
import { Initiative } from '../../../domain/plan/initiative';
import { initiativeFieldsFrom } from '../../../domain/plan/initiative-form';
import { organisationOf } from '../../../domain/plan/organisation';
import { FieldsRefused } from '../../../domain/shared/field-problems';
import { PlanRecord, type PlanContent } from '../../../domain/plan/plan';
import {
  afterInitiativeChange,
  approve,
  byFocusArea,
  canApprovePlan,
  canEditPlan,
  checkPlanFora,
  checkStatusChange,
  defaultPlanFora,
  inPublishedPlan,
  lastAdjusted,
  publishedInitiatives,
  reminderDueIn,
  sendBack,
  sendForApproval,
  visibleTo,
} from '../../../domain/plan/plan.rules';
import { initiative2017, PLAN_2017 } from './plan-2017';

const forum = (id: string, level: Forum['level'], extra: Partial<Forum> = {}): Forum => ({ id, name: id, level, sensitive: false, ...extra });
const FORA = [forum('lokalraad', 'strategic'), forum('koordinationsgruppen', 'coordinating', { escalatesTo: 'lokalraad' }), forum('infohus', 'coordinating', { sensitive: true, escalatesTo: 'lokalraad' }), forum('ssp-netvaerk', 'executing', { escalatesTo: 'koordinationsgruppen' })];
const member = (...roles: Member['roles']): Member => ({ userId: 'u', displayName: 'U', roles });
const record = (extra: Partial<PlanRecord> = {}): PlanRecord => PlanRecord.parse({ ownerForumId: 'koordinationsgruppen', steeringForumId: 'lokalraad', ...extra });
const content = (initiatives = [initiative2017(0), initiative2017(3)]): PlanContent => ({ basis: 'Grundlag', strategy: 'Strategi', organisation: [], initiatives });
const AT = new Date('2026-03-01T10:00:00Z');

describe('which initiatives the published plan holds', () => {
  it('given running and planned initiatives within their time frame then they are in; on hold and ended are left out', () => {
    const frame = { fromYear: 2026, toYear: 2027 };
    expect(inPublishedPlan({ ...frame, status: 'running' }, 2026)).toBe(true);
    expect(inPublishedPlan({ ...frame, status: 'planned' }, 2026)).toBe(true);
    expect(inPublishedPlan({ ...frame, status: 'on_hold' }, 2026)).toBe(false);
    expect(inPublishedPlan({ ...frame, status: 'ended' }, 2026)).toBe(false);
  });

  it('given a time frame that has ended then the initiative leaves the plan whatever its status', () => {
    expect(inPublishedPlan({ fromYear: 2017, toYear: 2021, status: 'running' }, 2021)).toBe(true);
    expect(inPublishedPlan({ fromYear: 2017, toYear: 2021, status: 'running' }, 2022)).toBe(false);
    expect(inPublishedPlan({ fromYear: 2017, toYear: 2021, status: 'planned' }, 2022)).toBe(false);
  });

  it('given a planned initiative starting next year then it is in; a running one that has not started yet is not', () => {
    expect(inPublishedPlan({ fromYear: 2027, toYear: 2028, status: 'planned' }, 2026)).toBe(true);
    expect(inPublishedPlan({ fromYear: 2027, toYear: 2028, status: 'running' }, 2026)).toBe(false);
  });

  it('given a status put on hold and back to running then the published plan drops and re-adds it, the version untouched', () => {
    const version = { number: 1, content: content(), sentAt: AT.toISOString(), sentBy: 'a', approvedAt: AT.toISOString(), approvedBy: 'b' };
    const frozen = structuredClone(version);
    const onHold = new Map([['i3', initiative2017(3, { status: 'on_hold' })]]);
    expect(publishedInitiatives(version, onHold, 2017).map((i) => i.id)).toEqual(['i0']);
    const running = new Map([['i3', initiative2017(3, { status: 'running' })]]);
    expect(publishedInitiatives(version, running, 2017).map((i) => i.id)).toEqual(['i0', 'i3']);
    expect(version).toEqual(frozen);
  });

  it('given the 2017 initiatives then they group by focus area in Danish order', () => {
    const groups = byFocusArea(PLAN_2017.map((_, i) => initiative2017(i)));
    expect(groups.map((g) => g.focusArea)).toEqual(['Proaktiv kriminalitetsforebyggelse', 'Tryg by']);
    expect(groups[1]?.initiatives.map((i) => i.project)[0]).toBe('Antiradikalisering - Kompetenceudvikling hos nøglepersoner');
  });

  it('given an initiative of a sealed forum then only its members see it, unless it is public', () => {
    const fora = new Map(FORA.map((f) => [f.id, f]));
    const sealed = { forumId: 'infohus', public: false };
    expect(visibleTo(sealed, fora, new Set(['koordinationsgruppen']))).toBe(false);
    expect(visibleTo(sealed, fora, 'everyone')).toBe(false);
    expect(visibleTo(sealed, fora, new Set(['infohus']))).toBe(true);
    expect(visibleTo({ ...sealed, public: true }, fora, 'everyone')).toBe(true);
    expect(visibleTo({ forumId: 'koordinationsgruppen', public: false }, fora, 'everyone')).toBe(true);
  });
});

describe('an initiative as typed', () => {
  it('given a time frame ending before it starts then refused at the end year', () => {
    const result = Initiative.safeParse({ ...initiative2017(0), fromYear: 2018, toYear: 2017 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['toYear']);
  });

  it('given a CPR number in the purpose then refused', () => {
    expect(Initiative.safeParse({ ...initiative2017(0), purpose: 'Opfølgning på 010190-1234' }).success).toBe(false);
  });

  it('given a status change to the same status then refused', () => {
    expect(checkStatusChange('running', 'running')).toEqual({ ok: false, code: 'PLAN.STATUS_UNCHANGED', context: { status: 'running' } });
    expect(checkStatusChange('running', 'on_hold')).toEqual({ ok: true });
  });
});

describe('the approval round', () => {
  it('given a draft sent, sent back with a comment, sent again and approved then version 1 holds what was sent', () => {
    const sent = sendForApproval(record(), content(), 'consultant', AT);
    expect(sent.state).toBe('sent');
    expect(() => sendForApproval(sent, content(), 'consultant', AT)).toThrow('PLAN.ALREADY_SENT');
    const back = sendBack(sent, 'Mangler strategi', AT);
    expect(back).toMatchObject({ state: 'draft', sentBackComment: 'Mangler strategi' });
    expect(back.pending).toBeUndefined();
    expect(() => approve(back, 'chair', AT)).toThrow('PLAN.NOT_SENT');
    const again = sendForApproval(back, content([initiative2017(0)]), 'consultant', AT);
    expect(again.sentBackComment).toBeUndefined();
    const { record: approved, version } = approve(again, 'chair', new Date('2026-03-02T10:00:00Z'));
    expect(version).toMatchObject({ number: 1, sentBy: 'consultant', approvedBy: 'chair', approvedAt: '2026-03-02T10:00:00.000Z' });
    expect(version.content.initiatives.map((i) => i.id)).toEqual(['i0']);
    expect(approved).toMatchObject({ state: 'approved', approvedVersion: 1, adjustments: [], addedSinceApproval: [] });
    expect(lastAdjusted(approved, version)).toBe('2026-03-02T10:00:00.000Z');
  });

  it('given an approved plan when an initiative changes status then the plan is adjusted without a new approval', () => {
    const approved = record({ state: 'approved', approvedVersion: 1 });
    const later = new Date('2026-05-01T08:00:00Z');
    const next = afterInitiativeChange(approved, initiative2017(3), initiative2017(3, { status: 'on_hold' }), later);
    expect(next.state).toBe('approved');
    expect(next.adjustments).toEqual([{ at: later.toISOString(), initiativeId: 'i3', project: PLAN_2017[3]?.project, from: 'running', to: 'on_hold' }]);
    expect(lastAdjusted(next, undefined)).toBe(later.toISOString());
  });

  it('given an approved plan when an initiative is added then it needs a new approval; its own status changes are no adjustment', () => {
    const approved = record({ state: 'approved', approvedVersion: 1 });
    const added = afterInitiativeChange(approved, undefined, initiative2017(5), AT);
    expect(added).toMatchObject({ state: 'draft', addedSinceApproval: ['i5'] });
    expect(afterInitiativeChange(added, initiative2017(5), initiative2017(5, { status: 'on_hold' }), AT).adjustments).toEqual([]);
  });

  it('given no approved version yet then changes leave the plan as it is', () => {
    const draft = record();
    expect(afterInitiativeChange(draft, undefined, initiative2017(0), AT)).toBe(draft);
  });
});

describe('who writes and approves', () => {
  it('given the roles then consultants and the chair edit, only the chair approves', () => {
    expect(canEditPlan(member('consultant')).ok).toBe(true);
    expect(canEditPlan(member('chair')).ok).toBe(true);
    expect(canEditPlan(member('member', 'secretary'))).toEqual({ ok: false, code: 'PLAN.NOT_CHAIR_OR_CONSULTANT' });
    expect(canEditPlan(undefined).ok).toBe(false);
    expect(canApprovePlan(member('chair')).ok).toBe(true);
    expect(canApprovePlan(member('manager')).ok).toBe(false);
  });

  it('given the steering group\'s setting then its chair approves, or any of its members, never someone outside it', () => {
    expect(PlanRecord.parse({ ownerForumId: 'kg', steeringForumId: 'lr' }).approvers).toBe('chair');
    expect(canApprovePlan(member('member'), 'chair')).toEqual({ ok: false, code: 'PLAN.APPROVER_CHAIR_ONLY' });
    expect(canApprovePlan(member('chair'), 'chair').ok).toBe(true);
    expect(canApprovePlan(member('member'), 'members').ok).toBe(true);
    expect(canApprovePlan(member('manager'), 'members').ok).toBe(true);
    expect(canApprovePlan(undefined, 'members')).toEqual({ ok: false, code: 'FORUM.NOT_MEMBER' });
    expect(canApprovePlan(undefined, 'chair').ok).toBe(false);
  });

  it('given Ishøj\'s registry then the coordinating forum below the steering group owns the plan by default', () => {
    expect(defaultPlanFora(FORA)).toEqual({ ownerForumId: 'koordinationsgruppen', steeringForumId: 'lokalraad' });
    expect(defaultPlanFora([forum('lokalraad', 'strategic')])).toBeUndefined();
  });

  it('given settings naming a non-strategic steering group then refused at that field', () => {
    const fora = new Map(FORA.map((f) => [f.id, f]));
    expect(checkPlanFora(fora, 'koordinationsgruppen', 'lokalraad').ok).toBe(true);
    expect(checkPlanFora(fora, 'koordinationsgruppen', 'ssp-netvaerk')).toEqual({ ok: false, code: 'PLAN.STEERING_NOT_STRATEGIC', context: { field: 'steeringForumId' } });
    expect(checkPlanFora(fora, 'nowhere', 'lokalraad')).toMatchObject({ ok: false, code: 'PLAN.OWNER_UNKNOWN' });
  });

  it('given the reminder month then due only in that month', () => {
    expect(reminderDueIn({ reminderMonth: 9 }, { year: 2026, month: 9 })).toBe(2026);
    expect(reminderDueIn({ reminderMonth: 9 }, { year: 2026, month: 10 })).toBeUndefined();
  });
});

describe('the organisation section', () => {
  it('given the registry then fora by level from the top with members and roles; a sealed forum shows no members', () => {
    const members = new Map<string, Member[]>([
      ['koordinationsgruppen', [{ userId: 'a', displayName: 'Anne', roles: ['chair'] }]],
      ['infohus', [{ userId: 'b', displayName: 'Bo', roles: ['member'] }]],
    ]);
    const org = organisationOf(FORA, members);
    expect(org.map((l) => l.level)).toEqual(['strategic', 'coordinating', 'executing']);
    expect(org[1]?.fora.map((f) => [f.name, f.escalatesTo, f.members])).toEqual([
      ['infohus', 'lokalraad', []],
      ['koordinationsgruppen', 'lokalraad', [{ name: 'Anne', roles: ['chair'] }]],
    ]);
  });

  it('given a forum renamed in the registry then the section follows', () => {
    const renamed = FORA.map((f) => (f.id === 'lokalraad' ? { ...f, name: 'Styregruppen' } : f));
    const org = organisationOf(renamed, new Map());
    expect(org[0]?.fora[0]?.name).toBe('Styregruppen');
    expect(org[1]?.fora.every((f) => f.escalatesTo === 'Styregruppen')).toBe(true);
  });
});

describe('the initiative form', () => {
  const typed = { focusArea: 'Tryg by', project: 'Politikadet', purpose: 'Forebyggelse', fromYear: '2026', toYear: '2027', targetGroup: '12-14-årige', ageFrom: '12', ageTo: '14', area: '', contactName: '', forumId: 'koordinationsgruppen', status: 'planned', public: 'false' };

  it('given what the card sends then years and ages become numbers and blanks are left out', () => {
    expect(initiativeFieldsFrom(typed)).toEqual({ focusArea: 'Tryg by', project: 'Politikadet', purpose: 'Forebyggelse', fromYear: 2026, toYear: 2027, targetGroup: '12-14-årige', ages: { from: 12, to: 14 }, forumId: 'koordinationsgruppen', status: 'planned', public: false });
  });

  it('given several mistakes then each is refused beside its field at once', () => {
    try {
      initiativeFieldsFrom({ ...typed, project: '  ', fromYear: '2028', purpose: 'CPR 010190-1234', ageTo: '' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FieldsRefused);
      expect((error as FieldsRefused).fields).toEqual({
        project: { code: 'FIELD.REQUIRED' },
        purpose: { code: 'INPUT.CPR_NUMBER' },
        toYear: { code: 'PLAN.YEAR_ORDER' },
        ageTo: { code: 'PLAN.AGE_BOTH' },
      });
    }
  });
});
