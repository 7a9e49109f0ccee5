import type { ActionItem } from '../../../domain/actions/action-item';
import type { Agenda } from '../../../domain/agendas/agenda';
import type { Escalation } from '../../../domain/escalations/escalation';
import type { Forum, Member, Role } from '../../../domain/fora/forum';

/** Object mothers: valid domain objects with the fields a test cares about overridden. */

export const aMember = (userId: string, ...roles: Role[]): Member => ({ userId, displayName: `Person ${userId}`, roles });

export const aForum = (overrides: Partial<Forum> = {}): Forum => ({
  id: 'ssp-netvaerk',
  name: 'SSP-netværk',
  level: 'executing',
  sensitive: false,
  ...overrides,
});

export const anActionItem = (overrides: Partial<ActionItem> = {}): ActionItem => ({
  id: 'a1',
  forumId: 'koordinationsgruppen',
  title: 'Kortlæg uro ved stationen',
  owner: { kind: 'member', userId: 'owner', displayName: 'Ejer' },
  dueDate: '2026-03-10',
  status: 'open',
  createdBy: 'chair',
  createdAt: '2026-02-01T08:00:00.000Z',
  updatedAt: '2026-02-01T08:00:00.000Z',
  ...overrides,
});

export const anAgenda = (overrides: Partial<Agenda> = {}): Agenda => ({
  id: 'ag1',
  forumId: 'kredsraad',
  meetingStart: '2026-03-12T09:00:00.000Z',
  state: 'published',
  revision: 3,
  items: [{ id: 'i1', title: 'Lukketider for udskænkningssteder', description: '', inputWanted: true }],
  circulation: { deadline: '2026-03-10T12:00:00.000Z', consultantIds: ['consultant'], sentAt: '2026-03-01T08:00:00.000Z' },
  ...overrides,
});

export const RAISER = { userId: 'raiser', displayName: 'SSP-konsulent' };

/** A case raised in SSP-netværk and taken up to Koordinationsgruppen. */
export const anEscalation = (overrides: Partial<Escalation> = {}): Escalation => ({
  id: 'e1',
  title: 'Flere unge samles ved Ishøj Station om aftenen',
  description: 'Tendens set de sidste tre uger.',
  category: 'tryghed',
  urgency: 'normal',
  originForumId: 'ssp-netvaerk',
  currentForumId: 'koordinationsgruppen',
  path: ['ssp-netvaerk', 'koordinationsgruppen'],
  state: 'raised',
  raisedBy: RAISER,
  raisedAt: '2026-02-01T08:00:00.000Z',
  updatedAt: '2026-02-02T08:00:00.000Z',
  stepCount: 2,
  ...overrides,
});
