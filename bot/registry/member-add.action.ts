import { z } from 'zod';
import { FORUM_VERBS, ForumRefData } from '../../cards/forum.card';
import { MEMBER_FORM_VERBS, MemberAddData, memberFormCard, type MemberFormCardView } from '../../cards/member-form.card';
import { asText, type AdaptiveCard } from '../../cards/card-kit';
import { Member } from '../../domain/fora/forum';
import { containsCprNumber } from '../../domain/shared/cpr-guard';
import { GuardedEmail } from '../../domain/shared/guarded-text';
import { forumAccess } from '../core/access';
import { cardAction, type ActionInput } from '../core/card-action';
import { actorIdOf, asChair, forumOrFail, parseRoles, personalForumCard } from './forum-replies';
import { knownPeople } from './known-people';
import { changeMembers } from './member-roster.service';
import { registryTexts, type RegistryTexts } from './registry.texts';

/** "Tilføj medlem" on the forum card: the form, for the chair only. */
export const memberAddFormAction = cardAction(FORUM_VERBS.addForm, ForumRefData, forumAccess('chair'), async ({ t, info, services }, data) => {
  const forum = await forumOrFail(services, data.forumId);
  const actorId = actorIdOf(info);
  await asChair(services, forum.id, actorId);
  const known = await knownPeople(services, forum.id, actorId);
  return memberFormCard(registryTexts[t.lang].memberForm, { forumId: forum.id, forumName: forum.name, known });
});

const EntraObjectId = z.guid();
const Email = GuardedEmail;

type Checked = { ok: true; member: Member } | { ok: false; error: keyof RegistryTexts['form'] };

/** The form's content checked field by field, so the chair learns exactly what to fix. */
async function checkForm({ services, info }: ActionInput, data: MemberAddData, forumId: string): Promise<Checked> {
  const roles = parseRoles(data.roles);
  if (roles.length === 0) return { ok: false, error: 'rolesMissing' };
  const knownId = data.knownUserId?.trim() ?? '';
  if (knownId !== '') {
    const person = (await knownPeople(services, forumId, actorIdOf(info))).find((p) => p.userId === knownId);
    if (person === undefined) return { ok: false, error: 'knownGone' };
    return { ok: true, member: Member.parse({ userId: person.userId, displayName: person.displayName, ...(person.email ? { email: person.email } : {}), roles }) };
  }
  const userId = data.newUserId?.trim() ?? '';
  if (userId === '') return { ok: false, error: 'userIdMissing' };
  if (!EntraObjectId.safeParse(userId).success) return { ok: false, error: 'userIdInvalid' };
  const email = data.email?.trim() ?? '';
  if (containsCprNumber(email)) return { ok: false, error: 'emailCprNumber' };
  if (email !== '' && !Email.safeParse(email).success) return { ok: false, error: 'emailInvalid' };
  // A blank name is taken from what Teams told the bot about the person, if it has met them.
  const displayName = data.displayName?.trim() || (await services.knownUsers.findById(userId))?.displayName?.trim() || '';
  if (containsCprNumber(displayName)) return { ok: false, error: 'cprNumber' };
  const member = Member.safeParse({ userId, displayName, ...(email === '' ? {} : { email }), roles });
  return member.success ? { ok: true, member: member.data } : { ok: false, error: 'nameMissing' };
}

/** "Tilføj" on the form: checks the fields (the form comes back with the message), then adds and audits. */
export const memberAddAction = cardAction(MEMBER_FORM_VERBS.add, MemberAddData, forumAccess('chair'), async (input, data): Promise<AdaptiveCard> => {
  const { t, info, services } = input;
  const texts = registryTexts[t.lang];
  const forum = await forumOrFail(services, data.forumId);
  const actorId = actorIdOf(info);
  await asChair(services, forum.id, actorId);
  const checked = await checkForm(input, data, forum.id);
  if (!checked.ok) {
    const values: MemberFormCardView['values'] = {
      ...(data.knownUserId ? { known: data.knownUserId } : {}),
      ...(data.displayName ? { name: data.displayName } : {}),
      ...(data.email ? { email: data.email } : {}),
      ...(data.newUserId ? { userId: data.newUserId } : {}),
      ...(data.roles ? { roles: data.roles } : {}),
    };
    const known = await knownPeople(services, forum.id, actorId);
    return memberFormCard(texts.memberForm, { forumId: forum.id, forumName: forum.name, known, values, error: texts.form[checked.error] });
  }
  await changeMembers(services, forum.id, actorId, { kind: 'add', member: checked.member });
  return personalForumCard(services, t, forum, actorId, texts.notices.added(asText(checked.member.displayName)));
});
