import { z } from 'zod';
import type { ConversationKind } from '../../domain/conversations/conversation';
import { GuardedText } from '../../domain/shared/guarded-text';
import { UserId } from '../../domain/shared/ids';

/** The parts of an incoming activity the bot relies on, as Teams sends them; checked with zod at the edge. */
const IncomingActivity = z.object({
  id: z.string().optional(),
  type: z.string(),
  serviceUrl: z.url(),
  locale: z.string().max(20).optional(),
  from: z.object({ id: z.string().min(1), aadObjectId: UserId.pipe(z.guid()).optional(), name: z.string().max(200).optional() }),
  recipient: z.object({ id: z.string().min(1), name: z.string().optional() }),
  conversation: z.object({
    id: z.string().min(1).max(1024),
    conversationType: z.string().optional(),
    isGroup: z.boolean().optional(),
    tenantId: z.string().optional(),
  }),
  channelData: z
    .object({
      tenant: z.object({ id: z.string().min(1).max(128) }).optional(),
      team: z.object({ id: z.string().min(1).max(1024), name: z.string().optional() }).optional(),
      channel: z.object({ id: z.string().min(1).max(1024), name: z.string().optional() }).optional(),
    })
    .optional(),
});

export interface Actor {
  /** Entra object id: who is acting, always from the activity, never from card data. */
  userId: string;
  /** Teams' id of the person in this bot's conversations (`29:…`). */
  teamsId: string;
  name?: string;
}

/** Where the activity happened. For a channel, the channel itself (not the reply thread). */
export interface Place {
  conversationId: string;
  kind: ConversationKind;
  teamId?: string;
  channelName?: string;
}

export interface TurnInfo {
  activityId?: string;
  locale?: string;
  serviceUrl: string;
  tenantId?: string;
  botId: string;
  actor?: Actor;
  place: Place;
}

function kindOf(conversationType: string | undefined, isGroup: boolean | undefined): ConversationKind {
  if (conversationType === 'channel') return 'channel';
  if (conversationType === 'groupChat') return 'groupChat';
  if (conversationType === 'personal') return 'personal';
  return isGroup === true ? 'groupChat' : 'personal';
}

/** A reply thread in a channel has `;messageid=…` after the channel id; proactive posts need the channel. */
export const withoutThread = (conversationId: string): string => conversationId.split(';messageid=')[0] ?? conversationId;

/**
 * A name Teams sends (the person's, the channel's), kept only when it passes the guarded text type:
 * a display name or channel name that holds a CPR number is dropped rather than stored or shown.
 */
const GuardedName = GuardedText.max(200); // built once: a zod schema is costly to build, cheap to run

function guardedName(name: string | undefined): string | undefined {
  const parsed = GuardedName.safeParse(name);
  return parsed.success ? parsed.data : undefined;
}

/** What the bot needs from an activity, or undefined when it is not one it can answer. */
export function readTurnInfo(activity: unknown): TurnInfo | undefined {
  const parsed = IncomingActivity.safeParse(activity);
  if (!parsed.success) return undefined;
  const a = parsed.data;
  const kind = kindOf(a.conversation.conversationType, a.conversation.isGroup);
  const tenantId = a.channelData?.tenant?.id ?? a.conversation.tenantId;
  const name = guardedName(a.from.name);
  const channelName = guardedName(a.channelData?.channel?.name);
  return {
    ...(a.id === undefined ? {} : { activityId: a.id }),
    ...(a.locale === undefined ? {} : { locale: a.locale }),
    serviceUrl: a.serviceUrl,
    ...(tenantId === undefined ? {} : { tenantId }),
    botId: a.recipient.id,
    ...(a.from.aadObjectId === undefined || a.from.id === a.recipient.id
      ? {}
      : { actor: { userId: a.from.aadObjectId, teamsId: a.from.id, ...(name === undefined ? {} : { name }) } }),
    place: {
      conversationId: kind === 'channel' ? (a.channelData?.channel?.id ?? withoutThread(a.conversation.id)) : a.conversation.id,
      kind,
      ...(a.channelData?.team?.id === undefined ? {} : { teamId: a.channelData.team.id }),
      ...(channelName === undefined ? {} : { channelName }),
    },
  };
}
