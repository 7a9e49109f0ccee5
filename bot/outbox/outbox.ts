import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { ConversationRepository, KnownUserRepository } from '../../domain/conversations/conversation.repository';
import { DEFAULT_BACKOFF, type BackoffSettings } from '../../domain/outbox/backoff';
import { NewOutboxMessage, recipientKey, type DeliveryTarget, type OutboxMessage, type OutboxRecipient, type OutboxStatus } from '../../domain/outbox/outbox-message';
import type { DeliveryRecord, DueEntry, OutboxRepository } from '../../domain/outbox/outbox.repository';
import { OUTBOX_SHARDS, shardOf } from '../../domain/outbox/outbox-shards';
import { DEFAULT_OUTBOX_POLICY, newMessage, release, resend, stillOpen, type OutboxPolicy, type ResendVerdict } from '../../domain/outbox/outbox.rules';
import type { TeamRosterRepository } from '../../domain/reach/team-roster.repository';
import type { OutboxSender } from '../../domain/outbox/outbox-sender';
import { TEAMS_RATE_LIMITS, type RateLimitSettings } from '../../domain/outbox/rate-limit.policy';
import { DEFAULT_GOVERNOR, type GovernorSettings } from '../../domain/outbox/throttle-governor';
import { ConcurrencyError } from '../../domain/shared/repository-errors';
import { systemClock, type Clock } from '../../domain/shared/time';
import type { Logger } from '../logger';
import { OutboxWorker, type OnDelivered } from './outbox-worker';
import { targetOf, type InstallRoute } from './recipient-resolver';

/**
 * The durable outbox for proactive messages. Feature code calls `enqueue`; the message is stored
 * first and delivered later by the worker (`start`), within Teams' rate limits, with retries.
 *
 * What "exactly once" can and cannot mean here. The idempotency key is the message id: enqueueing a
 * key twice never makes a second message. A worker takes a message with a conditional write (ETag
 * lease) right before its one HTTP request, and records the outcome with another; so two workers
 * never send the same message, a message recorded as sent is never sent again, and a restart
 * resumes every message that was waiting. The key also travels in `channelData.forumbot.outboxId`.
 * What no design can settle over this API: a process dies (or the answer is lost) after the request
 * left and before the outcome was written. The Bot Framework connector gives a bot no way to read a
 * conversation back (GET of activities is not supported for Teams, and there is no idempotency
 * header), so whether that message arrived cannot be checked. Such a message is found `sending`
 * with its lease run out and becomes `inDoubt` (policy `hold`, the default): it is never sent a
 * second time and the person who caused it sees "possibly delivered" and can `release` it. The
 * price is that it may be missing (if the request had not reached Teams) and that its activity id
 * is unknown, so it cannot be updated in place. At most the messages in flight at the crash are
 * affected (≤ maxInFlight; the lease is written as late as possible to keep the window small).
 * Policy `resend` makes the opposite trade: never missing, possibly twice. Updates are always
 * repeated, being harmless twice. Microsoft Graph can read chat messages back, but needs protected
 * application permissions this bot does not have; if those are ever granted, a check by
 * `outboxId` before resending would close the gap.
 *
 * ```ts
 * const outbox = createOutbox({ repository, conversations, knownUsers, sender, logger });
 * outbox.start();
 * await outbox.enqueue({
 *   idempotencyKey: `agenda:${agenda.id}:r${agenda.revision}:to:${userId}`,
 *   recipient: { kind: 'user', userId },
 *   activity: { summary: 'Ny dagsorden til Kredsrådet', attachments: [card] },
 *   subject: { type: 'agenda', id: agenda.id, forumId: agenda.forumId },
 *   causedBy: chairUserId,
 * });
 * const delivery = await outbox.findDelivery('agenda', agenda.id, { kind: 'user', userId }); // → activity id to update in place
 * await outbox.stop({ timeoutMs: 10_000 });
 * ```
 */
export interface OutboxOptions {
  repository: OutboxRepository;
  conversations: ConversationRepository;
  knownUsers: KnownUserRepository;
  sender: OutboxSender;
  logger: Logger;
  clock?: Clock;
  random?: () => number;
  /** Keeps the activity id with the subject (idempotent); re-run after a crash until it succeeded. */
  onDelivered?: OnDelivered;
  /** Tells the person who caused a message that it could not be delivered. */
  onUndeliverable?: (message: OutboxMessage) => Promise<void>;
  /** Team rosters and channels: people and channels reached through a team the app is in. */
  rosters?: TeamRosterRepository;
  /** A forum member's e-mail, to find them on a roster by it. */
  emailOf?: (userId: string) => Promise<string | undefined>;
  /** Proactive installation through Graph (off when absent). */
  install?: InstallRoute;
  /** Whether a waiting message still matters once its recipient is reachable (an item still open…). Default: yes. */
  stillWanted?: (message: OutboxMessage) => Promise<boolean>;
  /** Names this worker in leases. Default host:pid:random. */
  ownerId?: string;
  /** Our bot's account id (`28:<app id>`) for addresses of 1:1 chats the outbox opens. */
  botId?: string;
  policy?: Partial<OutboxPolicy>;
  limits?: RateLimitSettings;
  backoff?: Partial<BackoffSettings>;
  governor?: Partial<GovernorSettings>;
  pollIntervalMs?: number;
  maxInFlight?: number;
  /**
   * Shard leases (see domain/outbox/outbox-shards.ts): on by default, so several instances share the
   * queue and Teams' limits. `leaseMs` (default 30 s) is how soon another instance takes over the
   * shards of one that died. `false`: this worker reads every shard with the whole budget (tools).
   */
  shards?: false | { leaseMs?: number };
}

export interface EnqueueResult {
  id: string;
  /** False when this idempotency key was enqueued before: nothing new was stored. */
  created: boolean;
  status: OutboxStatus;
}

export interface Outbox {
  enqueue(message: NewOutboxMessage): Promise<EnqueueResult>;
  /**
   * `enqueue` for many messages at once (a job's fan-out): each recipient's address is looked up
   * once, and rows that share a partition are written together. One outcome per message, in order;
   * one failing does not fail the others. Keep a call to a few hundred messages.
   */
  enqueueMany(messages: readonly NewOutboxMessage[]): Promise<PromiseSettledResult<EnqueueResult>[]>;
  start(): void;
  /** Started and not stopped, and its loop has not died on an error (the readiness probe asks). */
  isRunning(): boolean;
  /** Takes no new work, waits for deliveries in flight (at most `timeoutMs`, default 10 s). */
  stop(options?: { timeoutMs?: number }): Promise<{ abandoned: number }>;
  findById(id: string): Promise<OutboxMessage | undefined>;
  /** The latest delivered activity that shows this subject (to this recipient), to update it in place. */
  findDelivery(subjectType: string, subjectId: string, recipient?: OutboxRecipient): Promise<DeliveryRecord | undefined>;
  /** What happened to the messages a person caused, newest first. */
  listByCauser(userId: string, limit?: number): Promise<OutboxMessage[]>;
  /** Someone checked an in-doubt message did not arrive: send it (again). */
  release(id: string): Promise<OutboxMessage | undefined>;
  /** Sends again a message that was not delivered (not reachable, failed, in doubt); refuses others. */
  resend(id: string): Promise<ResendVerdict>;
  /** This person can be reached now: their waiting messages that still matter go. Answers how many. */
  deliverWaiting(userId: string): Promise<number>;
  /** Every message about a subject (each recipient's), newest first: what happened to a fan-out. */
  listBySubject(subjectType: string, subjectId: string): Promise<OutboxMessage[]>;
}

/** The queue entry `add`/`requeue` filed for a message (its shard, its due time). */
const dueEntryOf = (message: OutboxMessage): DueEntry => ({
  id: message.id,
  dueAt: message.dueAt,
  shard: shardOf(message.recipientKey),
  ...(message.target === undefined ? {} : { conversationId: message.target.conversationId, tenantId: message.target.tenantId }),
});

export function createOutbox(options: OutboxOptions): Outbox {
  const clock = options.clock ?? systemClock;
  const { repository, conversations } = options;
  const worker = new OutboxWorker(
    {
      repository,
      conversations,
      knownUsers: options.knownUsers,
      sender: options.sender,
      logger: options.logger,
      clock,
      random: options.random ?? Math.random,
      ...(options.onDelivered === undefined ? {} : { onDelivered: options.onDelivered }),
      ...(options.onUndeliverable === undefined ? {} : { onUndeliverable: options.onUndeliverable }),
      ...(options.rosters === undefined ? {} : { rosters: options.rosters }),
      ...(options.emailOf === undefined ? {} : { emailOf: options.emailOf }),
      ...(options.install === undefined ? {} : { install: options.install }),
    },
    {
      ownerId: options.ownerId ?? `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`,
      policy: { ...DEFAULT_OUTBOX_POLICY, ...options.policy },
      limits: options.limits ?? TEAMS_RATE_LIMITS,
      backoff: { ...DEFAULT_BACKOFF, ...options.backoff },
      governor: { ...DEFAULT_GOVERNOR, ...options.governor },
      pollIntervalMs: options.pollIntervalMs ?? 1_000,
      maxInFlight: options.maxInFlight ?? 16,
      botId: options.botId ?? 'forumbot',
      ...(options.shards === false ? {} : { shards: { count: OUTBOX_SHARDS, leaseMs: options.shards?.leaseMs ?? 30_000, leases: repository.shardLeases } }),
    },
  );

  /** Resolving the address now saves the worker reads on the hot path; it re-resolves if absent. */
  async function resolve(recipient: OutboxRecipient): Promise<DeliveryTarget | undefined> {
    if (recipient.kind === 'user') return targetOf(await conversations.findPersonal(recipient.userId));
    const stored = await conversations.findById(recipient.conversationId);
    if (stored !== undefined || options.rosters === undefined) return targetOf(stored);
    // A channel of a team the app is in, though no install event named it.
    const team = await options.rosters.findTeamOfChannel(recipient.conversationId);
    return team?.active === true ? { conversationId: recipient.conversationId, serviceUrl: team.serviceUrl, tenantId: team.tenantId, botId: team.botId } : undefined;
  }

  async function requeue(message: OutboxMessage): Promise<OutboxMessage> {
    const saved = await repository.update(message);
    await repository.requeue(saved);
    worker.wake(dueEntryOf(saved));
    return saved;
  }

  const wakeFor = (message: OutboxMessage): void => worker.wake(dueEntryOf(message));

  /** Many messages: each distinct recipient resolved once, then one `addMany`. */
  async function enqueueInTransactions(inputs: readonly NewOutboxMessage[]): Promise<PromiseSettledResult<EnqueueResult>[]> {
    const targets = new Map<string, Promise<DeliveryTarget | undefined>>();
    const prepared = await Promise.allSettled(
      inputs.map(async (input) => {
        const parsed = NewOutboxMessage.parse(input);
        const key = recipientKey(parsed.recipient);
        if (!targets.has(key)) targets.set(key, resolve(parsed.recipient));
        const target = await targets.get(key);
        if (parsed.operation.kind === 'update' && target === undefined) {
          throw new Error(`outbox: cannot update an activity in a conversation we cannot reach (${key})`);
        }
        return newMessage(parsed, target, clock.now());
      }),
    );
    const ready = prepared.flatMap((p, i) => (p.status === 'fulfilled' ? [{ i, message: p.value }] : []));
    const added = await repository.addMany(ready.map((r) => r.message));
    const outcomes: PromiseSettledResult<EnqueueResult>[] = prepared.map((p) => (p.status === 'rejected' ? p : { status: 'rejected', reason: new Error('outbox: not added') }));
    ready.forEach(({ i }, n) => {
      const outcome = added[n]!;
      if (outcome.status === 'rejected') {
        outcomes[i] = outcome;
        return;
      }
      const { created, message } = outcome.value;
      if (created) wakeFor(message);
      outcomes[i] = { status: 'fulfilled', value: { id: message.id, created, status: message.status } };
    });
    return outcomes;
  }

  return {
    async enqueue(input) {
      const parsed = NewOutboxMessage.parse(input);
      const target = await resolve(parsed.recipient);
      if (parsed.operation.kind === 'update' && target === undefined) {
        throw new Error(`outbox: cannot update an activity in a conversation we cannot reach (${recipientKey(parsed.recipient)})`);
      }
      const { created, message } = await repository.add(newMessage(parsed, target, clock.now()));
      if (created) wakeFor(message);
      return { id: message.id, created, status: message.status };
    },

    enqueueMany: (inputs) => enqueueInTransactions(inputs),

    start: () => worker.start(),
    isRunning: () => worker.isRunning,
    stop: (stopOptions = {}) => worker.stop(stopOptions.timeoutMs ?? 10_000),
    findById: (id) => repository.findById(id),

    async findDelivery(subjectType, subjectId, recipient) {
      const messages = await repository.listBySubject(subjectType, subjectId, recipient === undefined ? undefined : recipientKey(recipient));
      const sent = messages.find((message) => message.status === 'sent' && message.deliveredActivityId !== undefined && message.target !== undefined);
      if (sent === undefined || sent.target === undefined || sent.deliveredActivityId === undefined || sent.deliveredAt === undefined) return undefined;
      return {
        messageId: sent.id,
        activityId: sent.deliveredActivityId,
        conversationId: sent.target.conversationId,
        serviceUrl: sent.target.serviceUrl,
        deliveredAt: sent.deliveredAt,
        status: sent.status,
      };
    },

    listByCauser: (userId, limit) => repository.listByCauser(userId, limit),

    async release(id) {
      const message = await repository.findById(id);
      if (message === undefined || message.status !== 'inDoubt') return message;
      return requeue(release(message, clock.now()));
    },

    async resend(id) {
      const message = await repository.findById(id);
      if (message === undefined) return { ok: false, code: 'OUTBOX.NOT_RESENDABLE' };
      const verdict = resend(message, clock.now());
      return verdict.ok ? { ok: true, message: await requeue(verdict.message) } : verdict;
    },

    async deliverWaiting(userId) {
      const now = clock.now();
      let count = 0;
      for (const message of await repository.listWaiting(userId)) {
        if (!stillOpen(message, now) || (options.stillWanted !== undefined && !(await options.stillWanted(message)))) continue;
        const verdict = resend(message, now);
        if (!verdict.ok) continue;
        try {
          await requeue(verdict.message);
          count++;
        } catch (error) {
          // Someone resent it meanwhile (a click on "send again", another instance): once is enough.
          if (!(error instanceof ConcurrencyError)) throw error;
        }
      }
      return count;
    },

    listBySubject: (subjectType, subjectId) => repository.listBySubject(subjectType, subjectId),
  };
}
