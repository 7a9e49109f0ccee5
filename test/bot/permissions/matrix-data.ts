import { z } from 'zod';
import type { ForumWorld } from './matrix-world';

type JsonSchema = { type?: string | string[]; enum?: unknown[]; anyOf?: JsonSchema[]; properties?: Record<string, JsonSchema>; required?: string[]; minimum?: number; const?: unknown };

/** Ids a card names, filled from the forum's world (action verbs name an action item, agenda verbs an agenda item). */
function knownValue(verb: string, field: string, world: ForumWorld): unknown {
  switch (field) {
    case 'forumId':
    case 'originForumId':
      return world.forum.id;
    case 'agendaId':
      return world.agendaId;
    case 'revision':
      return world.agendaRevision;
    case 'itemId':
      return verb.startsWith('actions.') ? world.actionItemId : world.agendaItemId;
    case 'escalationId':
      return world.escalationId;
    case 'userId':
      return world.target.aadObjectId;
    case 'key':
      return world.occurrenceKey;
    case 'step':
      // A case's step number; the agenda editor's "step" is a direction (±1) of its own.
      return verb.startsWith('escalation.') ? 0 : undefined;
    case 'from':
    case 'to':
      // The half-yearly picture's period (the first half of 2026).
      return verb.startsWith('picture.') ? (field === 'from' ? '2026-01' : '2026-06') : undefined;
    case 'shownRoles':
    case 'roles':
      return 'member';
    default:
      return undefined;
  }
}

/** A value of the schema's first form, for fields the matrix does not care about. */
function anyValue(schema: JsonSchema): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum !== undefined) return schema.enum[0];
  if (schema.anyOf !== undefined && schema.anyOf[0] !== undefined) return anyValue(schema.anyOf[0]);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'boolean') return false;
  if (type === 'integer' || type === 'number') return schema.minimum ?? 1;
  return 'x';
}

/**
 * Data a card could send for this verb about this forum: every id from the world, every other
 * required field with a plain value of its type. Checked against the verb's own schema, so the
 * matrix tests the gate and not a schema refusal.
 */
export function dataFor(verb: string, schema: z.ZodType, world: ForumWorld): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as JsonSchema;
  const data: Record<string, unknown> = {};
  for (const [field, property] of Object.entries(json.properties ?? {})) {
    const known = knownValue(verb, field, world);
    if (known !== undefined) data[field] = known;
    else if ((json.required ?? []).includes(field)) data[field] = anyValue(property);
  }
  return data;
}
