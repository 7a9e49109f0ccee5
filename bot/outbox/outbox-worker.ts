import type { Logger } from '../logger';
import { BudgetLender, type WorkerLoad } from './budget-lender';
import { borrowedAt, type UsableLoan } from '../../domain/outbox/budget-lending';
import { ShardKeeper } from './shard-keeper';
import { resolveRecipient, type InstallRoute } from './recipient-resolver';
import type { ConversationRepository, KnownUserRepository } from '../../domain/conversations/conversation.repository';
import { retryDelayMs, type BackoffSettings } from '../../domain/outbox/backoff';
import type { DeliveryTarget, OutboxMessage } from '../../domain/outbox/outbox-message';
import type { DueEntry, OutboxRepository } from '../../domain/outbox/outbox.repository';
import { delivered, inDoubt, lease, linked, nextStep, retryLater, undeliverable, type OutboxPolicy } from '../../domain/outbox/outbox.rules';
import type { OutboxSender, SendOutcome } from '../../domain/outbox/outbox-sender';
import type { OutboxShardLeases } from '../../domain/outbox/outbox-shards';
import { RateLimiter, type RateLimitSettings } from '../../domain/outbox/rate-limit.policy';
import { ThrottleGovernor, type GovernorSettings } from '../../domain/outbox/throttle-governor';
import { ConcurrencyError } from '../../domain/shared/repository-errors';
import type { Clock } from '../../domain/shared/time';
import type { TeamRosterRepository } from '../../domain/reach/team-roster.repository';

/** Told once a message is delivered, so the feature can keep the activity id with its subject. Must be idempotent. */
export type OnDelivered = (delivery: {
  message: OutboxMessage;
  activityId: string;
  target: DeliveryTarget;
}) => Promise<void>;

export interface WorkerSettings {
  ownerId: string;
  policy: OutboxPolicy;
  limits: RateLimitSettings;
  backoff: BackoffSettings;
  governor: GovernorSettings;
  /** How often to ask storage what is due (messages enqueued in this process wake the worker at once). */
  pollIntervalMs: number;
  maxInFlight: number;
  /** Our bot's account id in new conversation addresses (`28:<app id>`). */
  botId: string;
  /**
   * With shard leases: this worker reads and sends only the shards it holds, and uses their share of
   * each tenant's budget. Without: it reads every shard and uses the whole budget (one instance).
   */
  shards?: { count: number; leaseMs: number; leases: OutboxShardLeases };
}

export interface WorkerDeps {
  repository: OutboxRepository;
  conversations: ConversationRepository;
  knownUsers: KnownUserRepository;
  sender: OutboxSender;
  logger: Logger;
  clock: Clock;
  random: () => number;
  onDelivered?: OnDelivered;
  /** Told once a message could not be delivered, so the person who caused it can hear (idempotent). */
  onUndeliverable?: (message: OutboxMessage) => Promise<void>;
  rosters?: TeamRosterRepository;
  emailOf?: (userId: string) => Promise<string | undefined>;
  install?: InstallRoute;
}

interface Candidate extends DueEntry {
  /** Not before this (ms); set when we learnt the message is not due yet. */
  notBefore: number;
  /** Failed steps in a row (storage errors): each doubles the wait before the next look. */
  failures?: number;
}

/** Due rows read from one shard at a time (twice this), and the known backlog below which it is read again. */
const SHARD_READ = 100;

const sleep = (ms: number, signal: { wake?: () => void }): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(done, Math.max(0, ms));
    function done(): void {
      clearTimeout(timer);
      signal.wake = undefined;
      resolve();
    }
    signal.wake = done;
  });

/**
 * The delivery loop. One worker per process; several processes may run workers on the same tables
 * (leases keep them from sending the same message), though each then keeps its own rate schedule.
 *
 * Per message: read → (open the 1:1 chat if needed) → wait for a rate-limit slot → lease (If-Match)
 * → one HTTP request → record the outcome (If-Match). The lease is written as late as possible, right
 * before the request, so a crash leaves as few messages "in doubt" as it can.
 */
export class OutboxWorker {
  private running = false;
  private loop: Promise<void> | undefined;
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly candidates = new Map<string, Candidate>();
  private readonly finished: DueEntry[] = [];
  private readonly limiter: RateLimiter;
  private readonly governor: ThrottleGovernor;
  private readonly signal: { wake?: () => void } = {};
  private readonly finishedIds = new Set<string>();
  private nextPollAt = 0;
  private lastFlush = 0;
  private readonly keeper: ShardKeeper | undefined;
  private readonly lender: BudgetLender | undefined;
  /**
   * The tenant budget: `own` our shards' share (at least one shard's), `held` what may be lent (nothing
   * until the first shards are ours), the loans others made us, and `inUse` what the limiter was last tuned to.
   */
  private readonly budget: { own: number; held: number; loans: readonly UsableLoan[]; inUse: number } = { own: 1, held: 0, loans: [], inUse: 1 };
  private lastSlotAt = 0;
  /** Per held shard: when to read it next, and how many reads in a row found nothing (reads back off when idle). */
  private readonly shardPolls = new Map<number, { at: number; idle: number }>();

  constructor(
    private readonly deps: WorkerDeps,
    private readonly settings: WorkerSettings,
  ) {
    this.limiter = new RateLimiter(settings.limits);
    this.governor = new ThrottleGovernor(settings.governor);
    const shards = settings.shards;
    this.lender =
      shards === undefined
        ? undefined
        : new BudgetLender(shards.leases, { owner: settings.ownerId, leaseMs: shards.leaseMs, tenant: settings.limits.tenant }, {
            clock: deps.clock,
            logger: deps.logger,
            load: () => this.load(),
            onLoans: (loans) => {
              this.budget.loans = loans;
              this.retuneBudget();
            },
          });
    this.keeper =
      shards === undefined
        ? undefined
        : new ShardKeeper(shards.leases, { owner: settings.ownerId, count: shards.count, leaseMs: shards.leaseMs }, {
            clock: deps.clock,
            logger: deps.logger,
            onChange: (held) => this.shardsChanged(held, shards.count),
            onRound: (holdsFirst) => (holdsFirst ? this.moveLegacy() : Promise.resolve()),
            ...(this.lender === undefined ? {} : { budget: this.lender }),
          });
  }

  /** What the budget lending needs to know of this worker's work. */
  private load(): WorkerLoad {
    const now = this.now();
    let dueWaiting = 0;
    for (const candidate of this.candidates.values()) if (candidate.notBefore <= now && !this.inFlight.has(candidate.id)) dueWaiting++;
    // A shard not yet read since it became ours, or whose last read found work, may hold more.
    const unread = [...this.shardPolls.values()].filter((poll) => poll.idle === 0).length;
    return { dueWaiting, pending: this.candidates.size + this.inFlight.size + unread, lastSlotAt: this.lastSlotAt, share: this.budget.held };
  }

  /** Our shards' share plus the loans usable now (called before every slot: loans start and end on their own). */
  private retuneBudget(): void {
    const share = Math.min(1, this.budget.own + borrowedAt(this.budget.loans, this.now()));
    if (share === this.budget.inUse) return;
    this.budget.inUse = share;
    this.limiter.setTenantShare(share);
  }

  private holds(shard: number | undefined): boolean {
    if (this.keeper === undefined) return true;
    return shard !== undefined && this.keeper.held().has(shard);
  }

  private shardsChanged(held: ReadonlySet<number>, count: number): void {
    // Leases are exclusive, so the shares of all instances never add up to more than the budget.
    this.budget.own = Math.max(1, held.size) / count;
    this.budget.held = held.size / count;
    this.retuneBudget();
    for (const shard of this.shardPolls.keys()) if (!held.has(shard)) this.shardPolls.delete(shard);
    for (const shard of held) if (!this.shardPolls.has(shard)) this.shardPolls.set(shard, { at: 0, idle: 0 });
    this.deps.logger.info({ owner: this.settings.ownerId, shards: [...held] }, 'outbox: shards held');
    this.nextPollAt = 0;
    this.signal.wake?.();
  }

  /** Rows queued before shards existed go to their shards (the holder of shard 0 checks every round). */
  private async moveLegacy(): Promise<void> {
    const moved = await this.deps.repository.moveLegacyQueue(500);
    if (moved > 0) this.deps.logger.info({ moved }, 'outbox: moved messages from the old queue into their shards');
  }

  private now(): number {
    return this.deps.clock.now().getTime();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.nextPollAt = 0;
    const keeper = this.keeper;
    const begin = keeper === undefined ? Promise.resolve() : keeper.start().then(() => this.lender?.start());
    this.loop = begin.then(() => this.run()).catch((error: unknown) => {
      this.deps.logger.error({ err: error }, 'outbox worker stopped on an error');
      this.running = false;
    });
  }

  /** Something was enqueued: look now rather than at the next poll. */
  wake(entry?: DueEntry): void {
    if (entry !== undefined && !this.holds(entry.shard)) return; // its shard's holder finds it
    if (entry !== undefined && !this.inFlight.has(entry.id)) this.candidates.set(entry.id, { ...entry, notBefore: Date.parse(entry.dueAt) });
    else this.nextPollAt = 0;
    this.signal.wake?.();
  }

  /** Takes no new messages, lets those in flight finish (at most `timeoutMs`), then records what finished. */
  async stop(timeoutMs: number): Promise<{ abandoned: number }> {
    this.running = false;
    this.signal.wake?.();
    await this.loop;
    const all = Promise.allSettled([...this.inFlight.values()]);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const result = await Promise.race([all.then(() => 'done' as const), timedOut]);
    clearTimeout(timer);
    await this.flushFinished(true);
    this.lender?.stop();
    await this.keeper?.stop().catch((error: unknown) => this.deps.logger.warn({ err: error }, 'outbox: could not hand the shards over; their leases run out instead'));
    return { abandoned: result === 'timeout' ? this.inFlight.size : 0 };
  }

  get isRunning(): boolean {
    return this.running;
  }

  get busy(): number {
    return this.inFlight.size;
  }

  private async run(): Promise<void> {
    while (this.running) {
      const now = this.now();
      if (now >= this.nextPollAt) await this.poll(now);
      const wakeAt = this.startDue(this.now());
      await this.flushFinished(false);
      if (!this.running) break;
      const until = Math.min(wakeAt, this.nextPollAt, this.finished.length > 0 ? this.lastFlush + 250 : Number.POSITIVE_INFINITY);
      await sleep(Math.min(Math.max(1, until - this.now()), this.settings.pollIntervalMs), this.signal);
    }
  }

  private async poll(now: number): Promise<void> {
    this.nextPollAt = now + this.settings.pollIntervalMs;
    this.limiter.sweep(now);
    try {
      const due = await this.readDue(now);
      for (const entry of due) {
        if (this.inFlight.has(entry.id) || this.finishedIds.has(entry.id)) continue;
        const known = this.candidates.get(entry.id);
        this.candidates.set(entry.id, { ...known, ...entry, notBefore: Math.max(known?.notBefore ?? 0, Date.parse(entry.dueAt)) });
      }
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'outbox: could not list due messages; will try again');
    }
  }

  /** What is due: every shard in one read without leases; else each held shard, an idle one less often. */
  private async readDue(now: number): Promise<DueEntry[]> {
    const { repository } = this.deps;
    if (this.keeper === undefined) return repository.listDue(new Date(now), 500);
    // A shard with plenty known here already is not read again until those are worked off: a backlog
    // would otherwise be read over and over while it waits for rate-limit slots.
    const known = new Map<number, number>();
    for (const candidate of this.candidates.values()) if (candidate.shard !== undefined) known.set(candidate.shard, (known.get(candidate.shard) ?? 0) + 1);
    const reads = [...this.shardPolls.entries()]
      .filter(([shard, poll]) => poll.at <= now && (known.get(shard) ?? 0) < SHARD_READ)
      .map(async ([shard, poll]) => {
        const entries = await repository.listDueInShard(shard, new Date(now), 2 * SHARD_READ);
        poll.idle = entries.length === 0 ? poll.idle + 1 : 0;
        poll.at = now + this.settings.pollIntervalMs * Math.min(8, 2 ** poll.idle) * (poll.idle === 0 ? 1 : 0.5);
        return entries;
      });
    return (await Promise.all(reads)).flat();
  }

  /** Starts what may start now; answers when to look again. */
  private startDue(now: number): number {
    let wakeAt = Number.POSITIVE_INFINITY;
    const paused = this.governor.pausedUntil();
    if (paused > now) return paused;
    const busyConversations = new Set<string>();
    for (const id of this.inFlight.keys()) {
      const conversation = this.candidates.get(id)?.conversationId;
      if (conversation !== undefined) busyConversations.add(conversation);
    }
    const ordered = [...this.candidates.values()].sort((a, b) => a.notBefore - b.notBefore);
    for (const candidate of ordered) {
      if (this.inFlight.size >= this.settings.maxInFlight) break;
      if (this.inFlight.has(candidate.id)) continue;
      if (!this.holds(candidate.shard)) {
        this.candidates.delete(candidate.id); // another instance works that shard now
        continue;
      }
      if (candidate.notBefore > now) {
        wakeAt = Math.min(wakeAt, candidate.notBefore);
        continue;
      }
      // One message at a time per conversation keeps tasks from queueing on one conversation's windows.
      if (candidate.conversationId !== undefined && busyConversations.has(candidate.conversationId)) continue;
      if (candidate.conversationId !== undefined) busyConversations.add(candidate.conversationId);
      const task = this.process(candidate)
        .catch((error: unknown) => {
          candidate.failures = (candidate.failures ?? 0) + 1;
          this.deps.logger.error({ err: error, messageId: candidate.id, failures: candidate.failures }, 'outbox: delivery step failed; the message will be looked at again');
          candidate.notBefore = this.now() + Math.min(60_000, this.settings.pollIntervalMs * 2 ** candidate.failures);
        })
        .finally(() => {
          this.inFlight.delete(candidate.id);
          this.signal.wake?.();
        });
      this.inFlight.set(candidate.id, task);
    }
    return wakeAt;
  }

  private done(id: string): void {
    const entry = this.candidates.get(id);
    this.candidates.delete(id);
    if (entry === undefined || this.finishedIds.has(id)) return;
    this.finishedIds.add(id);
    this.finished.push(entry);
  }

  /**
   * Not yet: remember when. A long wait also moves the queue row to that time, so the shard's due
   * read stops returning it (and an instance taking the shard over does not read it early); a short
   * one (a Retry-After of a second) is only remembered here: two writes on the hot path cost more.
   */
  private async later(candidate: Candidate, message: OutboxMessage): Promise<void> {
    candidate.notBefore = Date.parse(message.dueAt);
    if (message.target !== undefined) {
      candidate.conversationId = message.target.conversationId;
      candidate.tenantId = message.target.tenantId;
    }
    const moveAfterMs = Math.max(5_000, 4 * this.settings.pollIntervalMs);
    if (candidate.shard === undefined || Date.parse(message.dueAt) - Date.parse(candidate.dueAt) <= moveAfterMs) return;
    try {
      const moved = await this.deps.repository.reschedule(candidate, message.dueAt);
      candidate.dueAt = moved.dueAt;
    } catch (error) {
      this.deps.logger.warn({ err: error, messageId: candidate.id }, 'outbox: could not move a queue row to its new time; it is read early instead');
    }
  }

  private async flushFinished(force: boolean): Promise<void> {
    if (this.finished.length === 0) return;
    if (!force && this.finished.length < 100 && this.now() - this.lastFlush < 250) return;
    const entries = this.finished.splice(0, this.finished.length);
    this.lastFlush = this.now();
    const ids = entries.map((entry) => entry.id);
    try {
      await this.deps.repository.dequeue(entries);
      for (const id of ids) this.finishedIds.delete(id);
    } catch (error) {
      for (const id of ids) this.finishedIds.delete(id);
      // The queue rows stay; the next look at them finds the messages finished and removes them.
      this.deps.logger.warn({ err: error, count: ids.length }, 'outbox: could not take finished messages off the queue');
    }
  }

  private async process(candidate: Candidate): Promise<void> {
    const { repository, clock } = this.deps;
    const message = await repository.findById(candidate.id);
    if (message === undefined) return this.done(candidate.id); // a queue row left by a failed enqueue
    const step = nextStep(message, clock.now(), this.deps.onDelivered !== undefined, this.settings.policy.leaseMs);
    switch (step.kind) {
      case 'done':
        return this.done(message.id);
      case 'wait':
        return this.later(candidate, { ...message, dueAt: step.until });
      case 'link':
        return this.link(message, message.deliveredActivityId ?? '', message.target);
      case 'recoverInDoubt': {
        const next = inDoubt(message, `lease of ${message.leaseOwner ?? '?'} ran out during attempt ${message.attempts}`, clock.now(), this.settings.policy);
        const saved = await this.save(next);
        if (saved === undefined) return;
        this.deps.logger.warn({ messageId: message.id, status: saved.status, owner: message.leaseOwner }, 'outbox: found a message mid-send after its lease ran out');
        return saved.status === 'pending' ? this.later(candidate, saved) : this.done(saved.id);
      }
      case 'deliver':
        return this.deliver(candidate, message);
    }
  }

  /** Writes with If-Match; undefined when someone else changed the message first (they own it now). */
  private async save(message: OutboxMessage): Promise<OutboxMessage | undefined> {
    try {
      return await this.deps.repository.update(message);
    } catch (error) {
      if (error instanceof ConcurrencyError) return undefined;
      throw error;
    }
  }

  private async deliver(candidate: Candidate, message: OutboxMessage): Promise<void> {
    let target = message.target;
    if (target === undefined) {
      const resolution = await resolveRecipient(
        { ...this.deps, botId: this.settings.botId, openSlot: (scope, tenant) => this.waitForSlot(scope, tenant) },
        message,
      );
      switch (resolution.kind) {
        case 'stopped':
          return;
        case 'undeliverable': {
          const saved = await this.save(undeliverable(message, resolution.reason, resolution.detail, this.deps.clock.now()));
          if (saved !== undefined) {
            this.done(saved.id);
            await this.tellUndeliverable(saved);
          }
          return;
        }
        case 'failed': {
          const { outcome } = resolution;
          if (outcome.kind === 'throttled' && outcome.retryAfterMs !== undefined) this.limiter.blockScope(resolution.scope, this.now() + outcome.retryAfterMs);
          return this.record(candidate, { ...message, attempts: message.attempts + 1 }, undefined, outcome);
        }
        case 'target':
          if (resolution.opened) this.governor.observe(false, undefined, this.now());
          target = resolution.target;
          candidate.conversationId = target.conversationId;
          candidate.tenantId = target.tenantId;
      }
    }

    const slot = await this.waitForSlot(target.conversationId, target.tenantId);
    if (slot === undefined) return; // stopping: nothing was leased, nothing sent

    const leased = await this.save(lease(message, this.settings.ownerId, this.deps.clock.now(), this.settings.policy, target));
    if (leased === undefined) return;
    // A pause that began while the lease was written holds this one back too (it has not left).
    if (this.governor.pausedUntil() > this.now()) return this.record(candidate, leased, target, { kind: 'notSent', detail: 'held back: the service keeps throttling' });
    const activity = { ...message.activity, channelData: { forumbot: { outboxId: message.id, attempt: leased.attempts } } };
    const hooks = { onWire: () => slot.sentAt(this.now()) };
    const outcome =
      message.operation.kind === 'update'
        ? await this.deps.sender.update(target, message.operation.activityId, activity, hooks)
        : await this.deps.sender.send(target, activity, hooks);
    await this.record(candidate, leased, target, outcome);
  }

  /** Waits for a slot in the rate schedule; undefined if the worker stops meanwhile. */
  private async waitForSlot(scope: string, tenant: string): Promise<Extract<ReturnType<RateLimiter['tryAcquire']>, { ok: true }> | undefined> {
    for (;;) {
      if (!this.running) return undefined;
      const now = this.now();
      // Paused by the service, or our share lent to another instance until then.
      const paused = Math.max(this.governor.pausedUntil(), this.lender?.lentUntil() ?? 0);
      if (paused > now) {
        await new Promise((resolve) => setTimeout(resolve, paused - now));
        continue;
      }
      if (this.budget.loans.length > 0) this.retuneBudget();
      const grant = this.limiter.tryAcquire(scope, tenant, now);
      if (grant.ok) {
        this.lastSlotAt = now;
        return grant;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.max(1, grant.retryAt - now)));
    }
  }

  private async record(candidate: Candidate, message: OutboxMessage, target: DeliveryTarget | undefined, outcome: SendOutcome): Promise<void> {
    const now = this.deps.clock.now();
    const scope = target?.conversationId;
    const { policy } = this.settings;
    const log = this.deps.logger;
    switch (outcome.kind) {
      case 'ok': {
        this.governor.observe(false, undefined, now.getTime());
        if (target === undefined) throw new Error('outbox: a delivery without a target');
        return this.completeDelivery(message, outcome.activityId, target);
      }
      case 'throttled':
      case 'transient':
      case 'notSent': {
        const retryAfterMs = outcome.kind === 'notSent' ? undefined : outcome.retryAfterMs;
        if (outcome.kind === 'throttled') {
          const pauseUntil = this.governor.observe(true, retryAfterMs, now.getTime());
          if (pauseUntil !== undefined) log.warn({ pauseMs: pauseUntil - now.getTime() }, 'outbox: the service keeps throttling; pausing all deliveries');
        }
        if (retryAfterMs !== undefined && scope !== undefined) this.limiter.blockScope(scope, now.getTime() + retryAfterMs);
        const delay = retryDelayMs(message.attempts, retryAfterMs, this.deps.random, this.settings.backoff);
        const detail = outcome.kind === 'notSent' ? outcome.detail : `${outcome.kind === 'throttled' ? 429 : outcome.status}${retryAfterMs === undefined ? '' : ` retry-after ${retryAfterMs} ms`}`;
        const saved = await this.saveOutcome(message, (current) => retryLater(current, delay, detail, now, policy));
        if (saved === undefined) return;
        if (saved.status === 'pending') return this.later(candidate, saved);
        log.warn({ messageId: saved.id, attempts: saved.attempts }, 'outbox: gave up after the last attempt');
        this.done(saved.id);
        return this.tellUndeliverable(saved);
      }
      case 'unknown': {
        const saved = await this.saveOutcome(message, (current) => inDoubt(current, outcome.detail, now, policy));
        if (saved === undefined) return;
        log.warn({ messageId: saved.id, status: saved.status, detail: outcome.detail }, 'outbox: the outcome of a send is unknown');
        return saved.status === 'pending' ? this.later(candidate, saved) : this.done(saved.id);
      }
      case 'unreachable':
      case 'rejected': {
        const saved = await this.saveOutcome(message, (current) => undeliverable(current, outcome.reason, outcome.detail, now));
        if (outcome.kind === 'unreachable' && scope !== undefined) await this.deps.conversations.markInactive(scope, outcome.reason);
        if (saved !== undefined) {
          this.done(saved.id);
          await this.tellUndeliverable(saved);
        }
        log.info({ messageId: message.id, reason: outcome.reason }, 'outbox: message undeliverable');
        return;
      }
    }
  }

  /**
   * Writes an outcome over our lease. If the message changed meanwhile (our lease ran out and another
   * worker marked it in doubt), what we know first-hand still wins: it is written over that.
   */
  private async saveOutcome(leased: OutboxMessage, apply: (current: OutboxMessage) => OutboxMessage): Promise<OutboxMessage | undefined> {
    let current = leased;
    for (let tries = 0; tries < 5; tries++) {
      const saved = await this.save(apply(current));
      if (saved !== undefined) return saved;
      const fresh = await this.deps.repository.findById(leased.id);
      if (fresh === undefined || (fresh.status !== 'inDoubt' && fresh.leaseOwner !== this.settings.ownerId)) return undefined;
      current = fresh;
    }
    return undefined;
  }

  private async completeDelivery(leased: OutboxMessage, activityId: string, target: DeliveryTarget): Promise<void> {
    const now = this.deps.clock.now();
    let saved: OutboxMessage | undefined;
    // The send happened: recording it matters more than anything else here, so storage hiccups are retried.
    for (let tries = 1; ; tries++) {
      try {
        saved = await this.saveOutcome(leased, (current) => delivered(current, activityId, target, now));
        break;
      } catch (error) {
        if (tries >= 4) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * tries));
      }
    }
    if (saved === undefined) {
      this.deps.logger.error({ messageId: leased.id, activityId }, 'outbox: delivered, but another worker holds the message now');
      return;
    }
    return this.link(saved, activityId, target);
  }

  /** A failure to tell about is told; a failure to tell is logged, never fatal for the loop. */
  private async tellUndeliverable(message: OutboxMessage): Promise<void> {
    if (this.deps.onUndeliverable === undefined) return;
    try {
      await this.deps.onUndeliverable(message);
    } catch (error) {
      this.deps.logger.error({ err: error, messageId: message.id }, 'outbox: could not tell about an undeliverable message');
    }
  }

  private async link(message: OutboxMessage, activityId: string, target: DeliveryTarget | undefined): Promise<void> {
    if (this.deps.onDelivered !== undefined && target !== undefined) {
      await this.deps.onDelivered({ message, activityId, target });
      const saved = await this.save(linked(message, this.deps.clock.now()));
      if (saved === undefined) return;
    }
    this.done(message.id);
  }
}
