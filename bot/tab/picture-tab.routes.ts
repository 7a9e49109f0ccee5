import { z } from 'zod';
import { monthsOf } from '../../domain/picture/months';
import { EntityId } from '../../domain/shared/ids';
import type { HttpRequest, HttpResponse, HttpRoute, RouteAccess } from '../core/http-route';
import type { Access } from '../core/access';
import type { BotServices } from '../core/services';
import { DomainError } from '../../domain/shared/domain-error';
import type { Lang } from '../i18n';
import { tabPictureFor, type PictureQuery } from './picture-tab';

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
/** The longest period the page draws: two years (four half-years). */
const MAX_MONTHS = 24;

/** `?from=2026-01&to=2026-06&forum=…&category=…&area=…`: whole months, both or neither; the rest optional. */
export const PictureTabQuery = z
  .object({
    from: Month.optional(),
    to: Month.optional(),
    forum: EntityId.optional(),
    category: z.string().trim().min(1).max(100).optional(),
    area: z.string().trim().min(1).max(100).optional(),
  })
  .loose()
  .refine((q) => (q.from === undefined) === (q.to === undefined), 'from and to together')
  .refine((q) => q.from === undefined || q.to === undefined || (q.from <= q.to && monthsOf({ from: q.from, to: q.to }).length <= MAX_MONTHS), 'a period of 1 to 24 months');

function queryOf(req: HttpRequest): PictureQuery {
  // An empty select ("Alle") sends an empty value: it means no filter.
  const given = Object.fromEntries(Object.entries(req.query).filter(([, v]) => v !== ''));
  const parsed = PictureTabQuery.safeParse(given);
  if (!parsed.success) throw new DomainError('TAB.BAD_REQUEST');
  const q = parsed.data;
  return {
    ...(q.from === undefined || q.to === undefined ? {} : { period: { from: q.from, to: q.to } }),
    ...(q.forum === undefined ? {} : { forumId: q.forum }),
    ...(q.category === undefined ? {} : { category: q.category }),
    ...(q.area === undefined ? {} : { area: q.area }),
  };
}

const PICTURE_ACCESS: Access<HttpRequest> = { kind: 'picture', why: 'aggregates for the Lokalråd, the coordinating fora and the chairs; the seal and the small-number rule apply per person' };

/**
 * `GET /api/tab/picture`: the half-yearly picture for the tab page, its charts as SVG and the tables
 * behind them, for the period and filters asked. Refused with a message saying who may see it.
 */
export function pictureTabRoute(
  services: BotServices,
  person: (access: Access<HttpRequest>) => RouteAccess,
  refuse: (code: string, req: HttpRequest) => HttpResponse,
  langOf: (req: HttpRequest) => Lang,
): HttpRoute {
  return {
    method: 'GET',
    path: '/api/tab/picture',
    access: person(PICTURE_ACCESS),
    refuse,
    async handle({ req, person: who }) {
      if (who === undefined) throw new DomainError('TAB.NOT_SIGNED_IN');
      const picture = await tabPictureFor(services, who.userId, queryOf(req), langOf(req));
      return { status: 200, headers: { 'cache-control': 'no-store' }, json: { picture } };
    },
  };
}
