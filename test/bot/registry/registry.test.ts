import { randomUUID } from 'node:crypto';
import { maskCprNumbers } from '../../../domain/shared/cpr-guard';
import { describe, expect, test } from 'vitest';
import { formatDateTime } from '../../../cards/dates';
import type { Forum, Member, Role } from '../../../domain/fora/forum';
import { aForum, aMeeting, aMember } from '../../storage/storage.mothers';
import { uniqueId } from '../../storage/storage-kit';
import { useRunningBot } from '../support/bot-harness';
import { aChannel, aPerson, aPersonalChat, cardAction, TENANT_ID, type Channel, type Person, type Where } from '../support/teams-activities';
import { sayTo } from '../support/conversation';
import { fieldMessage, inputValue } from '../support/card-reading';

const running = useRunningBot();
const store = () => running.storage.storage;

type Card = { body: Record<string, unknown>[]; actions?: Record<string, unknown>[]; refresh?: { action: Record<string, unknown>; userIds: string[] } };


const say = (where: Where, from: Person, text: string): Promise<Record<string, unknown>> => sayTo(running, where, from, text);

const cardOf = (reply: Record<string, unknown>): Card => (reply['attachments'] as { content: Card }[])[0]!.content;

/** Clicks an Action.Execute button and returns the replacement card. */
async function click(where: Where, from: Person, verb: string, data: unknown): Promise<Card> {
  const { status, body } = await running.bot.post(cardAction(running.emulator.serviceUrl, where, from, verb, data));
  expect(status).toBe(200);
  return (body as { value: Card }).value;
}

/** Every text on a card, in order (nested containers included). */
function textsOf(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(textsOf);
  if (node === null || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  const own = o['type'] === 'TextBlock' && typeof o['text'] === 'string' ? [o['text']] : [];
  const facts = o['type'] === 'FactSet' ? (o['facts'] as { title: string; value: string }[]).map((f) => `${f.title}: ${f.value}`) : [];
  return [...own, ...facts, ...textsOf(o['body']), ...textsOf(o['items']), ...textsOf(o['columns'])];
}

const isError = (card: Card): boolean => card.body[0]?.['color'] === 'Attention';

/** The names listed under a role heading on the forum card. */
function group(card: Card, heading: string): string[] {
  const texts = textsOf(card.body);
  const at = texts.indexOf(heading);
  return at < 0 ? [] : (texts[at + 1] ?? '').split('\n').map((line) => line.replace(/^- /, ''));
}

const member = (p: Person, ...roles: Role[]): Member => aMember({ userId: p.aadObjectId, displayName: p.name, roles });

/** A forum under a name no other test uses, with the given people. */
async function seedForum(over: Partial<Forum>, people: Member[]): Promise<Forum> {
  const forum = await store().fora.save(aForum({ name: `Forum ${uniqueId('f')}`, escalatesTo: undefined, ...over }));
  for (const m of people) await store().members.save(forum.id, m);
  return forum;
}

const rolesOf = async (forumId: string, userId: string) => (await store().members.find(forumId, userId))?.roles;

describe('fora', () => {
  test('given a member of two fora in a personal chat then the list shows each with level, chair and the next meeting, and no other fora', async () => {
    const me = aPerson('Konsulent Åse');
    const chair = aPerson('Formand Birgitte');
    const a = await seedForum({ name: `Koordinationsgruppen ${uniqueId('k')}`, level: 'coordinating' }, [member(chair, 'chair'), member(me, 'consultant')]);
    const b = await seedForum({ name: `Infohus ${uniqueId('i')}`, level: 'coordinating', sensitive: true }, [member(me, 'chair', 'member')]);
    const other = await seedForum({ name: `Lokalråd ${uniqueId('l')}`, level: 'strategic' }, [member(chair, 'chair')]);
    const now = Date.now();
    const next = new Date(now + 3 * 86_400_000);
    await store().meetings.save(aMeeting(a.id, { title: 'Forbi', start: new Date(now - 86_400_000).toISOString(), end: new Date(now - 82_800_000).toISOString() }));
    await store().meetings.save(aMeeting(a.id, { title: 'Senere', start: new Date(now + 9 * 86_400_000).toISOString(), end: new Date(now + 9 * 86_400_000 + 3_600_000).toISOString() }));
    await store().meetings.save(aMeeting(a.id, { title: 'Næste', start: next.toISOString(), end: new Date(next.getTime() + 3_600_000).toISOString() }));

    const reply = await say(aPersonalChat(), me, 'fora');
    expect(reply['summary']).toBe('Oversigt over fora');
    const texts = textsOf(cardOf(reply).body);
    expect(texts[0]).toBe('Dine fora');
    expect(texts.join('\n')).not.toContain(other.name);
    const blockOf = (name: string) => texts.slice(texts.findIndex((t) => t.startsWith(name))).slice(0, 5);
    expect(blockOf(a.name)).toEqual([
      a.name,
      'Niveau: Koordinerende niveau',
      'Formand: Formand Birgitte',
      'Din rolle: SSP-konsulent',
      `Næste møde: ${formatDateTime(next, 'da', 'Europe/Copenhagen')}`,
    ]);
    expect(blockOf(b.name)).toEqual([`${b.name} · kun for medlemmer`, 'Niveau: Koordinerende niveau', 'Formand: Konsulent Åse', 'Din rolle: Formand, Medlem', 'Næste møde: Intet møde planlagt']);
    const buttons = JSON.stringify(cardOf(reply).body);
    expect(buttons).toContain(`"verb":"registry.forum.show","data":{"forumId":"${a.id}"}`);

    // "Vis forum" replaces the list in her chat; the forum card offers the way back to it.
    const chat = aPersonalChat();
    const shown = await click(chat, me, 'registry.forum.show', { forumId: a.id });
    expect(shown.actions?.map((x) => [x['title'], x['verb']])).toContainEqual(['Tilbage til mine fora', 'registry.fora.list']);
    const back = await click(chat, me, 'registry.fora.list', {});
    expect(textsOf(back.body)[0]).toBe('Dine fora');
    expect(JSON.stringify(back.body)).toContain(`"verb":"registry.forum.show","data":{"forumId":"${b.id}"}`);
  });

  test('given someone in no forum then the reply says so in Danish and lists the fora by name and level only', async () => {
    const infohus = await seedForum({ name: `Infohus ${uniqueId('i')}`, sensitive: true, description: 'PET, Kriminalforsorgen' }, [member(aPerson('Hemmelig Person'), 'chair')]);
    const reply = await say(aPersonalChat(), aPerson('Ny medarbejder'), 'fora');
    const texts = textsOf(cardOf(reply).body);
    expect(texts).toContain('Du er ikke medlem af noget forum endnu. Spørg formanden for det forum, du skal være med i, om at tilføje dig.');
    // The name on its own line, the level and the seal under it.
    const at = texts.indexOf(infohus.name);
    expect(at).toBeGreaterThan(-1);
    expect(texts[at + 1]).toBe('Koordinerende niveau · Kun for medlemmer');
    expect(JSON.stringify(cardOf(reply))).not.toContain('Hemmelig Person');
    expect(JSON.stringify(cardOf(reply))).not.toContain('PET');
  });

  test('given a member of a sensitive forum asking in a channel then the sensitive forum is left out of the list', async () => {
    const me = aPerson('Leder Jens');
    const open = await seedForum({ name: `SSP-netværk ${uniqueId('n')}`, level: 'executing' }, [member(me, 'manager')]);
    const secret = await seedForum({ name: `Infohus ${uniqueId('i')}`, sensitive: true }, [member(me, 'chair')]);
    const texts = textsOf(cardOf(await say(aChannel(), me, 'fora')).body).join('\n');
    expect(texts).toContain(open.name);
    expect(texts).not.toContain(secret.name);
    expect(texts).toContain('Fortrolige fora vises kun i din personlige chat med mig.');
  });
});

describe('a forum card', () => {
  async function linkedForum(sensitive: boolean): Promise<{ forum: Forum; channel: Channel; chair: Person; consultant: Person; outsider: Person; below: Forum; above: Forum }> {
    const chair = aPerson('Formand Birgitte');
    const consultant = aPerson('Konsulent Åse');
    const outsider = aPerson('Udenforstående Ulla');
    const channel = aChannel('Koordination');
    const above = await seedForum({ name: `Lokalråd ${uniqueId('l')}`, level: 'strategic' }, []);
    const forum = await seedForum({ level: 'coordinating', sensitive, escalatesTo: above.id }, [
      member(chair, 'chair', 'member'),
      member(consultant, 'consultant'),
      member(aPerson('Sekretær Ole'), 'secretary'),
      member(aPerson('Leder Lis'), 'manager'),
    ]);
    const below = await seedForum({ name: `SSP-netværk ${uniqueId('n')}`, level: 'executing', escalatesTo: forum.id }, []);
    await store().fora.update(forum.id, (f) => ({
      ...f,
      teams: { conversationId: channel.conversationId, serviceUrl: running.emulator.serviceUrl, tenantId: TENANT_ID, teamId: channel.teamId, channelName: 'Koordination' },
    }));
    return { forum, channel, chair, consultant, outsider, below, above };
  }

  test('given fora in a channel linked to a forum then its card shows level, channel, chain and members by role', async () => {
    const { forum, channel, consultant, below, above } = await linkedForum(false);
    const reply = await say(channel, consultant, 'fora');
    expect(reply['summary']).toBe(`Forummet ${forum.name}`);
    const card = cardOf(reply);
    const texts = textsOf(card.body);
    expect(texts[0]).toBe(forum.name);
    expect(texts).toEqual(expect.arrayContaining(['Niveau: Koordinerende niveau', 'Kanal: Koordination', `Løfter sager til: ${above.name}`, `Får sager fra: ${below.name}`]));
    expect(group(card, 'Formand')).toEqual(['Formand Birgitte']);
    expect(group(card, 'Medlem')).toEqual(['Formand Birgitte']);
    expect(group(card, 'Sekretær')).toEqual(['Sekretær Ole']);
    expect(group(card, 'SSP-konsulent')).toEqual(['Konsulent Åse']);
    expect(group(card, 'Leder')).toEqual(['Leder Lis']);
    // Everyone in the channel sees this message: no management buttons in it.
    expect(card.actions).toBeUndefined();
  });

  test('given a sensitive forum linked to the channel then the channel sees no members, and each member is refreshed into their own view', async () => {
    const { forum, channel, chair, consultant, outsider } = await linkedForum(true);
    await say(aPersonalChat(), chair, 'hjælp'); // the bot now knows the chair's Teams id
    const card = cardOf(await say(channel, consultant, 'fora'));
    const texts = textsOf(card.body);
    expect(texts).toContain('Fortroligt forum: indholdet er kun for medlemmerne.');
    expect(texts).toContain('Medlemmerne vises kun for forummets egne medlemmer.');
    expect(JSON.stringify(card)).not.toContain('Sekretær Ole');
    expect(card.refresh?.action).toMatchObject({ type: 'Action.Execute', verb: 'registry.forum.show', data: { forumId: forum.id } });
    expect(card.refresh?.userIds).toEqual(expect.arrayContaining([chair.teamsId, consultant.teamsId]));
    expect(card.refresh?.userIds).not.toContain(outsider.teamsId);

    const memberView = await click(channel, consultant, 'registry.forum.show', { forumId: forum.id });
    expect(group(memberView, 'Sekretær')).toEqual(['Sekretær Ole']);
    expect(memberView.actions).toBeUndefined();
    const chairView = await click(channel, chair, 'registry.forum.show', { forumId: forum.id });
    expect(chairView.actions?.map((a) => a['verb'])).toEqual(['registry.member.addForm', 'registry.member.edit']);
    // An outsider who clicks anyway gets the one refusal: not even the next meeting's time.
    const outsiderView = await click(channel, outsider, 'registry.forum.show', { forumId: forum.id });
    expect(textsOf(outsiderView.body)).toContain('Det kan du ikke åbne. Enten findes det ikke, eller også er det kun for forummets medlemmer.');
    expect(JSON.stringify(outsiderView)).not.toContain('Sekretær Ole');
    expect(outsiderView.actions?.map((a) => a['verb'])).toEqual(['help.show']);
  });
});

describe('tilknyt with a name that is not exact', () => {
  test('given a name that fits two fora then a choice card offers both, and choosing one links the channel', async () => {
    const tag = `vest${randomUUID().slice(0, 6)}`;
    const chair = aPerson('Formand Birgitte');
    const u18 = await seedForum({ name: `${tag} SSP-NU u18` }, [member(chair, 'chair')]);
    const o18 = await seedForum({ name: `${tag} SSP-NU o18` }, [member(chair, 'chair')]);
    const channel = aChannel();
    const reply = await say(channel, chair, `tilknyt ${tag} ssp nu`);
    expect(reply['summary']).toBe('Vælg forum');
    const card = cardOf(reply);
    expect(textsOf(card.body)[1]).toBe(`Flere fora passer til "${tag} ssp nu". Vælg det, kanalen skal knyttes til:`);
    const buttons = (card.body[2] as { actions: { title: string; verb: string; data: { forumId: string } }[] }).actions;
    expect(buttons.map((b) => [b.verb, b.data.forumId])).toEqual([
      ['forum.link', o18.id],
      ['forum.link', u18.id],
    ]);
    expect(buttons[1]!.title).toBe(`${u18.name} (Koordinerende niveau)`);
    expect((await store().fora.findById(u18.id))?.teams).toBeUndefined();

    const chosen = await click(channel, chair, buttons[0]!.verb, buttons[0]!.data);
    expect(textsOf(chosen.body)).toEqual(['Kanalen er knyttet', `Kanalen er nu knyttet til **${o18.name}**. Forummets dagsordener og påmindelser bliver sendt hertil.`]);
    expect((await store().fora.findById(o18.id))?.teams?.conversationId).toBe(channel.conversationId);
    expect((await store().fora.findById(u18.id))?.teams).toBeUndefined();
  });

  test('given the start of the name with a typo then the one forum it fits is linked', async () => {
    const tag = `nord${randomUUID().slice(0, 6)}`;
    const secretary = aPerson('Sekretær Ole');
    const forum = await seedForum({ name: `${tag} Kredsråd`, level: 'strategic' }, [member(secretary, 'secretary')]);
    const reply = await say(aChannel(), secretary, `tilknyt ${tag.toUpperCase()} kredsrod`);
    expect(reply['text']).toBe(`Kanalen er nu knyttet til **${forum.name}**. Forummets dagsordener og påmindelser bliver sendt hertil.`);
  });

  test('given a consultant with a short name then the link is refused and nothing changes', async () => {
    const tag = `syd${randomUUID().slice(0, 6)}`;
    const consultant = aPerson('Konsulent Åse');
    const forum = await seedForum({ name: `${tag} Koordinationsgruppen` }, [member(aPerson(), 'chair'), member(consultant, 'consultant')]);
    const reply = await say(aChannel(), consultant, `tilknyt ${tag} koord`);
    expect(reply['text']).toBe('Kun forummets formand eller sekretær kan gøre det.');
    const stored = await store().fora.findById(forum.id);
    expect(stored?.teams).toBeUndefined();
    expect(stored?.version).toBe(forum.version);
  });
});

describe('members, changed by the chair from cards', () => {
  async function forumWithChair() {
    const chair = aPerson('Formand Birgitte');
    const secretary = aPerson('Sekretær Ole');
    const consultant = aPerson('Konsulent Åse');
    const forum = await seedForum({ name: `Koordinationsgruppen ${uniqueId('k')}` }, [member(chair, 'chair'), member(secretary, 'secretary', 'member'), member(consultant, 'consultant')]);
    return { forum, chair, secretary, consultant, chat: aPersonalChat() };
  }

  test('given the chair fills in the form then the person is added with their roles and the change is audited', async () => {
    const { forum, chair, chat } = await forumWithChair();
    const form = await click(chat, chair, 'registry.member.addForm', { forumId: forum.id });
    expect(textsOf(form.body)[0]).toBe(`Tilføj medlem til ${forum.name}`);
    expect(form.actions?.[0]).toMatchObject({ verb: 'registry.member.add', data: { forumId: forum.id } });

    const newcomer = randomUUID();
    const card = await click(chat, chair, 'registry.member.add', { forumId: forum.id, displayName: 'Gadeplan Gitte', email: 'gitte@ishoj.dk', newUserId: newcomer, roles: 'member,consultant' });
    expect(textsOf(card.body)[0]).toBe('Gadeplan Gitte er tilføjet.');
    expect(group(card, 'SSP-konsulent')).toEqual(['Gadeplan Gitte', 'Konsulent Åse']);
    expect(await store().members.find(forum.id, newcomer)).toEqual({ userId: newcomer, displayName: 'Gadeplan Gitte', email: 'gitte@ishoj.dk', roles: ['member', 'consultant'] });
    expect(await store().members.listMembershipsOfUser(newcomer)).toEqual([{ forumId: forum.id, roles: ['member', 'consultant'] }]);

    const [event] = await store().audit.listByForum(forum.id);
    expect(event).toMatchObject({ action: 'forum.member.added', actorId: chair.aadObjectId, subject: `Gadeplan Gitte (${newcomer})` });
    expect(event?.before).toBeUndefined();
    expect(JSON.parse(event?.after ?? '{}')).toMatchObject({ userId: newcomer, roles: ['member', 'consultant'] });
    expect(Math.abs(Date.parse(event?.at ?? '') - Date.now())).toBeLessThan(60_000);
  });

  test('given the chair picks someone the bot knows from another forum then they are added under their own name', async () => {
    const { forum, chair, consultant, chat } = await forumWithChair();
    const known = aPerson('Politibetjent Per');
    await seedForum({}, [member(known, 'member'), member(consultant, 'member')]);
    const form = await click(chat, chair, 'registry.member.addForm', { forumId: forum.id });
    const picker = form.body.find((e) => e['id'] === 'knownUserId') as { choices: { title: string; value: string }[] };
    expect(picker.choices).toContainEqual({ title: 'Politibetjent Per', value: known.aadObjectId });
    expect(picker.choices.map((c) => c.value)).not.toContain(consultant.aadObjectId); // already in the forum

    const card = await click(chat, chair, 'registry.member.add', { forumId: forum.id, knownUserId: known.aadObjectId, displayName: '', newUserId: '', email: '', roles: 'manager' });
    expect(textsOf(card.body)[0]).toBe('Politibetjent Per er tilføjet.');
    expect(await rolesOf(forum.id, known.aadObjectId)).toEqual(['manager']);
  });

  test('given only the Entra id of someone who has talked to the bot then they are added under the name Teams gave', async () => {
    const { forum, chair, chat } = await forumWithChair();
    const newcomer = aPerson('Gadeplan Gustav');
    await say(aPersonalChat(), newcomer, 'hjælp');
    const card = await click(chat, chair, 'registry.member.add', { forumId: forum.id, displayName: '', newUserId: newcomer.aadObjectId, email: '', roles: 'member' });
    expect(textsOf(card.body)[0]).toBe('Gadeplan Gustav er tilføjet.');
    expect((await store().members.find(forum.id, newcomer.aadObjectId))?.displayName).toBe('Gadeplan Gustav');
  });

  test.each([
    [{ displayName: 'Gitte', newUserId: 'NEW', roles: '' }, { roles: 'Vælg mindst én rolle.' }],
    [{ displayName: 'Gitte', newUserId: '', roles: 'member' }, { newUserId: 'Skriv personens Entra-objekt-id, eller vælg en person, jeg kender.' }],
    [{ displayName: 'Gitte', newUserId: 'ikke-et-id', roles: 'member' }, { newUserId: 'Entra-objekt-id skal være et GUID, fx 0f8fad5b-d9cb-469f-a165-70867728950e.' }],
    [{ displayName: 'Gitte', newUserId: 'NEW', email: 'gitte(at)ishoj', roles: 'member' }, { email: 'E-mailadressen ser ikke rigtig ud.' }],
    [{ displayName: '  ', newUserId: 'NEW', roles: 'member' }, { displayName: 'Skriv personens navn, eller vælg en person, jeg kender.' }],
    [{ displayName: 'Gitte 010203-1234', newUserId: 'NEW', roles: 'member' }, { displayName: 'Navnet ligner et CPR-nummer. Skriv kun personens navn.' }],
    // Everything wrong at once: every reason beside its own field.
    [{ displayName: 'G'.repeat(201), newUserId: 'ikke-et-id', email: 'x', roles: '' }, {
      displayName: 'Teksten er for lang: højst 200 tegn; teksten har 201. Gør den kortere, og send igen.',
      newUserId: 'Entra-objekt-id skal være et GUID, fx 0f8fad5b-d9cb-469f-a165-70867728950e.',
      email: 'E-mailadressen ser ikke rigtig ud.',
      roles: 'Vælg mindst én rolle.',
    }],
  ])('given the form with %j then the same form comes back with each reason beside its field, keeps what was typed and nothing is written', async (fields, messages) => {
    const { forum, chair, chat } = await forumWithChair();
    const id = randomUUID();
    const data = { forumId: forum.id, ...fields, ...(fields.newUserId === 'NEW' ? { newUserId: id } : {}) };
    const card = await click(chat, chair, 'registry.member.add', data);
    expect(isError(card)).toBe(false);
    expect(textsOf(card.body)).toContain(`Tilføj medlem til ${forum.name}`);
    for (const [field, message] of Object.entries(messages)) expect(fieldMessage(card, field)).toBe(message);
    for (const [field, value] of Object.entries(data)) if (field !== 'forumId') expect(inputValue(card, field)).toBe(maskCprNumbers(value));
    expect(card.actions?.[0]).toMatchObject({ verb: 'registry.member.add' });
    expect(await store().members.listByForum(forum.id)).toHaveLength(3);
    expect(await store().audit.listByForum(forum.id)).toEqual([]);
  });

  test('given the chair adds someone already in the forum then the form comes back saying so beside the id, and their roles stay', async () => {
    const { forum, chair, consultant, chat } = await forumWithChair();
    const card = await click(chat, chair, 'registry.member.add', { forumId: forum.id, displayName: 'Åse igen', newUserId: consultant.aadObjectId, roles: 'chair' });
    expect(isError(card)).toBe(false);
    expect(fieldMessage(card, 'newUserId')).toBe('Konsulent Åse er allerede medlem af forummet.');
    expect(inputValue(card, 'displayName')).toBe('Åse igen');
    expect(await rolesOf(forum.id, consultant.aadObjectId)).toEqual(['consultant']);
    expect(await store().audit.listByForum(forum.id)).toEqual([]);
  });

  test('given an English Teams then the forum card and the confirmation are in English', async () => {
    const { forum, chair, consultant } = await forumWithChair();
    const { body } = await running.bot.post(
      cardAction(running.emulator.serviceUrl, aPersonalChat(), chair, 'registry.member.remove', { forumId: forum.id, userId: consultant.aadObjectId }, 'en-GB'),
    );
    const card = (body as { value: Card & { lang: string } }).value;
    expect(card.lang).toBe('en');
    expect(textsOf(card.body)[0]).toBe('Konsulent Åse has been removed from the forum.');
    expect(group(card, 'Chair')).toEqual(['Formand Birgitte']);
  });

  test('given the chair changes the secretary to member then the roles change and the audit has before and after', async () => {
    const { forum, chair, secretary, chat } = await forumWithChair();
    const picked = await click(chat, chair, 'registry.member.edit', { forumId: forum.id, userId: secretary.aadObjectId });
    const save = picked.actions?.find((a) => a['verb'] === 'registry.member.setRoles');
    expect(save?.['data']).toEqual({ forumId: forum.id, userId: secretary.aadObjectId, shownRoles: 'secretary,member' });

    const card = await click(chat, chair, 'registry.member.setRoles', { ...(save?.['data'] as object), roles: 'member' });
    expect(textsOf(card.body)[0]).toBe('Rollerne for Sekretær Ole er ændret.');
    expect(await rolesOf(forum.id, secretary.aadObjectId)).toEqual(['member']);
    expect(await store().members.listMembershipsOfUser(secretary.aadObjectId)).toEqual([{ forumId: forum.id, roles: ['member'] }]);
    const [event] = await store().audit.listByForum(forum.id);
    expect(event).toMatchObject({ action: 'forum.member.roles.changed', actorId: chair.aadObjectId });
    expect(JSON.parse(event?.before ?? '{}').roles).toEqual(['secretary', 'member']);
    expect(JSON.parse(event?.after ?? '{}').roles).toEqual(['member']);
  });

  test('given a roles card shown before someone else changed the roles then saving it is refused and the newer roles stay', async () => {
    const { forum, chair, secretary, chat } = await forumWithChair();
    await store().members.save(forum.id, member(secretary, 'secretary', 'manager'));
    const card = await click(chat, chair, 'registry.member.setRoles', { forumId: forum.id, userId: secretary.aadObjectId, shownRoles: 'secretary,member', roles: 'member' });
    expect(isError(card)).toBe(true);
    expect(textsOf(card.body)[1]).toMatch(/^En anden har ændret rollerne for Sekretær Ole, siden kortet blev vist/);
    expect(await rolesOf(forum.id, secretary.aadObjectId)).toEqual(['secretary', 'manager']);
  });

  test('given the chair removes a member then a confirmation comes first, and after it the member is gone and audited', async () => {
    const { forum, chair, consultant, chat } = await forumWithChair();
    const confirm = await click(chat, chair, 'registry.member.confirmRemove', { forumId: forum.id, userId: consultant.aadObjectId });
    expect(textsOf(confirm.body)[0]).toBe(`Fjern Konsulent Åse fra ${forum.name}?`);
    expect(await store().members.find(forum.id, consultant.aadObjectId)).toBeDefined();
    const yes = confirm.actions?.[0];
    expect(yes).toMatchObject({ verb: 'registry.member.remove', title: 'Ja, fjern' });

    const card = await click(chat, chair, yes?.['verb'] as string, yes?.['data']);
    expect(textsOf(card.body)[0]).toBe('Konsulent Åse er fjernet fra forummet.');
    expect(group(card, 'SSP-konsulent')).toEqual([]);
    expect(await store().members.find(forum.id, consultant.aadObjectId)).toBeUndefined();
    expect(await store().members.listMembershipsOfUser(consultant.aadObjectId)).toEqual([]);
    const [event] = await store().audit.listByForum(forum.id);
    expect(event).toMatchObject({ action: 'forum.member.removed', actorId: chair.aadObjectId, subject: `Konsulent Åse (${consultant.aadObjectId})` });
    expect(JSON.parse(event?.before ?? '{}')).toMatchObject({ roles: ['consultant'] });
    expect(event?.after).toBeUndefined();
  });

  test.each([
    ['registry.member.addForm', (f: string) => ({ forumId: f })],
    ['registry.member.add', (f: string) => ({ forumId: f, displayName: 'Gitte', newUserId: randomUUID(), roles: 'member' })],
    ['registry.member.edit', (f: string, u: string) => ({ forumId: f, userId: u })],
    ['registry.member.setRoles', (f: string, u: string) => ({ forumId: f, userId: u, shownRoles: 'chair', roles: 'member' })],
    ['registry.member.confirmRemove', (f: string, u: string) => ({ forumId: f, userId: u })],
    ['registry.member.remove', (f: string, u: string) => ({ forumId: f, userId: u })],
  ])('given the secretary sends %s then it is refused for not being the chair and nothing changes', async (verb, dataFor) => {
    const { forum, chair, secretary, chat } = await forumWithChair();
    const card = await click(chat, secretary, verb, dataFor(forum.id, chair.aadObjectId));
    expect(isError(card)).toBe(true);
    expect(textsOf(card.body)[1]).toBe('Kun forummets formand kan gøre det.');
    expect(await store().members.listByForum(forum.id)).toHaveLength(3);
    expect(await rolesOf(forum.id, chair.aadObjectId)).toEqual(['chair']);
    expect(await store().audit.listByForum(forum.id)).toEqual([]);
  });

  test.each([
    ['removes themself', 'registry.member.remove', {}],
    ['gives up the chair role', 'registry.member.setRoles', { shownRoles: 'chair', roles: 'member' }],
  ])('given the only chair %s then it is refused and the forum keeps its chair', async (_what, verb, extra) => {
    const { forum, chair, chat } = await forumWithChair();
    const card = await click(chat, chair, verb, { forumId: forum.id, userId: chair.aadObjectId, ...extra });
    expect(isError(card)).toBe(true);
    expect(textsOf(card.body)[1]).toBe('Et forum skal have mindst én formand.');
    expect(await rolesOf(forum.id, chair.aadObjectId)).toEqual(['chair']);
    expect(await store().audit.listByForum(forum.id)).toEqual([]);
  });

  test('given two chairs removing each other at the same moment then the forum still has a chair and the audit matches what happened', async () => {
    const a = aPerson('Formand A');
    const b = aPerson('Formand B');
    const forum = await seedForum({}, [member(a, 'chair'), member(b, 'chair'), member(aPerson(), 'member')]);
    const chat = aPersonalChat();
    const cards = await Promise.all([
      click(chat, a, 'registry.member.remove', { forumId: forum.id, userId: b.aadObjectId }),
      click(chat, b, 'registry.member.remove', { forumId: forum.id, userId: a.aadObjectId }),
    ]);
    const members = await store().members.listByForum(forum.id);
    const done = cards.filter((c) => !isError(c));
    // One of them wins (the loser finds itself removed); never both, so a chair always remains.
    expect(done.length).toBeLessThanOrEqual(1);
    expect(members.filter((m) => m.roles.includes('chair')).length).toBe(2 - done.length);
    const removed = await store().audit.listByForum(forum.id);
    expect(removed).toHaveLength(done.length);
    for (const event of removed) expect(members.map((m) => m.userId)).not.toContain(JSON.parse(event.before ?? '{}').userId);
  });
});
