/**
 * How a proactive message finds a person, in this order:
 * 1. their stored 1:1 chat with the bot;
 * 2. a 1:1 chat the bot opens (`POST /v3/conversations`), which Teams allows for people the app is
 *    installed for or who are in a team the app is in: from a person seen in a turn, or from a
 *    team roster;
 * 3. installing the app for them through Microsoft Graph (when configured);
 * 4. otherwise: not reachable, with the reason.
 */
export type ReachRoute =
  | { via: 'chat' }
  | { via: 'open'; teamsId: string; tenantId: string; serviceUrl: string; from: 'turn' | 'roster' }
  | { via: 'install'; tenantId: string }
  | { via: 'none'; reason: NotReachableReason };

/** Why a person cannot be reached yet; each has a Danish explanation and a remedy at the edge. */
export const NOT_REACHABLE_REASONS = ['NoApp', 'InstallNotAllowed', 'UserNotFound', 'Blocked'] as const;
export type NotReachableReason = (typeof NOT_REACHABLE_REASONS)[number];

export interface ReachFacts {
  hasChat: boolean;
  seen?: { teamsId: string; tenantId: string; serviceUrl: string };
  roster?: { teamsId: string; tenantId: string; serviceUrl: string };
  /** Graph installation configured (and the tenant known). */
  install?: { tenantId: string };
}

export function chooseRoute(facts: ReachFacts): ReachRoute {
  if (facts.hasChat) return { via: 'chat' };
  // The roster is refreshed and pruned; a person seen in a turn may have left the team since.
  if (facts.roster !== undefined) return { via: 'open', ...facts.roster, from: 'roster' };
  if (facts.seen !== undefined) return { via: 'open', ...facts.seen, from: 'turn' };
  if (facts.install !== undefined) return { via: 'install', tenantId: facts.install.tenantId };
  return { via: 'none', reason: 'NoApp' };
}

/** After Teams refused to open a chat (the app is not there for them): install, if we may. */
export function afterOpenRefused(facts: Pick<ReachFacts, 'install'>): ReachRoute {
  return facts.install === undefined ? { via: 'none', reason: 'NoApp' } : { via: 'install', tenantId: facts.install.tenantId };
}
