import { randomUUID } from 'node:crypto';
import type { Forum } from '../../../domain/fora/forum';
import { localDateOf } from '../../../domain/actions/local-date';
import { anActionItem, anEscalation } from '../../domain/support/mothers';
import { aMeetingSeries } from '../../storage/storage.mothers';
import type { RunningBotFixture } from '../support/bot-harness';
import { installInChannel } from '../support/emulated-teams';
import { aChannel, aPerson, type Channel, type Person } from '../support/teams-activities';

/**
 * The world the permission matrix runs in: an ordinary forum (O) and a sensitive one (S), both
 * escalating to a strategic forum (L), each with members in every role, a throwaway member, a
 * weekly series, a published and circulated agenda with a consultant's input, an action item and a
 * case raised to L. Everything S holds carries a seal text that no outsider may ever see.
 */

export const PERSONAS = ['outsider', 'member', 'consultant', 'secretary', 'chair', 'managerAbove', 'sensitiveMember', 'nonMemberManagerAbove'] as const;
export type Persona = (typeof PERSONAS)[number];

export interface ForumWorld {
  forum: Forum;
  channel: Channel;
  people: Record<Persona, Person>;
  /** The forum's own people (not the forum above, not outsiders). */
  members: Person[];
  target: Person;
  agendaId: string;
  agendaRevision: number;
  agendaItemId: string;
  actionItemId: string;
  escalationId: string;
  seriesId: string;
  occurrenceKey?: string;
  /** Texts that only the forum's members may ever see (empty for the ordinary forum). */
  sealed: string[];
  /** Who sits in the forum (empty for the ordinary forum): only its members may learn it. */
  sealedNames: string[];
}

export interface MatrixWorld {
  above: Forum;
  ordinary: ForumWorld;
  sensitive: ForumWorld;
}

const SEAL = (what: string, tag: string) => `SEGL-${what}-${tag}`;

async function forumWorld(running: RunningBotFixture, tag: string, above: Forum, manager: Person, outsider: Person, sensitive: boolean, sensitiveMember: Person): Promise<ForumWorld> {
  const { storage } = running.storage;
  const kind = sensitive ? 's' : 'o';
  const seal = (what: string) => (sensitive ? SEAL(what, tag) : `Åben ${what} ${tag}`);
  const channel = aChannel(sensitive ? 'Lukket' : 'Åben');
  const link = await installInChannel(running, channel);
  const forum = await storage.fora.save({ id: `${tag}-${kind}`, name: sensitive ? `Lukket forum ${tag}` : `Åbent forum ${tag}`, level: 'coordinating', sensitive, escalatesTo: above.id, teams: link });

  const member = sensitive ? sensitiveMember : aPerson(`Medlem ${kind}${tag}`);
  const secretary = aPerson(sensitive ? `Seglet sekretær ${tag}` : `Sekretær ${kind}${tag}`);
  const chair = aPerson(sensitive ? `Seglet formand ${tag}` : `Formand ${kind}${tag}`);
  const consultant = aPerson(`Konsulent ${kind}${tag}`);
  const target = aPerson(sensitive ? `Seglet deltager ${tag}` : `Deltager ${kind}${tag}`);
  // A sensitive forum circulates to its own members only: there the consultant is one of them.
  const roles: [Person, 'member' | 'secretary' | 'chair' | 'consultant'][] = [
    [member, 'member'],
    [secretary, 'secretary'],
    [chair, 'chair'],
    [target, 'member'],
    ...(sensitive ? [[consultant, 'consultant'] as [Person, 'consultant']] : []),
  ];
  for (const [person, role] of roles) await storage.members.save(forum.id, { userId: person.aadObjectId, displayName: person.name, roles: [role] });

  const timeZone = 'Europe/Copenhagen';
  const firstDate = localDateOf(new Date(Date.now() + 7 * 86_400_000), timeZone);
  const series = await storage.meetingSeries.save(
    aMeetingSeries(forum.id, { title: seal('møde'), location: seal('lokale'), firstDate, rrule: 'FREQ=WEEKLY;COUNT=20', startTime: '10:00', calendarToken: `tok${randomUUID().replaceAll('-', '').slice(0, 19)}` }),
  );

  const now = new Date();
  const meetingStart = new Date(now.getTime() + 8 * 86_400_000).toISOString();
  const agendaItemId = `punkt-${tag}-${kind}`;
  const agenda = await storage.agendas.save({
    id: `dagsorden-${tag}-${kind}`,
    forumId: forum.id,
    meetingStart,
    state: 'published',
    revision: 1,
    items: [
      { id: agendaItemId, title: seal('punkt'), description: seal('beskrivelse'), inputWanted: true },
      { id: `${agendaItemId}-2`, title: seal('punkt2'), description: '', inputWanted: true },
    ],
    circulationEnabled: true,
    circulation: {
      deadline: new Date(now.getTime() + 3 * 86_400_000).toISOString(),
      consultantIds: [consultant.aadObjectId],
      consultants: [{ userId: consultant.aadObjectId, name: consultant.name, forumId: forum.id, forumName: forum.name }],
      sentAt: now.toISOString(),
      forumName: forum.name,
      briefingKey: randomUUID().replaceAll('-', ''),
    },
  });
  await storage.agendaInputs.replaceAnswer(agenda.id, consultant.aadObjectId, [
    { agendaId: agenda.id, itemId: agendaItemId, authorId: consultant.aadObjectId, authorName: consultant.name, authorForumId: forum.id, text: seal('input'), noComments: false, agendaRevision: 1, savedAt: now.toISOString() },
  ]);

  const item = await storage.actionItems.save(
    anActionItem({ id: `handling-${tag}-${kind}`, forumId: forum.id, title: `Handling ${kind}${tag}`, owner: { kind: 'member', userId: member.aadObjectId, displayName: member.name }, dueDate: localDateOf(new Date(now.getTime() + 14 * 86_400_000), timeZone), createdBy: chair.aadObjectId }),
  );

  const raisedBy = { userId: chair.aadObjectId, displayName: chair.name };
  const escalation = anEscalation({
    id: `sag-${tag}-${kind}`,
    title: `Sag fra ${kind}${tag}`,
    description: seal('sagsbeskrivelse'),
    originForumId: forum.id,
    currentForumId: above.id,
    path: [forum.id, above.id],
    raisedBy,
    raisedAt: now.toISOString(),
    updatedAt: now.toISOString(),
    stepCount: 1,
    ...(sensitive ? { sensitive: true } : {}),
  });
  await storage.escalations.create(escalation, { seq: 0, at: now.toISOString(), actor: raisedBy, action: 'raise', toState: 'raised', fromForumId: forum.id, toForumId: above.id, note: escalation.description });

  const people: Record<Persona, Person> = {
    outsider,
    member,
    consultant,
    secretary,
    chair,
    managerAbove: manager,
    sensitiveMember,
    nonMemberManagerAbove: manager,
  };
  const sealed = sensitive ? [seal('møde'), seal('lokale'), seal('punkt'), seal('beskrivelse'), seal('punkt2'), seal('input'), seal('sagsbeskrivelse'), series.calendarToken ?? ''] : [];
  const sealedNames = sensitive ? [secretary.name, chair.name, target.name] : [];
  return {
    forum,
    channel,
    people,
    members: sensitive ? [member, secretary, chair, target, consultant] : [member, secretary, chair, target],
    target,
    agendaId: agenda.id,
    agendaRevision: agenda.revision,
    agendaItemId,
    actionItemId: item.id,
    escalationId: escalation.id,
    seriesId: series.id,
    sealed,
    sealedNames,
  };
}

export async function buildMatrixWorld(running: RunningBotFixture): Promise<MatrixWorld> {
  const tag = randomUUID().slice(0, 6);
  const { storage } = running.storage;
  const above = await storage.fora.save({ id: `${tag}-l`, name: `Styregruppe ${tag}`, level: 'strategic', sensitive: false });
  const manager = aPerson(`Leder ${tag}`);
  await storage.members.save(above.id, { userId: manager.aadObjectId, displayName: manager.name, roles: ['manager'] });
  const outsider = aPerson(`Udenforstående ${tag}`);
  const sensitiveMember = aPerson(`Seglet medlem ${tag}`);
  const sensitive = await forumWorld(running, tag, above, manager, outsider, true, sensitiveMember);
  const ordinary = await forumWorld(running, tag, above, manager, outsider, false, sensitiveMember);
  // The sensitive forum's own member is its `member` persona; its name is sealed too.
  sensitive.sealedNames.push(sensitiveMember.name);
  return { above, ordinary, sensitive };
}
