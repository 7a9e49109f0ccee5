/**
 * The action plan's approval round through Microsoft 365 Agents Playground in Chromium. The
 * Playground has one user (Mette Holm), so she writes the plan as a consultant of
 * Koordinationsgruppen and answers it as the chair of Lokalråd, the steering group: she types an
 * initiative on the form, sends the plan, gets the approval card through the outbox, sends it back
 * with a comment, sends it again and approves it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { PlanRecord } from '../../domain/plan/plan';
import { PlaygroundHarness, WORLD } from './support/playground';

const METTE = WORLD.userId;
const KOORD = 'koordinationsgruppen-plan';
const LOKAL = 'lokalraad-plan';

describe('Playground: the action plan approved by the steering group', () => {
  let pg: PlaygroundHarness;

  beforeAll(async () => {
    pg = await PlaygroundHarness.start({ storageConnectionString: inject('storageConnectionString') });
    const { fora, members, plans } = pg.storage;
    await fora.save({ id: LOKAL, name: 'Lokalråd', level: 'strategic', sensitive: false });
    await fora.save({ id: KOORD, name: 'Koordinationsgruppen', level: 'coordinating', escalatesTo: LOKAL, sensitive: false });
    await members.save(KOORD, { userId: METTE, displayName: 'Mette Holm', roles: ['consultant'] });
    await members.save(LOKAL, { userId: METTE, displayName: 'Mette Holm', roles: ['chair'] });
    const current = await plans.find();
    await plans.save(PlanRecord.parse({ ownerForumId: KOORD, steeringForumId: LOKAL, ...(current === undefined ? {} : { version: current.version }) }));
    pg.app.outbox.start();
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await pg.screenshot(`plan-${task.name}`);
  });

  afterAll(async () => {
    if (pg !== undefined) await pg.app.outbox.stop({ timeoutMs: 2_000 });
    await pg?.close();
  });

  it('given an initiative typed on the form and the plan sent, sent back with a comment and sent again, then approving freezes version 1', async () => {
    await pg.openPersonalChat();
    await pg.send('handlingsplan');
    const plan = await pg.nextCard('Lokal handlingsplan');
    const form = await pg.clickCardAction('Ny indsats', plan);
    await form.getByLabel('Indsatsområde').fill('Proaktiv kriminalitetsforebyggelse');
    await form.getByLabel(/^Projekt/).fill('Fra gadeliv til klubliv');
    await form.getByLabel('Formål').fill('At opsøge gadeorienterede unge og rekruttere dem til kommunens klubtilbud.');
    await form.getByLabel('Målgruppe').fill('Elever med gadeorienteret livsstil');
    await pg.choose(form.getByRole('combobox', { name: 'Status', exact: true }), 'I gang');
    const saved = await pg.clickCardAction('Gem', form);
    await saved.getByText('Indsatsen "Fra gadeliv til klubliv" er gemt.').waitFor();

    const sent = await pg.clickCardAction('Send til godkendelse', saved);
    await sent.getByText('Sendt til godkendelse i Lokalråd', { exact: false }).waitFor();
    expect(await sent.textContent()).toContain('Sendt til 1 af 1 godkender.');
    const asked = await pg.nextCard('Handlingsplan til godkendelse');
    expect(await asked.textContent()).toContain('Fra gadeliv til klubliv');
    await asked.getByLabel('Kommentar', { exact: false }).fill('Tilføj tal for målgruppen.');
    const back = await pg.clickCardAction('Send tilbage', asked);
    await back.getByText('Sendt tilbage med din kommentar.').waitFor();
    expect(await pg.storage.plans.find()).toMatchObject({ state: 'draft', sentBackComment: 'Tilføj tal for målgruppen.' });
    const returned = await pg.nextCard('Styregruppen har sendt planen tilbage');
    await pg.screenshot('plan-sent-back');

    await pg.clickCardAction('Send til godkendelse', returned);
    const again = await pg.nextCard('Handlingsplan til godkendelse');
    const approved = await pg.clickCardAction('Godkend', again);
    await approved.getByText('Godkendt som version 1.', { exact: false }).waitFor();
    await pg.screenshot('plan-approved');
    const version = await pg.storage.plans.findVersion(1);
    expect(version?.approvedBy).toBe(METTE);
    expect(version?.content.initiatives.map((i) => i.project)).toEqual(['Fra gadeliv til klubliv']);
  });
});
