import { allowed, refused, type Verdict } from '../shared/domain-error';
import { CLOSED_STATES, type Escalation, type EscalationStep, type Person } from './escalation';

/**
 * Who sees what of a case. A case from a sensitive forum (Infohus) is for that forum's members:
 * the fora above see that it exists and its title, never its description, unless a member of the
 * origin forum has shared it. Other cases are visible to everyone in the fora they passed through.
 */
export interface Viewer {
  userId: string;
  /** The ids of the fora the viewer is a member of. */
  forumIds: readonly string[];
}

/** May the viewer see the case at all (title, state, history)? */
export function canSeeCase(escalation: Escalation, viewer: Viewer): Verdict {
  if (viewer.userId === escalation.raisedBy.userId) return allowed;
  if (escalation.path.some((forumId) => viewer.forumIds.includes(forumId))) return allowed;
  return escalation.sensitive === true ? refused('FORUM.SENSITIVE', { forumId: escalation.originForumId }) : refused('FORUM.NOT_MEMBER', { forumId: escalation.currentForumId });
}

/** May the viewer read the description (and the notes written in the sensitive forum)? */
export function canSeeDescription(escalation: Escalation, viewer: Viewer): boolean {
  if (escalation.sensitive !== true || escalation.descriptionShared === true) return canSeeCase(escalation, viewer).ok;
  return viewer.userId === escalation.raisedBy.userId || viewer.forumIds.includes(escalation.originForumId);
}

/**
 * Who sits in a sensitive forum is its own business: a viewer who may not read a sensitive case's
 * description does not learn the names of the people from that forum either (who raised it, who
 * answered, who read the decision) — the case says "a member of …" instead.
 */
export const seesSealedNames = (escalation: Escalation, viewer: Viewer): boolean => escalation.sensitive !== true || canSeeDescription(escalation, viewer);

/** Sharing the description of a sensitive case is for members of the forum it came from. */
export function checkShareDescription(escalation: Escalation, sharerIsOriginMember: boolean): Verdict {
  if (CLOSED_STATES.includes(escalation.state)) return refused('ESCALATION.CLOSED', { state: escalation.state });
  if (escalation.sensitive !== true) return refused('ESCALATION.NOT_SENSITIVE');
  if (escalation.descriptionShared === true) return refused('ESCALATION.ALREADY_SHARED');
  if (!sharerIsOriginMember) return refused('FORUM.SENSITIVE', { forumId: escalation.originForumId });
  return allowed;
}

/** The case with its description shown to the fora above, and the history step that records it. */
export function shareDescription(escalation: Escalation, actor: Person, now: Date): { escalation: Escalation; step: EscalationStep } {
  const at = now.toISOString();
  const step: EscalationStep = {
    seq: escalation.stepCount,
    at,
    actor,
    action: 'share',
    fromState: escalation.state,
    toState: escalation.state,
    fromForumId: escalation.currentForumId,
    toForumId: escalation.currentForumId,
  };
  return { escalation: { ...escalation, descriptionShared: true, stepCount: escalation.stepCount + 1 }, step };
}

/**
 * The area of a sensitive case stays with the origin forum even when the description is shared:
 * a place and a date together can point at one young person.
 */
export const seesArea = (escalation: Escalation, viewer: Viewer): boolean =>
  escalation.sensitive !== true ? canSeeCase(escalation, viewer).ok : viewer.userId === escalation.raisedBy.userId || viewer.forumIds.includes(escalation.originForumId);
