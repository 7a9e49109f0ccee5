/**
 * The picture's cells follow the cases as they are raised and acted on over real HTTP (Azurite),
 * and a rebuild from the stored history gives the same cells.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ESCALATION_VERBS } from '../../../cards/escalation.card';
import { rebuildPicture } from '../../../bot/picture/rebuild-picture';
import { monthOf } from '../../../domain/picture/months';
import { useRunningBot } from '../support/bot-harness';
import { aChain, click, isErrorCard, personalChatOf } from '../escalations/escalations.support';

const running = useRunningBot();
beforeAll(() => running.bot.app.outbox.start());
afterAll(async () => {
  await running.bot.app.outbox.stop({ timeoutMs: 2_000 });
});

describe('the picture kept up to date', () => {
  test('given a case raised in Vejleåparken and acknowledged then its month has one case raised and one acknowledged, and a rebuild gives the same', async () => {
    const chain = await aChain(running, { areas: [{ id: 'vejleaaparken', name: 'Vejleåparken' }] });
    const { storage } = running.storage;
    const raised = await click(running, personalChatOf(chain, chain.raiser), chain.raiser, ESCALATION_VERBS.raise, {
      title: 'Hærværk i opgangene',
      description: '',
      category: 'problem',
      urgency: 'high',
      area: 'vejleaaparken',
      originForumId: chain.origin.forum.id,
    });
    expect(isErrorCard(raised)).toBe(false);
    const [escalation] = await storage.escalations.listByOriginForum(chain.origin.forum.id);
    const manager = chain.managers[0]!;
    await click(running, personalChatOf(chain, manager), manager, ESCALATION_VERBS.act, { escalationId: escalation!.id, action: 'acknowledge', step: 1 });

    const month = monthOf(escalation!.raisedAt);
    const mine = async () => (await storage.picture.listMonths([month])).filter((c) => c.forumId === chain.origin.forum.id);
    const cells = await mine();
    expect(cells).toHaveLength(1);
    expect(cells[0]).toMatchObject({ category: 'problem', area: 'vejleaaparken', counters: { raised: 1, acknowledged: 1, acknowledgedInTime: 1, reachedCoordinating: 1 } });

    const rebuilt = await rebuildPicture(storage);
    expect(rebuilt.cases).toBeGreaterThanOrEqual(1);
    expect(await mine()).toEqual(cells);
  });
});
