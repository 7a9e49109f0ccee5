import { z } from 'zod';
import { wellFormed } from '../../domain/shared/guarded-text';

/**
 * The outside of a Bot Framework activity, checked before the adapter sees it: what botbuilder and
 * our handlers read without checking (type, ids, serviceUrl, text, entities) must have the right
 * type, and no string anywhere may hold a lone surrogate (the table SDK throws on it when building
 * a URL). Everything else passes through (`loose`): the handlers check their own parts.
 */
const MAX_DEPTH = 32;
const ID_MAX = 1024;

const Text = (max: number) => z.string().max(max).refine(wellFormed);
const Id = Text(ID_MAX);
// Entra ids (people, tenants) are GUIDs: anything else is not from Teams, and is never stored as a key.
const Guid = z.guid();
const Account = z.looseObject({ id: Id, name: Text(1024).optional(), aadObjectId: Guid.optional() });

export const ActivityEnvelope = z.looseObject({
  type: z.string().min(1).max(64).refine(wellFormed),
  id: Id.optional(),
  channelId: Id.optional(),
  serviceUrl: z.url({ protocol: /^https?$/ }).max(2048),
  from: Account,
  recipient: Account,
  conversation: z.looseObject({ id: Id, tenantId: Guid.optional(), conversationType: Text(64).optional() }),
  text: Text(100_000).optional(),
  locale: Text(64).optional(),
  name: Text(256).optional(),
  replyToId: Id.optional(),
  entities: z.array(z.looseObject({ type: Text(256).optional() })).max(100).optional(),
  channelData: z.looseObject({ tenant: z.looseObject({ id: Guid }).optional() }).optional(),
  membersAdded: z.array(Account).max(1000).optional(),
  membersRemoved: z.array(Account).max(1000).optional(),
});

/** The only invoke the bot answers: an `Action.Execute` click, whose action botbuilder reads unchecked. */
const CardActionInvoke = z.looseObject({
  name: z.literal('adaptiveCard/action'),
  value: z.looseObject({ action: z.looseObject({ type: z.literal('Action.Execute'), verb: Text(200).optional() }) }),
});

const Envelope = ActivityEnvelope.superRefine((activity, ctx) => {
  if (activity.type === 'invoke' && !CardActionInvoke.safeParse(activity).success) ctx.addIssue({ code: 'custom', message: 'unsupported invoke' });
});

/** Every string in the value is well-formed and the nesting is not absurdly deep. */
export function wellFormedThroughout(value: unknown, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  if (typeof value === 'string') return wellFormed(value);
  if (Array.isArray(value)) return value.every((item) => wellFormedThroughout(item, depth + 1));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).every(([key, item]) => wellFormed(key) && wellFormedThroughout(item, depth + 1));
  }
  return true;
}

/** The activity if its envelope is sound, else undefined (the caller answers 400). */
export function checkedActivity(body: unknown): Record<string, unknown> | undefined {
  const parsed = Envelope.safeParse(body);
  if (!parsed.success || !wellFormedThroughout(body)) return undefined;
  // As botbuilder's own check does: timestamps become dates, the raw strings are kept.
  const activity: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const [field, raw] of [['timestamp', 'rawTimestamp'], ['localTimestamp', 'rawLocalTimestamp'], ['expiration', 'rawExpiration']] as const) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[raw] = value;
      activity[field] = new Date(value);
    }
  }
  return activity;
}
