/**
 * Sits between the Agents Playground and the bot's /api/messages. The Playground always says
 * `locale: "en-US"` (it is hard-coded in its activity generators), whereas Forumbot's users run
 * Teams in Danish; so the proxy sets the locale a Danish Teams client sends and passes everything
 * else through unchanged, both ways. It also notes each activity and the bot's status code, so that
 * tests can wait until the bot has handled, say, the install events of a page load.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';

/** What the proxy reads of an activity; everything else passes as it came. */
const ActivityHead = z.looseObject({
  type: z.string(),
  name: z.string().optional(),
  locale: z.string().optional(),
  conversation: z.looseObject({ id: z.string() }).optional(),
  entities: z.array(z.unknown()).optional(),
});

const ClientInfo = z.looseObject({ type: z.literal('clientInfo') });

export interface ForwardedActivity {
  type: string;
  name?: string;
  conversationId?: string;
  /** The bot's HTTP status; 502 when the bot could not be reached. */
  status: number;
}

export interface LocaleProxyOptions {
  /** The bot's endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  target: string;
  /** The locale to put on every activity (e.g. da-DK); absent: pass the Playground's through. */
  locale?: string;
  /** Default: any free port. */
  port?: number;
}

export interface LocaleProxy {
  /** Give this to the Playground as its app endpoint. */
  endpoint: string;
  /** Activities handled so far, in the order the bot answered them. */
  readonly forwarded: readonly ForwardedActivity[];
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

function withLocale(body: string, locale: string | undefined): { body: string; head?: z.infer<typeof ActivityHead> } {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { body };
  }
  const head = ActivityHead.safeParse(json);
  if (!head.success) return { body };
  if (locale === undefined) return { body, head: head.data };
  const activity = { ...head.data, locale };
  if (activity.entities !== undefined) {
    activity.entities = activity.entities.map((entity) => (ClientInfo.safeParse(entity).success ? { ...(entity as object), locale } : entity));
  }
  return { body: JSON.stringify(activity), head: head.data };
}

async function readBody(req: http.IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startLocaleProxy(options: LocaleProxyOptions): Promise<LocaleProxy> {
  const target = new URL(options.target);
  const forwarded: ForwardedActivity[] = [];

  const server = http.createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      if (raw === undefined) {
        res.statusCode = 413;
        res.end();
        return;
      }
      // The Playground probes the endpoint with a GET before it connects; pass that on as is.
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
      const { body, head } = hasBody ? withLocale(raw, options.locale) : { body: raw, head: undefined };
      const headers: Record<string, string> = {};
      for (const name of ['content-type', 'authorization']) {
        const value = req.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      let status = 502;
      let answer: Buffer = Buffer.alloc(0);
      let type: string | null = null;
      try {
        const response = await fetch(new URL(req.url ?? '/', target), { method: req.method ?? 'POST', headers, ...(hasBody ? { body } : {}) });
        answer = Buffer.from(await response.arrayBuffer());
        status = response.status;
        type = response.headers.get('content-type');
      } catch {
        status = 502;
      }
      // No chaining on writeHead: restify (loaded by the bot in the same process) patches Node's
      // ServerResponse, and its writeHead does not return the response.
      res.statusCode = status;
      if (type !== null) res.setHeader('content-type', type);
      res.end(answer);
      if (head !== undefined) {
        forwarded.push({
          type: head.type,
          ...(head.name === undefined ? {} : { name: head.name }),
          ...(head.conversation === undefined ? {} : { conversationId: head.conversation.id }),
          status,
        });
      }
    })();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}${target.pathname}`,
    forwarded,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
