import { localDateOf } from '../../domain/actions/local-date';
import { DomainError } from '../../domain/shared/domain-error';
import { downloadResponse, type HttpRequest, type HttpRoute } from '../core/http-route';
import type { BotServices } from '../core/services';
import { langOf } from '../escalations/escalation-view';
import { linkKeyring } from '../signed-links';
import { planDocx } from './plan-docx';
import { PLAN_DOCX_PATH, verifyPlanLink } from './plan-link';
import { planDocument } from './plan-view';
import { planTexts } from './plan.texts';

function linkHolder(req: HttpRequest, services: BotServices): Promise<{ userId: string }> {
  const link = verifyPlanLink(linkKeyring(services.config.linkKeys), req.query, services.clock.now());
  return link === undefined ? Promise.reject(new DomainError('PLAN.LINK_INVALID')) : Promise.resolve({ userId: link.userId });
}

/**
 * `GET /plan/handlingsplan.docx?m=…&u=…&exp=…&sig=…`: the plan as Word, from a signed link made for
 * one person. What they see is decided now, as on the card: the draft only for its writers, sealed
 * initiatives only for their forum's members.
 */
export const planRoutes = (services: BotServices): HttpRoute[] => [
  {
    method: 'GET',
    path: PLAN_DOCX_PATH,
    access: { kind: 'person', proof: 'signed-link', identify: linkHolder, access: { kind: 'anyone', why: 'the person the link was signed for; the document is filtered for them' } },
    refuse: (code) => ({ status: 403, json: { error: code } }),
    async handle({ req, person }) {
      const link = verifyPlanLink(linkKeyring(services.config.linkKeys), req.query, services.clock.now());
      if (person === undefined || link === undefined) return { status: 403, json: { error: 'ACCESS.DENIED' } };
      const lang = langOf(services);
      const doc = await planDocument(services, { userId: person.userId }, link.mode);
      const body = await planDocx(doc, lang, services.config.timeZone);
      services.logger.info({ userId: person.userId, mode: doc.mode, initiatives: doc.initiatives.length }, 'plan exported');
      return downloadResponse('application/vnd.openxmlformats-officedocument.wordprocessingml.document', `${planTexts[lang].word.fileName}-${localDateOf(services.clock.now(), services.config.timeZone)}.docx`, body);
    },
  },
];
