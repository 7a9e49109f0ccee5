/**
 * The full path of a case through Microsoft 365 Agents Playground in Chromium: raised from
 * SSP-netværk, acknowledged and escalated in Koordinationsgruppen, resolved in Lokalråd, the
 * decision seen by the raiser. The Playground has one user (Mette Holm) and no way to switch, so
 * she wears three hats: consultant in SSP-netværk and manager in both fora above. Other people's
 * clicks (two managers at once, refusals) are covered over HTTP in test/bot/escalations/.
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { PlaygroundHarness, WORLD } from './support/playground';

const METTE = WORLD.userId;
const SSP = 'ssp-netvaerk-esc';
const KOORD = 'koordinationsgruppen-esc';
const LOKAL = 'lokalraad-esc';
const TITLE = 'Flere unge samles ved Ishøj Station om aftenen';
const NOTE_LABEL = 'Note (beslutning, spørgsmål eller begrundelse)';

describe('Playground: escalation up the chain and the decision back down', () => {
  let pg: PlaygroundHarness;

  beforeAll(async () => {
    pg = await PlaygroundHarness.start({ storageConnectionString: inject('storageConnectionString') });
    const { fora, members } = pg.storage;
    await fora.save({ id: LOKAL, name: 'Lokalråd', level: 'strategic', sensitive: false });
    await fora.save({ id: KOORD, name: 'Koordinationsgruppen', level: 'coordinating', escalatesTo: LOKAL, sensitive: false });
    await fora.save({ id: SSP, name: 'SSP-netværk', level: 'executing', escalatesTo: KOORD, sensitive: false });
    await members.save(SSP, { userId: METTE, displayName: 'Mette Holm', roles: ['consultant'] });
    await members.save(KOORD, { userId: METTE, displayName: 'Mette Holm', roles: ['manager', 'chair'] });
    await members.save(LOKAL, { userId: METTE, displayName: 'Mette Holm', roles: ['manager'] });
    pg.app.outbox.start();
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await pg.screenshot(`escalation-${task.name}`);
  });

  afterAll(async () => {
    if (pg !== undefined) await pg.app.outbox.stop({ timeoutMs: 2_000 });
    await pg?.close();
  });

  it('given a case raised from SSP-netværk, acknowledged and escalated in Koordinationsgruppen and resolved in Lokalråd then the raiser sees the decision and marks it read', async () => {
    // Koordinationsgruppen lives in the team's General channel (linked by its chair, Mette).
    await pg.openChannel('General');
    await pg.sendWithMention('tilknyt Koordinationsgruppen');
    await pg.nextText('Koordinationsgruppen');
    await pg.openPersonalChat();

    await pg.send('eskaler Uro ved stationen');
    const form = await pg.nextCard('Eskaler en sag');
    await form.getByLabel('Overskrift').fill(TITLE);
    await form.getByLabel('Beskrivelse').fill('Tendens de sidste tre uger; butikkerne melder om tyverier.');
    await pg.choose(form.getByRole('combobox', { name: 'Fra forum', exact: true }), 'SSP-netværk → Koordinationsgruppen');
    const raised = await pg.clickCardAction('Eskaler', form);
    await raised.getByText(/^Sagen ligger nu hos Koordinationsgruppen\. Sendt til \d+ af \d+ ledere?/).waitFor();

    // As manager in Koordinationsgruppen, her personal card arrives through the outbox.
    const inKoord = await pg.nextCard('Kvittér');
    expect(await inKoord.textContent()).toContain(TITLE);
    const acknowledged = await pg.clickCardAction('Kvittér', inKoord);
    await acknowledged.getByText('Gemt. Sagen står nu som: Kvitteret.').waitFor();
    await acknowledged.getByLabel(NOTE_LABEL).fill('Kræver beslutning på tværs af centre');
    const escalated = await pg.clickCardAction('Eskaler videre', acknowledged);
    await escalated.getByText('Gemt. Sagen står nu som: Afventer kvittering.').waitFor();
    await pg.screenshot('escalation-koordinationsgruppen');

    // As manager in Lokalråd.
    const inLokal = await pg.nextCard('Kvittér');
    expect(await inLokal.textContent()).toContain('Lokalråd');
    const taken = await pg.clickCardAction('Kvittér', inLokal);
    await taken.getByLabel(NOTE_LABEL).fill('Ekstra gadeplansindsats i uge 10');
    const resolved = await pg.clickCardAction('Afgør', taken);
    await resolved.getByText('Gemt. Sagen står nu som: Afgjort.').waitFor();

    // As the raiser: the decision comes down, with a "Læst" button.
    const decision = await pg.nextCard('Beslutning fra Lokalråd');
    expect(await decision.textContent()).toContain('Ekstra gadeplansindsats i uge 10');
    const seen = await pg.clickCardAction('Læst', decision);
    await seen.getByText('Du har markeret beslutningen som læst.').waitFor();
    await pg.screenshot('escalation-decision-seen');

    // The case and the decision are in Koordinationsgruppen's channel too.
    await pg.openChannel('General');
    await pg.page.locator('.ac-adaptiveCard', { hasText: 'Beslutning fra Lokalråd' }).first().waitFor();
    expect(await pg.page.locator('.ac-adaptiveCard', { hasText: TITLE }).count()).toBeGreaterThanOrEqual(2);
    await pg.screenshot('escalation-channel');

    const [escalation] = await pg.storage.escalations.listByOriginForum(SSP);
    expect(escalation).toMatchObject({ state: 'resolved', currentForumId: LOKAL, path: [SSP, KOORD, LOKAL], decision: 'Ekstra gadeplansindsats i uge 10' });
    expect((await pg.storage.escalations.history(escalation!.id)).map((s) => s.action)).toEqual(['raise', 'acknowledge', 'escalate', 'acknowledge', 'resolve']);
    expect((await pg.storage.escalations.listSeen(escalation!.id)).map((r) => r.person.userId)).toEqual([METTE]);

    // Let the outbox finish the in-place updates it still holds before the Playground goes away.
    const busy = async (): Promise<number> =>
      (await Promise.all(['escalation', 'escalation-decision'].map((type) => pg.storage.outbox.listBySubject(type, escalation!.id))))
        .flat()
        .filter((m) => m.status === 'pending' || m.status === 'sending').length;
    const until = Date.now() + 15_000;
    while ((await busy()) > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 200));
  });
});
