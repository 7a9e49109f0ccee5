import { z } from 'zod';
import { leaveConfirmCard, leaveDoneCard, personDataCard, privacyRequestCard, PERSON_FIELD, PERSON_ID_MAX, PRIVACY_VERBS } from '../../cards/privacy.card';
import { holdsAnything } from '../../domain/privacy/person-data';
import { DomainError } from '../../domain/shared/domain-error';
import { UserId } from '../../domain/shared/ids';
import type { Access } from '../core/access';
import { audit } from '../core/audit';
import { command } from '../core/command';
import { formAction, type FormSpec } from '../core/form-action';
import { linkKeyring } from '../signed-links';
import { signedPersonDataPath } from './person-data-link';
import { removePerson } from './leave.service';
import { collectPersonData } from './person-data.service';
import { privacyTexts } from './privacy.texts';
import { SYSTEM_AUDIT } from './retention.service';

const ADMIN_ONLY = { kind: 'admin', why: 'access requests are the privacy administrators\' task (BOT_ADMINS)' } as const satisfies Access<unknown>;

/** `persondata`: the administrator's form for an access request (art. 15). */
export const privacyCommand = command({
  name: 'privacy',
  words: ['persondata', 'indsigt', 'privacy'],
  access: ADMIN_ONLY,
  async run({ t }) {
    const texts = privacyTexts[t.lang];
    return { card: privacyRequestCard(texts.card), summary: texts.summaries.request };
  },
});

// Loose at the edge (a typed id comes back beside the field when wrong); checked as a UserId inside.
const RequestData = z.object({ [PERSON_FIELD]: z.string().max(PERSON_ID_MAX * 2).default('') });

/** The administrator's form, given back with the typed id and the reason beside it. */
const requestForm: FormSpec<z.output<typeof RequestData>> = { render: async ({ t }) => privacyRequestCard(privacyTexts[t.lang].card), fieldOf: () => PERSON_FIELD };

/** The typed id as a user id; a malformed one is refused beside the field. */
function personIdOf(data: z.output<typeof RequestData>): UserId {
  const parsed = UserId.safeParse(data[PERSON_FIELD]);
  if (!parsed.success) throw new DomainError('PRIVACY.UNKNOWN_PERSON', { field: PERSON_FIELD });
  return parsed.data;
}

/** Produces the person's data and answers with two links signed for this administrator. */
export const accessRequestAction = formAction(
  PRIVACY_VERBS.request,
  RequestData,
  ADMIN_ONLY,
  requestForm,
  async ({ t, services, actor }, data) => {
    const personId = personIdOf(data);
    const found = await collectPersonData(services, personId);
    if (!holdsAnything(found)) throw new DomainError('PRIVACY.UNKNOWN_PERSON', { field: PERSON_FIELD });
    await audit(services, { forumId: SYSTEM_AUDIT, actorId: actor.userId, action: 'privacy.accessRequest', subject: `person:${personId}` });
    const ring = linkKeyring(services.config.linkKeys);
    const now = services.clock.now();
    const json = signedPersonDataPath(ring, personId, actor.userId, 'json', now);
    const csv = signedPersonDataPath(ring, personId, actor.userId, 'csv', now);
    const validUntil = new Intl.DateTimeFormat(t.lang === 'da' ? 'da-DK' : 'en-GB', { timeZone: services.config.timeZone, hour: '2-digit', minute: '2-digit' }).format(json.expires);
    const name = found.knownAs?.displayName ?? found.memberships[0]?.displayName ?? personId;
    const counts = {
      memberships: found.memberships.length,
      inputs: found.inputs.length,
      actionItems: found.actionItems.length,
      cases: found.cases.length,
      audit: found.audit.length,
      deliveries: found.deliveries.length,
    };
    return personDataCard(privacyTexts[t.lang].card, { person: name, jsonUrl: `${services.config.publicUrl}${json.path}`, csvUrl: `${services.config.publicUrl}${csv.path}`, validUntil, counts });
  },
);

/** Step one of removing a person: say what will happen, and ask once more. */
export const removePersonAction = formAction(
  PRIVACY_VERBS.remove,
  RequestData,
  ADMIN_ONLY,
  requestForm,
  async ({ t, services }, data) => {
    const personId = personIdOf(data);
    const found = await collectPersonData(services, personId);
    if (!holdsAnything(found)) throw new DomainError('PRIVACY.UNKNOWN_PERSON', { field: PERSON_FIELD });
    const name = found.knownAs?.displayName ?? found.memberships[0]?.displayName ?? personId;
    return leaveConfirmCard(privacyTexts[t.lang].card, { userId: personId, person: name });
  },
);

/** Step two: the removal itself; the last chair of a forum gives the form back with the forum named. */
export const confirmRemovePersonAction = formAction(
  PRIVACY_VERBS.confirmRemove,
  RequestData,
  ADMIN_ONLY,
  requestForm,
  async ({ t, services, actor }, data) => {
    const personId = personIdOf(data);
    const reason = t.lang === 'da' ? 'Den ansvarlige har forladt kommunen; forummet skal finde en ny.' : 'The owner left the municipality; the forum needs to find a new one.';
    const outcome = await removePerson(services, personId, actor.userId, reason);
    return leaveDoneCard(privacyTexts[t.lang].card, outcome);
  },
);
