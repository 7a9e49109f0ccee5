import type { Access } from '../../../bot/core/access';
import type { ForumWorld, Persona } from './matrix-world';

/**
 * What the declarations promise, worked out independently of the bot's code: may this persona pass
 * the gate of an entry point for this forum? (The handler may still refuse for a domain reason.)
 */
export function mayPass(access: Access<never>, persona: Persona, world: ForumWorld, forumNamed: boolean): boolean {
  const person = world.people[persona];
  const isMember = world.members.some((m) => m.aadObjectId === person.aadObjectId);
  const isChair = persona === 'chair';
  const isSecretary = persona === 'secretary';
  const seesForum = isMember || !world.forum.sensitive;
  switch (access.kind) {
    case 'anyone':
      return true;
    case 'admin':
      // No persona of the matrix is named in BOT_ADMINS.
      return false;
    case 'audit':
      return isChair;
    case 'analyst':
      // The world names no analyst: the chair of the coordinating forum below the strategic one that is
      // not sealed (the ordinary forum) is it; the sensitive forum's chair is not.
      return isChair && !world.forum.sensitive;
    case 'forum':
      if (!forumNamed) return access.optional === true;
      if (access.requirement === 'public') return seesForum;
      if (access.requirement === 'member') return isMember;
      if (access.requirement === 'editor') return isChair || isSecretary;
      return isChair;
    case 'item':
      return isMember;
    case 'circulation':
      return isMember || persona === 'consultant';
    case 'picture':
      // Every forum of the matrix is coordinating or strategic: whoever sits in one passes (the
      // forum's members, the manager in the strategic forum above, the sealed forum's member).
      return isMember || persona === 'managerAbove' || persona === 'nonMemberManagerAbove' || persona === 'sensitiveMember';
    case 'case':
      // The case was raised by the forum's chair and now lies in the forum above.
      return isMember || persona === 'managerAbove' || persona === 'nonMemberManagerAbove';
  }
}

/** Is the persona one of the sensitive forum's own members (who may see its sealed texts)? */
export const insideSeal = (persona: Persona, sensitive: ForumWorld): boolean =>
  sensitive.members.some((m) => m.aadObjectId === sensitive.people[persona].aadObjectId) || persona === 'sensitiveMember';

/** The sealed texts found in what a persona was shown. */
export const leaks = (shown: string, sealed: readonly string[]): string[] => sealed.filter((text) => text !== '' && shown.includes(text));
