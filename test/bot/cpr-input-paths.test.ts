/**
 * The CPR guard on the bot's input paths, over real HTTP: generated CPR numbers (every dress) and
 * benign numbers through a card form, a typed command and Teams' own names. Seeded; counts printed.
 */
import { describe, expect, test } from 'vitest';
import { ESCALATION_VERBS } from '../../cards/escalation.card';
import { readTurnInfo } from '../../bot/core/turn-info';
import { benignSample, cprSample, seededRandom } from '../support/cpr-samples';
import { useRunningBot } from './support/bot-harness';
import { aMessage, aPerson, aPersonalChat, BOT } from './support/teams-activities';
import { aChain, cardTexts, click, isErrorCard, personalChatOf } from './escalations/escalations.support';

const running = useRunningBot();
const CPR_TEXT = 'Teksten ligner et CPR-nummer: fjern nummeret, og send igen. Skriv aldrig personoplysninger her.';
const RUNS = 40;

describe('CPR numbers through the bot', () => {
  test('given generated CPR numbers and benign numbers in a case title then every CPR number is refused on the form itself with nothing raised and every benign one is raised', async () => {
    const chain = await aChain(running);
    const chat = personalChatOf(chain, chain.raiser);
    const rng = seededRandom(0x15ca5e);
    const failures: string[] = [];
    let raised = 0;
    for (let run = 0; run < RUNS; run++) {
      const sample = run % 2 === 0 ? cprSample(rng) : benignSample(rng);
      const isCpr = run % 2 === 0;
      const before = (await running.storage.storage.escalations.listByOriginForum(chain.origin.forum.id)).length;
      const card = await click(running, chat, chain.raiser, ESCALATION_VERBS.raise, {
        title: `Sag ${sample.text}`.slice(0, 200),
        description: '',
        category: 'trend',
        urgency: 'normal',
        originForumId: chain.origin.forum.id,
      });
      const after = (await running.storage.storage.escalations.listByOriginForum(chain.origin.forum.id)).length;
      // A refusal gives the form back with the reason beside the title (forms keep what was typed).
      if (isCpr && (isErrorCard(card) || !cardTexts(card).includes(CPR_TEXT) || after !== before)) failures.push(`run ${run}: not refused: ${sample.label} ${JSON.stringify(sample.text)}`);
      if (!isCpr && (isErrorCard(card) || after !== before + 1)) failures.push(`run ${run}: benign refused: ${sample.label} ${JSON.stringify(sample.text)}`);
      if (!isCpr) raised += 1;
    }
    console.info(`[cpr-bot-property] escalation.raise title: seed=15ca5e runs=${RUNS} failures=${failures.length}`);
    expect(failures).toEqual([]);
    expect((await running.storage.storage.escalations.listByOriginForum(chain.origin.forum.id)).length).toBe(raised);
  }, 120_000);

  test('given generated CPR numbers in a typed command then the bot answers with the CPR message and never repeats the number', async () => {
    const rng = seededRandom(0x15c0de);
    const failures: string[] = [];
    const person = aPerson('Konsulent Bo');
    for (let run = 0; run < RUNS; run++) {
      const sample = cprSample(rng);
      const chat = aPersonalChat();
      const word = run % 2 === 0 ? 'eskaler' : 'tilknyt';
      const { status } = await running.bot.post(aMessage(running.emulator.serviceUrl, chat, person, `${word} ${sample.text}`));
      await running.emulator.waitFor((e) => e.sent(chat.conversationId).length === 1, 5_000);
      const reply = JSON.stringify(running.emulator.sent(chat.conversationId)[0]?.activity ?? {});
      if (status !== 200 || !reply.includes(CPR_TEXT) || reply.includes(JSON.stringify(sample.text).slice(1, -1))) failures.push(`run ${run}: ${sample.label} ${JSON.stringify(sample.text)}`);
    }
    console.info(`[cpr-bot-property] typed command: seed=15c0de runs=${RUNS} failures=${failures.length}`);
    expect(failures).toEqual([]);
  }, 120_000);

  test('given a Teams display name that holds a CPR number then the person is remembered without the name', async () => {
    const person = aPerson('Jens 010203-1234');
    const chat = aPersonalChat();
    await running.bot.post(aMessage(running.emulator.serviceUrl, chat, person, 'hjælp'));
    const known = await running.storage.storage.knownUsers.findById(person.aadObjectId);
    expect(known).toBeDefined();
    expect(known?.displayName).toBeUndefined();
  });

  test('given a channel name or a display name with a CPR number in any dress then the turn info leaves them out', () => {
    const info = readTurnInfo({
      type: 'message',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      from: { id: '29:1', aadObjectId: '5f1c9a9e-1b6a-4c0e-9a55-1a2b3c4d5e6f', name: 'Jens ０１０２０３－１２３４' },
      recipient: BOT,
      conversation: { id: '19:abc@thread.tacv2', conversationType: 'channel' },
      channelData: { channel: { id: '19:abc@thread.tacv2', name: 'Sag 01.02.03\u20141234' }, team: { id: '19:team@thread.tacv2' } },
    });
    expect(info?.actor?.name).toBeUndefined();
    expect(info?.place.channelName).toBeUndefined();
  });
});
