import { z } from 'zod';
import { FORUM_VERBS, ForumRefData } from '../../cards/forum.card';
import { MEMBER_FORM_INPUTS, MEMBER_FORM_VERBS, MemberAddData, memberFormCard } from '../../cards/member-form.card';
import { asText, type AdaptiveCard } from '../../cards/card-kit';
import { Member } from '../../domain/fora/forum';
import { containsCprNumber } from '../../domain/shared/cpr-guard';
import { GuardedEmail } from '../../domain/shared/guarded-text';
import { assertNoProblems, checkTexts, FieldsRefused, type FieldProblem } from '../../domain/shared/field-problems';
import { TEXT_LIMITS } from '../../domain/shared/text-limits';
import { formAction, type FormSpec } from '../core/form-action';
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

type FormProblem = keyof RegistryTexts['form'];
const problem = (key: FormProblem, context?: Record<string, unknown>): FieldProblem => ({ code: `MEMBER.FORM.${key}`, ...(context === undefined ? {} : { context }) });

/**
 * The form's content checked field by field, every field at once, so the chair learns exactly
 * what to fix and where: throws `FieldsRefused` (the form comes back), else the member to add.
 */
async function checkForm({ services, info }: ActionInput, data: MemberAddData, forumId: string): Promise<Member> {
  const problems: Record<string, FieldProblem> = {};
  const roles = parseRoles(data.roles);
  if (roles.length === 0) problems[MEMBER_FORM_INPUTS.roles] = problem('rolesMissing');
  const knownId = data.knownUserId?.trim() ?? '';
  if (knownId !== '') {
    const person = (await knownPeople(services, forumId, actorIdOf(info))).find((p) => p.userId === knownId);
    if (person === undefined) problems[MEMBER_FORM_INPUTS.known] = problem('knownGone');
    assertNoProblems(problems);
    return Member.parse({ userId: person!.userId, displayName: person!.displayName, ...(person!.email ? { email: person!.email } : {}), roles });
  }
  const texts = checkTexts(data, { [MEMBER_FORM_INPUTS.name]: { max: TEXT_LIMITS.personName }, [MEMBER_FORM_INPUTS.email]: { max: TEXT_LIMITS.email }, [MEMBER_FORM_INPUTS.userId]: { max: TEXT_LIMITS.userId } });
  const userId = data.newUserId?.trim() ?? '';
  if (texts[MEMBER_FORM_INPUTS.userId] !== undefined) problems[MEMBER_FORM_INPUTS.userId] = texts[MEMBER_FORM_INPUTS.userId]!;
  else if (userId === '') problems[MEMBER_FORM_INPUTS.userId] = problem('userIdMissing');
  else if (!EntraObjectId.safeParse(userId).success) problems[MEMBER_FORM_INPUTS.userId] = problem('userIdInvalid');
  const email = data.email?.trim() ?? '';
  if (containsCprNumber(email)) problems[MEMBER_FORM_INPUTS.email] = problem('emailCprNumber');
  else if (texts[MEMBER_FORM_INPUTS.email] !== undefined) problems[MEMBER_FORM_INPUTS.email] = texts[MEMBER_FORM_INPUTS.email]!;
  else if (email !== '' && !Email.safeParse(email).success) problems[MEMBER_FORM_INPUTS.email] = problem('emailInvalid');
  const typedName = data.displayName?.trim() ?? '';
  if (containsCprNumber(typedName)) problems[MEMBER_FORM_INPUTS.name] = problem('cprNumber');
  else if (texts[MEMBER_FORM_INPUTS.name] !== undefined) problems[MEMBER_FORM_INPUTS.name] = texts[MEMBER_FORM_INPUTS.name]!;
  assertNoProblems(problems);
  // A blank name is taken from what Teams told the bot about the person, if it has met them.
  const displayName = typedName || (await services.knownUsers.findById(userId))?.displayName?.trim() || '';
  const member = Member.safeParse({ userId, displayName, ...(email === '' ? {} : { email }), roles });
  if (!member.success) throw new FieldsRefused({ [MEMBER_FORM_INPUTS.name]: problem(displayName === '' ? 'nameMissing' : 'cprNumber') });
  return member.data;
}

/** The add form as it was opened; `formAction` puts back what was typed and the reasons. */
const addForm: FormSpec<MemberAddData> = {
  async render({ t, info, services }, data) {
    const forum = await forumOrFail(services, data.forumId);
    const known = await knownPeople(services, forum.id, actorIdOf(info));
    return memberFormCard(registryTexts[t.lang].memberForm, { forumId: forum.id, forumName: forum.name, known });
  },
  // Someone already in the forum: said beside the person chosen or the id typed.
  fieldOf: (error, data) => (error.code === 'MEMBER.ALREADY_MEMBER' ? ((data.knownUserId?.trim() ?? '') !== '' ? MEMBER_FORM_INPUTS.known : MEMBER_FORM_INPUTS.userId) : undefined),
};

/** "Tilføj" on the form: checks the fields (the form comes back with each reason beside its field), then adds and audits. */
export const memberAddAction = formAction(MEMBER_FORM_VERBS.add, MemberAddData, forumAccess('chair'), addForm, async (input, data): Promise<AdaptiveCard> => {
  const { t, info, services } = input;
  const texts = registryTexts[t.lang];
  const forum = await forumOrFail(services, data.forumId);
  const actorId = actorIdOf(info);
  await asChair(services, forum.id, actorId);
  const member = await checkForm(input, data, forum.id);
  await changeMembers(services, forum.id, actorId, { kind: 'add', member });
  return personalForumCard(services, t, forum, actorId, texts.notices.added(asText(member.displayName)));
});
