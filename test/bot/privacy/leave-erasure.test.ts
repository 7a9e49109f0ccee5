import { describe, expect, test } from 'vitest';
import { signedPersonDataPath } from '../../../bot/privacy/person-data-link';
import { linkKeyring } from '../../../bot/signed-links';
import { pseudonymOf } from '../../../domain/privacy/leave';
import type { PersonData } from '../../../domain/privacy/person-data';
import { TABLES } from '../../../storage/table-client';
import { useRunningBot } from '../support/bot-harness';
import { cardTexts } from '../support/card-reading';
import { aPerson, aPersonalChat, cardAction, type Person } from '../support/teams-activities';
import { leaveTraces, twoFora } from './person-traces';
import { planTraces } from './plan-traces';

const admin = aPerson('Databeskyttelse Dorthe');
const running = useRunningBot({ admins: [admin.aadObjectId] });

const click = async (who: Person, verb: string, data: unknown): Promise<unknown> => {
  const { status, body } = await running.bot.post(cardAction(running.emulator.serviceUrl, aPersonalChat(), who, verb, data));
  expect(status).toBe(200);
  return (body as { value: unknown }).value;
};

async function personData(userId: string): Promise<PersonData> {
  const { path } = signedPersonDataPath(linkKeyring(running.bot.app.services.config.linkKeys), userId, admin.aadObjectId, 'json', new Date());
  const response = await fetch(`${running.bot.baseUrl}${path}`);
  expect(response.status).toBe(200);
  return (await response.json()) as PersonData;
}

/** Every stored row of every table, as the JSON of its properties, with the table's name. */
async function everyRow(): Promise<{ table: string; json: string }[]> {
  const rows: { table: string; json: string }[] = [];
  for (const table of TABLES) {
    const client = running.storage.raw(table);
    try {
      for await (const entity of client.listEntities()) rows.push({ table, json: JSON.stringify(entity) });
    } catch (error) {
      // A table nothing was ever written to does not exist.
      if ((error as { statusCode?: number }).statusCode !== 404) throw error;
    }
  }
  return rows;
}

/** A word as raw text and as the outbox stores it (non-ASCII escaped in JSON), both lower-cased. */
const spellings = (word: string): string[] => [word, JSON.stringify(word).slice(1, -1), word.replace(/[\u007f-\uffff]/g, (c) => `\\\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)].map((w) => w.toLowerCase());

describe('after a person left', () => {
  test('given a person with data in every table then the access request finds it all before, and afterwards no stored row holds their name, e-mail, Entra or Teams id — the audit only their pseudonym', async () => {
    const storage = running.storage.storage;
    const ids = await twoFora(storage);
    const chair = aPerson('Formand Fie');
    await storage.members.save(ids[0]!, { userId: chair.aadObjectId, displayName: chair.name, roles: ['chair'] });
    const leaver = await leaveTraces(storage, aPerson('Fratrådt Frede Ærenfeldt'), ids, 'hyben', running.emulator.serviceUrl);
    const stayer = await leaveTraces(storage, aPerson('Kollega Karla'), [...ids].reverse(), 'slaaen', running.emulator.serviceUrl);
    const plan = await planTraces(storage, leaver, stayer, ids);
    const userId = leaver.person.aadObjectId;
    const stayerId = stayer.person.aadObjectId;

    const before = await personData(userId);
    expect([before.memberships, before.inputs, before.actionItems, before.cases, before.agendas, before.audit, before.deliveries, before.teams].map((list) => list.length)).toEqual([1, 1, 1, 2, 2, 5, 1, 1]);
    expect([before.analystIn.length, before.plan.versions.length, before.plan.initiatives.length, before.plan.changes.length, before.plan.pending?.as.length]).toEqual([1, 2, 2, 2, 4]);
    const stayerBefore = await personData(stayerId);
    expect(before.knownAs?.teamsId).toBe(leaver.person.teamsId);
    expect(before.personalChat?.conversationId).toBe(leaver.ids.conversationId);

    await click(admin, 'privacy.person.remove', { userId });
    const done = await click(admin, 'privacy.person.remove.confirm', { userId });
    const former = pseudonymOf(userId);
    expect(cardTexts(done).join(' ')).toMatch(new RegExp(`steder vises nu som ${former.displayName}, og 4 rækker kun om personen`));

    const words = [leaver.person.name, leaver.person.name.split(' ').slice(-1)[0]!, userId, leaver.person.teamsId, leaver.email].flatMap(spellings);
    const rows = await everyRow();
    const naming = rows.filter((row) => words.some((word) => row.json.toLowerCase().includes(word)));
    expect(naming.map((row) => `${row.table}: ${row.json.slice(0, 300)}`)).toEqual([]);
    // The audit says it happened, under the pseudonym; what they did is still there, under it too.
    const audit = rows.filter((row) => row.table === 'audit').map((row) => row.json);
    expect(audit.filter((json) => json.includes('"privacy.person.removed"') && json.includes(`person:${former.userId}`))).toHaveLength(1);
    expect(audit.filter((json) => json.includes(`"actorId":"${former.userId}"`) && json.includes('"agenda.input"'))).toHaveLength(1);

    // What stays is theirs under the pseudonym: the input, the case steps, the "Læst", the agendas.
    const inputs = await storage.agendaInputs.listByAgenda(leaver.ids.agendas.answered);
    expect(inputs.map((i) => [i.authorId, i.authorName])).toEqual([[former.userId, former.displayName]]);
    expect((await storage.escalations.history(leaver.ids.cases.raised)).map((s) => s.actor)).toEqual([former, former]);
    expect((await storage.escalations.listSeen(leaver.ids.cases.seenOnly)).map((r) => r.person)).toEqual([former]);
    const answered = await storage.agendas.findById(ids[1]!, leaver.ids.agendas.answered);
    expect(answered?.circulation?.consultantIds).toEqual([former.userId, 'consultant-bystander']);
    const edited = await storage.agendas.findById(ids[0]!, leaver.ids.agendas.edited);
    expect([edited?.createdBy, edited?.updatedBy, edited?.updatedByName, edited?.items[1]?.presenter]).toEqual([former.userId, former.userId, former.displayName, former.displayName]);

    // The plan keeps that it was sent and approved, and what changed, by the pseudonym where it was them.
    const [v1, v2, record] = [await storage.plans.findVersion(1), await storage.plans.findVersion(2), await storage.plans.find()];
    expect([v1?.sentBy, v1?.approvedBy, v2?.sentBy, v2?.approvedBy, record?.sentBy]).toEqual([former.userId, stayerId, stayerId, former.userId, former.userId]);
    const members = v2?.content.organisation.flatMap((level) => level.fora.flatMap((forum) => forum.members.map((member) => member.name)));
    expect(members).toContain(former.displayName);
    expect(members).toContain(stayer.person.name);
    const initiatives = new Map((await storage.initiatives.list()).map((i) => [i.id, [i.contactName, i.updatedBy]]));
    expect([initiatives.get(plan.initiatives.a), initiatives.get(plan.initiatives.shared), initiatives.get(plan.initiatives.b)]).toEqual([[former.displayName, former.userId], [former.displayName, stayerId], [stayer.person.name, stayerId]]);
    expect((await storage.initiatives.history(plan.initiatives.shared)).map((h) => h.actorId)).toEqual([stayerId, former.userId]);
    expect((await storage.fora.findById(ids[0]!))?.analysts).toEqual([stayerId]);

    // Nobody else lost anything: the colleague's access request is as it was.
    const kept = await personData(stayerId);
    expect(kept.plan).toEqual(stayerBefore.plan);
    expect(kept.analystIn).toEqual([ids[0]]);
    expect([kept.memberships, kept.inputs, kept.actionItems, kept.cases, kept.agendas, kept.teams].map((list) => list.length)).toEqual([1, 1, 1, 2, 2, 1]);
    expect(kept.knownAs?.teamsId).toBe(stayer.person.teamsId);
    expect(kept.personalChat).toBeDefined();
  });
});
