import { createLogger } from '../../../bot/logger';
import type { Forum } from '../../../domain/fora/forum';
import type { OutboxMessage } from '../../../domain/outbox/outbox-message';
import type { Storage } from '../../../storage';
import { aForum, anActionItem, anAgenda, anAgendaInput, anAuditEvent, anEscalation } from '../../storage/storage.mothers';
import { uniqueId } from '../../storage/storage-kit';
import { testConfig } from '../support/bot-harness';

/** The ids a retention pass must delete and those it must keep, per kind. */
export interface Expectation {
  gone: { inputs: string[]; items: string[]; cases: string[]; audit: string[]; outbox: string[] };
  kept: { agendas: string[]; items: string[]; cases: string[]; audit: string[]; outbox: string[] };
}

export const emptyExpectation = (): Expectation => ({
  gone: { inputs: [], items: [], cases: [], audit: [], outbox: [] },
  kept: { agendas: [], items: [], cases: [], audit: [], outbox: [] },
});

/** Judged at 2029-06-01 with the defaults (inputs 6 months, items 2 years, cases 3 years, outbox 4 weeks, audit 5 years). */
export const JUDGED_AT = new Date('2029-06-01T10:00:00.000Z');

export function anOutboxMessage(over: Partial<OutboxMessage> = {}): OutboxMessage {
  const userId = over.recipient?.kind === 'user' ? over.recipient.userId : uniqueId('user');
  return {
    id: uniqueId('msg'),
    recipient: { kind: 'user', userId },
    recipientKey: `user:${userId}`,
    activity: { type: 'message', text: 'Påmindelse' },
    operation: { kind: 'send' },
    subject: { type: 'reminder', id: uniqueId('subject') },
    causedBy: 'user-1',
    status: 'sent',
    dueAt: '2029-04-01T08:00:00.000Z',
    attempts: 1,
    enqueuedAt: '2029-04-01T08:00:00.000Z',
    deliveredAt: '2029-04-01T08:00:01.000Z',
    ...over,
  };
}

/**
 * One forum with something of every kind on each side of its cut-off. A forum with overrides
 * (inputs 12 months, audit 10 years) keeps what the defaults would delete.
 */
export async function seedForum(storage: Storage, expect: Expectation, overrides?: Forum['retention']): Promise<Forum> {
  const forum = await storage.fora.save(aForum(overrides === undefined ? {} : { retention: overrides }));
  const long = overrides !== undefined;

  const old = await storage.agendas.save(anAgenda(forum.id, { meetingStart: '2026-03-10T08:00:00.000Z' }));
  const middle = await storage.agendas.save(anAgenda(forum.id, { meetingStart: '2028-09-10T08:00:00.000Z' }));
  const recent = await storage.agendas.save(anAgenda(forum.id, { meetingStart: '2029-03-10T08:00:00.000Z' }));
  for (const agenda of [old, middle, recent]) {
    const authors = [uniqueId('consultant'), uniqueId('consultant')];
    for (const author of authors) {
      const input = anAgendaInput(agenda.id, author, { itemId: agenda.items[1]!.id });
      await storage.agendaInputs.replaceAnswer(agenda.id, author, [input]);
      if (agenda === old || (agenda === middle && !long)) expect.gone.inputs.push(`${agenda.id}/${author}/${input.itemId}`);
    }
    expect.kept.agendas.push(agenda.id);
  }

  const doneLongAgo = await storage.actionItems.save(anActionItem(forum.id, { status: 'done', closedAt: '2026-03-01T12:00:00.000Z', updatedAt: '2026-03-01T12:00:00.000Z' }));
  const openLongAgo = await storage.actionItems.save(anActionItem(forum.id, { status: 'open', updatedAt: '2026-03-01T12:00:00.000Z' }));
  const doneLately = await storage.actionItems.save(anActionItem(forum.id, { status: 'cancelled', closedAt: '2028-01-01T12:00:00.000Z' }));
  expect.gone.items.push(doneLongAgo.id);
  expect.kept.items.push(openLongAgo.id, doneLately.id);

  const resolvedOld = anEscalation(forum.id, { state: 'resolved', updatedAt: '2026-03-02T12:00:00.000Z' });
  const openOld = anEscalation(forum.id, { state: 'raised' });
  const resolvedLately = anEscalation(forum.id, { state: 'returned', updatedAt: '2027-01-02T12:00:00.000Z' });
  for (const c of [resolvedOld, openOld, resolvedLately]) await storage.escalations.create(c.escalation, c.firstStep);
  expect.gone.cases.push(resolvedOld.escalation.id);
  expect.kept.cases.push(openOld.escalation.id, resolvedLately.escalation.id);

  const auditOld = anAuditEvent(forum.id, { at: '2024-01-05T12:00:00.000Z' });
  const auditLater = anAuditEvent(forum.id, { at: '2025-01-05T12:00:00.000Z' });
  for (const event of [auditOld, auditLater]) await storage.audit.append(event);
  (long ? expect.kept.audit : expect.gone.audit).push(auditOld.id);
  expect.kept.audit.push(auditLater.id);
  return forum;
}

/** Outbox messages: delivered long ago (gone), delivered lately (kept), never finished (kept), given up long ago (gone). */
export async function seedOutbox(storage: Storage, expect: Expectation): Promise<void> {
  const deliveredOld = anOutboxMessage();
  const deliveredLately = anOutboxMessage({ enqueuedAt: '2029-04-01T08:00:00.000Z', deliveredAt: '2029-05-20T08:00:00.000Z' });
  const pendingOld = anOutboxMessage({ status: 'pending', deliveredAt: undefined });
  const undeliverable = anOutboxMessage({ status: 'undeliverable', reason: 'NotInstalled', deliveredAt: undefined, enqueuedAt: '2029-01-01T08:00:00.000Z' });
  for (const message of [deliveredOld, deliveredLately, pendingOld, undeliverable]) {
    const { deliveredAt, ...rest } = message;
    await storage.outbox.add(deliveredAt === undefined ? rest : message);
  }
  expect.gone.outbox.push(deliveredOld.id, undeliverable.id);
  expect.kept.outbox.push(deliveredLately.id, pendingOld.id);
}

/** The retention job's services on a test storage, at a clock the test moves. */
export function servicesOn(storage: Storage, at: { now: Date }) {
  const { ping: _ping, dropAll: _dropAll, outbox, ...repositories } = storage;
  return { ...repositories, outboxRecords: outbox, config: testConfig(), logger: createLogger('silent'), clock: { now: () => at.now } };
}
