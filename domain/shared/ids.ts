import { z } from 'zod';
import { TEXT_MALFORMED, wellFormed } from './guarded-text';

/** Entra (Azure AD) object id of a person, as Teams gives it in `from.aadObjectId`. */
export const UserId = z.string().trim().min(1).max(128).refine(wellFormed, TEXT_MALFORMED);
export type UserId = z.infer<typeof UserId>;

/** Our own identifiers: readable slugs for seeded fora, UUIDs for everything created at run time. */
export const EntityId = z.string().trim().min(1).max(200).refine(wellFormed, TEXT_MALFORMED);
export type EntityId = z.infer<typeof EntityId>;

export const newId = (): string => crypto.randomUUID();

/** A readable, stable id from a Danish name: "SSP-NU u18" → "ssp-nu-u18", "Ishøj" → "ishoej". */
export function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.length > 0 ? slug : 'forum';
}
