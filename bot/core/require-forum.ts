import { ACCESS_DENIED } from '../../domain/access/access';
import type { Forum } from '../../domain/fora/forum';
import { DomainError } from '../../domain/shared/domain-error';
import type { BotServices } from './services';

/**
 * The forum with this id. An unknown id gets the same refusal as a forum the person may not see,
 * so an id never tells whether it exists.
 */
export async function requireForum(services: Pick<BotServices, 'fora'>, forumId: string): Promise<Forum> {
  const forum = await services.fora.findById(forumId);
  if (forum === undefined) throw new DomainError(ACCESS_DENIED);
  return forum;
}
