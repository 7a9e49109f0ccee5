import { z } from 'zod';
import { GuardedText } from '../shared/guarded-text';
import { UserId } from '../shared/ids';
import { Area, Forum, ForumName, Level, MAX_ANALYSTS, MAX_AREAS, Member } from './forum';

/**
 * The data file a municipality's fora are loaded from (`data/fora/ishoej.json`). Objects are strict:
 * a misspelt key (`escalatesto`) is an error rather than a silently ignored field.
 */

/** Ids in a file are readable slugs ("ssp-nu-u18"): lower-case letters, digits, single hyphens. */
export const ForumSlug = GuardedText.min(1)
  .max(100)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Skal være små bogstaver a-z, cifre og enkelte bindestreger, fx "ssp-nu-u18"');

/** A person with roles in the forum; optional, since real Entra ids are rarely known up front. */
export const ForaFileMember = z.strictObject(Member.shape);
export type ForaFileMember = z.infer<typeof ForaFileMember>;

export const MAX_FORA_PER_FILE = 500;
export const MAX_MEMBERS_PER_FORUM = 200;

export const ForaFileForum = z.strictObject({
  id: ForumSlug,
  name: ForumName,
  level: Level,
  /** The id of the forum one step up the chain; absent at the top or for a forum outside it. */
  escalatesTo: ForumSlug.optional(),
  /** Who sits in the forum, by function, in Danish. */
  description: Forum.shape.description,
  sensitive: z.boolean().default(false),
  members: z.array(ForaFileMember).max(MAX_MEMBERS_PER_FORUM).default([]),
  /** Retention periods of this forum that differ from the municipality's, e.g. `{ "auditYears": 10 }`. */
  retention: Forum.shape.retention,
});
export type ForaFileForum = z.infer<typeof ForaFileForum>;

export const ForaFile = z.strictObject({
  /** The municipality the file describes, e.g. "Ishøj". */
  municipality: GuardedText.trim().min(1).max(100),
  /** Areas a case can be placed in, the same list for every forum of the municipality. */
  areas: z.array(z.strictObject({ id: ForumSlug, name: Area.shape.name })).max(MAX_AREAS).default([]),
  /**
   * Who writes the half-yearly picture's commentary for the Lokalråd (Entra object ids); absent or
   * empty: the chair of the coordinating forum below the Lokalråd (Koordinationsgruppen).
   */
  analysts: z.array(UserId).max(MAX_ANALYSTS).default([]),
  fora: z.array(ForaFileForum).min(1).max(MAX_FORA_PER_FILE),
});
export type ForaFile = z.infer<typeof ForaFile>;
