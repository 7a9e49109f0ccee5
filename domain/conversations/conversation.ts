import { z } from 'zod';
import { GuardedText } from '../shared/guarded-text';
import { UserId } from '../shared/ids';
import { Instant } from '../shared/time';

export const CONVERSATION_KINDS = ['personal', 'groupChat', 'channel'] as const;
export const ConversationKind = z.enum(CONVERSATION_KINDS);
export type ConversationKind = z.infer<typeof ConversationKind>;

/**
 * Where the bot can post without being spoken to first: what Teams told us when the app was
 * installed. Kept free of SDK types so a move to another SDK changes only bot/.
 */
export const ConversationAddress = z.object({
  conversationId: z.string().min(1).max(1024),
  kind: ConversationKind,
  serviceUrl: z.url(),
  tenantId: z.string().min(1).max(128),
  /** The bot's own channel account id in this conversation (`28:…`). */
  botId: z.string().min(1).max(256),
  teamId: z.string().max(1024).optional(),
  /** For personal chats: the Entra object id of the user. */
  userId: UserId.optional(),
  active: z.boolean(),
  /** Why the bot can no longer post here (uninstalled, MessageWritesBlocked, conversation gone). */
  inactiveReason: z.string().max(500).optional(),
  installedAt: Instant,
  greetedAt: Instant.optional(),
  version: z.string().optional(),
});
export type ConversationAddress = z.infer<typeof ConversationAddress>;

/** A person the bot has seen, with what Teams needs to open a 1:1 chat with them later. */
export const KnownUser = z.object({
  userId: UserId,
  /** Teams' channel account id (`29:…`). */
  teamsId: z.string().min(1).max(256),
  tenantId: z.string().min(1).max(128),
  serviceUrl: z.url(),
  displayName: GuardedText.max(200).optional(),
  seenAt: Instant,
  version: z.string().optional(),
});
export type KnownUser = z.infer<typeof KnownUser>;
