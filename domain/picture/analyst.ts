import type { Forum } from '../fora/forum';
import type { ForumRepository, MemberRepository } from '../fora/forum.repository';
import { defaultPlanFora } from '../plan/plan.rules';

/**
 * Who writes the half-yearly picture's commentary, and for which Lokalråd. The Lokalråd is the
 * strategic forum just above the coordinating forum (Koordinationsgruppen → Lokalråd, the same
 * rule the action plan's defaults use); the analysts are those the fora file names, or else that
 * coordinating forum's chairs.
 */
export interface PictureDesk {
  /** The strategic forum the report is published to. */
  lokalraadId: string;
  /** The coordinating forum whose chair is the default analyst. */
  coordinatingId: string;
  /** Entra object ids, lower-case. */
  analystIds: string[];
  /** True when the fora file names the analysts; false when they are the chairs by default. */
  named: boolean;
}

/** The analysts the fora file names (every forum carries the municipality's list; any one will do, the union is safe). */
export const namedAnalysts = (fora: readonly Pick<Forum, 'analysts'>[]): string[] => [...new Set(fora.flatMap((f) => f.analysts ?? []).map((id) => id.toLowerCase()))];

/** The desk from the registry; undefined when there is no coordinating forum below a strategic one. */
export async function findPictureDesk(repos: { fora: Pick<ForumRepository, 'list'>; members: Pick<MemberRepository, 'listByForum'> }): Promise<PictureDesk | undefined> {
  const fora = await repos.fora.list();
  const pair = defaultPlanFora(fora);
  if (pair === undefined) return undefined;
  const named = namedAnalysts(fora);
  const analystIds = named.length > 0 ? named : (await repos.members.listByForum(pair.ownerForumId)).filter((m) => m.roles.includes('chair')).map((m) => m.userId.toLowerCase());
  return { lokalraadId: pair.steeringForumId, coordinatingId: pair.ownerForumId, analystIds, named: named.length > 0 };
}

export const isAnalyst = (desk: PictureDesk | undefined, userId: string): boolean => desk !== undefined && desk.analystIds.includes(userId.toLowerCase());
