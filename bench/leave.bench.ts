/**
 * Removing a person who left: the storage requests one removal makes, on an in-memory Azurite.
 *
 *   npx tsx bench/leave.bench.ts [fora=4,30]
 *
 * The person is a member of 4 fora of a municipality of `fora` fora, each with a year of meetings
 * (a monthly series, 3 moved meetings, 12 agendas, each circulated, its final briefing compiled
 * after the deadline: they edited 3 and answered 3 as a consultant),
 * 12 action items (they own 3, created 3 more), 2 cases (they raised one and acted on the other)
 * and 36 audit rows (6 by them); every forum names them among the municipality's analysts. The action plan of that year: 20 initiatives (contact of 4, last
 * editor of 2), 60 history lines (15 theirs), 2 approved versions (they sent one, approved the
 * other) and the working copy they sent again. Counts every HTTP request to Azurite during the
 * removal, reads and writes apart, and the writes per stored row that named them.
 * Target: no more than 3 writes per stored row that named them (an action item changing owner also
 * moves its open-items index row and its picture counts), and none for rows that do not; reads
 * grow with the fora (each forum's agendas, items, cases and audit are read), writes do not.
 */
import { randomUUID } from 'node:crypto';
import { createBotApp } from '../bot/app';
import type { Config } from '../bot/config';
import type { BotServices } from '../bot/core/services';
import { createLogger } from '../bot/logger';
import { removePerson } from '../bot/privacy/leave.service';
import { Initiative } from '../domain/plan/initiative';
import { organisationOf } from '../domain/plan/organisation';
import { PlanRecord, type PlanContent } from '../domain/plan/plan';
import { approve, sendForApproval } from '../domain/plan/plan.rules';
import type { Member } from '../domain/fora/forum';
import { createStorage } from '../storage';
import { startAzurite } from '../storage/azurite';
import { countRequestsTo } from './storage-round-trips';

const SIZES = (process.argv[2] ?? '4,30').split(',').map(Number);
const config: Config = { port: 0, locale: 'da-DK', timeZone: 'Europe/Copenhagen', logLevel: 'silent', dataDir: '.data', publicUrl: 'http://localhost:3978' };
const LEAVER = { userId: 'leaver-0001', displayName: 'Fratrådt Frede' };
const OTHER = { userId: 'colleague-0002', displayName: 'Kollega Karla' };
const MAX_WRITES_PER_ROW = 3;

const month = (n: number, day = 10): string => new Date(Date.UTC(2026, n, day, 8)).toISOString();

/** A forum's year; `theirs` says whether the leaver is in it. Returns how many stored rows name the leaver. */
async function seedForum(services: BotServices, forumId: string, theirs: boolean): Promise<number> {
  let naming = 0;
  const chair = { userId: `chair-${forumId}`, displayName: 'Formand', roles: ['chair' as const] };
  // Every forum carries the municipality's analysts (from the fora file); the leaver is one.
  await services.fora.save({ id: forumId, name: `Forum ${forumId}`, level: 'executing', sensitive: false, analysts: [LEAVER.userId, OTHER.userId] });
  naming += 1;
  await services.members.save(forumId, chair);
  await services.members.save(forumId, { ...OTHER, roles: ['member'] });
  if (theirs) await services.members.save(forumId, { ...LEAVER, roles: ['member', 'consultant'] });
  const series = await services.meetingSeries.save({ id: `${forumId}-series`, forumId, title: 'Netværksmøde', firstDate: '2026-01-13', startTime: '09:00', durationMinutes: 90, rrule: 'FREQ=MONTHLY;BYDAY=2TU', timeZone: 'Europe/Copenhagen' });
  for (const m of [2, 5, 8]) await services.meetings.save({ id: `${forumId}-moved-${m}`, forumId, seriesId: series.id, originalStart: month(m), start: month(m, 11), end: month(m, 11), status: 'moved' });
  await Promise.all(
    [...Array(12).keys()].map(async (m) => {
      const edited = theirs && m % 4 === 0;
      const answered = theirs && m % 4 === 1;
      const agendaId = `${forumId}-agenda-${m}`;
      const circulation = { deadline: month(m, 8), sentAt: month(m, 1), cardsQueuedAt: month(m, 1), consultantIds: answered ? [LEAVER.userId, OTHER.userId] : [OTHER.userId] };
      await services.agendas.save({ id: agendaId, forumId, meetingStart: month(m), state: 'published', revision: 1, items: [{ id: 'item-1', title: 'Tendenser', description: '', inputWanted: true }], createdBy: edited ? LEAVER.userId : chair.userId, updatedBy: edited ? LEAVER.userId : chair.userId, circulation });
      if (edited) naming += 1;
      const author = answered ? LEAVER : OTHER;
      await services.agendaInputs.replaceAnswer(agendaId, author.userId, [{ agendaId, itemId: 'item-1', authorId: author.userId, authorName: author.displayName, authorForumId: forumId, text: 'Flere episoder ved stationen.', noComments: false, agendaRevision: 1, savedAt: month(m, 5) }]);
      if (answered) naming += 2;
      // Past circulations as the job leaves them: the final briefing after the deadline writes the
      // agenda once more, which also counts the answers in the picture.
      const compiledAt = new Date(Date.parse(circulation.deadline) + 60_000).toISOString();
      await services.agendas.update(forumId, agendaId, (current) => ({ ...current, circulation: { ...current.circulation!, briefingCompiledAt: compiledAt } }));
      const byThem = theirs && m % 2 === 0;
      for (let k = 0; k < 3; k += 1) await services.audit.append({ id: randomUUID(), forumId, at: month(m, 11 + k), actorId: byThem && k === 0 ? LEAVER.userId : chair.userId, action: 'agenda.publish', subject: `agenda:${agendaId}` });
      if (byThem) naming += 1;
      const owner = theirs && m % 4 === 2 ? LEAVER : OTHER;
      const createdBy = theirs && m % 4 === 3 ? LEAVER.userId : chair.userId;
      await services.actionItems.save({ id: `${forumId}-item-${m}`, forumId, title: 'Opfølgning', owner: { kind: 'member', ...owner }, dueDate: month(m, 28).slice(0, 10), status: 'open', createdBy, createdAt: month(m, 1), updatedAt: month(m, 1) });
      if (owner === LEAVER || createdBy === LEAVER.userId) naming += 1;
    }),
  );
  for (let c = 0; c < 2; c += 1) {
    const at = month(6 * c, 15);
    const raiser = theirs && c === 0 ? LEAVER : OTHER;
    await services.escalations.create(
      { id: `${forumId}-case-${c}`, title: 'Uro', description: 'Unge samles om aftenen.', category: 'tryghed', urgency: 'normal', originForumId: forumId, currentForumId: forumId, path: [forumId], state: 'raised', raisedBy: raiser, raisedAt: at, updatedAt: at, stepCount: 1 },
      { seq: 0, at, actor: raiser, action: 'raise', toState: 'raised', toForumId: forumId },
    );
    if (raiser === LEAVER) naming += 2;
  }
  return naming;
}

/** The plan of that year; returns how many stored rows name the leaver. */
async function seedPlan(services: BotServices, ownerForumId: string, steeringForumId: string): Promise<number> {
  let naming = 0;
  const initiatives: Initiative[] = [];
  for (let i = 0; i < 20; i += 1) {
    const contact = i % 5 === 0 ? LEAVER : OTHER;
    const editor = i % 10 === 1 ? LEAVER : OTHER;
    const at = month(i % 12, 3);
    const initiative = Initiative.parse({ id: `initiative-${i}`, focusArea: 'Tryghed', project: `Indsats ${i}`, purpose: 'Færre unge i kriminalitet', fromYear: 2026, toYear: 2027, targetGroup: 'Unge', forumId: ownerForumId, contactName: contact.displayName, status: 'running', createdAt: at, updatedAt: at, updatedBy: editor.userId });
    initiatives.push(await services.initiatives.save(initiative));
    if (contact === LEAVER || editor === LEAVER) naming += 1;
    for (let h = 0; h < 3; h += 1) {
      const actor = (i + h) % 4 === 0 ? LEAVER : OTHER;
      await services.initiatives.appendHistory({ initiativeId: initiative.id, at: month((i + h) % 12, 4 + h), actorId: actor.userId, kind: h === 0 ? 'created' : 'edited', fields: h === 0 ? [] : ['purpose'] });
      if (actor === LEAVER) naming += 1;
    }
  }
  const fora = await services.fora.list();
  const members = new Map<string, Member[]>(await Promise.all(fora.map(async (forum) => [forum.id, await services.members.listByForum(forum.id)] as [string, Member[]])));
  const content: PlanContent = { basis: 'Grundlag', strategy: 'Strategi', organisation: organisationOf(fora, members), initiatives };
  let record = PlanRecord.parse({ ownerForumId, steeringForumId });
  for (const [n, sender, approver] of [[1, LEAVER, OTHER], [2, OTHER, LEAVER]] as const) {
    record = sendForApproval(record, content, sender.userId, new Date(month(n * 5)));
    const approved = approve(record, approver.userId, new Date(month(n * 5, 20)));
    await services.plans.addVersion(approved.version);
    record = approved.record;
  }
  await services.plans.save(sendForApproval(record, content, LEAVER.userId, new Date(month(11))));
  return naming + 3;
}

const azurite = await startAzurite();
const lines: string[] = [];
let ok = true;
try {
  for (const size of SIZES) {
    const storage = createStorage(azurite.connectionString, { tablePrefix: `l${randomUUID().replaceAll('-', '').slice(0, 10)}` });
    const app = createBotApp({ config, logger: createLogger('silent'), storage, clock: { now: () => new Date('2027-01-05T09:00:00.000Z') } });
    const forumIds = [...Array(size).keys()].map((i) => `forum-${String(i).padStart(3, '0')}`);
    let naming = 0;
    for (let i = 0; i < forumIds.length; i += 4) naming += (await Promise.all(forumIds.slice(i, i + 4).map((id, k) => seedForum(app.services, id, i + k < 4)))).reduce((a, b) => a + b, 0);
    naming += await seedPlan(app.services, forumIds[0]!, forumIds[1]!);

    const trips = countRequestsTo(azurite.port);
    const started = performance.now();
    const outcome = await removePerson(app.services, LEAVER.userId, 'admin-0003', 'Fratrådt');
    const ms = performance.now() - started;
    const kinds = trips.byKind();
    trips.close();
    const writes = kinds.filter(([kind]) => !kind.startsWith('point read') && !kind.startsWith('query')).reduce((sum, [, n]) => sum + n, 0);
    const total = kinds.reduce((sum, [, n]) => sum + n, 0);
    const planKinds = kinds.filter(([kind]) => /plans|initiative|^upsert\/update fora$/.test(kind));
    if (writes > MAX_WRITES_PER_ROW * naming) ok = false;
    lines.push(
      `${String(size).padStart(3)} fora (member of 4) | ${(ms / 1000).toFixed(2)} s | ${total} requests: ${total - writes} reads, ${writes} writes for ${naming} rows naming them (${(writes / naming).toFixed(2)} per row) | renamed ${outcome.renamed}, erased ${outcome.erased}, reassigned ${outcome.reassigned}\n      plan tables and fora written: ${planKinds.map(([k, n]) => `${k} ${n}`).join(', ')}\n      all: ${kinds.map(([k, n]) => `${k} ${n}`).join(', ')}`,
    );
    console.log(lines.at(-1));
    await storage.dropAll();
  }
} catch (error) {
  ok = false;
  console.error(error);
} finally {
  await azurite.stop();
}
console.log('\nleave: storage requests of one removal\n' + lines.join('\n'));
process.exitCode = ok ? 0 : 1;
