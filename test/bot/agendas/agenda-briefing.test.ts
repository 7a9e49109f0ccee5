import { describe, expect, test } from 'vitest';
import yauzl from 'yauzl';
import { briefingLink } from '../../../bot/agendas/briefing-links';
import { linkKeyring } from '../../../bot/signed-links';
import { aPersonalChat, type Person } from '../support/teams-activities';
import { cardActions, cardInputs, cardTexts, click, isErrorCard, seedWorld, useAgendaBot, type Card, type World } from './agenda-harness';
import { circulate, waitForCard } from './agenda-flow';

const f = useAgendaBot();

async function answer(world: World, agendaId: string, person: Person, texts: string[], noComments = false): Promise<Card> {
  const card = await click(f, aPersonalChat(), person, 'agenda.input.view', { forumId: world.kreds.id, agendaId });
  const submit = cardActions(card).find((a) => a.verb === 'agenda.input.submit')!;
  const ids = [...cardInputs(card).keys()].filter((id) => id.startsWith('input.'));
  return click(f, aPersonalChat(), person, 'agenda.input.submit', { ...submit.data, ...Object.fromEntries(ids.map((id, i) => [id, texts[i] ?? ''])), noComments: String(noComments) });
}

/** The text of word/document.xml inside a .docx, tags removed. */
async function docxText(buffer: Buffer): Promise<string> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.fromBuffer(buffer, { lazyEntries: true }, (e, z) => (e ? reject(e) : resolve(z))));
  return new Promise((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName !== 'word/document.xml') return zip.readEntry();
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8').replace(/<w:p[ >]/g, '\n$&').replace(/<[^>]+>/g, '')));
      });
    });
    zip.on('end', () => reject(new Error('no word/document.xml')));
    zip.readEntry();
  });
}

const linkOf = (card: Card, title: string): string => {
  const action = card.actions?.find((a) => a['title'] === title);
  expect(action?.['type']).toBe('Action.OpenUrl');
  return String(action!['url']);
};
/** Card links carry the configured public URL; the test's server listens elsewhere. */
const local = (url: string): string => url.replace('http://localhost:3978', f.baseUrl);

describe('briefing', () => {
  test('given two answers (one changed), one "no comments" and one missing then the briefing card, the Markdown and the Word file hold exactly those inputs', async () => {
    f.clock.set('2030-03-01T08:00:00.000Z');
    const world = await seedWorld(f, 2);
    const { agenda } = await circulate(f, world);
    const [ann, bo, cai, dan] = world.consultants as [Person, Person, Person, Person];
    await answer(world, agenda.id, ann, ['Ann om lukketider (første udkast).']);
    await answer(world, agenda.id, ann, ['Ann om lukketider.', 'Ann om tryghed.']);
    await answer(world, agenda.id, bo, ['', 'Bo om tryghed.']);
    await answer(world, agenda.id, cai, [], true);

    const status = await click(f, aPersonalChat(), world.chair, 'agenda.briefing.compile', { forumId: world.kreds.id, agendaId: agenda.id });
    expect(cardTexts(status)).toContain('3 af 4 har svaret');
    expect(cardTexts(status).join('\n')).toContain(dan.name);
    const [briefing] = await waitForCard(f, world.chatOf(world.chair), 'Briefing til');
    const texts = cardTexts(briefing!);
    expect(texts.filter((t) => t.startsWith('**Konsulent'))).toEqual([
      `**${ann.name}** (${world.below[0]!.name}): Ann om lukketider.`,
      `**${ann.name}** (${world.below[0]!.name}): Ann om tryghed.`,
      `**${bo.name}** (${world.below[0]!.name}): Bo om tryghed.`,
    ]);
    expect(texts.join('\n')).not.toContain('første udkast');
    expect(texts.some((t) => t.includes(`Ingen kommentarer:** ${cai.name} (${world.below[1]!.name})`))).toBe(true);

    const markdown = await fetch(local(linkOf(briefing!, 'Hent som tekst')));
    expect(markdown.status).toBe(200);
    expect(markdown.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(markdown.headers.get('x-content-type-options')).toBe('nosniff');
    expect(markdown.headers.get('cache-control')).toBe('no-store');
    expect(markdown.headers.get('content-disposition')).toMatch(/^attachment; filename="briefing-.+\.md"$/);
    const md = await markdown.text();
    expect(md).toContain('## 1. Lukketider for udskænkningssteder');
    expect(md).toContain(`- **${ann.name}** (${world.below[0]!.name}): Ann om lukketider.`);
    expect(md).toContain('## 2. Tryghedsmåling 2026');
    expect(md).not.toContain('Eventuelt');
    expect(md).toContain(`**Svarede ikke:** ${dan.name}`);

    const word = await fetch(local(linkOf(briefing!, 'Hent som Word')));
    expect(word.status).toBe(200);
    expect(word.headers.get('content-disposition')).toMatch(/^attachment; filename="briefing-kredsraad-vestegn-.*-2030-03-12\.docx"$/);
    const text = await docxText(Buffer.from(await word.arrayBuffer()));
    expect(text).toContain(`Briefing – ${world.kreds.name}`);
    expect(text).toContain('1. Lukketider for udskænkningssteder');
    expect(text).toContain(`${ann.name} (${world.below[0]!.name}): Ann om lukketider.`);
    expect(text).toContain(`${bo.name} (${world.below[0]!.name}): Bo om tryghed.`);
    expect(text).toContain(`Ingen kommentarer: ${cai.name}`);
    expect(text).not.toContain('første udkast');
  });

  test('given download links then a tampered, expired or unshared link is refused and sharing opens it', async () => {
    f.clock.set('2030-03-01T08:00:00.000Z');
    const world = await seedWorld(f, 1);
    const { agenda } = await circulate(f, world);
    // The bot under test runs without BOT_LINK_SECRET: the process key signs, as in local mode.
    const key = linkKeyring(undefined);
    const now = f.clock.now();
    const forMayor = briefingLink(f.baseUrl, key, { forumId: world.kreds.id, agendaId: agenda.id, userId: world.mayor.aadObjectId }, 'md', now);

    // Signed for the mayor, but the chair has not shared it: refused.
    const denied = await fetch(forMayor);
    expect(denied.status).toBe(403);
    expect(await denied.text()).toBe('Du har ikke adgang til denne briefing. Bed formanden om at dele den med dig.');
    // Another user's id in a link signed for someone else: refused.
    const forChair = briefingLink(f.baseUrl, key, { forumId: world.kreds.id, agendaId: agenda.id, userId: world.chair.aadObjectId }, 'md', now);
    expect((await fetch(forChair.replace(encodeURIComponent(world.chair.aadObjectId), world.mayor.aadObjectId).replace(world.chair.aadObjectId, world.mayor.aadObjectId))).status).toBe(403);
    expect((await fetch(forChair)).status).toBe(200);
    // A link signed with another key: refused.
    expect((await fetch(briefingLink(f.baseUrl, linkKeyring([{ id: 'local', secret: 'x'.repeat(43) }]), { forumId: world.kreds.id, agendaId: agenda.id, userId: world.chair.aadObjectId }, 'md', now))).status).toBe(403);
    // Expired (made 25 hours ago): refused with the expiry text.
    const old = briefingLink(f.baseUrl, key, { forumId: world.kreds.id, agendaId: agenda.id, userId: world.chair.aadObjectId }, 'md', new Date(now.getTime() - 25 * 3600_000));
    const expired = await fetch(old);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('Linket er udløbet');

    // A consultant and a mayor cannot compile, share or view the briefing from a card.
    for (const [person, verb] of [[world.consultants[0]!, 'agenda.briefing.compile'], [world.mayor, 'agenda.briefing.view'], [world.secretary, 'agenda.briefing.share']] as const) {
      const card = await click(f, aPersonalChat(), person, verb, { forumId: world.kreds.id, agendaId: agenda.id, shareWith: world.mayor.aadObjectId });
      expect(isErrorCard(card)).toBe(true);
    }

    // The chair shares with the mayor: the mayor gets the card and the link works.
    const shared = await click(f, aPersonalChat(), world.chair, 'agenda.briefing.share', { forumId: world.kreds.id, agendaId: agenda.id, shareWith: `${world.mayor.aadObjectId},not-a-member` });
    expect(cardTexts(shared)[0]).toBe('Briefingen er delt med 1. Sendt til 1 af 1 modtager.');
    const [mayorCard] = await waitForCard(f, world.chatOf(world.mayor), 'Briefing til');
    expect(mayorCard!.refresh?.userIds).toEqual([world.mayor.aadObjectId]);
    expect((await fetch(local(linkOf(mayorCard!, 'Hent som tekst')))).status).toBe(200);
    expect((await fetch(forMayor)).status).toBe(200);
    const view = await click(f, aPersonalChat(), world.mayor, 'agenda.briefing.view', { forumId: world.kreds.id, agendaId: agenda.id });
    expect(isErrorCard(view)).toBe(false);
    expect(cardActions(view).some((a) => a.verb === 'agenda.briefing.share')).toBe(false);
  });
});
