/**
 * The plan as Word, from the signed link on the card, read back with an independent zip reader;
 * and the seal: an initiative of a sensitive forum shows only to that forum's members.
 */
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PLAN_VERBS } from '../../../cards/plan-verbs';
import { aForum, aMember } from '../../storage/storage.mothers';
import { PLAN_2017 } from '../../domain/plan/plan-2017';
import { useRunningBot } from '../support/bot-harness';
import { clickCard } from '../support/card-clicks';
import { cardTexts, type CardValue } from '../support/card-reading';
import { sayTo } from '../support/conversation';
import { outboxDrained } from '../support/outbox-drained';
import { sentCards } from '../escalations/escalations.support';
import { aPlanCast, buttons, saveInitiative, typed2017, type PlanCast } from './plan.support';

const running = useRunningBot();
beforeAll(() => running.bot.app.outbox.start());
afterAll(async () => {
  await running.bot.app.outbox.stop({ timeoutMs: 2_000 });
});

const cardOf = (reply: Record<string, unknown>): CardValue => (reply['attachments'] as { content: CardValue }[])[0]!.content;

/** The paragraphs of word/document.xml, in document order, entities decoded. */
async function docxParagraphs(buffer: Buffer): Promise<string[]> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.fromBuffer(buffer, { lazyEntries: true }, (e, z) => (e ? reject(e) : resolve(z))));
  const xml = await new Promise<string>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName !== 'word/document.xml') return zip.readEntry();
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      });
    });
    zip.on('end', () => reject(new Error('no word/document.xml')));
    zip.readEntry();
  });
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return xml.split('</w:p>').map((p) => decode(p.replace(/<[^>]+>/g, '')));
}

/** The Word link on a plan card, pointed at the running bot. */
function wordLinkOf(card: CardValue): string {
  const link = /\]\((http[^)]+handlingsplan\.docx[^)]*)\)/.exec(cardTexts(card).join('\n'))?.[1];
  expect(link).toBeDefined();
  const url = new URL(link!);
  return `${running.bot.baseUrl}${url.pathname}${url.search}`;
}

describe('the plan as a Word document', () => {
  let cast: PlanCast;

  test('given a plan holding the 2017 plan\'s initiatives then the Word file has each one\'s Projekt, Formål, Tidsramme and Målgruppe in order', async () => {
    cast = await aPlanCast(running);
    for (const [index, row] of PLAN_2017.entries()) {
      const card = await saveInitiative(running, cast, cast.consultant, typed2017(index, cast.ownerForumId, { fromYear: String(row.fromYear), toYear: String(row.toYear) }));
      expect(cardTexts(card).join('\n')).toContain('er gemt.');
    }
    const draft = cardOf(await sayTo(running, cast.personal(cast.consultant), cast.consultant, 'handlingsplan'));
    const response = await fetch(wordLinkOf(draft));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="handlingsplan-\d{4}-\d{2}-\d{2}\.docx"$/);
    const paragraphs = await docxParagraphs(Buffer.from(await response.arrayBuffer()));
    expect(paragraphs).toContain('Lokal handlingsplan');
    for (const row of PLAN_2017) {
      const at = paragraphs.findIndex((p, i) => p === 'Projekt' && paragraphs[i + 1] === row.project);
      expect(at, row.project).toBeGreaterThanOrEqual(0);
      const timeFrame = row.fromYear === row.toYear ? String(row.fromYear) : `${row.fromYear}–${row.toYear}`;
      expect(paragraphs.slice(at, at + 8)).toEqual(['Projekt', row.project, 'Formål', row.purpose, 'Tidsramme', timeFrame, 'Målgruppe', row.targetGroup]);
    }
    // Focus areas are headings, each initiative under its own.
    const tryg = paragraphs.indexOf('Tryg by');
    const proaktiv = paragraphs.indexOf('Proaktiv kriminalitetsforebyggelse');
    expect(proaktiv).toBeGreaterThan(0);
    expect(paragraphs.indexOf('Politikadet')).toBeGreaterThan(proaktiv);
    expect(paragraphs.indexOf('Borgerdrevet tryghed i Ishøj')).toBeGreaterThan(tryg);
  });

  test('given a forged or expired link then 403 and no document', async () => {
    const draft = cardOf(await sayTo(running, cast.personal(cast.consultant), cast.consultant, 'handlingsplan'));
    const good = new URL(wordLinkOf(draft));
    const forged = new URL(good);
    forged.searchParams.set('u', cast.outsider.aadObjectId);
    expect((await fetch(forged)).status).toBe(403);
    const expired = new URL(good);
    expired.searchParams.set('exp', String(Date.now() - 1000));
    expect((await fetch(expired)).status).toBe(403);
  });

  test('given a reader\'s link then the Word file holds the published plan only (none approved yet: no initiatives)', async () => {
    const reader = cardOf(await sayTo(running, cast.personal(cast.member), cast.member, 'handlingsplan'));
    const paragraphs = await docxParagraphs(Buffer.from(await (await fetch(wordLinkOf(reader))).arrayBuffer()));
    expect(paragraphs).toContain('Kladde, ikke godkendt');
    expect(paragraphs).not.toContain('Politikadet');
  });
});

describe('the seal', () => {
  test('given an initiative of a sensitive forum then the published plan shows it to that forum\'s members only, unless it is marked public', async () => {
    const cast = await aPlanCast(running);
    const { storage } = running.storage;
    const infohus = await storage.fora.save(aForum({ id: `infohus-${Date.now()}`, name: 'Infohus plan', level: 'coordinating', sensitive: true }));
    // The consultant sits in Infohus too; the plain member does not.
    await storage.members.save(infohus.id, aMember({ userId: cast.consultant.aadObjectId, displayName: cast.consultant.name, roles: ['consultant'] }));
    await storage.members.save(infohus.id, aMember({ userId: cast.steeringChair.aadObjectId, displayName: cast.steeringChair.name, roles: ['member'] }));
    const year = String(new Date().getFullYear());
    await saveInitiative(running, cast, cast.consultant, typed2017(0, infohus.id, { project: 'Lukket indsats mod radikalisering', fromYear: year, toYear: year }));
    await saveInitiative(running, cast, cast.consultant, typed2017(2, infohus.id, { project: 'Åben indsats fra Infohus', fromYear: year, toYear: year, public: 'true' }));
    await clickCard(running, cast.personal(cast.consultant), cast.consultant, PLAN_VERBS.send, {});
    await outboxDrained(storage);
    const asked = sentCards(running, cast.personal(cast.steeringChair).conversationId).at(-1)!;
    await clickCard(running, cast.personal(cast.steeringChair), cast.steeringChair, PLAN_VERBS.approve, buttons(asked).find((b) => b.verb === PLAN_VERBS.approve)!.data);
    await outboxDrained(storage);

    const seenBy = async (who: PlanCast['member']) => cardTexts(cardOf(await sayTo(running, cast.personal(who), who, 'handlingsplan'))).join('\n');
    const member = await seenBy(cast.member);
    expect(member).toContain('Åben indsats fra Infohus');
    expect(member).not.toContain('Lukket indsats');
    expect(await seenBy(cast.steeringChair)).toContain('Lukket indsats mod radikalisering');
    // The channels' copies are for everyone in them: no sealed initiative there.
    for (const forum of [cast.chain.top, cast.chain.middle!]) expect(cardTexts(sentCards(running, forum.forum.teams!.conversationId).at(-1)!).join('\n')).not.toContain('Lukket indsats');
  });
});
