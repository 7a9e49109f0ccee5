/**
 * A bot that only shows cards: for the browser test that clicks every button of every card
 * sample in the Agents Playground. Speaks the Bot Framework protocol over plain HTTP (the
 * Playground needs no token): a message "<n>" gets card n back through the Playground's
 * connector; a card action is recorded and answered with the same card, so the next click finds
 * it as it was.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Activity {
  type?: string;
  name?: string;
  text?: string;
  serviceUrl?: string;
  conversation?: { id: string };
  from?: object;
  recipient?: object;
  value?: { action?: { verb?: string; data?: unknown } };
}

export interface ReceivedAction {
  verb: string;
  data: unknown;
}

export interface SampleBot {
  endpoint: string;
  /** Every Action.Execute the Playground delivered, in order. */
  actions: ReceivedAction[];
  close(): Promise<void>;
}

const CARD_TYPE = 'application/vnd.microsoft.card.adaptive';

async function readJson(request: IncomingMessage): Promise<Activity> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Activity;
}

export async function startSampleBot(cards: readonly object[]): Promise<SampleBot> {
  const actions: ReceivedAction[] = [];
  const server: Server = createServer((request, response) => {
    void (async () => {
      const activity = await readJson(request);
      const answer = (status: number, body?: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(body === undefined ? '' : JSON.stringify(body));
      };
      if (activity.type === 'invoke' && activity.name === 'adaptiveCard/action') {
        const verb = String(activity.value?.action?.verb ?? '');
        actions.push({ verb, data: activity.value?.action?.data });
        // Cards are clicked one at a time: the card under test is the last one shown.
        answer(200, { statusCode: 200, type: CARD_TYPE, value: lastShown ?? {} });
        return;
      }
      if (activity.type === 'message' && activity.serviceUrl !== undefined && activity.conversation !== undefined) {
        const card = cards[Number((activity.text ?? '').replace(/<[^>]*>/g, '').trim())];
        if (card !== undefined) {
          lastShown = card;
          const url = `${activity.serviceUrl.replace(/\/$/, '')}/v3/conversations/${encodeURIComponent(activity.conversation.id)}/activities`;
          const reply = { type: 'message', from: activity.recipient, recipient: activity.from, conversation: activity.conversation, attachments: [{ contentType: CARD_TYPE, content: card }] };
          const sent = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(reply) });
          if (!sent.ok) throw new Error(`the Playground refused the card: ${sent.status} ${await sent.text()}`);
        }
      }
      answer(200);
    })().catch((error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    });
  });
  let lastShown: object | undefined;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/api/messages`,
    actions,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
