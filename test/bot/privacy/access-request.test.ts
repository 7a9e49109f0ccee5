import { describe, expect, test } from 'vitest';
import { signedPersonDataPath } from '../../../bot/privacy/person-data-link';
import { linkKeyring } from '../../../bot/signed-links';
import { messagesFor } from '../../../bot/i18n';
import type { PersonData } from '../../../domain/privacy/person-data';
import { useRunningBot } from '../support/bot-harness';
import { cardTexts, fieldMessage } from '../support/card-reading';
import { sayTo } from '../support/conversation';
import { aPerson, aPersonalChat, cardAction, type Person } from '../support/teams-activities';
import { leaveTraces, twoFora } from './person-traces';
import { planTraces } from './plan-traces';
import { anOutboxMessage } from './retention-seed';

const admin = aPerson('Databeskyttelse Dorthe');
const running = useRunningBot({ admins: [admin.aadObjectId] });

const invoke = async (who: Person, data: unknown): Promise<unknown> => {
  const { status, body } = await running.bot.post(cardAction(running.emulator.serviceUrl, aPersonalChat(), who, 'privacy.access.request', data));
  expect(status).toBe(200);
  return (body as { value: unknown }).value;
};

const urlsOf = (card: unknown): string[] => [...JSON.stringify(card).matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]!.replace('http://localhost:3978', running.bot.baseUrl));

describe('an access request', () => {
  test('given a person with data in every table then the administrator gets all of it as JSON and CSV, and nothing of anyone else', async () => {
    const storage = running.storage.storage;
    const ids = await twoFora(storage);
    const asked = await leaveTraces(storage, aPerson('Konsulent Åse Ærø'), ids, 'kirsebaer', running.emulator.serviceUrl);
    const other = await leaveTraces(storage, aPerson('Politibetjent Bo Holm'), [...ids].reverse(), 'blomme', running.emulator.serviceUrl);
    const plan = await planTraces(storage, asked, other, ids);
    // A message each caused the other (a case raised, the other told): the causer sees kind and time, not to whom.
    const [askedId, otherId] = [asked.person.aadObjectId, other.person.aadObjectId];
    await storage.outbox.add(anOutboxMessage({ id: `msg-to-${otherId}`, recipient: { kind: 'user', userId: otherId }, recipientKey: `user:${otherId}`, causedBy: askedId, subject: { type: 'escalation', id: 'case-1' } }));
    await storage.outbox.add(anOutboxMessage({ recipient: { kind: 'user', userId: askedId }, recipientKey: `user:${askedId}`, causedBy: otherId, subject: { type: 'agenda', id: 'agenda-1' } }));

    // The form comes from the typed command; the administrator fills it in.
    const reply = await sayTo(running, aPersonalChat(), admin, 'persondata');
    expect(cardTexts(reply['attachments'])).toContain('Indsigt: en persons data');
    const card = await invoke(admin, { userId: asked.person.aadObjectId });
    expect(cardTexts(card).join(' ')).toContain('Medlemskaber: 1 · Input: 1 · Handlinger: 1 · Sager: 2 · Log: 5 · Beskeder: 2');
    const [jsonUrl, csvUrl] = urlsOf(card);

    const jsonResponse = await fetch(jsonUrl!);
    expect(jsonResponse.status).toBe(200);
    expect(jsonResponse.headers.get('content-disposition')).toMatch(/attachment; filename="persondata-/);
    const text = await jsonResponse.text();
    const data = JSON.parse(text) as PersonData;
    expect(data.memberships).toEqual([{ forumId: ids[0], forumName: 'SSP-netværk', displayName: asked.person.name, email: 'kirsebaer@ishoj.dk', roles: ['member', 'consultant'] }]);
    expect(data.inputs.map((i) => [i.forumId, i.text])).toEqual([[ids[1], 'Input om kirsebaer ved stationen']]);
    expect(data.actionItems.map((a) => [a.title, a.as])).toEqual([['Handling om kirsebaer', ['owner', 'creator']]]);
    const cases = data.cases.map((c) => [c.title, c.raisedByThem, c.theirSteps.map((s) => s.note ?? s.action), c.seenDecisionAt]).sort();
    expect(cases).toEqual([['Afgjort sag kirsebaer', false, [], '2026-03-04T09:00:00.000Z'], ['Sag om kirsebaer', true, ['raise', 'Notat om kirsebaer'], undefined]]);
    expect(data.agendas.map((a) => [a.agendaId, a.as]).sort()).toEqual([[asked.ids.agendas.answered, ['consultant']], [asked.ids.agendas.edited, ['creator', 'editor', 'presenter']]].sort());
    // What they did, and what others did to them or wrote about them (by id or by name) — this request included (the file is made at download).
    expect(data.audit.map((e) => [e.action, e.as]).sort()).toEqual([
      ['actions.update', ['named']],
      ['agenda.input', ['actor']],
      ['meetings.occurrence.moved', ['actor']],
      ['meetings.series.scheduled', ['actor']],
      ['member.added', ['named']],
      ['privacy.accessRequest', ['named']],
    ]);
    // The action plan: what they sent, approved, are listed in or contact for, and their history lines — not the other's.
    expect(data.analystIn).toEqual([ids[0]]);
    expect(data.plan.pending?.as).toEqual(['sender', 'listed', 'contact', 'editor']);
    expect(data.plan.versions.map((v) => [v.number, v.as])).toEqual([[1, ['sender', 'listed', 'contact', 'editor']], [2, ['approver', 'listed', 'contact', 'editor']]]);
    expect(data.plan.initiatives.map((i) => [i.id, i.as]).sort()).toEqual([[plan.initiatives.a, ['contact', 'editor']], [plan.initiatives.shared, ['contact']]].sort());
    expect(data.plan.changes.map((c) => [c.initiativeId, c.kind]).sort()).toEqual([[plan.initiatives.a, 'created'], [plan.initiatives.shared, 'edited']].sort());
    for (const trace of plan.texts.a) expect(text).toContain(trace);
    for (const trace of [...plan.texts.b, plan.initiatives.b]) expect(text).not.toContain(trace);
    expect(text).not.toContain(`msg-to-${otherId}`);
    expect(data.teams).toEqual([{ teamId: asked.ids.teamId, displayName: asked.person.name, email: asked.email, upn: asked.email, seenAt: '2026-03-01T12:00:00.000Z' }]);
    expect(data.personalChat).toEqual({ conversationId: asked.ids.conversationId, active: false, installedAt: '2026-03-01T12:00:00.000Z' });
    expect(data.deliveries.map((d) => d.subjectType).sort()).toEqual(['agenda', 'reminder']);
    expect(data.caused).toEqual([{ status: 'sent', subjectType: 'escalation', enqueuedAt: expect.any(String), deliveredAt: expect.any(String) }]);
    expect(data.pictureReports).toEqual([{ forumId: ids[0], period: { from: '2025-07', to: '2025-12' }, edits: ['2026-01-05T09:00:00.000Z'], commentary: { cases: 'Kommentar om kirsebaer' } }]);
    expect(data.knownAs?.teamsId).toBe(asked.person.teamsId);
    for (const trace of asked.texts) expect(text).toContain(JSON.stringify(trace).slice(1, -1));
    for (const trace of other.texts) expect(text).not.toContain(JSON.stringify(trace).slice(1, -1));

    // Decoded keeping the byte-order mark (Excel needs it; Response.text() would drop it).
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await (await fetch(csvUrl!)).arrayBuffer());
    expect(csv.startsWith('\uFEFFOmråde;Forum;Tidspunkt;Hvad;Detaljer;Id\r\n')).toBe(true);
    for (const trace of ['Input om kirsebaer ved stationen', 'Handling om kirsebaer', 'Notat om kirsebaer', 'Sag om kirsebaer', 'Læst afgørelse', 'creator, editor, presenter', 'Holdliste', 'Personlig chat;;2026-03-01T12:00:00.000Z;inaktiv', 'Kommentar om kirsebaer', 'Handlingsplan;;2026-02-20T09:00:00.000Z;v2;approver, listed, contact, editor', 'Indsats;;;Indsats om kirsebaer;contact, editor', 'Indsats ændret;;2026-01-08T09:00:00.000Z;edited;contactName', 'Analytiker (halvårsbilledet)', 'Besked sendt til andre']) expect(csv).toContain(trace);
    for (const trace of [...other.texts, ...plan.texts.b]) expect(csv).not.toContain(trace);

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
