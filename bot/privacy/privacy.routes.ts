import { DomainError } from '../../domain/shared/domain-error';
import { UserId } from '../../domain/shared/ids';
import { downloadResponse, type HttpRequest, type HttpRoute } from '../core/http-route';
import type { BotServices } from '../core/services';
import { pickLang } from '../i18n';
import { audit } from '../core/audit';
import { linkKeyring } from '../signed-links';
import { personDataCsv } from './person-data.csv';
import { verifyPersonDataLink, type PersonDataFormat } from './person-data-link';
import { collectPersonData } from './person-data.service';
import { privacyTexts } from './privacy.texts';
import { SYSTEM_AUDIT } from './retention.service';

const personOf = (req: HttpRequest): string | undefined => {
  const parsed = UserId.safeParse(req.params['personId']);
  return parsed.success ? parsed.data : undefined;
};

/** The administrator the link was signed for; whether they still are one is the declared access. */
const linkHolder =
  (format: PersonDataFormat) =>
  (req: HttpRequest, services: BotServices): Promise<{ userId: string }> => {
    const personId = personOf(req);
    const userId = personId === undefined ? undefined : verifyPersonDataLink(linkKeyring(services.config.linkKeys), personId, format, req.query, services.clock.now());
    return userId === undefined ? Promise.reject(new DomainError('PRIVACY.LINK_INVALID')) : Promise.resolve({ userId });
  };

function route(format: PersonDataFormat): HttpRoute {
  return {
    method: 'GET',
    path: `/privacy/people/:personId/data.${format}`,
    access: { kind: 'person', proof: 'signed-link', identify: linkHolder(format), access: { kind: 'admin', why: 'a person\'s data goes to the privacy administrators only' } },
    refuse: (code) => ({ status: 403, json: { error: code } }),
    async handle({ req, services, person }) {
      const personId = personOf(req);
      if (personId === undefined || person === undefined) return { status: 403, json: { error: 'ACCESS.DENIED' } };
      const data = await collectPersonData(services, personId);
      // The handing out is itself recorded (who, whose, which file), never what was in it.
      await audit(services, { forumId: SYSTEM_AUDIT, actorId: person.userId, action: 'privacy.accessRequest.download', subject: `person:${personId} ${format}` });
      const day = data.producedAt.slice(0, 10);
      if (format === 'json') return downloadResponse('application/json; charset=utf-8', `persondata-${personId}-${day}.json`, JSON.stringify(data, null, 2));
      const texts = privacyTexts[pickLang(undefined, services.config.locale)];
      return downloadResponse('text/csv; charset=utf-8', `persondata-${personId}-${day}.csv`, personDataCsv(texts, data));
    },
  };
}

/** `GET /privacy/people/:personId/data.json|csv?u=…&exp=…&k=…&sig=…`: an access request's files. */
export const privacyRoutes = (): HttpRoute[] => [route('json'), route('csv')];
