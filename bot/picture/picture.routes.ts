import { pictureChartSpecs } from '../../cards/picture-charts';
import { downloadResponse, type HttpRequest, type HttpResponse, type HttpRoute } from '../core/http-route';
import type { BotServices } from '../core/services';
import { langOf } from '../escalations/escalation-view';
import { linkKeyring } from '../signed-links';
import { chartPng, chartSvg } from './chart-render';
import { pictureDocument } from './picture-document';
import { PICTURE_CHART_PATH, PICTURE_DOCX_PATH, verifyPictureLink } from './picture-link';
import { pictureForForum } from './picture-view';
import { chartLabels, pictureTexts } from './picture.texts';

const refused: HttpResponse = { status: 403, json: { error: 'ACCESS.DENIED' } };

/**
 * `GET /picture/chart.png?f=…&from=…&to=…&exp=…&k=…&sig=…`: the report card's chart, cases raised by
 * category in the period against the one before, drawn as the forum's members may see it. The card
 * links it instead of inlining it, so the card stays small; Teams fetches it without an identity,
 * so the signed link is the capability.
 */
export const pictureRoutes = (services: BotServices): HttpRoute[] => [
  {
    method: 'GET',
    path: PICTURE_CHART_PATH,
    access: { kind: 'capability', why: 'a link signed for one forum and period, posted only in that forum\'s channel; the chart holds aggregates under the seal and the small-number rule' },
    async handle({ req }: { req: HttpRequest }) {
      const link = verifyPictureLink(linkKeyring(services.config.linkKeys), PICTURE_CHART_PATH, req.query, services.clock.now());
      if (link === undefined) return refused;
      const forum = await services.fora.findById(link.forumId);
      if (forum === undefined) return refused;
      const lang = langOf(services);
      const picture = await pictureForForum(services, forum.id, link.period);
      const spec = pictureChartSpecs(picture, chartLabels(lang, forum.areas ?? []), pictureTexts[lang].chart).byCategory;
      const { png } = chartPng(await chartSvg(spec));
      return { status: 200, headers: { 'Content-Type': 'image/png', 'Cache-Control': 'private, max-age=3600' }, body: png };
    },
  },

  {
    method: 'GET',
    path: PICTURE_DOCX_PATH,
    access: { kind: 'capability', why: 'a link signed for one forum and period, offered only on the report card in that forum\'s channel; aggregates under the seal and the small-number rule' },
    async handle({ req }: { req: HttpRequest }) {
      const link = verifyPictureLink(linkKeyring(services.config.linkKeys), PICTURE_DOCX_PATH, req.query, services.clock.now());
      if (link === undefined) return refused;
      const forum = await services.fora.findById(link.forumId);
      if (forum === undefined) return refused;
      const lang = langOf(services);
      const [picture, fora, report] = await Promise.all([pictureForForum(services, forum.id, link.period), services.fora.list(), services.pictureReports.find(forum.id, link.period)]);
      // Only published commentary goes into the document: a draft stays the analyst's.
      const commentary = report?.status === 'published' ? report.commentary : {};
      const body = await pictureDocument({ picture, lang, areas: forum.areas ?? [], foraNames: new Map(fora.map((f) => [f.id, f.name])), commentary });
      return downloadResponse('application/vnd.openxmlformats-officedocument.wordprocessingml.document', `${pictureTexts[lang].wordFileName}-${link.period.from}-${link.period.to}.docx`, body);
    },
  },
];
