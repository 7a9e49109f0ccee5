import { allowed, refused, type Verdict } from '../shared/domain-error';
import { levelRank, type Forum, type Member, type Role } from './forum';

export const hasRole = (member: Member | undefined, ...roles: Role[]): boolean =>
  member !== undefined && member.roles.some((role) => roles.includes(role));

/** Linking a Teams channel to a forum is for its chair or secretary. */
export function canLinkChannel(member: Member | undefined): Verdict {
  return hasRole(member, 'chair', 'secretary') ? allowed : refused('FORUM.NOT_CHAIR_OR_SECRETARY');
}

/** Adding, removing and changing members is for the chair. */
export function canManageMembers(member: Member | undefined): Verdict {
  return hasRole(member, 'chair') ? allowed : refused('FORUM.NOT_CHAIR');
}

/** Schedules and agendas are kept by the chair or the secretary. */
export function canScheduleMeetings(member: Member | undefined): Verdict {
  return hasRole(member, 'chair', 'secretary') ? allowed : refused('FORUM.NOT_CHAIR_OR_SECRETARY');
}

/** Sensitive fora show their content only to their own members; others see only that they exist. */
export function canSeeContent(forum: Forum, member: Member | undefined): Verdict {
  if (member !== undefined) return allowed;
  return forum.sensitive ? refused('FORUM.SENSITIVE', { forumId: forum.id }) : refused('FORUM.NOT_MEMBER', { forumId: forum.id });
}

/** A forum must keep at least one chair, or nobody could manage it any more. */
export function keepsAChair(members: readonly Member[]): Verdict {
  return members.some((m) => m.roles.includes('chair')) ? allowed : refused('FORUM.LAST_CHAIR');
}

/**
 * Checks the escalation chain of a set of fora. A forum escalates to a forum on its own level or
 * the next one up (the strategic level has a local and a police-district tier: Lokalråd → Kredsråd),
 * never down, never past a level, never to itself, and the chain has no cycle.
 */
export function chainProblems(fora: readonly Pick<Forum, 'id' | 'name' | 'level' | 'escalatesTo'>[]): string[] {
  const byId = new Map(fora.map((f) => [f.id, f]));
  const problems: string[] = [];
  for (const forum of fora) {
    if (forum.escalatesTo === undefined) continue;
    const target = byId.get(forum.escalatesTo);
    if (target === undefined) {
      problems.push(`${forum.name}: escalatesTo "${forum.escalatesTo}" is not a forum in the file`);
      continue;
    }
    const step = levelRank(target.level) - levelRank(forum.level);
    if (target.id === forum.id) problems.push(`${forum.name}: escalates to itself`);
    else if (step < 0) problems.push(`${forum.name}: escalates down to ${target.name} (${target.level})`);
    else if (step > 1) problems.push(`${forum.name}: skips a level to ${target.name} (${target.level})`);
  }
  for (const start of fora) {
    const seen = new Set<string>();
    let current: (typeof fora)[number] | undefined = start;
    while (current?.escalatesTo !== undefined) {
      if (seen.has(current.id)) {
        problems.push(`${start.name}: the chain returns to ${current.name} (a cycle)`);
        break;
      }
      seen.add(current.id);
      current = byId.get(current.escalatesTo);
    }
  }
  return problems;
}

/** The fora that escalate to the given one, directly or further down the chain. */
export function foraBelow<F extends Pick<Forum, 'id' | 'escalatesTo'>>(fora: readonly F[], forumId: string): F[] {
  const below: F[] = [];
  const frontier = [forumId];
  while (frontier.length > 0) {
    const current = frontier.pop();
    for (const f of fora) {
      if (f.escalatesTo === current && !below.includes(f)) {
        below.push(f);
        frontier.push(f.id);
      }
    }
  }
  return below;
}
