import type { Activity, Middleware, TurnContext } from 'botbuilder';
import type { Logger } from '../logger';

/**
 * Only the municipality's own tenant(s) may talk to the bot. Teams puts the sender's tenant in the
 * conversation and in channelData; an activity whose tenant is missing, unknown, or differs between
 * the two never reaches a handler (nothing is read or written for it). A card click from elsewhere
 * gets 403; anything else gets no reply. The log says what was refused, never who sent it.
 */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function tenantsOf(activity: Partial<Activity>): string[] {
  const fromConversation = activity.conversation?.tenantId;
  const fromChannelData = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  return [fromConversation, fromChannelData].filter((id): id is string => typeof id === 'string' && id !== '').map((id) => id.toLowerCase());
}

export function isAllowedTenant(activity: Partial<Activity>, allowed: ReadonlySet<string>): boolean {
  const tenants = tenantsOf(activity);
  return tenants.length > 0 && tenants.every((id) => allowed.has(id));
}

export function createTenantFilter(allowed: readonly string[], logger: Logger): Middleware {
  const set = new Set(allowed.map((id) => id.toLowerCase()));
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      if (isAllowedTenant(context.activity, set)) return next();
      // The tenant id is an organisation's, not a person's; it is logged only when it has a tenant id's shape.
      const tenant = tenantsOf(context.activity).find((id) => GUID.test(id) && !set.has(id));
      logger.warn({ activityType: typeof context.activity.type === 'string' ? context.activity.type.slice(0, 40) : undefined, ...(tenant === undefined ? {} : { tenant }) }, 'activity from a tenant that is not ours refused');
      if (context.activity.type === 'invoke') await context.sendActivity({ type: 'invokeResponse', value: { status: 403, body: {} } });
    },
  };
}
