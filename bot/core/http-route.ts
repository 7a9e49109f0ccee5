import { DomainError } from '../../domain/shared/domain-error';
import { checkAccess, type Access, type Granted } from './access';
import type { BotServices } from './services';

/** An HTTP request as routes see it (the server adapts restify's). */
export interface HttpRequest {
  method: string;
  path: string;
  params: Readonly<Record<string, string | undefined>>;
  query: Readonly<Record<string, string>>;
  /** Lower-case names. */
  headers: Readonly<Record<string, string | undefined>>;
  body: unknown;
}

/** What a route answers: JSON, or bytes/text with their headers. */
export type HttpResponse = { status: number; headers?: Record<string, string>; json: unknown } | { status: number; headers?: Record<string, string>; body: string | Buffer };

/**
 * A file to download (CSV, Word, Markdown, calendar): never sniffed into another type, never kept
 * in a cache, always saved under its name rather than shown in the browser.
 */
export function downloadResponse(contentType: string, fileName: string, body: string | Buffer): HttpResponse {
  const safeName = fileName.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 150);
  return {
    status: 200,
    headers: {
      'content-type': contentType,
      'content-disposition': `attachment; filename="${safeName}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
    body,
  };
}

/**
 * Who may call a route:
 * - `public`: anyone, for what is no forum's content (health, the tab's static pages);
 * - `capability`: whoever holds an unguessable token that was only ever shown to people allowed to
 *   see what it opens (calendar files); the handler compares the token;
 * - `person`: a person proven by the route's `identify` (a signed link, a Teams SSO token), who must
 *   then pass `access`, the same declarations card verbs use.
 */
export type RouteAccess =
  | { kind: 'public'; why: string }
  | { kind: 'capability'; why: string }
  | { kind: 'person'; proof: 'signed-link' | 'teams-sso'; identify(req: HttpRequest, services: BotServices): Promise<{ userId: string; tenantId?: string }>; access: Access<HttpRequest> };

export interface RouteInput {
  req: HttpRequest;
  services: BotServices;
  /** The proven person, for `person` routes. */
  person?: { userId: string; tenantId?: string };
  granted: Granted;
}

export interface HttpRoute {
  method: 'GET' | 'POST';
  /** restify's path pattern (`:name` parameters, `*` for the rest). */
  path: string;
  access: RouteAccess;
  handle(input: RouteInput): Promise<HttpResponse>;
  /** How a refusal (a DomainError's code) is answered; default: 403 with the code. */
  refuse?(code: string, req: HttpRequest, services: BotServices): HttpResponse;
}

/** Runs a route: proof, declared access, handler. Refusals through the route's `refuse`; anything else throws. */
export async function runRoute(route: HttpRoute, req: HttpRequest, services: BotServices): Promise<HttpResponse> {
  try {
    if (route.access.kind !== 'person') return await route.handle({ req, services, granted: {} });
    const person = await route.access.identify(req, services);
    const granted = await checkAccess(route.access.access, services, person.userId, req);
    return await route.handle({ req, services, person, granted });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return route.refuse?.(error.code, req, services) ?? { status: 403, json: { error: { code: error.code } } };
  }
}
