import { describe, expect, it } from 'vitest';
import { escalationForActionItem } from '../../../domain/actions/action-escalation';
import { Escalation, EscalationStep } from '../../../domain/escalations/escalation';
import { aForum, anActionItem } from '../support/mothers';

const chair = { userId: 'chair', displayName: 'Formand' };
const now = new Date('2026-03-05T09:00:00.000Z');

describe('escalationForActionItem', () => {
  it('given an open item in a forum with a forum above then a raised case held one level up, linked to the item, with its first step', () => {
    const forum = aForum({ id: 'ssp-netvaerk', escalatesTo: 'koordinationsgruppen' });
    const draft = escalationForActionItem(anActionItem({ id: 'a1' }), forum, chair, 'Vi mangler ressourcer', now, 'e1');
    if (!draft.ok) throw new Error(draft.code);
    expect(Escalation.parse(draft.escalation)).toMatchObject({
      id: 'e1',
      originForumId: 'ssp-netvaerk',
      currentForumId: 'koordinationsgruppen',
      path: ['ssp-netvaerk', 'koordinationsgruppen'],
      state: 'raised',
      actionItemId: 'a1',
      stepCount: 1,
    });
    expect(EscalationStep.parse(draft.firstStep)).toMatchObject({ seq: 0, action: 'raise', fromForumId: 'ssp-netvaerk', toForumId: 'koordinationsgruppen', note: 'Vi mangler ressourcer' });
  });

  it('given the top forum then refused with ESCALATION.TOP_LEVEL', () => {
    expect(escalationForActionItem(anActionItem(), aForum({ escalatesTo: undefined }), chair, '', now, 'e1')).toMatchObject({ ok: false, code: 'ESCALATION.TOP_LEVEL' });
  });

  it('given an item already escalated or done then refused', () => {
    const forum = aForum({ escalatesTo: 'kg' });
    expect(escalationForActionItem(anActionItem({ escalationId: 'e0' }), forum, chair, '', now, 'e1')).toMatchObject({ ok: false, code: 'ACTION.ALREADY_ESCALATED' });
    expect(escalationForActionItem(anActionItem({ status: 'done' }), forum, chair, '', now, 'e1')).toMatchObject({ ok: false, code: 'ACTION.NOT_OPEN' });
  });
});

describe('the seal of a sensitive forum', () => {
  it('given an item in a sensitive forum then the case it is lifted into is sensitive too', () => {
    const forum = aForum({ id: 'infohus', sensitive: true, escalatesTo: 'lokalraad' });
    const draft = escalationForActionItem(anActionItem({ id: 'a1', forumId: 'infohus' }), forum, chair, 'Oplysninger fra efterretningstjenesten', now, 'e1');
    if (!draft.ok) throw new Error(draft.code);
    expect(draft.escalation.sensitive).toBe(true);
  });

  it('given an item in an ordinary forum then the case is not marked sensitive', () => {
    const draft = escalationForActionItem(anActionItem(), aForum({ escalatesTo: 'koordinationsgruppen' }), chair, '', now, 'e1');
    if (!draft.ok) throw new Error(draft.code);
    expect(draft.escalation.sensitive).toBeUndefined();
  });
});
