import { withCommentary } from '../../../domain/picture/report-draft';
import type { Storage } from '../../../storage';
import { aForum, aMeeting, aMeetingSeries, anActionItem, anAgenda, anAgendaInput, anAuditEvent, anEscalation } from '../../storage/storage.mothers';
import { uniqueId } from '../../storage/storage-kit';
import type { Person } from '../support/teams-activities';
import { anOutboxMessage } from './retention-seed';

export interface Traces {
  person: Person;
  email: string;
  /** Texts only this person's data holds (what an access request must find, and nobody else's may hold). */
  texts: string[];
  ids: { cases: { raised: string; seenOnly: string }; agendas: { answered: string; edited: string }; teamId: string; conversationId: string };
}

/** Two fora for the traces: a home forum the person is a member of, and another whose agenda they answer. */
export async function twoFora(storage: Storage): Promise<string[]> {
  return [(await storage.fora.save(aForum({ name: 'SSP-netværk' }))).id, (await storage.fora.save(aForum({ name: 'Kredsråd', level: 'strategic' }))).id];
}

/**
 * Gives a person data in every table that can hold them: a membership, an input on another forum's
 * agenda they were circulated, an agenda they created, edited and present on (and may see the
 * briefing of), an item they own, a case they raised and acted on, another's decision they marked
 * "Læst", audit rows they did and that name them (meetings they scheduled and moved among them), a delivered message, a known-user row, a row on a
 * team's roster, their personal chat address (no longer active) and a half-yearly report they wrote
 * commentary on.
 */
export async function leaveTraces(storage: Storage, person: Person, forumIds: string[], word: string, serviceUrl: string): Promise<Traces> {
  const userId = person.aadObjectId;
  const email = `${word}@ishoj.dk`;
  const [home, other] = forumIds as [string, string];
  await storage.members.save(home, { userId, displayName: person.name, email, roles: ['member', 'consultant'] });

  const circulation = { deadline: '2026-03-08T12:00:00.000Z', sentAt: '2026-03-01T08:00:00.000Z', consultantIds: [userId, 'consultant-bystander'], consultants: [{ userId, name: person.name, forumId: home, forumName: 'SSP-netværk' }, { userId: 'consultant-bystander', name: 'Konsulent Bent', forumId: home, forumName: 'SSP-netværk' }] };
  const answered = await storage.agendas.save(anAgenda(other, { circulation }));
  const inputText = `Input om ${word} ved stationen`;
  await storage.agendaInputs.replaceAnswer(answered.id, userId, [anAgendaInput(answered.id, userId, { itemId: answered.items[1]!.id, authorName: person.name, text: inputText })]);
  const base = anAgenda(home);
  const edited = await storage.agendas.save({ ...base, createdBy: userId, updatedBy: userId, updatedByName: person.name, items: [base.items[0]!, { ...base.items[1]!, presenter: person.name }] });

  const itemTitle = `Handling om ${word}`;
  await storage.actionItems.save(anActionItem(home, { title: itemTitle, owner: { kind: 'member', userId, displayName: person.name }, createdBy: userId }));

  const raised = anEscalation(home, { title: `Sag om ${word}`, raisedBy: { userId, displayName: person.name } });
  const created = await storage.escalations.create(raised.escalation, raised.firstStep);
  const note = `Notat om ${word}`;
  await storage.escalations.advance(
    { ...created, state: 'acknowledged', stepCount: 2, updatedAt: '2026-03-02T12:00:00.000Z' },
    { seq: 1, at: '2026-03-02T12:00:00.000Z', actor: { userId, displayName: person.name }, action: 'acknowledge', fromState: 'raised', toState: 'acknowledged', toForumId: home, note },
  );
  const decided = anEscalation(home, { title: `Afgjort sag ${word}`, state: 'resolved', decision: 'Mere lys ved stationen.' });
  await storage.escalations.create(decided.escalation, decided.firstStep);
  await storage.escalations.markSeen(decided.escalation.id, { person: { userId, displayName: person.name }, at: '2026-03-04T09:00:00.000Z' });

  await storage.audit.append(anAuditEvent(home, { actorId: userId, action: 'agenda.input', subject: `forum:${home} ${word}` }));
  await storage.audit.append(anAuditEvent(home, { actorId: 'chair-someone', action: 'member.added', subject: `member:${userId}` }));
  await storage.audit.append(anAuditEvent(home, { actorId: 'chair-someone', action: 'actions.update', subject: 'handling', after: JSON.stringify({ owner: { displayName: person.name } }) }));
  // Meetings hold no person: who scheduled or moved one is in the audit (as the meetings service writes it).
  const series = await storage.meetingSeries.save(aMeetingSeries(home, { title: 'Netværksmøde' }));
  const moved = await storage.meetings.save(aMeeting(home, { seriesId: series.id, originalStart: '2026-02-10T08:00:00.000Z', start: '2026-02-11T08:00:00.000Z', end: '2026-02-11T09:30:00.000Z', status: 'moved' }));
  await storage.audit.append(anAuditEvent(home, { actorId: userId, action: 'meetings.series.scheduled', subject: series.title, after: JSON.stringify(series) }));
  await storage.audit.append(anAuditEvent(home, { actorId: userId, action: 'meetings.occurrence.moved', subject: moved.id, after: JSON.stringify(moved) }));

  await storage.outbox.add(anOutboxMessage({ recipient: { kind: 'user', userId }, recipientKey: `user:${userId}`, causedBy: userId }));
  await storage.knownUsers.save({ userId, teamsId: person.teamsId, tenantId: 't', serviceUrl, displayName: person.name, seenAt: '2026-03-01T12:00:00.000Z' });

  const teamId = `19:${uniqueId('team')}@thread.tacv2`;
  await storage.teamRosters.saveTeam({ teamId, name: 'SSP Ishøj', serviceUrl, tenantId: 't', botId: '28:bot', active: true, channels: [{ conversationId: teamId }], installedAt: '2026-03-01T12:00:00.000Z' });
  await storage.teamRosters.putMembers(teamId, [{ teamId, userId, teamsId: person.teamsId, tenantId: 't', serviceUrl, displayName: person.name, email, upn: email, seenAt: '2026-03-01T12:00:00.000Z' }]);
  const conversationId = `a:${uniqueId('chat')}`;
  await storage.conversations.save({ conversationId, kind: 'personal', serviceUrl, tenantId: 't', botId: '28:bot', userId, active: false, inactiveReason: 'uninstalled', installedAt: '2026-03-01T12:00:00.000Z' });

  const commentary = `Kommentar om ${word}`;
  await storage.pictureReports.save(withCommentary(undefined, home, { from: '2025-07', to: '2025-12' }, { cases: commentary }, { userId, name: person.name, at: '2026-01-05T09:00:00.000Z' }));

  return {
    person,
    email,
    texts: [person.name, userId, inputText, itemTitle, `Sag om ${word}`, note, email, commentary],
    ids: { cases: { raised: raised.escalation.id, seenOnly: decided.escalation.id }, agendas: { answered: answered.id, edited: edited.id }, teamId, conversationId },
  };
}
