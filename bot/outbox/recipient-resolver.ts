import type { ConversationAddress } from '../../domain/conversations/conversation';
import type { ConversationRepository, KnownUserRepository } from '../../domain/conversations/conversation.repository';
import type { DeliveryTarget, OutboxMessage, UndeliverableReason } from '../../domain/outbox/outbox-message';
import type { OutboxSender, SendOutcome } from '../../domain/outbox/outbox-sender';
import type { AppInstaller } from '../../domain/reach/app-installer';
import { afterOpenRefused, chooseRoute, type ReachRoute } from '../../domain/reach/reachability';
import type { TeamRosterRepository } from '../../domain/reach/team-roster.repository';
import { AlreadyExistsError } from '../../domain/shared/repository-errors';
import type { Clock } from '../../domain/shared/time';

/** Where a message goes, or why it cannot go (yet). */
export type Resolution =
  | { kind: 'target'; target: DeliveryTarget; opened: boolean }
  | { kind: 'undeliverable'; reason: UndeliverableReason; detail: string }
  /** Opening the 1:1 chat failed for now; `scope` is its rate-limit scope. */
  | { kind: 'failed'; outcome: Exclude<SendOutcome, { kind: 'ok' }>; scope: string }
  | { kind: 'stopped' };

/** Proactive installation through Graph, when configured: who installs, and where its chats live. */
export interface InstallRoute {
  installer: AppInstaller;
  tenantId: string;
  /** The connector's service URL for chats Graph made (the region's, e.g. `https://smba.trafficmanager.net/emea/`). */
  serviceUrl: string;
}

export interface ResolverDeps {
  conversations: ConversationRepository;
  knownUsers: KnownUserRepository;
  sender: OutboxSender;
  clock: Clock;
  botId: string;
  /** Teams the app is in and their rosters: people there get a 1:1 chat without ever opening the bot. */
  rosters?: TeamRosterRepository;
  /** A forum member's e-mail, to find them on a roster when their Entra id is not there. */
  emailOf?: (userId: string) => Promise<string | undefined>;
  install?: InstallRoute;
  /** Waits for a rate-limit slot in `scope`; undefined when the worker stops meanwhile. */
  openSlot(scope: string, tenant: string): Promise<{ sentAt(at: number): void } | undefined>;
}

export const targetOf = (address: ConversationAddress | undefined): DeliveryTarget | undefined =>
  address === undefined || !address.active
    ? undefined
    : { conversationId: address.conversationId, serviceUrl: address.serviceUrl, tenantId: address.tenantId, botId: address.botId };

const NO_WAY_IN = 'no 1:1 chat, in no team the app is in, and proactive installation is off';

/**
 * The stored conversation (or, for a channel, any channel of a team the app is in), or a person's
 * 1:1 chat: the stored one; else one opened from a roster or a person seen in a turn
 * (`POST /v3/conversations`); else one Graph makes by installing the app for them; else not
 * reachable, with the reason. A chat found is saved for next time.
 */
export async function resolveRecipient(deps: ResolverDeps, message: OutboxMessage): Promise<Resolution> {
  const { conversations, knownUsers } = deps;
  if (message.recipient.kind === 'conversation') return resolveConversation(deps, message.recipient.conversationId);

  const userId = message.recipient.userId;
  const personal = targetOf(await conversations.findPersonal(userId));
  if (personal !== undefined) return { kind: 'target', target: personal, opened: false };

  const [seen, roster] = await Promise.all([knownUsers.findById(userId), findOnRoster(deps, userId)]);
  const route = chooseRoute({
    hasChat: false,
    ...(seen === undefined ? {} : { seen }),
    ...(roster === undefined ? {} : { roster }),
    ...(deps.install === undefined ? {} : { install: { tenantId: seen?.tenantId ?? roster?.tenantId ?? deps.install.tenantId } }),
  });
  return follow(deps, userId, route);
}

async function follow(deps: ResolverDeps, userId: string, route: ReachRoute): Promise<Resolution> {
  switch (route.via) {
    case 'chat':
      return { kind: 'undeliverable', reason: 'ConversationNotFound', detail: 'chat vanished while resolving' };
    case 'none':
      return { kind: 'undeliverable', reason: 'UnknownRecipient', detail: NO_WAY_IN };
    case 'install':
      return installFor(deps, userId, route.tenantId);
    case 'open':
      break;
  }
  const scope = `create:${route.teamsId}`;
  const slot = await deps.openSlot(scope, route.tenantId);
  if (slot === undefined) return { kind: 'stopped' };
  const outcome = await deps.sender.createPersonalConversation(
    { teamsId: route.teamsId, tenantId: route.tenantId, serviceUrl: route.serviceUrl },
    { onWire: () => slot.sentAt(deps.clock.now().getTime()) },
  );
  // Opening a 1:1 chat is safe to repeat (Teams answers the same chat): an unknown outcome is just a retry.
  if (outcome.kind === 'unknown') return { kind: 'failed', outcome: { kind: 'notSent', detail: outcome.detail }, scope };
  if (outcome.kind === 'unreachable' && outcome.reason === 'NotInstalled') {
    // Not (any more) in a team with the app and not installed for them: Graph may still install it.
    const next = afterOpenRefused(deps.install === undefined ? {} : { install: { tenantId: route.tenantId } });
    if (next.via === 'install') return installFor(deps, userId, next.tenantId);
    return { kind: 'undeliverable', reason: 'NotInstalled', detail: `${outcome.detail} (${route.from === 'roster' ? 'from a team roster' : 'seen in a turn'})` };
  }
  if (outcome.kind !== 'ok') return { kind: 'failed', outcome, scope };
  return keep(deps, userId, { conversationId: outcome.conversationId, serviceUrl: route.serviceUrl, tenantId: route.tenantId, botId: deps.botId });
}

async function installFor(deps: ResolverDeps, userId: string, tenantId: string): Promise<Resolution> {
  const install = deps.install;
  if (install === undefined) return { kind: 'undeliverable', reason: 'UnknownRecipient', detail: NO_WAY_IN };
  const scope = `graph:${tenantId}`;
  const outcome = await install.installer.install(userId, tenantId);
  switch (outcome.kind) {
    case 'installed':
      return keep(deps, userId, { conversationId: outcome.conversationId, serviceUrl: install.serviceUrl, tenantId, botId: deps.botId });
    case 'throttled':
      return { kind: 'failed', outcome: outcome.retryAfterMs === undefined ? { kind: 'throttled' } : { kind: 'throttled', retryAfterMs: outcome.retryAfterMs }, scope };
    case 'transient':
      return { kind: 'failed', outcome: { kind: 'transient', status: 503 }, scope };
    case 'refused':
      return { kind: 'undeliverable', reason: outcome.reason, detail: outcome.detail };
  }
}

/** Saves a chat the bot just found, unless one stored for it says the bot may not post there. */
async function keep(deps: ResolverDeps, userId: string, target: DeliveryTarget): Promise<Resolution> {
  const { conversations, clock } = deps;
  // If we stored that chat and it was marked inactive (blocked, removed), that stands until the user
  // comes back (the install handler then saves it anew).
  const stored = await conversations.findById(target.conversationId);
  if (stored !== undefined && !stored.active) {
    const reason = stored.inactiveReason === 'ConversationNotFound' || stored.inactiveReason === 'NotInstalled' ? stored.inactiveReason : 'MessageWritesBlocked';
    return { kind: 'undeliverable', reason, detail: `stored 1:1 chat is inactive: ${stored.inactiveReason ?? ''}` };
  }
  if (stored !== undefined) return { kind: 'target', target: targetOf(stored) ?? target, opened: true };
  try {
    await conversations.save({ ...target, botId: target.botId ?? deps.botId, kind: 'personal', userId, active: true, installedAt: clock.now().toISOString() });
  } catch (error) {
    // Someone stored it meanwhile (the install handler, another worker): theirs is as good.
    if (!(error instanceof AlreadyExistsError)) throw error;
  }
  return { kind: 'target', target, opened: true };
}

/** On a roster by Entra id, else by the e-mail the forum has for them. */
async function findOnRoster(deps: ResolverDeps, userId: string): Promise<{ teamsId: string; tenantId: string; serviceUrl: string } | undefined> {
  if (deps.rosters === undefined) return undefined;
  const byId = await deps.rosters.findMember(userId);
  if (byId !== undefined) return byId;
  const email = await deps.emailOf?.(userId);
  return email === undefined ? undefined : deps.rosters.findMemberByEmail(email);
}

/** A stored conversation; a channel of a team the app is in counts even without its own install event. */
async function resolveConversation(deps: ResolverDeps, conversationId: string): Promise<Resolution> {
  const address = await deps.conversations.findById(conversationId);
  const target = targetOf(address);
  if (target !== undefined) return { kind: 'target', target, opened: false };
  if (address === undefined && deps.rosters !== undefined) {
    const team = await deps.rosters.findTeamOfChannel(conversationId);
    if (team?.active === true) return { kind: 'target', target: { conversationId, serviceUrl: team.serviceUrl, tenantId: team.tenantId, botId: team.botId }, opened: false };
  }
  return { kind: 'undeliverable', reason: 'ConversationNotFound', detail: address?.inactiveReason ?? 'no stored conversation, and in no team the app is in' };
}
