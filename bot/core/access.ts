import { ACCESS_DENIED, checkForumAccess, type ForumRequirement } from '../../domain/access/access';
import { canSeeCase } from '../../domain/escalations/escalation-visibility';
import type { Agenda } from '../../domain/agendas/agenda';
import type { ActionItem } from '../../domain/actions/action-item';
import type { Forum, Member } from '../../domain/fora/forum';
import { findPictureDesk, isAnalyst } from '../../domain/picture/analyst';
import { mayReadAudit } from '../../domain/privacy/audit-view';
import { mayViewPicture, PICTURE_NOT_ALLOWED } from '../../domain/picture/picture-access';
import { DomainError } from '../../domain/shared/domain-error';
import { isAdmin } from '../config';
import type { BotServices } from './services';

/**
 * Who may use an entry point (a card verb, a command, an HTTP route), declared beside it and
 * checked by the dispatcher before the handler runs. `D` is what the entry point received, already
 * checked against its schema. Every kind names where the forum comes from, so the check never
 * depends on a handler remembering it.
 */
export type Access<D> =
  /** Help, and lists that only ever hold the person's own things (their fora, items, cases). */
  | { kind: 'anyone'; why: string }
  /** A forum named by the input; `optional` when the entry point may name none (then it shows only the person's own things). */
  | { kind: 'forum'; requirement: ForumRequirement; forumId: ForumOf<D>; optional?: true }
  /** A case: anyone the case is visible to (its path's members, who raised it); the domain refines each act. */
  | { kind: 'case'; escalationId: (data: D) => string }
  /** One action item: the forum's members (the owner is one); the domain refines who may change it. */
  | { kind: 'item'; forumId: (data: D) => string; itemId: (data: D) => string }
  /** A circulated agenda: the consultants on its list and the forum's members (the domain refines what each may do). */
  | { kind: 'circulation'; forumId: (data: D) => string; agendaId: (data: D) => string }
  /** The privacy administrators named in configuration (BOT_ADMINS): a person's data, every forum's audit. */
  | { kind: 'admin'; why: string }
  /** A forum's audit: its chair, and the privacy administrators (a sensitive forum's only as its members). */
  | { kind: 'audit'; forumId: (data: D) => string }
  /** The half-yearly picture in full: members of the Lokalråd and the coordinating fora, and every forum's chair. */
  | { kind: 'picture'; why: string }
  /**
   * The municipality's analyst (the half-yearly picture's commentary): those the fora file names,
   * else the chair of the coordinating forum below the Lokalråd. Others learn which role it takes.
   */
  | { kind: 'analyst'; why: string };

export type AccessKind = Access<unknown>['kind'];

/**
 * Where the forum comes from: its id, or the forum itself when finding it meant reading it already
 * (a linked channel's forum), so the check does not read it a second time.
 */
type ForumOf<D> = (data: D, services: BotServices) => ForumMeant | Promise<ForumMeant | SpeculativeForum> | SpeculativeForum;
type ForumMeant = string | Forum | undefined;

/**
 * A forum's id known before the forum itself (from what this process keeps, or from the person's
 * memberships), and the forum from storage (`confirmed`): the membership is read beside the
 * confirmation; the verdict is the confirmed forum's.
 */
export interface SpeculativeForum {
  guessId: string;
  confirmed: Promise<Forum | undefined>;
}

const isSpeculative = (meant: unknown): meant is SpeculativeForum => typeof meant === 'object' && meant !== null && 'guessId' in meant && 'confirmed' in meant;

/** What the check established: the forum the input names and the person's membership of it, where there is one. */
export interface Granted {
  forum?: Forum;
  member?: Member;
  /** For `circulation`: the agenda, read once for the check and the handler alike. */
  agenda?: Agenda;
  /** For `item`: the item (absent: no such item in the forum), read beside the check. */
  item?: ActionItem;
}

const deny = (): never => {
  throw new DomainError(ACCESS_DENIED);
};
/** A refusal that says what it takes: for entry points whose existence is no secret. */
const refuse = (code: string): never => {
  throw new DomainError(code);
};

/**
 * Checks a declaration for a person. Refusals: the one `ACCESS.DENIED` for outsiders and unknown
 * ids alike; a member lacking a role learns which role it takes.
 */
export async function checkAccess<D>(access: Access<D>, services: BotServices, userId: string, data: D, onForumId?: (forumId: string) => void): Promise<Granted> {
  switch (access.kind) {
    case 'anyone':
      return {};
    case 'admin':
      return isAdmin(services.config, userId) ? {} : deny();
    case 'analyst': {
      const desk = await findPictureDesk(services);
      if (!isAnalyst(desk, userId)) throw new DomainError('PICTURE.NOT_ANALYST');
      return {};
    }
    case 'audit': {
      const forumId = access.forumId(data);
      const [forum, member] = await Promise.all([services.fora.findById(forumId), services.members.find(forumId, userId)]);
      if (forum === undefined || !mayReadAudit(forum, member, isAdmin(services.config, userId))) return deny();
      return member === undefined ? { forum } : { forum, member };
    }
    case 'picture': {
      const [fora, memberships] = await Promise.all([services.fora.list(), services.members.listMembershipsOfUser(userId)]);
      return mayViewPicture(fora, memberships, userId) ? {} : refuse(PICTURE_NOT_ALLOWED);
    }
    case 'forum': {
      const found = access.forumId(data, services);
      const meant = isSpeculative(found) ? found : await found;
      if (isSpeculative(meant)) {
        onForumId?.(meant.guessId);
        const [member, confirmed] = await Promise.all([services.members.find(meant.guessId, userId), meant.confirmed]);
        if (confirmed?.id === meant.guessId) return grantFor(confirmed, member, access.requirement);
        // The list changed meanwhile (relinked, deleted): the confirmed answer decides, read as usual.
        if (confirmed === undefined) return access.optional === true ? {} : deny();
        onForumId?.(confirmed.id);
        return forumGrant(services, confirmed.id, userId, access.requirement, confirmed);
      }
      if (meant === undefined) return access.optional === true ? {} : deny();
      const forumId = typeof meant === 'string' ? meant : meant.id;
      onForumId?.(forumId);
      return forumGrant(services, forumId, userId, access.requirement, typeof meant === 'string' ? undefined : meant);
    }
    case 'item': {
      const forumId = access.forumId(data);
      onForumId?.(forumId);
      // The item is read beside the check (the handler needs it; it reaches the handler only when granted).
      const [granted, item] = await Promise.all([forumGrant(services, forumId, userId, 'member'), services.actionItems.findById(forumId, access.itemId(data))]);
      return item === undefined ? granted : { ...granted, item };
    }
    case 'case': {
      const escalation = await services.escalations.findById(access.escalationId(data));
      if (escalation === undefined) return deny();
      const forumIds = (await services.members.listMembershipsOfUser(userId)).map((m) => m.forumId);
      if (!canSeeCase(escalation, { userId, forumIds }).ok) return deny();
      return {};
    }
    case 'circulation': {
      const forumId = access.forumId(data);
      // A consultant on the list costs one read: the agenda, which the handler then uses.
      const agenda = await services.agendas.findById(forumId, access.agendaId(data));
      if (agenda === undefined) return deny();
      if (agenda.circulation?.consultantIds.includes(userId) === true) return { agenda };
      const [forum, member] = await Promise.all([services.fora.findById(forumId), services.members.find(forumId, userId)]);
      if (forum === undefined || member === undefined) return deny();
      return { forum, member, agenda };
    }
  }
}

async function forumGrant(services: BotServices, forumId: string, userId: string, requirement: ForumRequirement, known?: Forum): Promise<Granted> {
  const [forum, member] = await Promise.all([known ?? services.fora.findById(forumId), services.members.find(forumId, userId)]);
  return grantFor(forum, member, requirement);
}

function grantFor(forum: Forum | undefined, member: Member | undefined, requirement: ForumRequirement): Granted {
  const verdict = checkForumAccess(forum, member, requirement);
  if (!verdict.ok) throw new DomainError(verdict.code, verdict.context ?? {});
  return { ...(forum === undefined ? {} : { forum }), ...(member === undefined ? {} : { member }) };
}

/** The common declarations, for inputs that carry the usual ids. */
export const forumAccess = (requirement: ForumRequirement): Access<{ forumId: string }> => ({ kind: 'forum', requirement, forumId: (d) => d.forumId });
export const itemAccess: Access<{ forumId: string; itemId: string }> = { kind: 'item', forumId: (d) => d.forumId, itemId: (d) => d.itemId };
export const caseAccess: Access<{ escalationId: string }> = { kind: 'case', escalationId: (d) => d.escalationId };
export const circulationAccess: Access<{ forumId: string; agendaId: string }> = { kind: 'circulation', forumId: (d) => d.forumId, agendaId: (d) => d.agendaId };
