/**
 * Who an initiative's history names: a member by name, someone who has since left the owning forum
 * by the name Forumbot knows, and a person removed from the municipality by their pseudonym — never
 * "systemet" for a person, never a raw id.
 */
import { describe, expect, test } from 'vitest';
import { PLAN_VERBS } from '../../../cards/plan-verbs';
import { pseudonymOf } from '../../../domain/privacy/leave';
import { useRunningBot } from '../support/bot-harness';
import { clickCard } from '../support/card-clicks';
import { cardTexts } from '../support/card-reading';
import { aPlanCast, saveInitiative, typed2017 } from './plan.support';

const running = useRunningBot();

describe('the names in an initiative\'s history', () => {
  test('given the writer left the forum, then the municipality, then the history names them, then their pseudonym', async () => {
    const cast = await aPlanCast(running);
    const { storage } = running.storage;
    expect(cardTexts(await saveInitiative(running, cast, cast.consultant, typed2017(0, cast.ownerForumId))).join('\n')).toContain('er gemt.');
    const initiative = (await storage.initiatives.list()).find((i) => i.project === 'Antiradikalisering - Kompetenceudvikling hos nøglepersoner')!;
    const history = async (): Promise<string> => cardTexts(await clickCard(running, cast.personal(cast.ownerChair), cast.ownerChair, PLAN_VERBS.initiativeShow, { initiativeId: initiative.id })).join('\n');

    expect(await history()).toMatch(/oprettet af Konsulent Åse Plan/);

    await storage.members.remove(cast.ownerForumId, cast.consultant.aadObjectId);
    expect(await history()).toMatch(/oprettet af Konsulent Åse Plan/);

    await storage.initiatives.replaceHistoryActor(cast.consultant.aadObjectId, pseudonymOf(cast.consultant.aadObjectId).userId);
    const after = await history();
    expect(after).toContain(`oprettet af ${pseudonymOf(cast.consultant.aadObjectId).displayName}`);
    expect(after).not.toContain('former-');
    expect(after).not.toContain('systemet');
  });
});
