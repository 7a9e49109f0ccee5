import { z } from 'zod';
import type { AuditRepository } from '../audit/audit.repository';
import { containsCprNumber } from '../shared/cpr-guard';
import { isCprRefusal, TEXT_MALFORMED } from '../shared/guarded-text';
import { newId } from '../shared/ids';
import { systemClock, type Clock } from '../shared/time';
import { ForaFile, ForaFileForum, ForaFileMember, MAX_FORA_PER_FILE } from './fora-file';
import type { Forum, Level, Member } from './forum';
import type { ForumRepository, MemberRepository } from './forum.repository';
import { chainIssues, type ChainIssue } from './forum.rules';

/**
 * Loading a municipality's fora file: `planForaImport` checks the whole file and reports every
 * problem with the path of its field; only a plan it produced can be applied, so a bad file never
 * writes anything.
 */

/** One problem in a fora file. `path` is like `fora[3].level`; `message` is Danish. */
export interface ImportError {
  path: string;
  message: string;
  /** Stable identifier (`FILE.DUPLICATE_ID`, `CHAIN.SKIPS_LEVEL`, …); always set by `planForaImport`. */
  code?: string;
}

declare const checked: unique symbol;
/** A fora file that passed every check; only `planForaImport` makes one. */
export type ForaImportPlan = ForaFile & { readonly [checked]: true };

export type ForaImportPlanResult = { ok: true; plan: ForaImportPlan } | { ok: false; errors: ImportError[] };

const danish = z.locales.da().localeError;
const CPR_MESSAGE = 'Indeholder noget, der ligner et CPR-nummer';
/** A value quoted back in an error message, unless it is the very text being refused. */
const quoted = (value: string): string => (containsCprNumber(value) ? '(værdien vises ikke: den ligner et CPR-nummer)' : `"${value}"`);

const LEVEL_DA: Record<Level, string> = { executing: 'udførende', coordinating: 'koordinerende', strategic: 'strategisk' };

/** The file without its fora checked, so that each forum can be checked (and reported) on its own. */
const Envelope = z.strictObject({
  municipality: ForaFile.shape.municipality,
  areas: ForaFile.shape.areas,
  analysts: ForaFile.shape.analysts,
  fora: z.array(z.unknown()).min(1).max(MAX_FORA_PER_FILE),
});

export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((key, i) => {
      if (typeof key === 'number') return `[${key}]`;
      const name = String(key);
      if (!/^[A-Za-z_$][\w$]*$/.test(name)) return `[${JSON.stringify(name)}]`;
      return i === 0 ? name : `.${name}`;
    })
    .join('');
}

function knownKeys(path: readonly PropertyKey[]): string[] {
  if (path.length === 0) return Object.keys(ForaFile.shape);
  if (path.length === 2) return Object.keys(ForaFileForum.shape);
  return Object.keys(ForaFileMember.shape);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (Array.isArray(value) && typeof key === 'number') value = value[key];
    else if (isRecord(value) && typeof key === 'string') value = value[key];
    else return undefined;
  }
  return value;
}

/** Zod's issues as import errors; `input` is what was parsed, so a missing field can be named as such. */
function fromZod(error: z.ZodError, input: unknown, prefix: readonly PropertyKey[] = []): ImportError[] {
  return error.issues.flatMap((issue): ImportError[] => {
    const path = [...prefix, ...issue.path];
    if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.path.length > 0 && valueAt(input, issue.path) === undefined) {
      return [{ path: formatPath(path), code: 'FILE.MISSING_FIELD', message: 'Feltet mangler' }];
    }
    if (isCprRefusal(issue)) return [{ path: formatPath(path), code: 'FILE.CPR_NUMBER', message: CPR_MESSAGE }];
    if (issue.code === 'custom' && issue.message === TEXT_MALFORMED) {
      return [{ path: formatPath(path), code: 'FILE.MALFORMED_TEXT', message: 'Teksten indeholder ugyldige tegn (et enligt surrogattegn)' }];
    }
    if (issue.code === 'unrecognized_keys') {
      // One error per key, on the key itself, naming the keys that are allowed there.
      return issue.keys.map((key) => ({
        path: formatPath([...path, key]),
        code: 'FILE.UNKNOWN_FIELD',
        message: `Ukendt felt; tilladte felter her: ${knownKeys(path).join(', ')}`,
      }));
    }
    return [{ path: formatPath(path), code: `FILE.${issue.code.toUpperCase()}`, message: issue.message }];
  });
}

/** Ids and names used more than once across the file (checked on the raw entries, so none is missed). */
function duplicateErrors(rawFora: readonly unknown[]): ImportError[] {
  const errors: ImportError[] = [];
  const firstId = new Map<string, number>();
  const firstName = new Map<string, number>();
  rawFora.forEach((raw, i) => {
    if (!isRecord(raw)) return;
    if (typeof raw.id === 'string') {
      const earlier = firstId.get(raw.id);
      if (earlier === undefined) firstId.set(raw.id, i);
      else errors.push({ path: `fora[${i}].id`, code: 'FILE.DUPLICATE_ID', message: `Id ${quoted(raw.id)} er allerede brugt i fora[${earlier}]` });
    }
    if (typeof raw.name === 'string') {
      const key = raw.name.trim().toLocaleLowerCase('da-DK');
      const earlier = firstName.get(key);
      if (earlier === undefined) firstName.set(key, i);
      else errors.push({ path: `fora[${i}].name`, code: 'FILE.DUPLICATE_NAME', message: `Navnet ${quoted(raw.name.trim())} er allerede brugt i fora[${earlier}]` });
    }
  });
  return errors;
}

/** What a forum's own members and text must satisfy beyond their shapes. */
function forumErrors(forum: ForaFileForum, i: number): ImportError[] {
  const errors: ImportError[] = [];
  const at = `fora[${i}]`;
  const seen = new Map<string, number>();
  forum.members.forEach((member, j) => {
    const earlier = seen.get(member.userId);
    if (earlier === undefined) seen.set(member.userId, j);
    else errors.push({ path: `${at}.members[${j}].userId`, code: 'FILE.DUPLICATE_MEMBER', message: `Personen står allerede i ${at}.members[${earlier}]` });
    const twice = member.roles.filter((role, k) => member.roles.indexOf(role) !== k);
    if (twice.length > 0) errors.push({ path: `${at}.members[${j}].roles`, code: 'FILE.DUPLICATE_ROLE', message: `Rollen "${twice[0]}" står mere end én gang` });
  });
  // Without a chair nobody could manage the forum's members from Teams.
  if (forum.members.length > 0 && !forum.members.some((m) => m.roles.includes('chair'))) {
    errors.push({ path: `${at}.members`, code: 'FILE.NO_CHAIR', message: 'Et forum med medlemmer skal have mindst én formand (rollen "chair")' });
  }
  return errors;
}

function chainMessage(issue: ChainIssue, byId: ReadonlyMap<string, ForaFileForum>): string {
  const target = issue.targetId === undefined ? undefined : byId.get(issue.targetId);
  const describe = target === undefined ? `"${issue.targetId}"` : `${target.name} (${LEVEL_DA[target.level]})`;
  switch (issue.code) {
    case 'CHAIN.UNKNOWN_TARGET':
      return `"${issue.targetId}" er ikke id på et forum i filen`;
    case 'CHAIN.SELF':
      return 'Et forum kan ikke eskalere til sig selv';
    case 'CHAIN.DOWN':
      return `Eskalerer nedad til ${describe}; et forum eskalerer til samme niveau eller ét niveau op`;
    case 'CHAIN.SKIPS_LEVEL':
      return `Springer et niveau over til ${describe}; et forum eskalerer til samme niveau eller ét niveau op`;
    case 'CHAIN.CYCLE':
      return `Kæden løber i ring: ${[...(issue.cycle ?? []), issue.forumId].map((id) => byId.get(id)?.name ?? id).join(' → ')}`;
  }
}

const forumIndex = (path: string): number => {
  const match = /^fora\[(\d+)\]/.exec(path);
  return match === null ? -1 : Number(match[1]);
};

/** Checks a parsed JSON fora file completely; returns a plan to apply, or every error found. */
export function planForaImport(json: unknown): ForaImportPlanResult {
  const envelope = Envelope.safeParse(json, { error: danish });
  const errors: ImportError[] = envelope.success ? [] : fromZod(envelope.error, json);
  const rawFora = isRecord(json) && Array.isArray(json.fora) && json.fora.length <= MAX_FORA_PER_FILE ? (json.fora as unknown[]) : [];

  const valid: { index: number; forum: ForaFileForum }[] = [];
  rawFora.forEach((raw, index) => {
    const parsed = ForaFileForum.safeParse(raw, { error: danish });
    if (!parsed.success) errors.push(...fromZod(parsed.error, raw, ['fora', index]));
    else {
      valid.push({ index, forum: parsed.data });
      errors.push(...forumErrors(parsed.data, index));
    }
  });
  errors.push(...duplicateErrors(rawFora));

  // A target that is in the file but invalid has its own error already; don't call it unknown too.
  const rawIds = new Set(rawFora.flatMap((raw) => (isRecord(raw) && typeof raw.id === 'string' ? [raw.id] : [])));
  const byId = new Map<string, ForaFileForum>();
  for (const { forum } of valid) if (!byId.has(forum.id)) byId.set(forum.id, forum);
  for (const issue of chainIssues(valid.map((v) => v.forum))) {
    if (issue.code === 'CHAIN.UNKNOWN_TARGET' && issue.targetId !== undefined && rawIds.has(issue.targetId)) continue;
    const index = valid.find((v) => v.forum.id === issue.forumId)?.index ?? -1;
    errors.push({ path: `fora[${index}].escalatesTo`, code: issue.code, message: chainMessage(issue, byId) });
  }

  if (!envelope.success || errors.length > 0) {
    // Stable sort: file-level errors first, then by forum in file order.
    const ordered = errors.map((e, k) => ({ e, k })).sort((a, b) => forumIndex(a.e.path) - forumIndex(b.e.path) || a.k - b.k);
    return { ok: false, errors: ordered.map(({ e }) => e) };
  }
  const file: ForaFile = { municipality: envelope.data.municipality, areas: envelope.data.areas, analysts: envelope.data.analysts, fora: valid.map((v) => v.forum) };
  return { ok: true, plan: file as ForaImportPlan };
}

export interface ForaImportRepositories {
  fora: ForumRepository;
  members: MemberRepository;
  audit: AuditRepository;
}

export interface ForaImportResult {
  /** Fora in the file, and members in the file. */
  fora: number;
  members: number;
  created: string[];
  updated: string[];
  unchanged: string[];
}

type ForumFields = Pick<Forum, 'name' | 'level' | 'escalatesTo' | 'description' | 'sensitive' | 'retention' | 'areas' | 'analysts'>;

const fieldsOf = (f: ForumFields): ForumFields => ({
  name: f.name,
  level: f.level,
  sensitive: f.sensitive,
  ...(f.escalatesTo === undefined ? {} : { escalatesTo: f.escalatesTo }),
  ...(f.description === undefined ? {} : { description: f.description }),
  ...(f.retention === undefined ? {} : { retention: f.retention }),
  ...(f.areas === undefined || f.areas.length === 0 ? {} : { areas: f.areas }),
  ...(f.analysts === undefined || f.analysts.length === 0 ? {} : { analysts: f.analysts }),
});

const sameFields = (a: ForumFields, b: ForumFields): boolean =>
  a.name === b.name && a.level === b.level && a.escalatesTo === b.escalatesTo && a.description === b.description && a.sensitive === b.sensitive &&
  JSON.stringify(a.retention ?? {}) === JSON.stringify(b.retention ?? {}) &&
  JSON.stringify(a.areas ?? []) === JSON.stringify(b.areas ?? []) &&
  JSON.stringify(a.analysts ?? []) === JSON.stringify(b.analysts ?? []);

/** The file's fields over the stored forum; its Teams link and version stay. */
function withFields(current: Forum, fields: ForumFields): Forum {
  const { escalatesTo: _escalatesTo, description: _description, retention: _retention, areas: _areas, analysts: _analysts, ...rest } = current;
  return { ...rest, ...fieldsOf(fields) };
}

const sameMember = (a: Member, b: Member): boolean =>
  a.displayName === b.displayName && a.email === b.email && a.roles.length === b.roles.length && a.roles.every((r) => b.roles.includes(r));

/**
 * Writes a checked plan: creates the fora that are missing, updates those whose fields changed
 * (keeping their Teams link), upserts the file's members and records one audit event per forum
 * that changed. Fora and members that are stored but not in the file are left as they are.
 */
export async function applyForaImport(plan: ForaImportPlan, repos: ForaImportRepositories, actorId?: string, clock: Clock = systemClock): Promise<ForaImportResult> {
  const result: ForaImportResult = { fora: plan.fora.length, members: 0, created: [], updated: [], unchanged: [] };
  for (const entry of plan.fora) {
    const wanted = fieldsOf({ ...entry, areas: plan.areas, analysts: plan.analysts });
    const existing = await repos.fora.findById(entry.id);
    let outcome: 'created' | 'updated' | 'unchanged' = 'unchanged';
    if (existing === undefined) {
      await repos.fora.save({ id: entry.id, ...wanted });
      outcome = 'created';
    } else if (!sameFields(fieldsOf(existing), wanted)) {
      await repos.fora.update(entry.id, (current) => withFields(current, wanted));
      outcome = 'updated';
    }

    const membersAdded: string[] = [];
    const membersChanged: string[] = [];
    for (const member of entry.members) {
      const stored = await repos.members.find(entry.id, member.userId);
      if (stored !== undefined && sameMember(stored, member)) continue;
      await repos.members.save(entry.id, member);
      (stored === undefined ? membersAdded : membersChanged).push(member.userId);
    }
    result.members += entry.members.length;

    if (outcome === 'unchanged' && membersAdded.length + membersChanged.length > 0) outcome = 'updated';
    result[outcome].push(entry.id);
    if (outcome === 'unchanged') continue;
    await repos.audit.append({
      id: newId(),
      forumId: entry.id,
      at: clock.now().toISOString(),
      ...(actorId === undefined ? {} : { actorId }),
      action: outcome === 'created' ? 'forum.imported.created' : 'forum.imported.updated',
      subject: entry.name,
      ...(existing === undefined ? {} : { before: JSON.stringify(fieldsOf(existing)) }),
      after: JSON.stringify({ municipality: plan.municipality, ...wanted, membersAdded, membersChanged }),
    });
  }
  return result;
}
