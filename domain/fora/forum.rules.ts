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

/**
 * Who sits in a forum: open to everyone for ordinary fora (people need to know whom to ask), only
 * to its own members for sensitive fora such as Infohus.
 */
export function canSeeMembers(forum: Pick<Forum, 'id' | 'sensitive'>, viewer: Member | undefined): Verdict {
  return !forum.sensitive || viewer !== undefined ? allowed : refused('FORUM.SENSITIVE', { forumId: forum.id });
}

/** A forum must keep at least one chair, or nobody could manage it any more. */
export function keepsAChair(members: readonly Member[]): Verdict {
  return members.some((m) => m.roles.includes('chair')) ? allowed : refused('FORUM.LAST_CHAIR');
}

export type ChainIssueCode = 'CHAIN.UNKNOWN_TARGET' | 'CHAIN.SELF' | 'CHAIN.DOWN' | 'CHAIN.SKIPS_LEVEL' | 'CHAIN.CYCLE';

/** One problem in an escalation chain, on the forum whose `escalatesTo` causes it. */
export interface ChainIssue {
  code: ChainIssueCode;
  forumId: string;
  /** The forum escalated to (absent for cycles). */
  targetId?: string;
  /** For cycles: the ids around the cycle, starting at `forumId`. */
  cycle?: string[];
}

type ChainForum = Pick<Forum, 'id' | 'name' | 'level' | 'escalatesTo'>;

/**
 * Checks the escalation chain of a set of fora. A forum escalates to a forum on its own level or
 * the next one up (the strategic level has a local and a police-district tier: Lokalråd → Kredsråd),
 * never down, never past a level, never to itself, and the chain has no cycle. Each cycle is
 * reported once, on its member that comes first; fora that merely lead into a cycle are not.
 */
export function chainIssues(fora: readonly ChainForum[]): ChainIssue[] {
  const byId = new Map<string, ChainForum>();
  for (const f of fora) if (!byId.has(f.id)) byId.set(f.id, f);
  const issues: ChainIssue[] = [];
  for (const forum of fora) {
    if (forum.escalatesTo === undefined) continue;
    const target = byId.get(forum.escalatesTo);
    const step = target === undefined ? 0 : levelRank(target.level) - levelRank(forum.level);
    if (target === undefined) issues.push({ code: 'CHAIN.UNKNOWN_TARGET', forumId: forum.id, targetId: forum.escalatesTo });
    else if (target.id === forum.id) issues.push({ code: 'CHAIN.SELF', forumId: forum.id, targetId: target.id });
    else if (step < 0) issues.push({ code: 'CHAIN.DOWN', forumId: forum.id, targetId: target.id });
    else if (step > 1) issues.push({ code: 'CHAIN.SKIPS_LEVEL', forumId: forum.id, targetId: target.id });
  }
  // Walk each chain once; a walk that meets its own trail has found a cycle.
  const done = new Set<string>();
  for (const start of fora) {
    const trail: string[] = [];
    let current: ChainForum | undefined = start;
    while (current !== undefined && !done.has(current.id)) {
      const at = trail.indexOf(current.id);
      if (at >= 0) {
        const cycle = trail.slice(at);
        if (cycle.length > 1) {
          const order = (id: string) => fora.findIndex((f) => f.id === id);
          const first = cycle.reduce((a, b) => (order(b) < order(a) ? b : a));
          const rotated = [...cycle.slice(cycle.indexOf(first)), ...cycle.slice(0, cycle.indexOf(first))];
          issues.push({ code: 'CHAIN.CYCLE', forumId: first, cycle: rotated });
        }
        break;
      }
      trail.push(current.id);
      current = current.escalatesTo === undefined ? undefined : byId.get(current.escalatesTo);
    }
    for (const id of trail) done.add(id);
  }
  return issues;
}

/** The chain problems as one English line each (for logs and developer tools). */
export function chainProblems(fora: readonly ChainForum[]): string[] {
  const byId = new Map(fora.map((f) => [f.id, f]));
  const name = (id: string | undefined): string => (id === undefined ? '' : (byId.get(id)?.name ?? id));
  const level = (id: string | undefined): string => (id === undefined ? '' : (byId.get(id)?.level ?? ''));
  return chainIssues(fora).map((issue) => {
    const forum = name(issue.forumId);
    switch (issue.code) {
      case 'CHAIN.UNKNOWN_TARGET':
        return `${forum}: escalatesTo "${issue.targetId}" is not a forum in the file`;
      case 'CHAIN.SELF':
        return `${forum}: escalates to itself`;
      case 'CHAIN.DOWN':
        return `${forum}: escalates down to ${name(issue.targetId)} (${level(issue.targetId)})`;
      case 'CHAIN.SKIPS_LEVEL':
        return `${forum}: skips a level to ${name(issue.targetId)} (${level(issue.targetId)})`;
      case 'CHAIN.CYCLE':
        return `${forum}: the chain returns to ${forum} (a cycle: ${(issue.cycle ?? []).map(name).join(' → ')})`;
    }
  });
}

/** The fora that escalate to the given one, directly or further down the chain. */
export function foraBelow<F extends Pick<Forum, 'id' | 'escalatesTo'>>(fora: readonly F[], forumId: string): F[] {
  const below: F[] = [];
  const frontier = [forumId];
  while (frontier.length > 0) {
    const current = frontier.pop();
    for (const f of fora) {
      // The id check keeps a forum out of its own list if a (bad) chain loops back to it.
      if (f.escalatesTo === current && f.id !== forumId && !below.includes(f)) {
        below.push(f);
        frontier.push(f.id);
      }
    }
  }
  return below;
}
