import { describe, expect, test } from 'vitest';
import { messagesFor } from '../../../bot/i18n';
import { published, withCommentary } from '../../../domain/picture/report-draft';
import { pseudonymOf } from '../../../domain/privacy/leave';
import { useRunningBot } from '../support/bot-harness';
import { cardTexts, fieldMessage } from '../support/card-reading';
import { aPerson, aPersonalChat, cardAction, type Person } from '../support/teams-activities';
import { aForum, anActionItem, anAgenda, anAgendaInput, anEscalation } from '../../storage/storage.mothers';

const admin = aPerson('Databeskyttelse Dorthe');
const running = useRunningBot({ admins: [admin.aadObjectId] });

const click = async (who: Person, verb: string, data: unknown): Promise<unknown> => {
  const { status, body } = await running.bot.post(cardAction(running.emulator.serviceUrl, aPersonalChat(), who, verb, data));
  expect(status).toBe(200);
  return (body as { value: unknown }).value;
};

describe('removing a person who left the municipality', () => {
  test('given the only chair of a forum then the removal is refused beside the field, naming the forum, and nothing changes', async () => {
    const storage = running.storage.storage;
    const chair = aPerson('Eneste Formand');
    const forum = await storage.fora.save(aForum({ name: 'Lokalrådet' }));
    await storage.members.save(forum.id, { userId: chair.aadObjectId, displayName: chair.name, roles: ['chair'] });
    const card = await click(admin, 'privacy.person.remove.confirm', { userId: chair.aadObjectId });
    expect(fieldMessage(card, 'userId')).toBe('Personen er eneste formand for Lokalrådet. Udpeg en ny formand først.');
    expect(await storage.members.find(forum.id, chair.aadObjectId)).toBeDefined();
  });

  test('given a member with items, inputs, a case and a Teams address then after confirming: memberships end, open items go to the chair, names become the pseudonym, the address and known-user row are gone, and the audit says so', async () => {
    const storage = running.storage.storage;
    const leaver = aPerson('Fratrådt Frede');
    const chair = aPerson('Formand Fie');
    const bystander = aPerson('Kollega Karl');
    const forum = await storage.fora.save(aForum({ name: 'SSP-netværk' }));
    await storage.members.save(forum.id, { userId: chair.aadObjectId, displayName: chair.name, roles: ['chair'] });
    await storage.members.save(forum.id, { userId: leaver.aadObjectId, displayName: leaver.name, roles: ['member', 'consultant'] });
    await storage.members.save(forum.id, { userId: bystander.aadObjectId, displayName: bystander.name, roles: ['member'] });
    const owner = (p: Person) => ({ kind: 'member' as const, userId: p.aadObjectId, displayName: p.name });
    const open = await storage.actionItems.save(anActionItem(forum.id, { owner: owner(leaver), createdBy: leaver.aadObjectId }));
    const done = await storage.actionItems.save(anActionItem(forum.id, { owner: owner(leaver), status: 'done', closedAt: '2026-03-05T12:00:00.000Z' }));
    const others = await storage.actionItems.save(anActionItem(forum.id, { owner: owner(bystander), createdBy: bystander.aadObjectId }));
    const agenda = await storage.agendas.save(anAgenda(forum.id));
    await storage.agendaInputs.replaceAnswer(agenda.id, leaver.aadObjectId, [anAgendaInput(agenda.id, leaver.aadObjectId, { authorName: leaver.name, itemId: agenda.items[1]!.id, text: 'Mit input' })]);
    await storage.agendaInputs.replaceAnswer(agenda.id, bystander.aadObjectId, [anAgendaInput(agenda.id, bystander.aadObjectId, { authorName: bystander.name, itemId: agenda.items[1]!.id })]);
    const raised = anEscalation(forum.id, { raisedBy: { userId: leaver.aadObjectId, displayName: leaver.name } });
    await storage.escalations.create(raised.escalation, raised.firstStep);
    await storage.knownUsers.save({ userId: leaver.aadObjectId, teamsId: leaver.teamsId, tenantId: 't', serviceUrl: running.emulator.serviceUrl, displayName: leaver.name, seenAt: '2026-03-01T12:00:00.000Z' });
    const draft = await storage.pictureReports.save(withCommentary(undefined, forum.id, { from: '2025-07', to: '2025-12' }, { cases: 'Kommentar' }, { userId: leaver.aadObjectId, name: leaver.name, at: '2026-01-05T09:00:00.000Z' }));
    await storage.pictureReports.save(published(draft, { userId: leaver.aadObjectId, name: leaver.name, at: '2026-01-06T09:00:00.000Z' }));
    const conversationId = `a:${leaver.aadObjectId}`;
    await storage.conversations.save({ conversationId, kind: 'personal', serviceUrl: running.emulator.serviceUrl, tenantId: 't', botId: '28:bot', userId: leaver.aadObjectId, active: true, installedAt: '2026-03-01T12:00:00.000Z' });

    const confirm = await click(admin, 'privacy.person.remove', { userId: leaver.aadObjectId });
    expect(cardTexts(confirm).join(' ')).toContain('Fratrådt Frede fjernes fra alle fora');
    const done1 = await click(admin, 'privacy.person.remove.confirm', { userId: leaver.aadObjectId });
    const former = pseudonymOf(leaver.aadObjectId);
    expect(cardTexts(done1)).toContain(`Fjernet fra 1 fora. 1 åbne handlinger er givet til formanden, 0 markeret blokeret, 5 steder vises nu som ${former.displayName}, og 2 rækker kun om personen (adresser, holdlister, leverede beskeder) er slettet.`);

    expect(await storage.members.find(forum.id, leaver.aadObjectId)).toBeUndefined();
    expect(await storage.members.listMembershipsOfUser(leaver.aadObjectId)).toEqual([]);
    expect((await storage.actionItems.findById(forum.id, open.id))?.owner).toEqual(owner(chair));
    expect((await storage.actionItems.findById(forum.id, open.id))?.createdBy).toBe(former.userId);
    expect((await storage.actionItems.findById(forum.id, done.id))?.owner).toEqual({ kind: 'member', ...former });
    expect((await storage.actionItems.findById(forum.id, others.id))?.owner).toEqual(owner(bystander));
    const inputs = await storage.agendaInputs.listByAgenda(agenda.id);
    expect(inputs.map((i) => [i.authorId, i.authorName, i.text]).sort()).toEqual(
      [[former.userId, former.displayName, 'Mit input'], [bystander.aadObjectId, bystander.name, 'Vi ser flere episoder ved stationen om aftenen.']].sort(),
    );
    expect((await storage.escalations.findById(raised.escalation.id))?.raisedBy).toEqual(former);
    const report = await storage.pictureReports.find(forum.id, { from: '2025-07', to: '2025-12' });
    expect(report?.edits.map((e) => [e.userId, e.name])).toEqual([[former.userId, former.displayName]]);
    expect(report?.published).toMatchObject({ userId: former.userId, name: former.displayName });
    expect(report?.commentary).toEqual({ cases: 'Kommentar' });
    expect(await storage.knownUsers.findById(leaver.aadObjectId)).toBeUndefined();
    expect(await storage.conversations.findById(conversationId)).toBeUndefined();
    expect(former.displayName).toMatch(/^Tidligere medlem [0-9A-Z]{7}$/);
    expect(pseudonymOf(leaver.aadObjectId)).toEqual(former);

    const system = await storage.audit.listByForum('system');
    const removed = system.find((e) => e.action === 'privacy.person.removed');
    expect(removed).toMatchObject({ actorId: admin.aadObjectId, subject: `person:${former.userId}` });
    expect(JSON.stringify(system)).not.toContain(leaver.name);
    expect((await storage.audit.listByForum(forum.id)).some((e) => e.action === 'member.removed.left')).toBe(true);
  });

  test('given a non-administrator then removing is refused with the one refusal', async () => {
    const someone = aPerson('Nysgerrig Nina');
    const card = await click(someone, 'privacy.person.remove.confirm', { userId: admin.aadObjectId });
    expect(cardTexts(card)).toContain(messagesFor('da').errors['ACCESS.DENIED']({}));
  });
});
