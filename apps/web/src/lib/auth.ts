import { useQuery } from '@tanstack/react-query';
import type { inferOutput } from '@trpc/tanstack-react-query';
import type { MessageKey } from '../i18n';
import { useTRPC } from './trpc';

export type Me = NonNullable<inferOutput<ReturnType<typeof useTRPC>['auth']['me']>>;
export type Role = Me['role'];

/** The signed-in user; `data` is null when signed out. */
export function useMe() {
  const trpc = useTRPC();
  return useQuery(trpc.auth.me.queryOptions(undefined, { staleTime: 60_000 }));
}

export interface NavItem {
  key: MessageKey;
  /** Under the current district (`/d/:code…`) or at the top. */
  district: boolean;
  path: string;
}

/** What each role may open: the server enforces it, the navigation only avoids dead ends. */
export function navFor(role: Role): NavItem[] {
  const home: NavItem = { key: 'nav.home', district: false, path: '/' };
  const overview: NavItem = { key: 'nav.overview', district: true, path: '' };
  const entry: NavItem = { key: 'nav.entry', district: true, path: '/entry' };
  const evaluation: NavItem = { key: 'nav.evaluation', district: true, path: '/evaluation' };
  const districts: NavItem = { key: 'nav.districts', district: false, path: '/districts' };
  const admin: NavItem = { key: 'nav.admin', district: false, path: '/admin/users' };
  const plans: NavItem = { key: 'nav.plans', district: false, path: '/admin/plans' };
  switch (role) {
    case 'official':
      return [home, overview, entry, districts];
    case 'reviewer':
      return [home, overview, entry, evaluation, districts];
    case 'leader':
      return [home, overview, districts];
    case 'admin':
      return [home, overview, districts, admin, plans];
  }
}

export function roleLabel(role: Role): MessageKey {
  return `role.${role}`;
}
