import { personDataOf, type PersonData } from '../../domain/privacy/person-data';
import type { BotServices } from '../core/services';
import { SYSTEM_AUDIT } from './retention.service';

type Services = Pick<BotServices, 'fora' | 'members' | 'agendas' | 'agendaInputs' | 'actionItems' | 'escalations' | 'audit' | 'knownUsers' | 'outboxRecords' | 'pictureReports' | 'clock'>;

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
      const withHistory = await Promise.all(cases.map(async (escalation) => ({ escalation, history: await services.escalations.history(escalation.id) })));
      return { forumId: forum.id, members, inputs, items, cases: withHistory, audit, reports };
    }),
  );
  const [systemAudit, deliveries, knownUser] = await Promise.all([
    services.audit.listByForum(SYSTEM_AUDIT),
    services.outboxRecords.listByRecipient(userId),
    services.knownUsers.findById(userId),
  ]);
  return personDataOf(
    userId,
    {
      fora,
      members: perForum.flatMap((f) => f.members.map((member) => ({ forumId: f.forumId, member }))),
      inputs: perForum.flatMap((f) => f.inputs.map((input) => ({ forumId: f.forumId, input }))),
      actionItems: perForum.flatMap((f) => f.items),
      cases: perForum.flatMap((f) => f.cases),
      audit: [...perForum.flatMap((f) => f.audit), ...systemAudit],
      deliveries,
      knownUser,
      pictureReports: perForum.flatMap((f) => f.reports),
    },
    services.clock.now(),
  );
}
