import { registryTexts } from '../../../../bot/registry/registry.texts';
import type { CardLang } from '../../../../cards/card-kit';
import { formatDateTime } from '../../../../cards/dates';
import { forumChoiceCard } from '../../../../cards/forum-choice.card';
import { forumListCard } from '../../../../cards/forum-list.card';
import { forumCard } from '../../../../cards/forum.card';
import { memberFormCard } from '../../../../cards/member-form.card';
import { memberRemoveCard, memberRolesCard } from '../../../../cards/member-roles.card';
import { sample, type CardSample } from '../sample';

const t = (lang: CardLang) => registryTexts[lang];
const next = (lang: CardLang) => formatDateTime('2026-12-03T08:30:00Z', lang, 'Europe/Copenhagen');

/** Koordinationsgruppen as in the 2023 map: nine members in several roles. */
const members = [
  { userId: 'u-leader', displayName: 'Leder, Tryghed og Kriminalitetsforebyggelse', roles: ['chair'] },
  { userId: 'u-proactive', displayName: 'Proaktiv konsulent', roles: ['secretary', 'consultant'] },
  { userId: 'u-reactive', displayName: 'Reaktiv konsulent', roles: ['consultant'] },
  { userId: 'u-family', displayName: 'Familierådgiver (CBF)', roles: ['member'] },
  { userId: 'u-outreach-lead', displayName: 'Leder af det opsøgende arbejde (Ungdomsskolen)', roles: ['member'] },
  { userId: 'u-outreach', displayName: 'Koordinator for det opsøgende arbejde', roles: ['member'] },
  { userId: 'u-school', displayName: 'Skoleleder', roles: ['member'] },
  { userId: 'u-cbe', displayName: 'Afdelingsleder (CBE)', roles: ['manager'] },
  { userId: 'u-cbn', displayName: 'Centerchef (CBN)', roles: ['manager'] },
] as const;

const forum = (lang: CardLang) => ({
  id: 'koordinationsgruppen',
  name: 'Koordinationsgruppen',
  level: 'coordinating',
  sensitive: false,
  channelName: 'Koordinationsgruppen',
  linked: true,
  nextMeeting: next(lang),
  escalatesTo: { id: 'styregruppe', name: 'Styregruppe' },
  escalatedFrom: [
    { id: 'ssp-netvaerk', name: 'SSP-netværk' },
    { id: 'ssp-nu-u18', name: 'SSP-NU u18' },
  ],
  members,
  canManage: false,
}) as const;

const memberView = { forumId: 'koordinationsgruppen', forumName: 'Koordinationsgruppen', userId: 'u-reactive', displayName: 'Reaktiv konsulent', email: 'reaktiv@ishoj.dk', roles: ['consultant', 'member'] } as const;

/** Registry: the fora, one forum with its members, and the member forms. */
export const registrySamples: readonly CardSample[] = [
  sample(forumListCard, (lang) => ({
    'no fora': forumListCard(t(lang).list, { fora: [] }),
    'all fora, sensitive hidden': forumListCard(t(lang).list, {
      fora: [
        { id: 'kredsraad', name: 'Kredsråd', level: 'strategic', sensitive: false, chairs: ['Politidirektør'], myRoles: [], nextMeeting: next(lang) },
        { id: 'koordinationsgruppen', name: 'Koordinationsgruppen', level: 'coordinating', sensitive: false, chairs: ['Leder, Tryghed og Kriminalitetsforebyggelse'], myRoles: ['secretary', 'consultant'] },
        { id: 'ssp-netvaerk', name: 'SSP-netværk', level: 'executing', sensitive: false, chairs: [], myRoles: ['member'], nextMeeting: next(lang) },
      ],
      hiddenNote: lang === 'da' ? 'Fora kun for medlemmer vises kun i din personlige chat.' : 'Members-only fora are shown only in your personal chat.',
    }),
  })),
  sample(forumCard, (lang) => ({
    'member view': forumCard(t(lang).forum, forum(lang)),
    'chair view with notice': forumCard(t(lang).forum, { ...forum(lang), canManage: true, notice: t(lang).notices.added('Skoleleder') }),
    'sensitive, not a member, in a channel': forumCard(t(lang).forum, {
      ...forum(lang),
      id: 'infohus',
      name: 'Infohus',
      sensitive: true,
      members: undefined,
      escalatedFrom: [],
      escalatesTo: undefined,
      nextMeeting: undefined,
      refreshFor: Array.from({ length: 60 }, (_, i) => `29:user-${i}`),
    }),
    'not linked, no members': forumCard(t(lang).forum, { ...forum(lang), linked: false, channelName: undefined, members: [], escalatedFrom: [] }),
  })),
  sample(forumChoiceCard, (lang) => ({
    'nothing matched': forumChoiceCard(t(lang).choice, {
      typed: 'ssp',
      matched: false,
      fora: [
        { id: 'ssp-nu-u18', name: 'SSP-NU u18', level: 'coordinating' },
        { id: 'ssp-nu-o18', name: 'SSP-NU o18', level: 'coordinating' },
        { id: 'ssp-netvaerk', name: 'SSP-netværk', level: 'executing' },
      ],
    }),
  })),
  sample(memberFormCard, (lang) => ({
    'empty form': memberFormCard(t(lang).memberForm, { forumId: 'koordinationsgruppen', forumName: 'Koordinationsgruppen', known: members.slice(0, 4) }),
    'back with an error': memberFormCard(t(lang).memberForm, {
      forumId: 'koordinationsgruppen',
      forumName: 'Koordinationsgruppen',
      known: [],
      values: { name: 'Ny SSP-lærer', email: 'ikke-en-adresse' },
      error: t(lang).form.emailInvalid,
    }),
  })),
  sample(memberRolesCard, (lang) => ({ 'change roles': memberRolesCard(t(lang).memberRoles, memberView) })),
  sample(memberRemoveCard, (lang) => ({ 'confirm removal': memberRemoveCard(t(lang).memberRoles, memberView) })),
];
