/**
 * One circulation to consultants known only from a team roster (none has a 1:1 chat with the bot
 * yet), through the Teams connector emulator with Teams' real limits and in real time: how long
 * until every card is delivered, and how many connector calls each person costs (roster pages,
 * opening the 1:1 chat, the card).
 *
 *   npx tsx bench/reach.bench.ts [people=200]
 *
 * Target: every card delivered, no limit broken (violations 0), at most 2.1 connector calls a person.
 */
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { z } from 'zod';
import { createConnectorTeamDirectory } from '../bot/reach/connector-team-directory';
import { syncTeamRoster } from '../bot/reach/roster-sync';
import { systemClock } from '../domain/shared/time';
import { startAzurite } from '../storage/azurite';
import { startTeamsConnectorEmulator } from '../test/emulator/teams-connector-emulator';
import { cardMessage, inGroups, openStores, outboxFor } from '../test/outbox/outbox-fixture';
import { parseBenchArgs } from './bench-args';

const { people } = parseBenchArgs(z.object({ people: z.coerce.number().int().min(1).max(5_000).default(200) }), 'people', 'npx tsx bench/reach.bench.ts [people=200]');
const MAX_CALLS_PER_PERSON = 2.1;

const azurite = await startAzurite();
const emulator = await startTeamsConnectorEmulator({ conversations: 'known-only' });
const stores = openStores(azurite.connectionString);
try {
  const users = Array.from({ length: people }, (_, i) => emulator.addUser({ aadObjectId: `aad-roster-${i}`, installed: false, email: `k${i}@ishoej.dk` }));
  const team = emulator.addTeam({ name: 'SSP Ishøj', members: users.map((u) => u.aadObjectId) });
  const install = { teamId: team.id, serviceUrl: emulator.serviceUrl, tenantId: team.tenantId, botId: '28:forumbot-bench', active: true, channels: [], installedAt: new Date().toISOString() };
  await stores.storage.teamRosters.saveTeam(install);

  const started = performance.now();
  const sync = await syncTeamRoster({ directory: createConnectorTeamDirectory({ auth: new ConfigurationBotFrameworkAuthentication({}) }), rosters: stores.storage.teamRosters, clock: systemClock }, install);
  const syncedMs = performance.now() - started;

  const outbox = outboxFor(stores, { rosters: stores.storage.teamRosters, pollIntervalMs: 1_000 });
  outbox.start();
  const circulationStart = performance.now();
  await inGroups(users, 20, (user) => outbox.enqueue(cardMessage(`bench:reach:${user.aadObjectId}`, user.aadObjectId)));
  await emulator.waitFor((e) => e.sent().length >= people, 10 * 60_000);
  const deliveredMs = performance.now() - circulationStart;
  await outbox.stop({ timeoutMs: 10_000 });

  const requests = emulator.requests();
  const count = (pattern: RegExp): number => requests.filter((r) => pattern.test(`${r.method} ${r.path.split('?')[0] ?? ''}`)).length;
  const rosterCalls = count(/GET .*\/(pagedmembers|conversations)$/);
  const creates = count(/^POST .*\/v3\/conversations$/);
  const sends = count(/^POST .*\/activities$/);
  const stats = emulator.stats();
  const perPerson = requests.length / people;
  console.log(`Reach benchmark: one circulation to ${people} consultants known only from a team roster (Teams' limits, real time)`);
  console.log(`roster read:        ${sync.members} members in ${sync.pages} page(s), ${(syncedMs / 1000).toFixed(2)} s`);
  console.log(`all cards delivered ${(deliveredMs / 1000).toFixed(2)} s after the circulation started (${emulator.sent().length} cards)`);
  console.log(`connector calls:    ${requests.length} = roster/channels ${rosterCalls} + open 1:1 chat ${creates} + cards ${sends} + refused ${stats.throttled}`);
  console.log(`calls per person:   ${perPerson.toFixed(2)} (target ≤ ${MAX_CALLS_PER_PERSON}); limit violations ${stats.violations}; 429s ${stats.throttled}`);
  for (const refused of requests.filter((r) => r.status === 429)) console.log(`refused:            ${refused.method} ${refused.path.split('?')[0] ?? ''} ${refused.status} ${refused.reason} (at ${new Date(refused.at).toISOString()})`);
  process.exitCode = emulator.sent().length === people && stats.violations === 0 && perPerson <= MAX_CALLS_PER_PERSON ? 0 : 1;
} finally {
  await emulator.close();
  await stores.drop();
  await azurite.stop();
}
