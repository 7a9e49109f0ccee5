import { describe, expect, test, beforeAll } from 'vitest';
import { signedExportPath } from '../../../bot/action-items/export-link';
import { linkKeyring } from '../../../bot/signed-links';
import { signedPersonDataPath } from '../../../bot/privacy/person-data-link';
import { briefingLink } from '../../../bot/agendas/briefing-links';
import { signedPlanPath } from '../../../bot/plan/plan-link';
import { PlanRecord } from '../../../domain/plan/plan';
import type { Access } from '../../../bot/core/access';
import type { CommandRequest } from '../../../bot/core/command';
import type { HttpRoute } from '../../../bot/core/http-route';
import { entryPoints, features } from '../../../bot/features';
import { DEV_USER_HEADER } from '../../../bot/tab/tab-identity';
import { errorText, messagesFor } from '../../../bot/i18n';
import { useRunningBot } from '../support/bot-harness';
import { cardTexts } from '../support/card-reading';
import { cardAction, aMessage, aPersonalChat, type Where } from '../support/teams-activities';
import { sentIn } from '../support/conversation';
import { dataFor } from './matrix-data';
import { insideSeal, leaks, mayPass } from './matrix-oracle';
import { buildMatrixWorld, PERSONAS, type ForumWorld, type MatrixWorld, type Persona } from './matrix-world';

/**
 * The permission matrix, generated from the registry: every card verb, command and HTTP route ×
 * every persona × an ordinary and a sensitive forum. Each cell asserts the gate's verdict against
 * the declaration (worked out independently in matrix-oracle.ts) and, for everything shown, that no
 * sealed text of the sensitive forum reaches anyone outside it. A new verb or route is in the matrix
 * by being registered.
 */

const running = useRunningBot();
let world: MatrixWorld;
const da = messagesFor('da');
/** The refusals a gate gives: the one refusal for outsiders, and the role a member lacks. */
const GATE_TEXTS = new Set([da.errors['ACCESS.DENIED']({}), da.errors['FORUM.NOT_MEMBER']({}), da.errors['FORUM.NOT_CHAIR']({}), da.errors['FORUM.NOT_CHAIR_OR_SECRETARY']({}), errorText(da, 'PICTURE.NOT_ANALYST')]);
const forums = ['ordinary', 'sensitive'] as const;
// Refused personas click first, so what they may not see is still there to leak; the chair, whose
// clicks may change things, comes last.
const ORDER: Persona[] = ['outsider', 'nonMemberManagerAbove', 'managerAbove', 'sensitiveMember', 'consultant', 'member', 'secretary', 'chair'];

const cells = { total: 0, refused: 0, allowed: 0 };
const problems: string[] = [];

function check(where: string, persona: Persona, f: ForumWorld, expectedPass: boolean, refusedByGate: boolean, shown: string): void {
  cells.total += 1;
  if (refusedByGate) cells.refused += 1;
  else cells.allowed += 1;
  if (expectedPass === refusedByGate) problems.push(`${where} × ${persona} × ${f.forum.sensitive ? 'sensitive' : 'ordinary'}: expected ${expectedPass ? 'allowed' : 'refused'}`);
  if (!insideSeal(persona, world.sensitive)) {
    const found = leaks(shown, [...world.sensitive.sealed, ...world.sensitive.sealedNames]);
    if (found.length > 0) problems.push(`${where} × ${persona} × ${f.forum.sensitive ? 'sensitive' : 'ordinary'}: shows sealed ${found.join(', ')}`);
  }
}

beforeAll(async () => {
  world = await buildMatrixWorld(running);
  // One meeting's key, as the meetings card carries it, for "move" and "cancel".
  for (const f of [world.ordinary, world.sensitive]) {
    const card = await click(f.people.chair, 'meetings.list', { forumId: f.forum.id });
    const json = JSON.stringify(card);
    f.occurrenceKey = /"key":"([^"]+)"/.exec(json)?.[1];
  }
}, 60_000);

async function click(person: ForumWorld['people'][Persona], verb: string, data: unknown): Promise<unknown> {
  const { status, body } = await running.bot.post(cardAction(running.emulator.serviceUrl, { kind: 'personal', conversationId: `a:${person.aadObjectId}` }, person, verb, data));
  expect(status).toBe(200);
  return (body as { value: unknown }).value;
}

describe('the permission matrix', () => {
  test('every card verb × persona × forum: the gate keeps its declaration and nothing sealed leaks', async () => {
    problems.length = 0;
    for (const action of entryPoints.actions) {
      for (const which of forums) {
        const f = world[which];
        const data = dataFor(action.verb, action.schema, f);
        if (action.verb.startsWith('plan.')) await planOwnedBy(f);
        expect(action.schema.safeParse(data).success, `the matrix could not make valid data for ${action.verb}: ${JSON.stringify(data)}`).toBe(true);
        for (const persona of ORDER) {
          const card = await click(f.people[persona], action.verb, data);
          const texts = cardTexts(card);
          const refused = texts.some((t) => GATE_TEXTS.has(t));
          check(action.verb, persona, f, mayPass(action.access, persona, f, true), refused, JSON.stringify(card));
        }
      }
    }
    expect(problems).toEqual([]);
  }, 300_000);

  test('every command × persona × forum, typed in the forum’s channel and in a personal chat', async () => {
    problems.length = 0;
    for (const command of entryPoints.commands) {
      for (const which of forums) {
        const f = world[which];
        for (const persona of ORDER) {
          const person = f.people[persona];
          for (const where of [f.channel, aPersonalChat()] as Where[]) {
            const before = sentIn(running, where).length;
            const { status } = await running.bot.post(aMessage(running.emulator.serviceUrl, where, person, command.words[0]!, { mention: where.kind !== 'personal' }));
            expect(status).toBe(200);
            await running.emulator.waitFor(() => sentIn(running, where).length > before, 5_000);
            const reply = sentIn(running, where).slice(before)[0]!;
            const texts = typeof reply['text'] === 'string' ? [reply['text']] : cardTexts(reply['attachments']);
            const refused = texts.some((t) => GATE_TEXTS.has(t));
            const named = await namesForum(command.access, person, where, f);
            check(`${command.name} (${where.kind})`, persona, f, mayPass(command.access as never, persona, f, named), refused, JSON.stringify(reply));
          }
        }
      }
    }
    expect(problems).toEqual([]);
  }, 300_000);

  test('every HTTP route × persona × forum: proven people pass their declaration, and no body shows sealed text outside the seal', async () => {
    problems.length = 0;
    const routes = features.flatMap((feature) => feature.routes?.(running.bot.app.services) ?? []);
    for (const route of routes) {
      for (const which of forums) {
        const f = world[which];
        for (const persona of ORDER) {
          const request = requestFor(route, f, persona);
          const response = await fetch(`${running.bot.baseUrl}${request.path}`, request.init);
          const body = await response.text();
          const passes = route.access.kind === 'person' ? mayPass(route.access.access as never, persona, f, true) : true;
          // A refusal is a 4xx; a person the declaration refuses never gets a 200.
          const refused = response.status >= 400 && response.status < 500;
          if (!passes && !refused) problems.push(`${route.method} ${route.path} × ${persona} × ${which}: answered ${response.status}`);
          cells.total += 1;
          if (refused) cells.refused += 1;
          else cells.allowed += 1;
          // The local-mode picker (never with an app id) names every person so a developer can act as
          // any of them; it never says who sits in a sensitive forum, and it shows no forum content.
          const sealed = route.path === '/api/tab/session' ? world.sensitive.sealed : [...world.sensitive.sealed, ...world.sensitive.sealedNames];
          const found = insideSeal(persona, world.sensitive) ? [] : leaks(body, sealed);
          if (found.length > 0) problems.push(`${route.method} ${route.path} × ${persona} × ${which}: shows sealed ${found.join(', ')}`);
        }
      }
    }
    expect(problems).toEqual([]);
    console.log(`permission matrix: ${cells.total} cells (${cells.allowed} allowed, ${cells.refused} refused) over ${entryPoints.actions.length} verbs, ${entryPoints.commands.length} commands, ${routes.length} routes, ${PERSONAS.length} personas, 2 fora`);
  }, 300_000);
});

/**
 * How a persona calls a route: the route's path with the forum's ids, and the proof its access
 * needs (the local development identity for the tab, a link signed for the person for downloads).
 * A route the matrix cannot call fails here, so every new route gets a line.
 */
function requestFor(route: HttpRoute, f: ForumWorld, persona: Persona): { path: string; init: RequestInit } {
  const person = f.people[persona];
  const services = running.bot.app.services;
  const now = services.clock.now();
  const fill = (pattern: string) =>
    pattern
      .replace(':forumId', encodeURIComponent(f.forum.id))
      .replace(':agendaId', encodeURIComponent(f.agendaId))
      .replace(':file', `${encodeURIComponent(f.seriesId)}.ics`)
      .replace('*', 'personal.html');
  if (route.access.kind === 'public' || route.access.kind === 'capability') {
    // The token is what a capability needs; the matrix asks without it, as anyone who never saw it would.
    return { path: fill(route.path), init: {} };
  }
  if (route.access.proof === 'teams-sso') {
    const headers = { [DEV_USER_HEADER]: person.aadObjectId, 'content-type': 'application/json' };
    if (route.method === 'POST') return { path: fill(route.path), init: { method: 'POST', headers, body: JSON.stringify({ forumId: f.forum.id, channelId: f.channel.conversationId, teamId: f.channel.teamId }) } };
    return { path: fill(route.path), init: { headers } };
  }
  if (route.path.includes('/briefing.')) {
    const format = route.path.endsWith('.docx') ? 'docx' : 'md';
    const url = new URL(briefingLink('http://x', linkKeyring(services.config.linkKeys), { forumId: f.forum.id, agendaId: f.agendaId, userId: person.aadObjectId }, format, now));
    return { path: url.pathname + url.search, init: {} };
  }
  if (route.path.endsWith('/handlingsplan.docx')) return { path: signedPlanPath(linkKeyring(services.config.linkKeys), 'draft', person.aadObjectId, now), init: {} };
  if (route.path.startsWith('/privacy/people/')) {
    // A genuine link, signed for the persona, to the forum chair's data: only an administrator may follow it.
    const format = route.path.endsWith('.csv') ? 'csv' : 'json';
    return { path: signedPersonDataPath(linkKeyring(services.config.linkKeys), f.people.chair.aadObjectId, person.aadObjectId, format, now).path, init: {} };
  }
  if (route.path.endsWith('/actions.csv')) return { path: signedExportPath(linkKeyring(services.config.linkKeys), f.forum.id, person.aadObjectId, now).path, init: {} };
  throw new Error(`the permission matrix does not know how to call ${route.method} ${route.path}: add it to requestFor`);
}

/**
 * The plan's verbs name no forum in their data: their forum is the one that owns the plan (or
 * approves it). For each forum's cells that forum is made both, so the declaration is checked
 * against the forum the matrix is looking at.
 */
async function planOwnedBy(f: ForumWorld): Promise<void> {
  const plans = running.storage.storage.plans;
  const current = await plans.find();
  const next = PlanRecord.parse({ ...current, ownerForumId: f.forum.id, steeringForumId: f.forum.id });
  await plans.save(next);
}

/** Does the command, typed here with no words after it, name this forum (the channel's own, or the one the person keeps)? */
async function namesForum(access: Access<CommandRequest>, person: ForumWorld['people'][Persona], where: Where, f: ForumWorld): Promise<boolean> {
  if (access.kind !== 'forum') return false;
  const info = {
    serviceUrl: running.emulator.serviceUrl,
    botId: 'bot',
    actor: { userId: person.aadObjectId, teamsId: person.teamsId },
    place: where.kind === 'channel' ? { kind: 'channel' as const, conversationId: where.conversationId, teamId: where.teamId } : { kind: where.kind, conversationId: where.conversationId },
  };
  try {
    const found = await access.forumId({ args: '', info }, running.bot.app.services);
    // A forum offered before it is read counts as named only as storage confirms it.
    const meant = typeof found === 'object' && found !== null && 'confirmed' in found ? await found.confirmed : found;
    return (typeof meant === 'string' ? meant : meant?.id) === f.forum.id;
  } catch {
    return false;
  }
}


