import type { Storage } from '../../../storage/index';
import { uniqueId } from '../../storage/storage-kit';
import { aForum, anActionItem, anAgenda, anAgendaInput, anAgendaItem, anEscalation, aMeeting, aMember } from '../../storage/storage.mothers';

const DAY = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString();
const ymd = (ms: number): string => iso(ms).slice(0, 10);

/**
 * A small forum world around the real clock: one ordinary forum with a chair, a member and a
 * consultant, a sensitive forum with one member of its own, and an outsider who is in neither.
 */
export async function seedTabWorld(storage: Storage, now = Date.now()) {
  const people = {
    chair: aMember({ userId: uniqueId('aad-mette'), displayName: 'Mette Holm', roles: ['chair'] }),
    member: aMember({ userId: uniqueId('aad-soeren'), displayName: 'Søren Ærø', roles: ['member', 'manager'] }),
    consultant: aMember({ userId: uniqueId('aad-aase'), displayName: 'Åse Konsulent', roles: ['consultant'] }),
    infohus: aMember({ userId: uniqueId('aad-ib'), displayName: 'Ib Infohus', roles: ['chair'] }),
    outsider: aMember({ userId: uniqueId('aad-ole'), displayName: 'Ole Udenfor', roles: ['member'] }),
  };
  const forum = aForum({ id: uniqueId('ssp-nu'), name: 'SSP-NU u18', escalatesTo: undefined });
  const sensitive = aForum({ id: uniqueId('infohus'), name: 'Infohus', sensitive: true, escalatesTo: undefined });
  const other = aForum({ id: uniqueId('netvaerk'), name: 'SSP-netværk', level: 'executing', escalatesTo: undefined });
  await Promise.all([storage.fora.save(forum), storage.fora.save(sensitive), storage.fora.save(other)]);
  await Promise.all([
    storage.members.save(forum.id, people.chair),
    storage.members.save(forum.id, people.member),
    storage.members.save(forum.id, people.consultant),
    storage.members.save(sensitive.id, people.infohus),
    storage.members.save(other.id, people.outsider),
  ]);

  const meetingStart = now + 3 * DAY;
  const meeting = aMeeting(forum.id, { start: iso(meetingStart), end: iso(meetingStart + 90 * 60_000), location: 'Ishøj Rådhus, mødelokale 2' });
  await storage.meetings.save(meeting);

  const items = [anAgendaItem({ title: 'Godkendelse af dagsorden', inputWanted: false }), anAgendaItem({ title: 'Uro ved Ishøj Station', inputWanted: true })];
  const agenda = anAgenda(forum.id, {
    meetingStart: iso(meetingStart),
    state: 'published',
    revision: 1,
    items,
    circulation: { deadline: iso(now + 2 * DAY), consultantIds: [people.consultant.userId, people.member.userId], sentAt: iso(now - DAY) },
  });
  await storage.agendas.save(agenda);
  await storage.agendaInputs.replaceAnswer(agenda.id, people.member.userId, [
    anAgendaInput(agenda.id, people.member.userId, { itemId: items[1]?.id, authorName: people.member.displayName, authorForumId: forum.id, agendaRevision: 1 }),
  ]);

  const overdue = anActionItem(forum.id, {
    title: 'Indkald natteravnene',
    owner: { kind: 'member', userId: people.chair.userId, displayName: people.chair.displayName },
    dueDate: ymd(now - 2 * DAY),
  });
  const later = anActionItem(forum.id, {
    title: 'Kortlæg tryghedsvandringer',
    owner: { kind: 'member', userId: people.member.userId, displayName: people.member.displayName },
    dueDate: ymd(now + 20 * DAY),
  });
  const done = anActionItem(forum.id, { title: 'Afsluttet opgave', status: 'done' });
  await Promise.all([storage.actionItems.save(overdue), storage.actionItems.save(later), storage.actionItems.save(done)]);

  const raised = anEscalation(forum.id, { title: 'Grupper samles ved stationen om aftenen', raisedBy: { userId: people.member.userId, displayName: people.member.displayName } });
  const secret = anEscalation(sensitive.id, { title: 'Hemmelig sag i Infohus' });
  await storage.escalations.create(raised.escalation, raised.firstStep);
  await storage.escalations.create(secret.escalation, secret.firstStep);

  return { people, forum, sensitive, other, meeting, agenda, actionItems: { overdue, later, done }, escalation: raised.escalation };
}

export type TabWorld = Awaited<ReturnType<typeof seedTabWorld>>;
