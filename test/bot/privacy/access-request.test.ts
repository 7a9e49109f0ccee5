import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signedPersonDataPath } from '../../../bot/privacy/person-data-link';
import { linkKeyring } from '../../../bot/signed-links';
import { messagesFor } from '../../../bot/i18n';
import { withCommentary } from '../../../domain/picture/report-draft';
import type { PersonData } from '../../../domain/privacy/person-data';
import { startBot, startEmulator, type RunningBotFixture } from '../support/bot-harness';
import { cardTexts, fieldMessage } from '../support/card-reading';
import { sayTo } from '../support/conversation';
import { aPerson, aPersonalChat, cardAction, type Person } from '../support/teams-activities';
import { aForum, anActionItem, anAgenda, anAgendaInput, anAuditEvent, anEscalation } from '../../storage/storage.mothers';
import { openTestStorage } from '../../storage/storage-kit';
import { anOutboxMessage } from './retention-seed';

const admin = aPerson('Databeskyttelse Dorthe');
const running = {} as RunningBotFixture;
beforeAll(async () => {
  running.storage = openTestStorage();
  running.emulator = await startEmulator();
  running.bot = await startBot(running.storage.storage, { admins: [admin.aadObjectId] });
});
afterAll(async () => {
  await running.bot?.close();
  await running.emulator?.close();
  await running.storage?.storage.dropAll();
});

interface Traces {
  person: Person;
  texts: string[];
}

/** Gives a person data in every table: membership, an input, an item they own, a case they raised and acted on, audit rows, a delivery, a known-user row. */
async function leaveTraces(person: Person, forumIds: string[], word: string): Promise<Traces> {
  const storage = running.storage.storage;
  const userId = person.aadObjectId;
  const [home, other] = forumIds as [string, string];
  await storage.members.save(home, { userId, displayName: person.name, email: `${word}@ishoj.dk`, roles: ['member', 'consultant'] });
  const agenda = await storage.agendas.save(anAgenda(other));
  const inputText = `Input om ${word} ved stationen`;
  await storage.agendaInputs.replaceAnswer(agenda.id, userId, [anAgendaInput(agenda.id, userId, { itemId: agenda.items[1]!.id, authorName: person.name, text: inputText })]);
  const itemTitle = `Handling om ${word}`;
  await storage.actionItems.save(anActionItem(home, { title: itemTitle, owner: { kind: 'member', userId, displayName: person.name }, createdBy: userId }));
  const raised = anEscalation(home, { title: `Sag om ${word}`, raisedBy: { userId, displayName: person.name } });
  const created = await storage.escalations.create(raised.escalation, raised.firstStep);
  const note = `Notat om ${word}`;
  await storage.escalations.advance({ ...created, state: 'acknowledged', stepCount: 2, updatedAt: '2026-03-02T12:00:00.000Z' }, { seq: 1, at: '2026-03-02T12:00:00.000Z', actor: { userId, displayName: person.name }, action: 'acknowledge', fromState: 'raised', toState: 'acknowledged', toForumId: home, note });
  await storage.audit.append(anAuditEvent(home, { actorId: userId, action: 'agenda.input', subject: `forum:${home} ${word}` }));
  await storage.outbox.add(anOutboxMessage({ recipient: { kind: 'user', userId }, recipientKey: `user:${userId}`, causedBy: userId }));
  await storage.knownUsers.save({ userId, teamsId: person.teamsId, tenantId: 't', serviceUrl: running.emulator.serviceUrl, displayName: person.name, seenAt: '2026-03-01T12:00:00.000Z' });
  const commentary = `Kommentar om ${word}`;
  await storage.pictureReports.save(withCommentary(undefined, home, { from: '2025-07', to: '2025-12' }, { cases: commentary }, { userId, name: person.name, at: '2026-01-05T09:00:00.000Z' }));
  return { person, texts: [person.name, userId, inputText, itemTitle, `Sag om ${word}`, note, `${word}@ishoj.dk`, commentary] };
}

const invoke = async (who: Person, data: unknown): Promise<unknown> => {
  const { status, body } = await running.bot.post(cardAction(running.emulator.serviceUrl, aPersonalChat(), who, 'privacy.access.request', data));
  expect(status).toBe(200);
  return (body as { value: unknown }).value;
};

const urlsOf = (card: unknown): string[] => [...JSON.stringify(card).matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]!.replace('http://localhost:3978', running.bot.baseUrl));

describe('an access request', () => {
  test('given a person with data in every table then the administrator gets all of it as JSON and CSV, and nothing of anyone else', async () => {
    const storage = running.storage.storage;
    const fora = [await storage.fora.save(aForum({ name: 'SSP-netværk' })), await storage.fora.save(aForum({ name: 'Kredsråd', level: 'strategic' }))];
    const ids = fora.map((f) => f.id);
    const asked = await leaveTraces(aPerson('Konsulent Åse Ærø'), ids, 'kirsebaer');
    const other = await leaveTraces(aPerson('Politibetjent Bo Holm'), [...ids].reverse(), 'blomme');

    // The form comes from the typed command; the administrator fills it in.
    const reply = await sayTo(running, aPersonalChat(), admin, 'persondata');
    expect(cardTexts(reply['attachments'])).toContain('Indsigt: en persons data');
    const card = await invoke(admin, { userId: asked.person.aadObjectId });
    expect(cardTexts(card).join(' ')).toContain('Medlemskaber: 1 · Input: 1 · Handlinger: 1 · Sager: 1 · Log: 1 · Beskeder: 1');
    const [jsonUrl, csvUrl] = urlsOf(card);

    const jsonResponse = await fetch(jsonUrl!);
    expect(jsonResponse.status).toBe(200);
    expect(jsonResponse.headers.get('content-disposition')).toMatch(/attachment; filename="persondata-/);
    const text = await jsonResponse.text();
    const data = JSON.parse(text) as PersonData;
    expect(data.memberships).toEqual([{ forumId: ids[0], forumName: 'SSP-netværk', displayName: asked.person.name, email: 'kirsebaer@ishoj.dk', roles: ['member', 'consultant'] }]);
    expect(data.inputs.map((i) => [i.forumId, i.text])).toEqual([[ids[1], 'Input om kirsebaer ved stationen']]);
    expect(data.actionItems.map((a) => [a.title, a.as])).toEqual([['Handling om kirsebaer', ['owner', 'creator']]]);
    expect(data.cases.map((c) => [c.title, c.raisedByThem, c.theirSteps.map((s) => s.note ?? s.action)])).toEqual([['Sag om kirsebaer', true, ['raise', 'Notat om kirsebaer']]]);
    expect(data.audit.map((e) => e.subject)).toEqual([`forum:${ids[0]} kirsebaer`]);
    expect(data.deliveries).toHaveLength(1);
    expect(data.pictureReports).toEqual([{ forumId: ids[0], period: { from: '2025-07', to: '2025-12' }, edits: ['2026-01-05T09:00:00.000Z'], commentary: { cases: 'Kommentar om kirsebaer' } }]);
    expect(data.knownAs?.teamsId).toBe(asked.person.teamsId);
    for (const trace of asked.texts) expect(text).toContain(JSON.stringify(trace).slice(1, -1));
    for (const trace of other.texts) expect(text).not.toContain(JSON.stringify(trace).slice(1, -1));

    // Decoded keeping the byte-order mark (Excel needs it; Response.text() would drop it).
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await (await fetch(csvUrl!)).arrayBuffer());
    expect(csv.startsWith('\uFEFFOmråde;Forum;Tidspunkt;Hvad;Detaljer;Id\r\n')).toBe(true);
    for (const trace of ['Input om kirsebaer ved stationen', 'Handling om kirsebaer', 'Notat om kirsebaer', 'Sag om kirsebaer', 'Kommentar om kirsebaer']) expect(csv).toContain(trace);
    for (const trace of other.texts) expect(csv).not.toContain(trace);

    // The handing out is in the audit: who asked, whose data — not what it held.
    const system = await storage.audit.listByForum('system');
    expect(system.filter((e) => e.actorId === admin.aadObjectId).map((e) => e.action).sort()).toEqual(['privacy.accessRequest', 'privacy.accessRequest.download', 'privacy.accessRequest.download']);
  });

  test('given anyone but an administrator then the command, the form and the links are refused', async () => {
    const someone = aPerson('Nysgerrig Nina');
    const denied = messagesFor('da').errors['ACCESS.DENIED']({});
    const reply = await sayTo(running, aPersonalChat(), someone, 'persondata');
    expect(JSON.stringify(reply)).toContain(denied);
    expect(cardTexts(await invoke(someone, { userId: admin.aadObjectId }))).toContain(denied);
    const ring = linkKeyring(running.bot.app.services.config.linkKeys);
    // A genuine link, signed for a non-administrator, and an administrator's link with its signature changed.
    const own = signedPersonDataPath(ring, admin.aadObjectId, someone.aadObjectId, 'json', new Date());
    expect((await fetch(`${running.bot.baseUrl}${own.path}`)).status).toBe(403);
    const forged = signedPersonDataPath(ring, someone.aadObjectId, admin.aadObjectId, 'csv', new Date()).path.replace(/sig=[^&]+/, 'sig=AAAA');
    expect((await fetch(`${running.bot.baseUrl}${forged}`)).status).toBe(403);
  });

  test('given an object id nobody has data for then the form comes back with the reason beside the field', async () => {
    const card = await invoke(admin, { userId: '00000000-0000-0000-0000-000000000000' });
    expect(fieldMessage(card, 'userId')).toBe('Forumbot har ingen data om en person med det objekt-id. Tjek id\'et i Entra ID.');
  });
});
