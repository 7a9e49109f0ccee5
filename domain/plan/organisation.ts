import { z } from 'zod';
import { LEVELS, Level, Role, type Forum, type Member } from '../fora/forum';

/** One forum as the plan's organisation section shows it. Sensitive fora show no members. */
export const OrganisationForum = z.object({
  id: z.string(),
  name: z.string(),
  level: Level,
  escalatesTo: z.string().optional(),
  sensitive: z.boolean(),
  members: z.array(z.object({ name: z.string(), roles: z.array(Role) })),
});
export type OrganisationForum = z.infer<typeof OrganisationForum>;

/** The organisation, top of the chain first: strategic, coordinating, executing. */
export const Organisation = z.array(z.object({ level: Level, fora: z.array(OrganisationForum) }));
export type Organisation = z.infer<typeof Organisation>;

/**
 * The organisation section, generated from the fora registry and the chain, never typed again: a
 * change in the registry shows in the next draft. Members of a sealed forum (Infohus) are left out,
 * since the plan is published beyond it; that the forum exists and where it sits is not secret.
 */
export function organisationOf(fora: readonly Forum[], membersOf: ReadonlyMap<string, readonly Member[]>): Organisation {
  const names = new Map(fora.map((f) => [f.id, f.name]));
  return [...LEVELS].reverse().flatMap((level) => {
    const here = fora
      .filter((f) => f.level === level)
      .sort((a, b) => a.name.localeCompare(b.name, 'da'))
      .map((f) => {
        const above = f.escalatesTo === undefined ? undefined : names.get(f.escalatesTo);
        const members = f.sensitive ? [] : (membersOf.get(f.id) ?? []).map((m) => ({ name: m.displayName, roles: [...m.roles] })).sort((a, b) => a.name.localeCompare(b.name, 'da'));
        return { id: f.id, name: f.name, level, ...(above === undefined ? {} : { escalatesTo: above }), sensitive: f.sensitive, members };
      });
    return here.length === 0 ? [] : [{ level, fora: here }];
  });
}
