import type { RosterMember } from '../../domain/reach/team-roster';
import { personDataOf, type PersonData } from '../../domain/privacy/person-data';
import type { PlanSources } from '../../domain/privacy/plan-person-data';
import type { BotServices } from '../core/services';
import { SYSTEM_AUDIT } from './retention.service';

type Services = Pick<BotServices, 'fora' | 'members' | 'agendas' | 'agendaInputs' | 'actionItems' | 'escalations' | 'audit' | 'knownUsers' | 'outboxRecords' | 'outbox' | 'teamRosters' | 'conversations' | 'pictureReports' | 'plans' | 'initiatives' | 'clock'>;

/** Finished messages leave the outbox some weeks after delivery, so a person's own are far fewer than this. */
const CAUSED_LIMIT = 10_000;

/**
 * Reads everything that may hold the person and lets the domain pick their part. Every forum is
 * read: a consultant answers other fora's agendas, a manager acts on cases of fora below. An
 * administrator's occasional request, so completeness matters more than reads.
 */
export async function collectPersonData(services: Services, userId: string): Promise<PersonData> {
  const fora = await services.fora.list();
  const perForum = await Promise.all(
    fora.map(async (forum) => {
      const [members, agendas, items, cases, audit, reports] = await Promise.all([
        services.members.listByForum(forum.id),
        services.agendas.listByForum(forum.id),
        services.actionItems.listByForum(forum.id),
        services.escalations.listByOriginForum(forum.id),
        services.audit.listByForum(forum.id),
        services.pictureReports.listByForum(forum.id),
      ]);
      const inputs = (await Promise.all(agendas.map((agenda) => services.agendaInputs.listByAuthor(agenda.id, userId)))).flat();
      const withHistory = await Promise.all(
        cases.map(async (escalation) => ({ escalation, history: await services.escalations.history(escalation.id), seen: await services.escalations.listSeen(escalation.id) })),
      );
      return { forumId: forum.id, members, inputs, items, agendas, cases: withHistory, audit, reports };
    }),
  );
  const [systemAudit, deliveries, caused, knownUser, roster, personalChat, plan] = await Promise.all([
    services.audit.listByForum(SYSTEM_AUDIT),
    services.outboxRecords.listByRecipient(userId),
    services.outbox.listByCauser(userId, CAUSED_LIMIT),
    services.knownUsers.findById(userId),
    rosterRowsOf(services, userId),
    services.conversations.findPersonalAddress(userId),
    planSourcesOf(services, userId),
  ]);
  return personDataOf(
    userId,
    {
      fora,
      members: perForum.flatMap((f) => f.members.map((member) => ({ forumId: f.forumId, member }))),
      inputs: perForum.flatMap((f) => f.inputs.map((input) => ({ forumId: f.forumId, input }))),
      actionItems: perForum.flatMap((f) => f.items),
      cases: perForum.flatMap((f) => f.cases),
      agendas: perForum.flatMap((f) => f.agendas),
      audit: [...perForum.flatMap((f) => f.audit), ...systemAudit],
      deliveries,
      caused,
      knownUser,
      roster,
      personalChat,
      pictureReports: perForum.flatMap((f) => f.reports),
      plan,
    },
    services.clock.now(),
  );
}

/** The person's rows on every team's roster, active teams or not (teams are few). */
export async function rosterRowsOf(services: Pick<BotServices, 'teamRosters'>, userId: string): Promise<RosterMember[]> {
  const teams = await services.teamRosters.listTeams();
  return (await Promise.all(teams.map(async (team) => (await services.teamRosters.listMembers(team.teamId)).filter((row) => row.userId === userId)))).flat();
}

/**
 * The action plan's rows that may name the person: the working copy, every approved version and
 * initiative (one each per municipality, tens of them), and only their own history lines (one query).
 */
export async function planSourcesOf(services: Pick<BotServices, 'plans' | 'initiatives'>, userId: string): Promise<PlanSources> {
  const [record, versions, initiatives, changes] = await Promise.all([services.plans.find(), services.plans.listVersions(), services.initiatives.list(), services.initiatives.historyByActor(userId)]);
  return { record, versions, initiatives, changes };
}
