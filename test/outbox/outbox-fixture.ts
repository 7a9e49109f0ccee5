import { randomBytes } from 'node:crypto';
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { pino } from 'pino';
import { createBotFrameworkSender } from '../../bot/outbox/bot-framework-sender';
import { createOutbox, type Outbox, type OutboxOptions } from '../../bot/outbox/outbox';
import type { NewOutboxMessage } from '../../domain/outbox/outbox-message';
import { createStorage, type Storage } from '../../storage/index';
import { createOutboxRepository } from '../../storage/table-outbox.repository';
import { openOutboxTable, type OutboxTable } from '../../storage/table-outbox.table';
import type { OutboxRepository } from '../../domain/outbox/outbox.repository';
import type { EmulatedUser, TeamsConnectorEmulator } from '../emulator/teams-connector-emulator';

/** Storage of one test: its own table prefix, removed afterwards. */
export interface OutboxStores {
  prefix: string;
  storage: Storage;
  table: OutboxTable & { drop(): Promise<void> };
  repository: OutboxRepository;
  drop(): Promise<void>;
}

export function openStores(connectionString: string, prefix = `ob${randomBytes(5).toString('hex')}`): OutboxStores {
  const storage = createStorage(connectionString, { tablePrefix: prefix });
  const table = openOutboxTable(connectionString, prefix);
  return {
    prefix,
    storage,
    table,
    repository: createOutboxRepository(table),
    async drop() {
      await Promise.allSettled([storage.dropAll(), table.drop()]);
    },
  };
}

/** Logs to stderr only when OUTBOX_TEST_LOG is set (e.g. `info`). */
export const testLogger = (): OutboxOptions['logger'] => pino({ level: process.env['OUTBOX_TEST_LOG'] ?? 'silent' }, pino.destination(2));

export const localSender = (requestTimeoutMs = 10_000): OutboxOptions['sender'] =>
  createBotFrameworkSender({ auth: new ConfigurationBotFrameworkAuthentication({}), requestTimeoutMs });

export function outboxFor(stores: OutboxStores, overrides: Partial<OutboxOptions> = {}): Outbox {
  return createOutbox({
    repository: stores.repository,
    conversations: stores.storage.conversations,
    knownUsers: stores.storage.knownUsers,
    sender: localSender(),
    logger: testLogger(),
    pollIntervalMs: 200,
    backoff: { baseMs: 200, capMs: 2_000 },
    // Short shard leases: a test whose worker dies (or is not stopped) hands its shards on quickly.
    shards: { leaseMs: 3_000 },
    ...overrides,
  });
}

export type Registration = 'address' | 'knownUser' | 'none';

/** Registers an emulated Teams user with our storage: a stored 1:1 address, only a KnownUser, or nothing. */
export async function register(stores: OutboxStores, emulator: TeamsConnectorEmulator, user: EmulatedUser, how: Registration): Promise<void> {
  const now = new Date().toISOString();
  if (how === 'address') {
    await stores.storage.conversations.save({
      conversationId: user.personalConversationId,
      kind: 'personal',
      serviceUrl: emulator.serviceUrl,
      tenantId: user.tenantId,
      botId: '28:forumbot-test',
      userId: user.aadObjectId,
      active: true,
      installedAt: now,
    });
  }
  if (how !== 'none') {
    await stores.storage.knownUsers.save({ userId: user.aadObjectId, teamsId: user.teamsId, tenantId: user.tenantId, serviceUrl: emulator.serviceUrl, seenAt: now });
  }
}

/** A card message as feature code would enqueue it: Adaptive Card 1.5 with a plain-text summary. */
export function cardMessage(key: string, userId: string, extra: Partial<NewOutboxMessage> = {}): NewOutboxMessage {
  return {
    idempotencyKey: key,
    recipient: { kind: 'user', userId },
    activity: {
      summary: `Påmindelse: kommentér dagsordenen (${key})`,
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          content: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Kredsrådets dagsorden er klar til kommentarer.', wrap: true }] },
        },
      ],
    },
    subject: { type: 'agenda', id: 'agenda-kredsraad-2026-03', forumId: 'kredsraad' },
    causedBy: 'aad-chair',
    ...extra,
  };
}

export { inGroups } from '../../bot/core/in-groups';

/** The outbox id each delivered activity carries, counted. */
export function copiesByOutboxId(emulator: TeamsConnectorEmulator): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of emulator.sent()) {
    const forumbot = (entry.activity['channelData'] as { forumbot?: { outboxId?: string } } | undefined)?.forumbot;
    const id = forumbot?.outboxId ?? '(none)';
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}
