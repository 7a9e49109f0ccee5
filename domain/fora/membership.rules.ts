import { allowed, refused, type Verdict } from '../shared/domain-error';
import { ROLES, type Member, type Role } from './forum';
import { canManageMembers, keepsAChair } from './forum.rules';

/** One change to a forum's members, as a chair asks for it from a card. */
export type MemberChange =
  | { kind: 'add'; member: Member }
  | { kind: 'remove'; userId: string }
  /** `expectedRoles`: the roles the chair saw on the card; a change made by someone since then wins over a stale card. */
  | { kind: 'setRoles'; userId: string; roles: Role[]; expectedRoles?: Role[] };

/** What a change does: the member before and after (absent when added or removed) and the new list. */
export interface MemberChangeOutcome {
  before?: Member;
  after?: Member;
  members: Member[];
}

type Refusal = Extract<Verdict, { ok: false }>;
export type MemberChangeResult = ({ ok: true } & MemberChangeOutcome) | Refusal;

const refusal = (code: string, context?: Record<string, unknown>): Refusal => (context === undefined ? { ok: false, code } : { ok: false, code, context });

/** Roles in the order the product shows them (chair first), without duplicates. */
export const orderRoles = (roles: readonly Role[]): Role[] => ROLES.filter((role) => roles.includes(role));

const sameRoles = (a: readonly Role[], b: readonly Role[]): boolean => orderRoles(a).join(',') === orderRoles(b).join(',');

/**
 * Applies one change to the current members, if the actor may make it: only a chair manages
 * members, and the forum always keeps a chair. Pure: the caller writes the outcome.
 */
export function applyMemberChange(members: readonly Member[], actor: Member | undefined, change: MemberChange): MemberChangeResult {
  const permission = canManageMembers(actor);
  if (!permission.ok) return permission;
  const userId = change.kind === 'add' ? change.member.userId : change.userId;
  const before = members.find((m) => m.userId === userId);

  let after: Member | undefined;
  if (change.kind === 'add') {
    if (before !== undefined) return refusal('MEMBER.ALREADY_MEMBER', { name: before.displayName });
    after = { ...change.member, roles: orderRoles(change.member.roles) };
  } else if (before === undefined) {
    return refusal('MEMBER.NOT_FOUND', { userId });
  } else if (change.kind === 'setRoles') {
    if (change.expectedRoles !== undefined && !sameRoles(change.expectedRoles, before.roles)) return refusal('MEMBER.CHANGED_SINCE', { name: before.displayName });
    after = { ...before, roles: orderRoles(change.roles) };
  }
  const rolesCheck = after === undefined ? allowed : validRoles(after.roles);
  if (!rolesCheck.ok) return rolesCheck;

  const next = members.filter((m) => m.userId !== userId).concat(after === undefined ? [] : [after]);
  const chair = keepsAChair(next);
  if (!chair.ok) return chair;
  return { ok: true, members: next, ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) };
}

/** A member has at least one role. */
export function validRoles(roles: readonly Role[]): Verdict {
  return roles.length > 0 ? allowed : refused('MEMBER.NO_ROLE');
}

/** A setRoles that changes nothing needs no write and no audit row. */
export const changesNothing = (outcome: MemberChangeOutcome): boolean =>
  outcome.before !== undefined && outcome.after !== undefined && sameRoles(outcome.before.roles, outcome.after.roles);
