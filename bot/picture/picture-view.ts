import { pictureFiguresCard } from '../../cards/picture-figures.card';
import type { AdaptiveCard } from '../../cards/card-kit';
import { dayOf, lastHalfYear, monthsOf, previousOf, type Period } from '../../domain/picture/months';
import { buildPicture, type Picture } from '../../domain/picture/picture';
import type { Lang } from '../i18n';
import type { BotServices } from '../core/services';
import { pictureTexts } from './picture.texts';

/**
 * The last finished half-year against the one before, as one person may see it: sensitive fora they
 * are not in count in the totals only. Reads the summary cells of both half-years (one request per
 * month), the fora and the person's memberships, side by side.
 */
export async function pictureFor(services: BotServices, userId: string): Promise<Picture> {
  const now = services.clock.now();
  const period = lastHalfYear(now);
  const months = [...monthsOf(period.previous), ...monthsOf(period.current)];
  const [cells, fora, memberships] = await Promise.all([
    services.picture.listMonths(months, { layer: 'summary' }),
    services.fora.list(),
    services.members.listMembershipsOfUser(userId),
  ]);
  return buildPicture(cells, fora, { forumIds: memberships.map((m) => m.forumId) }, period, dayOf(now));
}

/**
 * A period against the one before as the members of one forum see it (the Lokalråd's channel, where
 * the report is posted): only sensitive fora it is itself part of would be shown apart.
 */
export async function pictureForForum(services: BotServices, forumId: string, current: Period): Promise<Picture> {
  const period = { current, previous: previousOf(current) };
  const months = [...monthsOf(period.previous), ...monthsOf(period.current)];
  const [cells, fora] = await Promise.all([services.picture.listMonths(months, { layer: 'summary' }), services.fora.list()]);
  return buildPicture(cells, fora, { forumIds: [forumId] }, period, dayOf(services.clock.now()));
}

/** The key-figures card in the person's language. */
export function pictureFiguresCardFor(picture: Picture, lang: Lang): AdaptiveCard {
  const t = pictureTexts[lang];
  return pictureFiguresCard(picture, { ...t.figures, monthName: t.labels.monthName });
}
